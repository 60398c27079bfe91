import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { createDatabase } from './db';

/**
 * For tests of one migration on a database built by an earlier version: the migration files in order, each split
 * into statements as drizzle splits them, and a bare database (no migrations applied) on PGlite and, when
 * DATABASE_URL is set, on PostgreSQL.
 */
const DIR = path.resolve('drizzle');

/** The migration files (`0000_init.sql`, …) in the order drizzle applies them. */
export const migrationFiles = fs
  .readdirSync(DIR)
  .filter((f) => /^\d{4}_.*\.sql$/.test(f))
  .sort();

/** The index of the migration whose file name starts with `prefix` ("0011_"); a missing file fails the test run. */
export function migrationIndex(prefix: string): number {
  const i = migrationFiles.findIndex((f) => f.startsWith(prefix));
  if (i < 0) throw new Error(`no migration ${prefix}* in ${DIR}`);
  return i;
}

/** A migration file's statements, split at drizzle's breakpoints. */
export function migrationStatements(file: string): string[] {
  return fs
    .readFileSync(path.join(DIR, file), 'utf8')
    .split('--> statement-breakpoint')
    .map((s) => s.trim())
    .filter(Boolean);
}

export interface Runner {
  run: (sql: string) => Promise<void>;
  rows: <T>(sql: string) => Promise<T[]>;
  close: () => Promise<void>;
}

async function pglite(): Promise<Runner> {
  const db = new PGlite();
  return { run: async (s) => void (await db.exec(s)), rows: async <T>(s: string) => (await db.query<T>(s)).rows, close: () => db.close() };
}

async function pg(): Promise<Runner> {
  const { url, drop } = await createDatabase();
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  return {
    run: async (s) => void (await sql.unsafe(s)),
    rows: async <T>(s: string) => (await sql.unsafe(s)) as unknown as T[],
    close: async () => {
      await sql.end();
      await drop();
    },
  };
}

/** Empty databases to migrate: PGlite always, PostgreSQL when DATABASE_URL is set. */
export const RUNNERS: [string, () => Promise<Runner>][] = [
  ['pglite', pglite],
  ...(process.env.DATABASE_URL ? [['postgres', pg] as [string, () => Promise<Runner>]] : []),
];
