import postgres from 'postgres';
import type { Logger } from 'drizzle-orm/logger';
import { openDb, type DbHandle, type Driver } from '@/lib/db/client';

/** PGlite always; the real PostgreSQL too when DATABASE_URL is set (as in CI). */
export const DRIVERS: Driver[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

let counter = 0;

/** A fresh, migrated, empty database of the given kind; close() drops it again. */
export async function freshDb(driver: Driver, logger?: Logger): Promise<DbHandle> {
  if (driver === 'pglite') return openDb({ pgliteDir: 'memory://', logger });
  const { url, drop } = await createDatabase();
  const handle = await openDb({ url, logger });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await drop();
    },
  };
}

/** A new database on the DATABASE_URL server, named per process so parallel test files never share one. */
export async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = new URL(process.env.DATABASE_URL!);
  const name = `tl_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = postgres(base.toString(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const a = postgres(base.toString(), { max: 1, onnotice: () => {} });
      try {
        await a.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}

/** Per-test timeout for tests that start CLI processes: each start loads tsx and opens a database (up to ~20 s under load). */
export const CLI_TEST_TIMEOUT = 180_000;
