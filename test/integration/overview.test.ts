import fs from 'node:fs';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/lib/db/client';
import { observations } from '@/lib/db/schema';
import { loadOverview, type Overview } from '@/lib/data/overview-query';
import { readSeedFiles } from '@/lib/seed/files';
import { seed } from '@/lib/seed/seed';
import { DRIVERS, freshDb } from '../helpers/db';

const TODAY = new Date('2026-11-25T12:00:00Z');

describe.each(DRIVERS)('overview data on %s', (driver) => {
  let h: DbHandle;
  let overview: Overview;
  const plan = readSeedFiles().plan;
  const queries: string[] = [];

  beforeAll(async () => {
    h = await freshDb(driver, { logQuery: (q) => queries.push(q) });
    await seed(h.db, readSeedFiles());
    overview = (await loadOverview(h.db, TODAY))!;
  });
  afterAll(async () => h?.close());

  it('has the plan, its three areas and every övergripande mål in plan order', () => {
    expect(overview.plan).toMatchObject({ kommunName: 'Hedemora', decidedDate: '2024-09-17', reviseBy: '2026-07' });
    expect(overview.areas.map((a) => a.code)).toEqual(plan.areas.map((a) => a.code));
    for (const [i, area] of overview.areas.entries()) {
      expect(area.goals.map((g) => g.code)).toEqual(plan.areas[i]!.overallGoals.map((g) => g.code));
      for (const [j, goal] of area.goals.entries()) {
        expect(goal.indicators.map((x) => x.id)).toEqual(plan.areas[i]!.overallGoals[j]!.indicators.map((l) => l.indicator));
      }
    }
    expect(overview.regions.map((r) => [r.code, r.name])).toEqual([['2083', 'Hedemora'], ['20', 'Dalarna'], ['00', 'Sverige']]);
  });

  it('reads the page in a fixed number of queries, not one per indicator', async () => {
    queries.length = 0;
    await loadOverview(h.db, TODAY);
    const indicators = overview.areas.flatMap((a) => a.goals).flatMap((g) => g.indicators).length;
    expect(indicators).toBeGreaterThan(15);
    // Plan, regions, areas and goals, links, observations, site series, and the population behind the län share.
    expect(queries.length).toBeLessThanOrEqual(9);
  });

  it('says the revision date has passed', () => {
    expect(overview.plan.revision).toEqual({ dueDate: '2026-07-31', overdue: true, monthsOverdue: 4 });
  });

  it('gives the latest value per region as stored, with KI, n and period', async () => {
    const ind = overview.areas.flatMap((a) => a.goals).flatMap((g) => g.indicators).find((x) => x.id === 'ntu_otrygg_kvall')!;
    for (const [key, code] of [['kommun', '2083'], ['lan', '20'], ['riket', '00']] as const) {
      const rows = await h.db.select().from(observations)
        .where(and(eq(observations.indicatorId, 'ntu_otrygg_kvall'), eq(observations.regionCode, code)));
      const last = rows.sort((a, b) => a.periodStart.localeCompare(b.periodStart)).at(-1)!;
      expect(ind.latest[key]).toEqual({
        value: last.value, period: last.period, ciLow: last.ciLow, ciHigh: last.ciHigh, n: last.n, status: last.status, isExample: true,
      });
    }
    expect(ind.series.map((r) => r.period)).toEqual(['2015–2016', '2017–2018', '2019–2020', '2021–2022', '2023–2024', '2025–2026']);
    expect(ind.hasExample).toBe(true);
  });

  it('attaches the real EUDA range for the same substance to wastewater indicators', async () => {
    const ind = overview.areas.flatMap((a) => a.goals).flatMap((g) => g.indicators).find((x) => x.id === 'avlopp_kokain')!;
    expect(ind.latest.riket).toBeNull();
    const ref = ind.siteReference!;
    expect(ref.indicatorId).toBe('euda_ref_kokain');
    // Independently from the source file: Swedish cocaine daily means of the latest year.
    const lines = fs.readFileSync('data-imports/euda/ww2025-all-data.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const se = lines.filter((c) => c[1] === '"cocaine"' && c[3] === '"SE"');
    const year = Math.max(...se.map((c) => Number(c[0])));
    const values = se.filter((c) => Number(c[0]) === year).map((c) => Number(c[14])).filter((v) => v > 0);
    expect(ref.period).toBe(String(year));
    expect(ref.min).toBe(Math.min(...values));
    expect(ref.max).toBe(Math.max(...values));
    expect(ref.sites).toHaveLength(se.filter((c) => Number(c[0]) === year).length);
  });

  it('only uses total-population rows of the three regions', async () => {
    const ids = overview.areas.flatMap((a) => a.goals).flatMap((g) => g.indicators).map((x) => x.id);
    const rows = await h.db.select().from(observations).where(and(inArray(observations.indicatorId, ids), eq(observations.regionCode, '2083')));
    const counted = overview.areas.flatMap((a) => a.goals).flatMap((g) => g.indicators)
      .reduce((acc, x) => acc.set(x.id, x.series.filter((r) => r.kommun !== null).length), new Map<string, number>());
    for (const id of new Set(ids)) {
      expect(counted.get(id), id).toBe(rows.filter((r) => r.indicatorId === id && r.value !== null).length);
    }
  });
});
