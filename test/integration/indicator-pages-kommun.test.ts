import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/lib/db/client';
import { loadIndicatorMap } from '@/lib/data/comparison';
import { indicatorQuery, loadIndicatorView } from '@/lib/data/indicator-query';
import { listQuery, loadIndicatorList } from '@/lib/data/indicator-list-query';
import { readSeedFiles, type SeedFiles } from '@/lib/seed/files';
import { seed } from '@/lib/seed/seed';
import { DRIVERS, freshDb } from '../helpers/db';

/*
 * The indicator pages per kommun (/k/<kommun>/indikatorer, the maps, the goal pages' ranked bars) in an installation
 * whose second kommun lies in another län: Uppsala (0380, Uppsala län 03) beside Hedemora (2083, Dalarnas län 20).
 * Each page shows the kommun of its address with that kommun's own län, never the installation's first kommun's.
 */

const TODAY = new Date('2026-11-25T12:00:00Z');
const UPPSALA = '0380';
const ID = 'bra_anm_narkotikabrott_100k';

describe.each(DRIVERS)('indicator pages for a kommun in another län, on %s', (driver) => {
  let h: DbHandle;

  beforeAll(async () => {
    h = await freshDb(driver);
    const base = readSeedFiles();
    const plan: SeedFiles['plan'] = { ...structuredClone(base.plan), kommunCode: UPPSALA, title: 'Fiktiv testplan för Uppsala kommun' };
    const text = JSON.stringify(plan);
    await seed(h.db, {
      ...base,
      plans: [...base.plans, { file: { name: 'plans/uppsala-test.json', text, sha256: 'uppsala-test' }, plan }],
    });
  }, 240_000);
  afterAll(async () => {
    await h?.close();
  });

  it('the map and the ranked bars take the län of the kommun asked for, and mark that kommun', async () => {
    const uppsala = await loadIndicatorMap(h.db, ID, { scope: 'lan', benchmark: 'lan', kommunCode: UPPSALA });
    expect(uppsala).toMatchObject({ kommunCode: UPPSALA, lanCode: '03', lanName: 'Uppsala' });
    expect(uppsala!.entries.map((e) => e.code).every((c) => c.startsWith('03'))).toBe(true);
    expect(uppsala!.entries.map((e) => e.name)).toContain('Uppsala');
    // Without a kommun: the installation's first, as before.
    const first = await loadIndicatorMap(h.db, ID, { scope: 'lan', benchmark: 'lan' });
    expect(first).toMatchObject({ kommunCode: '2083', lanCode: '20' });
    expect(first!.entries).toHaveLength(15);
  });

  it('the indicator page shows the kommun asked for beside its own län and riket', async () => {
    const v = await loadIndicatorView(h.db, ID, indicatorQuery.parse({}), TODAY, UPPSALA);
    expect(v!.kommunCode).toBe(UPPSALA);
    expect(v!.names).toEqual({ kommun: 'Uppsala', lan: 'Uppsala län', riket: 'Sverige' });
    expect(v!.lanKommuner.map((k) => k.code).every((c) => c.startsWith('03'))).toBe(true);
    // The seeded Brå figures cover Dalarna's kommuner only: Uppsala's line is empty, never Hedemora's values.
    expect(v!.chart.rows.length).toBeGreaterThan(0);
    expect(v!.chart.rows.filter((r) => r.kommun !== undefined)).toEqual([]);
    const hedemora = await loadIndicatorView(h.db, ID, indicatorQuery.parse({}), TODAY);
    expect(hedemora!.names.kommun).toBe('Hedemora');
    expect(hedemora!.chart.rows.filter((r) => typeof r.kommun === 'number').length).toBeGreaterThan(3);
  });

  it('the indicator list judges for the kommun asked for', async () => {
    const list = await loadIndicatorList(h.db, listQuery.parse({}), TODAY, UPPSALA);
    expect(list).toMatchObject({ kommunCode: UPPSALA, kommunName: 'Uppsala' });
    expect(await loadIndicatorList(h.db, listQuery.parse({}), TODAY, '0381')).toBeNull();
  });
});
