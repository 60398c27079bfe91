import type postgres from 'postgres';
import type { Db, DbHandle } from './client';

/**
 * Runs `fn` in one transaction: committed when it returns, rolled back when it throws. The handle it gets is a
 * `Db`, so every query function taking `db: Db` accepts it as it is; called with a transaction handle, it runs
 * `fn` in a savepoint of that transaction.
 */
export function withTx<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => fn(tx));
}

/**
 * A transaction on PostgreSQL in which drizzle and the driver share one connection, for what drizzle cannot
 * express (COPY … FROM STDIN): `tx` and `conn` run inside the same transaction. `fn` must not nest transactions.
 */
export async function withConnectionTx<T>(handle: DbHandle, fn: (tx: Db, conn: postgres.Sql) => Promise<T>): Promise<T> {
  if (!handle.connectOne) throw new Error(`withConnectionTx needs PostgreSQL, not ${handle.driver}`);
  const { db, sql } = handle.connectOne();
  try {
    await sql`begin`;
    try {
      const result = await fn(db, sql);
      await sql`commit`;
      return result;
    } catch (err) {
      await sql`rollback`.catch(() => {});
      throw err;
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The rows of `db.execute` (typed by the caller's SQL): postgres.js returns them as the result, PGlite under `rows`. */
export function rowsOf<T>(res: unknown): T[] {
  if (Array.isArray(res)) return res as T[];
  if (typeof res === 'object' && res !== null && 'rows' in res && Array.isArray(res.rows)) return res.rows as T[];
  throw new Error('db.execute returned neither rows nor a result with rows');
}
