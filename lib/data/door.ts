import 'server-only';
import type { Db } from '../db/client';
import { getDb } from '../server-db';

/**
 * Makes the server-only accessor of a `(db, …args)` read or write function: the same function without the
 * database argument, run on the server's one handle. Pages, server actions and route handlers call these.
 */
export function withServerDb<A extends unknown[], R>(fn: (db: Db, ...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => fn((await getDb()).db, ...args);
}

/** The short form of a database error for the server log: no SQL, no parameters. */
export { describeDbError } from '../db/errors';
