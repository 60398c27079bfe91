import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiObservations } from '@/lib/api/v1';
import type { DbHandle } from '@/lib/db/client';
import * as s from '@/lib/db/schema';
import { undoImport } from '@/lib/import/commit';
import { FileChangedError } from '@/lib/import/run';
import { createKoladaClient, KoladaError, type KoladaRecord } from '@/lib/kolada/client';
import { KOLADA_PROVENANCE, runKoladaImport } from '@/lib/kolada/fetch';
import { readSeedFiles } from '@/lib/seed/files';
import { seed } from '@/lib/seed/seed';
import { KOLADA_ANSWER_DIR, startKoladaReplay, type KoladaReplay } from '../helpers/kolada-replay';
import { DRIVERS, freshDb } from '../helpers/db';

/** One recorded value, read from the answer file itself. */
function recordedValue(kpi: string, area: string, year: number, gender: 'T' | 'K' | 'M'): number | null | undefined {
  const items = (JSON.parse(fs.readFileSync(path.join(KOLADA_ANSWER_DIR, `${kpi}.json`), 'utf8')) as { values: KoladaRecord[] }).values;
  return items.find((i) => i.municipality === area && Number(i.period) === year)?.values.find((v) => v.gender === gender)?.value;
}

async function snapshot(h: DbHandle) {
  const res = await h.db.execute(
    sql`select indicator_id, region_code, period, sex, grp, site, value, status, import_id, is_example from observations order by 1,2,3,4,5,6`,
  );
  const rows = Array.isArray(res) ? res : (res as { rows: unknown[] }).rows;
  const [c] = await h.db.select({ n: sql<number>`count(*)::int` }).from(s.imports);
  return { rows, imports: c!.n };
}

let replay: KoladaReplay;
beforeAll(async () => {
  replay = await startKoladaReplay({ pageSize: 150 });
});
afterAll(async () => replay?.close());
afterEach(() => {
  replay.fault = null;
});

describe.each(DRIVERS)('Kolada fetch → preview → commit → undo on %s', (driver) => {
  let h: DbHandle;
  const client = () => createKoladaClient({ baseUrl: replay.baseUrl, backoffMs: 1, retries: 2, timeoutMs: 5_000 });
  const now = () => new Date('2026-12-03T09:30:00Z');

  beforeAll(async () => {
    h = await freshDb(driver);
    await seed(h.db, readSeedFiles());
  });
  afterAll(async () => h?.close());

  it('previews without writing, commits with the previewed checksum, reads back through the API, and undoes exactly', async () => {
    const before = await snapshot(h);
    replay.requests.length = 0;
    const preview = await runKoladaImport(h, { dryRun: true, user: 'samordnare@test', client: client(), now, changes: 5000 });
    expect(preview.run.report.errors).toEqual([]);
    expect(preview.run.refusal).toBeNull();
    // Riket, Dalarna and Dalarna's 15 kommuner (Hedemora among them), all years, in one request over several pages.
    expect(preview.document.plan.municipalities).toEqual([
      '0000',
      '0020',
      '2083',
      '2021',
      '2023',
      '2026',
      '2029',
      '2031',
      '2034',
      '2039',
      '2061',
      '2062',
      '2080',
      '2081',
      '2082',
      '2084',
      '2085',
    ]);
    expect(preview.document.requests).toHaveLength(1);
    expect(preview.document.requests[0]!.pages).toBeGreaterThan(1);
    expect(replay.requests.length).toBe(preview.document.requests[0]!.pages);
    const a = preview.run.analysis!;
    expect(a.adapter.id).toBe('kolada');
    expect(a.provenance).toMatchObject({ publication: 'Kolada API v3', publisher: KOLADA_PROVENANCE.publisher });
    expect(a.summary.indicators).toEqual(
      expect.arrayContaining(['kolada_anm_vald_100k', 'kolada_lagforda_15_17_1000', 'kolada_anm_vald_3ar_1000']),
    );
    expect(preview.run.diff!.inserted).toBeGreaterThan(0);
    expect(await snapshot(h)).toEqual(before);

    const commit = await runKoladaImport(h, {
      dryRun: false,
      user: 'samordnare@test',
      sha256: a.sha256,
      client: client(),
      now,
      audit: { actorId: null, actor: 'samordnare@test' },
    });
    expect(commit.run.refusal).toBeNull();
    expect(commit.run.failure).toBeNull();
    expect(commit.run.report.committed).toBe(true);
    const importId = commit.run.importId!;
    expect(commit.run.report.inserted + commit.run.report.updated).toBe(preview.run.diff!.inserted + preview.run.diff!.updated);

    const [rec] = await h.db.select().from(s.imports).where(eq(s.imports.id, importId));
    expect(rec).toMatchObject({
      publication: 'Kolada API v3',
      publisher: KOLADA_PROVENANCE.publisher,
      adapter: 'kolada',
      retrieved: '2026-12-03 10:30',
      kind: 'upload',
    });
    expect(rec!.sourceUrl).toBe(
      `${replay.baseUrl}/data/kpi/${preview.document.plan.kpis.map((k) => k.kpi).join(',')}/municipality/${preview.document.plan.municipalities.join(',')}`,
    );
    for (const kpi of ['N07403', 'N07540', 'N07402', 'U07418', 'U07417', 'U07452', 'N02905']) expect(rec!.provenanceNote).toContain(kpi);
    expect(rec!.provenanceNote).toContain('2026-12-03T09:30:00.000Z');

    // Values through the read API: the right indicator, region, period and sex.
    const vald = await apiObservations(h.db, {
      indicatorIds: ['kolada_anm_vald_100k'],
      regionCodes: ['2083', '20', '00'],
      from: '2024-01-01',
      to: '2024-12-31',
    });
    expect(vald.map((o) => [o.region, o.period, o.sex, o.value, o.example]).sort()).toEqual(
      [
        ['00', '2024', 'T', recordedValue('N07403', '0000', 2024, 'T'), false],
        ['20', '2024', 'T', recordedValue('N07403', '0020', 2024, 'T'), false],
        ['2083', '2024', 'T', recordedValue('N07403', '2083', 2024, 'T'), false],
      ].sort(),
    );
    expect(vald[0]!.source).toBe('RKA (Kolada), Kolada API v3');
    const lagK = await apiObservations(h.db, {
      indicatorIds: ['kolada_lagforda_15_17_1000'],
      regionCodes: ['2081'],
      sex: 'K',
      from: '2020-01-01',
      to: '2020-12-31',
    });
    expect(lagK).toHaveLength(1);
    expect(lagK[0]).toMatchObject({ sex: 'K', period: '2020', value: recordedValue('N02905', '2081', 2020, 'K') });
    // Kolada's null is a missing value with a status, never 0.
    expect(recordedValue('N07402', '2083', 2016, 'T')).toBeNull();
    const missing = await apiObservations(h.db, {
      indicatorIds: ['kolada_anm_grov_kvinnofrid_100k'],
      regionCodes: ['2083'],
      from: '2016-01-01',
      to: '2016-12-31',
    });
    expect(missing).toEqual([expect.objectContaining({ value: null, status: 'missing' })]);
    const pooled = await apiObservations(h.db, {
      indicatorIds: ['kolada_anm_vald_3ar_1000'],
      regionCodes: ['2083'],
      from: '2024-01-01',
      to: '2024-12-31',
    });
    expect(pooled.map((o) => o.period)).toContain('2022–2024');

    // A second fetch of the same answer changes nothing.
    const again = await runKoladaImport(h, { dryRun: true, user: 't', client: client(), now });
    expect(again.run.diff).toMatchObject({ inserted: 0, updated: 0 });

    await undoImport(h.db, importId, { by: 'samordnare@test' });
    expect(await apiObservations(h.db, { indicatorIds: ['kolada_lagforda_15_17_1000'], regionCodes: ['2081'] })).toEqual([]);
    const afterUndo = await snapshot(h);
    expect(afterUndo.rows).toEqual(before.rows);
  });

  it('a 500 on page 2 (every retry) writes nothing and says Kolada did not answer', async () => {
    const before = await snapshot(h);
    replay.fault = { status: 500, page: 2 };
    await expect(runKoladaImport(h, { dryRun: false, user: 't', client: client(), now })).rejects.toThrow(KoladaError);
    await expect(runKoladaImport(h, { dryRun: false, user: 't', client: client(), now })).rejects.toThrow(
      /^Kolada svarade inte \(HTTP 500 på sida 2; 3 försök\) — inget har sparats\.$/,
    );
    expect(await snapshot(h)).toEqual(before);
  });

  it('a commit whose fetch brings other values than the preview is refused: nothing written', async () => {
    const before = await snapshot(h);
    const p = await runKoladaImport(h, { dryRun: true, user: 't', client: client(), now });
    const c = await runKoladaImport(h, {
      dryRun: false,
      user: 't',
      sha256: `${p.run.analysis!.sha256.slice(0, -1)}0`,
      client: client(),
      now,
    });
    expect(c.run.refusal).toBeInstanceOf(FileChangedError);
    expect(await snapshot(h)).toEqual(before);
  });
});
