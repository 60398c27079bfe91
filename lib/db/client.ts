import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm/logger';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { readEnv } from '../env';
import { acquireLock } from './pglite-lock';
import * as schema from './schema';

/** One type for both drivers, so every query function runs on PostgreSQL and PGlite alike. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Driver = 'pglite' | 'postgres';

export interface DbHandle {
  db: Db;
  driver: Driver;
  close(): Promise<void>;
  /**
   * PostgreSQL only: a new client of exactly one connection, with a drizzle handle on it, for a transaction in which
   * drizzle and the driver must share the connection (see withConnectionTx). The caller ends it.
   */
  connectOne?: () => { db: Db; sql: postgres.Sql };
}

export interface OpenOptions {
  /** postgres:// URL; when absent, embedded PGlite is used. */
  url?: string;
  /** PGlite data directory, or "memory://" for an in-memory database. */
  pgliteDir?: string;
  migrate?: boolean;
  /** Drizzle query logger (tests count queries with it). */
  logger?: Logger;
}

const migrationsFolder = path.join(process.cwd(), 'drizzle');

export function driverFor(opts: OpenOptions): Driver {
  return opts.url ? 'postgres' : 'pglite';
}

export async function openDb(opts: OpenOptions): Promise<DbHandle> {
  const handle = opts.url ? openPostgres(opts.url, opts.logger) : await openPglite(opts.pgliteDir ?? '.data/pglite', opts.logger);
  if (opts.migrate !== false) {
    try {
      await migrateDb(handle);
    } catch (err) {
      await handle.close().catch(() => {});
      throw err;
    }
  }
  return handle;
}

function openPostgres(url: string, logger?: Logger): DbHandle {
  const connect = (max: number) => {
    // Short connect timeout: a database that is down should give a clear error page quickly.
    const sql = postgres(url, { connect_timeout: 5, max, onnotice: () => {} });
    const db: Db = drizzlePostgres(sql, { schema, logger });
    return { db, sql };
  };
  const { db, sql } = connect(10);
  return { db, driver: 'postgres', close: () => sql.end({ timeout: 5 }), connectOne: () => connect(1) };
}

async function openPglite(dir: string, logger?: Logger): Promise<DbHandle> {
  const inMemory = dir === 'memory://';
  const release = inMemory ? () => {} : acquireLock(dir);
  try {
    const client = inMemory ? new PGlite() : new PGlite(dir);
    await client.waitReady;
    const db: Db = drizzlePglite(client, { schema, logger });
    return {
      db,
      driver: 'pglite',
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

export async function migrateDb(handle: DbHandle): Promise<void> {
  if (handle.driver === 'postgres') {
    await migratePostgres(handle.db as never, { migrationsFolder });
  } else {
    await migratePglite(handle.db as never, { migrationsFolder });
  }
}

/** Opens the database the environment names (DATABASE_URL, else PGLITE_DIR). */
export function openDbFromEnv(extra: Pick<OpenOptions, 'migrate'> = {}): Promise<DbHandle> {
  const env = readEnv();
  return openDb({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, ...extra });
}
