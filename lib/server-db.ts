import { driverFor, openDbFromEnv, type DbHandle, type Driver } from './db/client';
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
      const handle = await openDbFromEnv();
      try {
        if (readEnv().SEED_ON_START === '1') await seedIfEmpty(handle.db, readSeedFiles);
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

export function configuredDriver(): Driver {
  return driverFor({ url: readEnv().DATABASE_URL });
}
