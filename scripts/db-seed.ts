// Loads reference data, the plan, EUDA data and example series. Safe to run again: nothing changes.
import { openDbFromEnv } from '../lib/db/client';
import { describeDbError } from '../lib/db/errors';
import { readSeedFiles } from '../lib/seed/files';
import { seed } from '../lib/seed/seed';

try {
  const files = readSeedFiles();
  const handle = await openDbFromEnv({ migrate: true });
  try {
    const s = await seed(handle.db, files);
    const fmt = (c: { inserted: number; updated: number; unchanged: number }) =>
      `${c.inserted} nya, ${c.updated} ändrade, ${c.unchanged} oförändrade`;
    console.log(
      `Seed klar (${handle.driver}): ${s.regions} regioner, ${s.indicators} indikatorer, ` +
        `plan ${s.planCreated ? 'inläst' : 'fanns redan'}; EUDA: ${fmt(s.euda)}; publicerad statistik: ${fmt(s.real)}; exempeldata: ${fmt(s.examples)}.`,
    );
  } finally {
    await handle.close();
  }
} catch (err) {
  console.error(`Seed misslyckades: ${describeDbError(err)}`);
  process.exit(1);
}
