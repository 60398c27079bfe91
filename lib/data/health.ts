import 'server-only';
import { sql } from 'drizzle-orm';
import { configuredDriver } from '../server-db';
import { withServerDb } from './door';

/** The configured database driver ('pglite' or 'postgres'). */
export const databaseDriver = configuredDriver;

/** Opens the database and runs one query; throws when the database cannot be reached. */
export const pingDatabase = withServerDb(async (db) => {
  await db.execute(sql`select 1`);
});
