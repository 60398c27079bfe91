import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/lib/db/client';
import * as s from '@/lib/db/schema';
import { analyzeFile } from '@/lib/import/analyze';
import { commitImport, diffAgainstDb, undoImport, UndoConflictError } from '@/lib/import/commit';
import type { ImportContext } from '@/lib/import/context';
import { ImportFileError } from '@/lib/import/issues';
import { loadImportContext } from '@/lib/import/load-context';
import { readSeedFiles } from '@/lib/seed/files';
import { seed } from '@/lib/seed/seed';
import { DRIVERS, freshDb } from '../helpers/db';
import { fixture } from '../helpers/import-context';

async function observationSnapshot(h: DbHandle) {
  const res = await h.db.execute(sql`select indicator_id, region_code, period, sex, grp, site, value, ci_low, ci_high, n, numerator,
    denominator, response_rate, status, note, detail, is_example, import_id, period_start from observations order by 1,2,3,4,5,6`);
  return Array.isArray(res) ? res : (res as { rows: unknown[] }).rows;
}

async function obs(h: DbHandle, indicatorId: string, regionCode: string, period: string) {
  const [row] = await h.db
    .select()
    .from(s.observations)
    .where(and(eq(s.observations.indicatorId, indicatorId), eq(s.observations.regionCode, regionCode), eq(s.observations.period, period)));
  return row;
}

describe.each(DRIVERS)('importing a generic file on %s', (driver) => {
  let h: DbHandle;
  let ctx: ImportContext;

  beforeAll(async () => {
    h = await freshDb(driver);
    await seed(h.db, readSeedFiles());
    ctx = await loadImportContext(h.db);
  });
  afterAll(async () => h?.close());

  it('previews, commits, re-imports as unchanged and undoes exactly', async () => {
    const before = await observationSnapshot(h);
    const a = await analyzeFile({ fileName: 'hedemora-2025.csv', bytes: fixture('generic/hedemora-2025.csv') }, ctx);
    expect(a.issues).toEqual([]);
    expect(a.adapter.id).toBe('generic');
    expect(a.observations).toHaveLength(7);
    const diff = await diffAgainstDb(h.db, a.observations);
    // Svenskt Näringsliv 2025 and socialtjänst 2025 replace example values; NTU 2023–2024 (Brå publishes single years,
    // loaded by the seed), KMK and Lupp (K, åk 8) are new.
    expect(diff).toMatchObject({ updated: 2, inserted: 5, unchanged: 0 });
    expect(diff.changes.find((c) => c.indicatorId === 'sn_brott_paverkar_foretag' && c.regionCode === '2083')?.before?.isExample).toBe(
      true,
    );
    expect(diff.changes.find((c) => c.indicatorId === 'ntu_otrygg_kvall' && c.regionCode === '2083')?.kind).toBe('new');
    expect(diff.affectedGoals.map((g) => g.code)).toContain('T-M1');
    expect(await observationSnapshot(h)).toEqual(before); // nothing written by a preview

    const res = await commitImport(h.db, a, { createdBy: 'test@hedemora.se' });
    expect(res).toMatchObject({ inserted: 5, updated: 2, unchanged: 0 });
    expect(await obs(h, 'ntu_otrygg_kvall', '2083', '2023–2024')).toMatchObject({
      value: 27.5,
      ciLow: 21.8,
      ciHigh: 33.2,
      n: 204,
      isExample: false,
      importId: res.importId,
    });
    expect(await obs(h, 'soc_stod_accepterat', '2083', '2025')).toMatchObject({ value: null, status: 'suppressed' });
    expect(await obs(h, 'kmk_serveringsstallen', '2083', '2025')).toMatchObject({ value: 60, note: '=HYPERLINK("http://x")' });
    const [lupp] = await h.db
      .select()
      .from(s.observations)
      .where(and(eq(s.observations.indicatorId, 'lupp_hotad'), eq(s.observations.sex, 'K')));
    expect(lupp).toMatchObject({ grp: 'åk 8', value: 14, n: 61 });

    const again = await commitImport(
      h.db,
      await analyzeFile({ fileName: 'hedemora-2025.csv', bytes: fixture('generic/hedemora-2025.csv') }, ctx),
      { createdBy: 'test' },
    );
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 7 });
    const [{ n: total }] = (await h.db.select({ n: count() }).from(s.observations).where(eq(s.observations.period, '2025'))) as [
      { n: number },
    ];
    expect(Number(total)).toBeGreaterThan(0);

    await undoImport(h.db, again.importId, { by: 'test' });
    const undone = await undoImport(h.db, res.importId, { by: 'test' });
    expect(undone).toEqual({ restored: 2, removed: 5 });
    expect(await observationSnapshot(h)).toEqual(before);
    await expect(undoImport(h.db, res.importId, { by: 'test' })).rejects.toThrow(/redan ångrad/);
  });

  it('reads a Swedish Excel re-save (Windows-1252, decimal comma) to the same observations', async () => {
    const utf8 = await analyzeFile({ fileName: 'a.csv', bytes: fixture('generic/hedemora-2025.csv') }, ctx);
    const cp1252 = await analyzeFile({ fileName: 'b.csv', bytes: fixture('generic/hedemora-2025-excel.csv') }, ctx);
    expect(cp1252.encoding).toBe('windows-1252');
    expect(cp1252.observations).toEqual(utf8.observations);
    const english = await analyzeFile({ fileName: 'c.csv', bytes: fixture('generic/english-aliases.csv') }, ctx);
    expect(english.encoding).toBe('utf-8-bom');
    expect(english.observations[0]).toMatchObject({
      indicatorId: 'ntu_otrygg_kvall',
      value: 27.5,
      ciLow: 21.8,
      period: { label: '2023–2024' },
    });
  });

  it('refuses a file with errors, listing each with row and column, and writes nothing', async () => {
    const before = await observationSnapshot(h);
    const [{ n: importsBefore }] = (await h.db.select({ n: count() }).from(s.imports)) as [{ n: number }];
    const a = await analyzeFile({ fileName: 'errors.csv', bytes: fixture('generic/errors.csv') }, ctx);
    const byRow = Object.fromEntries(a.issues.map((i) => [i.row, i]));
    expect(byRow[2]).toMatchObject({ column: 'värde', value: '130', message: expect.stringMatching(/mellan 0 och 100/) });
    expect(byRow[3]).toMatchObject({ column: 'region', value: 'Hedmora', message: expect.stringMatching(/Hedemora \(2083\)/) });
    expect(byRow[4]).toMatchObject({ column: 'indikator', value: 'ntu_finns_inte', message: expect.stringMatching(/okänd indikator/) });
    expect(byRow[5]).toMatchObject({ column: 'värde', value: 'tjugo', message: 'förväntade ett tal' });
    expect(byRow[6]).toMatchObject({ message: expect.stringMatching(/innehålla värdet 26/) });
    expect(byRow[8]).toMatchObject({ message: expect.stringMatching(/som rad 7 men ett annat värde/) });
    await expect(commitImport(h.db, a, { createdBy: 'test' })).rejects.toBeInstanceOf(ImportFileError);
    expect(await observationSnapshot(h)).toEqual(before);
    const [{ n: importsAfter }] = (await h.db.select({ n: count() }).from(s.imports)) as [{ n: number }];
    expect(importsAfter).toEqual(importsBefore);
  });

  it('refuses an undo when a later import changed the same value', async () => {
    const first = await commitImport(
      h.db,
      await analyzeFile(
        { fileName: 'x.csv', bytes: new TextEncoder().encode('indikator;region;period;värde\nkmk_serveringsstallen;2083;2026;40\n') },
        ctx,
      ),
      { createdBy: 't' },
    );
    const second = await commitImport(
      h.db,
      await analyzeFile(
        { fileName: 'y.csv', bytes: new TextEncoder().encode('indikator;region;period;värde\nkmk_serveringsstallen;2083;2026;45\n') },
        ctx,
      ),
      { createdBy: 't' },
    );
    await expect(undoImport(h.db, first.importId, { by: 't' })).rejects.toBeInstanceOf(UndoConflictError);
    expect((await obs(h, 'kmk_serveringsstallen', '2083', '2026'))?.value).toBe(45);
    await undoImport(h.db, second.importId, { by: 't' });
    expect((await obs(h, 'kmk_serveringsstallen', '2083', '2026'))?.value).toBe(40);
    await undoImport(h.db, first.importId, { by: 't' });
    expect(await obs(h, 'kmk_serveringsstallen', '2083', '2026')).toBeUndefined();
  });

  it('serialises overlapping imports: each revision records the value it replaced, and the earlier undo is refused', async () => {
    const file = (v: number) => new TextEncoder().encode(`indikator;region;period;värde\nkmk_serveringsstallen;2083;2027;${v}\n`);
    const analysed = (v: number) => analyzeFile({ fileName: `v${v}.csv`, bytes: file(v) }, ctx);
    const base = await commitImport(h.db, await analysed(50), { createdBy: 'bas' });
    const [a, b] = await Promise.all([analysed(51), analysed(52)]);
    // On PostgreSQL both imports are held at the value's row lock until both are under way, so that their merges
    // truly overlap (PGlite has one connection: its transactions never overlap).
    let release = () => {};
    let blocker: Promise<unknown> = Promise.resolve();
    if (driver === 'postgres') {
      const released = new Promise<void>((r) => (release = r));
      let locked = () => {};
      const isLocked = new Promise<void>((r) => (locked = r));
      blocker = h.db.transaction(async (tx) => {
        await tx.execute(
          sql`select id from observations where indicator_id = 'kmk_serveringsstallen' and region_code = '2083' and period = '2027' for update`,
        );
        locked();
        await released;
      });
      await isLocked;
    }
    const commits = Promise.all([commitImport(h.db, a, { createdBy: 'a' }), commitImport(h.db, b, { createdBy: 'b' })]);
    if (driver === 'postgres') {
      await expect
        .poll(
          async () => {
            const res = await h.db.execute<{ n: number }>(sql`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`);
            return Number((Array.isArray(res) ? res : (res as unknown as { rows: { n: number }[] }).rows)[0]!.n);
          },
          { timeout: 20_000 },
        )
        .toBe(2);
    }
    release();
    await blocker;
    const [ra, rb] = await commits;
    const revs = await h.db
      .select()
      .from(s.observationRevisions)
      .where(
        and(
          eq(s.observationRevisions.indicatorId, 'kmk_serveringsstallen'),
          eq(s.observationRevisions.period, '2027'),
          eq(s.observationRevisions.action, 'update'),
        ),
      );
    const beforeOf = new Map(revs.map((r) => [r.importId, (r.before as { importId: number; value: number }).importId]));
    // One of the two replaced the base value; the other replaced that one's value (not the base value as well).
    const earlier = beforeOf.get(ra.importId) === base.importId ? ra.importId : rb.importId;
    const later = earlier === ra.importId ? rb.importId : ra.importId;
    expect(beforeOf.get(earlier)).toBe(base.importId);
    expect(beforeOf.get(later)).toBe(earlier);
    const value = (id: number) => (id === ra.importId ? 51 : 52);
    expect((await obs(h, 'kmk_serveringsstallen', '2083', '2027'))?.value).toBe(value(later));
    await expect(undoImport(h.db, earlier, { by: 't' })).rejects.toBeInstanceOf(UndoConflictError);
    expect((await obs(h, 'kmk_serveringsstallen', '2083', '2027'))?.value).toBe(value(later));
    await undoImport(h.db, later, { by: 't' });
    expect((await obs(h, 'kmk_serveringsstallen', '2083', '2027'))?.value).toBe(value(earlier));
    await undoImport(h.db, earlier, { by: 't' });
    expect((await obs(h, 'kmk_serveringsstallen', '2083', '2027'))?.value).toBe(50);
  });

  it('keeps two concurrent imports of the same keys consistent, without duplicates', async () => {
    const file = (v: number) =>
      new TextEncoder().encode(`indikator;region;period;värde\ngrannsamverkan_omraden;2083;2026;${v}\nhuskurage_anslutna;2083;2026;${v}\n`);
    const [a, b] = await Promise.all([
      analyzeFile({ fileName: 'a.csv', bytes: file(11) }, ctx).then((x) => commitImport(h.db, x, { createdBy: 'a' })),
      analyzeFile({ fileName: 'b.csv', bytes: file(12) }, ctx).then((x) => commitImport(h.db, x, { createdBy: 'b' })),
    ]);
    const rows = await h.db
      .select()
      .from(s.observations)
      .where(
        and(
          eq(s.observations.regionCode, '2083'),
          eq(s.observations.period, '2026'),
          sql`${s.observations.indicatorId} in ('grannsamverkan_omraden', 'huskurage_anslutna')`,
        ),
      );
    expect(rows).toHaveLength(2);
    // Whichever committed last wrote both values: the two rows agree.
    expect(new Set(rows.map((r) => r.value)).size).toBe(1);
    expect(new Set(rows.map((r) => r.importId))).toEqual(new Set([rows[0]!.importId]));
    expect([a.importId, b.importId]).toContain(rows[0]!.importId);
  });
});
