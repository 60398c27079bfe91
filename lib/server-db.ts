import { driverFor, migrateDb, openDbFromEnv, type DbHandle, type Driver } from './db/client';
import { readEnv } from './env';
import { readSeedFiles } from './seed/files';
import { seedIfEmpty } from './seed/seed';

const g = globalThis as typeof globalThis & { __trygghetDb?: Promise<DbHandle> };

/**
 * The server's one database handle: opened lazily, migrated, seeded when empty, and cached on
 * globalThis so hot reload never opens a second PGlite on the same directory. It is not in lib/db because opening it
 * seeds (lib/db stays below lib/seed). lib/data (the door) and lib/auth use it; pages never do.
 */
export function getDb(): Promise<DbHandle> {
  if (process.env.NEXT_PHASE === 'phase-production-build') {
    throw new Error('The database must not be opened during next build: mark the page dynamic (await connection()).');
  }
  if (!g.__trygghetDb) {
    const opening = (async () => {
      const handle = await openDbFromEnv({ migrate: false });
      try {
        await oneAtATime(handle, async () => {
          await migrateDb(handle);
          if (readEnv().SEED_ON_START === '1') await seedIfEmpty(handle.db, readSeedFiles);
        });
      } catch (err) {
        await handle.close().catch(() => {});
        throw err;
      }
      return handle;
    })();
    g.__trygghetDb = opening;
    // A failed open (database down) is not cached: the next request tries again.
    opening.catch(() => {
      if (g.__trygghetDb === opening) g.__trygghetDb = undefined;
    });
  }
  return g.__trygghetDb;
}

/** pg_advisory_lock key of migrating and seeding at start ("TLMS"). */
const START_LOCK_KEY = 0x544c4d53;

/**
 * Several app instances starting at once over one PostgreSQL (after an upgrade, or on an empty database) migrate
 * and seed one after the other: the others wait, then find nothing left to do. The lock lives on a connection of
 * its own, so it is let go if this process dies. PGlite has one process per directory: nothing to wait for.
 */
async function oneAtATime(handle: DbHandle, fn: () => Promise<void>): Promise<void> {
  if (!handle.connectOne) return fn();
  const { sql } = handle.connectOne();
  try {
    await sql`select pg_advisory_lock(${START_LOCK_KEY})`;
    try {
      await fn();
    } finally {
      await sql`select pg_advisory_unlock(${START_LOCK_KEY})`;
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export function configuredDriver(): Driver {
  return driverFor({ url: readEnv().DATABASE_URL });
}
