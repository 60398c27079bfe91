import path from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiObservations } from '@/lib/api/v1';
import type { DbHandle, Driver } from '@/lib/db/client';
import { imports, observations } from '@/lib/db/schema';
import { undoImport } from '@/lib/import/commit';
import { runImport, type ImportInput } from '@/lib/import/run';
import { readSeedFiles } from '@/lib/seed/files';
import { seed } from '@/lib/seed/seed';
import { cliTarget, runCli, withTarget, type CliTarget } from '../helpers/cli-target';
import { CLI_TEST_TIMEOUT, DRIVERS, freshDb } from '../helpers/db';
import { fixture } from '../helpers/import-context';

/**
 * Files downloaded from Kolada's website (2012; origin in test/fixtures/import/statdb/README.md), through the path
 * the upload on /import takes (runImport, as app/api/import does) and through `npm run import`: the .xls as
 * served is refused with "spara som .xlsx" and nothing is written; saved as .xlsx it imports by itself, and the
 * values read back through the API (/api/v1's apiObservations) per indicator, kommun and period.
 */
const XLS = 'kolada/kolada-webb-2012-U07452.xls';
const XLSX = 'kolada/kolada-webb-2012-U07452.xlsx';
const DALARNA = 'kolada/kolada-webb-2012-U07418-dalarna.csv';

const run = (h: DbHandle, rel: string, extra: Partial<ImportInput> = {}) =>
  runImport(h, { fileName: path.basename(rel), file: { bytes: fixture(rel) }, dryRun: false, user: 'samordnare@hedemora.se', ...extra });
const api = (h: DbHandle, indicator: string, region: string) =>
  apiObservations(h.db, { indicatorIds: [indicator], regionCodes: [region], sex: 'T', grp: '', site: '' });
const pick = (rows: Awaited<ReturnType<typeof api>>, period: string) => rows.find((r) => r.period === period);
const counts = async (h: DbHandle) => {
  const [i] = await h.db.select({ n: count() }).from(imports);
  const [o] = await h.db.select({ n: count() }).from(observations);
  return { imports: Number(i!.n), observations: Number(o!.n) };
};

describe.each(DRIVERS)("Kolada's website export on %s", (driver) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDb(driver);
    await seed(h.db, readSeedFiles());
  });
  afterAll(async () => h?.close());

  it('the .xls as downloaded is refused with "spara som .xlsx" naming the file; nothing is written', async () => {
    const before = await counts(h);
    for (const dryRun of [true, false]) {
      const r = await run(h, XLS, { dryRun });
      expect(r.report).toMatchObject({ committed: false, observations: 0, inserted: 0 });
      expect(r.importId ?? null).toBeNull();
      expect(r.report.errors).toHaveLength(1);
      expect(r.report.errors[0]!.message).toMatch(
        /^Filen kolada-webb-2012-U07452\.xls är en äldre Excel-fil \(\.xls\)\. Öppna den i Excel och spara som \.xlsx/,
      );
    }
    expect(await counts(h)).toEqual(before);
  });

  it('saved as .xlsx it imports by itself and reads back per kommun and year; the Dalarna csv of U07418 as three-year windows; undo removes both', async () => {
    const x = await run(h, XLSX);
    expect(x.report.errors).toEqual([]);
    expect(x.report).toMatchObject({ source: 'kolada_fil', committed: true, observations: 580, inserted: 580 });
    expect(pick(await api(h, 'kolada_anm_skadegorelse_1000', '2083'), '2011')).toMatchObject({
      value: 11.3901227,
      regionName: 'Hedemora',
      sex: 'T',
      example: false,
      importId: x.importId,
    });
    expect(pick(await api(h, 'kolada_anm_skadegorelse_1000', '2083'), '2010')).toMatchObject({ value: 13.21846639 });
    expect(pick(await api(h, 'kolada_anm_skadegorelse_1000', '2023'), '2011')).toMatchObject({
      value: 13.73041965,
      regionName: 'Malung-Sälen',
    });
    expect(pick(await api(h, 'kolada_anm_skadegorelse_1000', '0114'), '2010')).toMatchObject({ value: expect.any(Number) });

    const d = await run(h, DALARNA);
    expect(d.report.errors).toEqual([]);
    expect(d.report).toMatchObject({ source: 'kolada_fil', committed: true, observations: 75 });
    expect(pick(await api(h, 'kolada_anm_vald_3ar_1000', '2083'), '2009–2011')).toMatchObject({ value: 13.3910902, importId: d.importId });
    expect(pick(await api(h, 'kolada_anm_vald_3ar_1000', '2081'), '2008–2010')).toMatchObject({
      value: 14.15988557,
      regionName: 'Borlänge',
    });
    // Kolada's year is never stored as a single year for a three-year mean.
    expect(pick(await api(h, 'kolada_anm_vald_3ar_1000', '2083'), '2011')).toBeUndefined();

    await undoImport(h.db, d.importId!, { by: 'test' });
    await undoImport(h.db, x.importId!, { by: 'test' });
    expect(pick(await api(h, 'kolada_anm_skadegorelse_1000', '2083'), '2011')).toBeUndefined();
    expect(pick(await api(h, 'kolada_anm_vald_3ar_1000', '2083'), '2009–2011')).toBeUndefined();
  });
});

/** `npm run import -- FILE` (scripts/import.ts in its own process) with the same two files. */
describe.each(DRIVERS)("npm run import with Kolada's website export on %s", { timeout: CLI_TEST_TIMEOUT }, (driver: Driver) => {
  let target: CliTarget;
  beforeAll(async () => {
    target = await cliTarget(driver, readSeedFiles());
  });
  afterAll(async () => target.drop());
  const cli = (args: string[]) => runCli('scripts/import.ts', args, target.env);
  const withDb = <T>(f: (h: DbHandle) => Promise<T>) => withTarget(target, f);

  it('refuses the .xls (exit 1, "spara som .xlsx" naming the file, nothing written) and imports the .xlsx (exit 0)', async () => {
    const before = await withDb(counts);
    const xls = path.resolve('test/fixtures/import', XLS);
    const json = cli([xls, '--json']);
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ committed: false, observations: 0 });
    expect(report.errors[0].message).toMatch(/kolada-webb-2012-U07452\.xls är en äldre Excel-fil \(\.xls\).*spara som \.xlsx/);
    const text = cli([xls]);
    expect(text.status).toBe(1);
    expect(text.stdout + text.stderr).toMatch(/kolada-webb-2012-U07452\.xls är en äldre Excel-fil \(\.xls\).*spara som \.xlsx/);
    expect(await withDb(counts)).toEqual(before);

    const ok = cli([path.resolve('test/fixtures/import', XLSX), '--json']);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ committed: true, source: 'kolada_fil', observations: 580, inserted: 580, errors: [] });
    const rows = await withDb((h) => api(h, 'kolada_anm_skadegorelse_1000', '2083'));
    expect(pick(rows, '2011')).toMatchObject({ value: 11.3901227, regionName: 'Hedemora' });
  });
});
