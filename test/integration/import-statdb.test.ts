import path from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiObservations } from '@/lib/api/v1';
import type { DbHandle, Driver } from '@/lib/db/client';
import { importMappings, imports } from '@/lib/db/schema';
import { MappingNeededError } from '@/lib/import/analyze';
import { undoImport } from '@/lib/import/commit';
import { runImport, type ImportInput } from '@/lib/import/run';
import { readSeedFiles } from '@/lib/seed/files';
import { seed } from '@/lib/seed/seed';
import { cliTarget, runCli, type CliTarget } from '../helpers/cli-target';
import { CLI_TEST_TIMEOUT, DRIVERS, freshDb } from '../helpers/db';
import { fixture } from '../helpers/import-context';

/**
 * Issue 14, items 2–6: every file kind others publish is imported (automatically, with a mapping chosen once, or
 * with the CLI's --map flags) and its values are read back through the API (/api/v1's apiObservations) for the
 * right indicator, region, period and breakdown.
 */
const run = (h: DbHandle, rel: string, extra: Partial<ImportInput> = {}) =>
  runImport(h, { fileName: path.basename(rel), file: { bytes: fixture(rel) }, dryRun: false, user: 'samordnare@hedemora.se', ...extra });
const api = (h: DbHandle, indicator: string, region: string, sex = 'T', grp = '') =>
  apiObservations(h.db, { indicatorIds: [indicator], regionCodes: [region], sex: sex as 'T', grp, site: '' });
const pick = (rows: Awaited<ReturnType<typeof api>>, period: string) => rows.find((r) => r.period === period);

describe.each(DRIVERS)('files from statistics databases on %s', (driver) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDb(driver);
    await seed(h.db, readSeedFiles());
  });
  afterAll(async () => h?.close());

  it('an rKolada file imports without a template and reads back per KPI, area and year; undo removes it', async () => {
    const r = await run(h, 'kolada/rkolada-long.csv');
    expect(r.report.errors).toEqual([]);
    expect(r.report.committed).toBe(true);
    expect(pick(await api(h, 'kolada_anm_vald_100k', '2083'), '2023')).toMatchObject({
      value: 1187.9,
      example: false,
      importId: r.importId,
    });
    expect(pick(await api(h, 'kolada_anm_vald_100k', '20'), '2023')).toMatchObject({ value: 1032.6, regionName: 'Dalarnas län' });
    expect(pick(await api(h, 'kolada_anm_brott_100k', '20'), '2023')).toMatchObject({ value: null, status: 'missing' });
    const again = await run(h, 'kolada/rkolada-wide.csv');
    expect(again.report).toMatchObject({ committed: true, inserted: 0, updated: 0, unchanged: 3 });
    await undoImport(h.db, again.importId!, { by: 'test' });
    await undoImport(h.db, r.importId!, { by: 'test' });
    expect(pick(await api(h, 'kolada_anm_vald_100k', '20'), '2023')?.importId).not.toBe(r.importId);
  });

  it("a table laid out as Kolada's website export (long csv, and wide by year in xlsx) imports and reads back per KPI, area, year and sex", async () => {
    const long = await run(h, 'kolada/kolada-webb-lang.csv');
    expect(long.report.errors).toEqual([]);
    expect(long.report).toMatchObject({ source: 'kolada_fil', committed: true, observations: 6 });
    expect(pick(await api(h, 'kolada_anm_vald_100k', '2083'), '2024')).toMatchObject({ value: 1204.6, importId: long.importId });
    expect(pick(await api(h, 'kolada_anm_vald_100k', '20'), '2024')).toMatchObject({ value: 1019.8, regionName: 'Dalarnas län' });
    expect(pick(await api(h, 'kolada_anm_vald_100k', '00'), '2024')).toMatchObject({ value: 1049.3 });
    expect(pick(await api(h, 'kolada_anm_brott_100k', '2083'), '2024')).toMatchObject({ value: 9702.5 });
    expect(pick(await api(h, 'kolada_anm_brott_100k', '20'), '2024')).toMatchObject({ value: null, status: 'missing' });

    const wide = await run(h, 'kolada/kolada-webb-bred.xlsx');
    expect(wide.report.errors).toEqual([]);
    expect(wide.report).toMatchObject({ source: 'kolada_fil', committed: true, observations: 11 });
    expect(pick(await api(h, 'kolada_lagforda_15_17_1000', '2083', 'K'), '2022')).toMatchObject({ value: 8.1, sex: 'K' });
    expect(pick(await api(h, 'kolada_lagforda_15_17_1000', '2083', 'M'), '2024')).toMatchObject({ value: 31.5, sex: 'M' });
    expect(pick(await api(h, 'kolada_lagforda_15_17_1000', '2083', 'K'), '2024')).toBeUndefined();
    expect(pick(await api(h, 'kolada_lagforda_15_17_1000', '20'), '2023')).toMatchObject({ value: 17.7, sex: 'T' });
    await undoImport(h.db, wide.importId!, { by: 'test' });
    await undoImport(h.db, long.importId!, { by: 'test' });
    expect(pick(await api(h, 'kolada_anm_vald_100k', '2083'), '2024')?.importId).not.toBe(long.importId);
  });

  it('PxWeb: offered a mapping; committed with one; the saved mapping reads the next file of that layout by itself', async () => {
    const first = await run(h, 'pxweb/fohm-otrygghet-lan-kommun.csv', { dryRun: true });
    expect(first.refusal).toBeInstanceOf(MappingNeededError);
    const offer = (first.refusal as MappingNeededError).offer;
    const mapping = { ...offer.suggestion, indicator: 'ntu_otrygg_kvall' };
    const committed = await run(h, 'pxweb/fohm-otrygghet-lan-kommun.csv', { mapping });
    expect(committed.report.errors).toEqual([]);
    expect(committed.report.committed).toBe(true);
    const saved = await h.db.select().from(importMappings);
    expect(saved.map((s) => [s.signature, s.updatedBy])).toEqual([[offer.signature, 'samordnare@hedemora.se']]);
    expect(pick(await api(h, 'ntu_otrygg_kvall', '20', 'K'), '2019–2022')).toMatchObject({
      value: 27.9,
      ciLow: 26.4,
      ciHigh: 29.4,
      n: 4590,
      sex: 'K',
    });
    expect(pick(await api(h, 'ntu_otrygg_kvall', '2083', 'K'), '2019–2022')).toMatchObject({ value: null, status: 'suppressed', n: 207 });

    const second = await run(h, 'pxweb/fohm-otrygghet-lan-kommun.csv', { dryRun: true });
    expect(second.refusal).toBeNull();
    expect(second.analysis?.mapping).toMatchObject({ origin: 'saved', signature: offer.signature, savedBy: 'samordnare@hedemora.se' });
    expect(second.report).toMatchObject({ inserted: 0, updated: 0, unchanged: 6 });
  });

  it('a mapping is saved only with a committed import: a refused file leaves no mapping behind', async () => {
    const before = await h.db.select({ n: count() }).from(importMappings);
    const bad = await run(h, 'mucf/mucf-lupp-export.csv', {
      mapping: { indicator: 'lupp_hotad', columns: { region: 'Kommun', period: 'Läsår', value: 'Kön' } },
    });
    expect(bad.report.committed).toBe(false);
    expect(bad.report.errors.length).toBeGreaterThan(0);
    expect(await h.db.select({ n: count() }).from(importMappings)).toEqual(before);
  });

  it('MUCF, Socialstyrelsen and Brå statistics-database files read back with their breakdowns', async () => {
    const mucf = await run(h, 'mucf/mucf-lupp-export.csv', {
      mapping: {
        indicator: 'lupp_hotad',
        columns: { region: 'Kommun', period: 'Läsår', group: 'Årskurs', sex: 'Kön', value: 'Andel (%)', n: 'Antal svarande' },
      },
    });
    expect(mucf.report.errors).toEqual([]);
    expect(pick(await api(h, 'lupp_hotad', '2083', 'K', 'åk 9'), '2026–2027')).toMatchObject({ value: 11.2, n: 125, group: 'åk 9' });

    const sos = await run(h, 'socialstyrelsen/statistikdatabas-export.xlsx', {
      mapping: { indicator: 'soc_orosanm_forskola', columns: { region: 'Region', period: 'År', sex: 'Kön', value: 'Värde' } },
    });
    expect(sos.report.errors).toEqual([]);
    expect(pick(await api(h, 'soc_orosanm_forskola', '2083', 'K'), '2024')).toMatchObject({ value: 11.8 });
    expect(pick(await api(h, 'soc_orosanm_forskola', '00'), '2024')).toMatchObject({ value: 9.7, regionName: 'Riket' });

    const bra = await run(h, 'bra/bra-statistikdatabas-rader.csv', {
      mapping: {
        columns: { region: 'Region', period: 'År' },
        wide: [
          { column: 'Antal', indicator: 'bra_anm_skadegorelse' },
          { column: 'Antal per 100 000 invånare', indicator: 'bra_anm_skadegorelse_100k' },
        ],
      },
    });
    expect(bra.report.errors).toEqual([]);
    expect(pick(await api(h, 'bra_anm_skadegorelse_100k', '2083'), '2024')).toMatchObject({ value: 2551 });
    expect(pick(await api(h, 'bra_anm_skadegorelse', '20'), '2024')).toMatchObject({ value: 6231 });
  });

  it('a .NET Open XML workbook imports; EUDA companion files are refused with the file to use instead', async () => {
    const x = await run(h, 'xlsx/openxml-dotnet.xlsx');
    expect(x.report.errors).toEqual([]);
    expect(pick(await api(h, 'huskurage_anslutna', '2083'), '2025')).toMatchObject({ value: 412 });
    for (const rel of ['euda/ww2025-site-info-table.csv', 'euda/ww2025-changes-all-substances.csv', 'euda/ww2025-aggregated-trends.csv']) {
      const r = await run(h, rel);
      expect(r.report.committed, rel).toBe(false);
      expect(r.report.errors[0]?.message, rel).toMatch(/ww2025-all-data\.csv/);
    }
  });
});

describe.each(DRIVERS)('an old binary .xls workbook on %s', (driver) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDb(driver);
    await seed(h.db, readSeedFiles());
  });
  afterAll(async () => h?.close());

  it('is refused with "spara som .xlsx" and nothing written; the same workbook saved as .xlsx by LibreOffice imports', async () => {
    const [before] = await h.db.select({ n: count() }).from(imports);
    for (const dryRun of [true, false]) {
      const r = await run(h, 'xls/Hedemora-biff8.xls', { dryRun });
      expect(r.report.committed).toBe(false);
      expect(r.report.errors).toHaveLength(1);
      expect(r.report.errors[0]!.message).toMatch(/äldre Excel-fil \(\.xls\).*spara som \.xlsx/);
      expect(r.report.errors[0]!.message).not.toMatch(/skadad/);
    }
    const [after] = await h.db.select({ n: count() }).from(imports);
    expect(Number(after!.n)).toBe(Number(before!.n));

    // LibreOffice's .xls → .xlsx: Brå's lägesbild workbook again, read whole; every value equals the published one
    // the seed loaded from Region Dalarna's long table, so nothing is new and nothing changes.
    const x = await run(h, 'xls/Hedemora-libreoffice.xlsx');
    expect(x.report.errors).toEqual([]);
    expect(x.report).toMatchObject({ source: 'bra_lagesbild', committed: true, inserted: 0, updated: 0 });
    expect(x.report.unchanged).toBeGreaterThan(1000);
    expect(pick(await api(h, 'kolada_anm_brott_100k', '2083'), '2024')).toMatchObject({ value: 9711 });
    expect(pick(await api(h, 'kolada_anm_brott_100k', '20'), '2024')).toMatchObject({ value: 8750 });
  });
});

/** The CLI (a separate process) with --indicator/--map/--scale, then without flags: the saved mapping applies. */
describe.each(DRIVERS)('npm run import -- --map on %s', { timeout: CLI_TEST_TIMEOUT }, (driver: Driver) => {
  let target: CliTarget;
  beforeAll(async () => {
    target = await cliTarget(driver, readSeedFiles());
  });
  afterAll(async () => target.drop());
  const cli = (args: string[]) => runCli('scripts/import.ts', args, target.env);
  const open = () => target.open();
  const file = path.resolve('test/fixtures/import/lupp/region-dalarna-lupp-extrakt.csv');

  it("imports Region Dalarna's Lupp extract with the flags and the second time without them", async () => {
    const refused = cli([file, '--json']);
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.stdout).errors[0].message).toMatch(/--indicator och --map/);

    const bad = cli([file, '--indicator', 'lupp_trygg_kvall', '--map', 'region=Boendekommun;färg=Blå']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/okänd roll "färg"/);

    const ok = cli([
      file,
      '--json',
      '--indicator',
      'lupp_trygg_kvall',
      '--map',
      'region=Boendekommun;period=År;value=andel;grupp=Undersökning;kön=Kön;n=antal_svarande',
      '--scale',
      '100',
    ]);
    expect(ok.stderr).toBe('');
    const report = JSON.parse(ok.stdout);
    expect(report).toMatchObject({ committed: true, source: 'kolumnmappning', observations: 5, inserted: 5, errors: [] });

    const h = await open();
    try {
      const rows = await apiObservations(h.db, {
        indicatorIds: ['lupp_trygg_kvall'],
        regionCodes: ['2083'],
        sex: 'K',
        grp: 'högstadiet',
        site: '',
      });
      expect(rows.find((r) => r.period === '2023')).toMatchObject({ value: 78.1, n: 131, sex: 'K', group: 'högstadiet' });
      const [rec] = await h.db.select({ n: count() }).from(imports);
      expect(Number(rec!.n)).toBeGreaterThan(0);
    } finally {
      await h.close();
    }

    const second = cli([file, '--json', '--dry-run']);
    expect(second.status).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ source: 'kolumnmappning', unchanged: 5, inserted: 0, errors: [] });
  });

  it('refuses a genuine .xls with "spara som .xlsx" (exit 1) and writes nothing', async () => {
    const count0 = async () => {
      const h = await open();
      try {
        const [rec] = await h.db.select({ n: count() }).from(imports);
        return Number(rec!.n);
      } finally {
        await h.close();
      }
    };
    const before = await count0();
    const xls = path.resolve('test/fixtures/import/xls/Hedemora-biff8.xls');
    const json = cli([xls, '--json']);
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ committed: false, observations: 0 });
    expect(report.errors[0].message).toMatch(/äldre Excel-fil \(\.xls\).*spara som \.xlsx/);
    const text = cli([xls]);
    expect(text.status).toBe(1);
    expect(text.stdout + text.stderr).toMatch(/spara som \.xlsx/);
    expect(text.stdout + text.stderr).not.toMatch(/skadad/);
    expect(await count0()).toBe(before);
  });
});
