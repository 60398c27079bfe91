import fs from 'node:fs';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/lib/db/client';
import { observations, regions } from '@/lib/db/schema';
import { apiObservations } from '@/lib/api/v1';
import { formatNumber } from '@/lib/format';
import { analyzeFile } from '@/lib/import/analyze';
import { commitImport, undoImport } from '@/lib/import/commit';
import { loadImportContext } from '@/lib/import/load-context';
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
    expect(overview.regions.map((r) => [r.code, r.name])).toEqual([
      ['2083', 'Hedemora'],
      ['20', 'Dalarnas län'],
      ['00', 'Sverige'],
    ]);
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
    const ind = overview.areas
      .flatMap((a) => a.goals)
      .flatMap((g) => g.indicators)
      .find((x) => x.id === 'ntu_otrygg_kvall')!;
    for (const [key, code] of [
      ['kommun', '2083'],
      ['lan', '20'],
      ['riket', '00'],
    ] as const) {
      const rows = await h.db
        .select()
        .from(observations)
        .where(and(eq(observations.indicatorId, 'ntu_otrygg_kvall'), eq(observations.regionCode, code)));
      const last = rows.sort((a, b) => a.periodStart.localeCompare(b.periodStart)).at(-1)!;
      expect(ind.latest[key]).toEqual({
        value: last.value,
        period: last.period,
        ciLow: last.ciLow,
        ciHigh: last.ciHigh,
        n: last.n,
        status: last.status,
        isExample: false,
        source: 'Brå, Indikatorer för kommuners lägesbild',
      });
    }
    // Brå's survey years, read independently from the shipped file.
    const years = [
      ...new Set(
        fs
          .readFileSync('data-imports/bra/bra-kommunindikatorer-dalarna.csv', 'utf8')
          .split('\n')
          .filter((l) => l.includes('"Otrygghet vid utevistelse') && l.includes('"Hedemora"'))
          .map((l) => l.split(';')[4]!.replace(/"/g, '')),
      ),
    ].sort();
    expect(ind.series.map((r) => r.period)).toEqual(years);
    expect(ind.hasExample).toBe(false);
    expect(ind.sources).toEqual(['Brå, Indikatorer för kommuners lägesbild']);
  });

  it('attaches the real EUDA range for the same substance to wastewater indicators', async () => {
    const ind = overview.areas
      .flatMap((a) => a.goals)
      .flatMap((g) => g.indicators)
      .find((x) => x.id === 'avlopp_kokain')!;
    expect(ind.latest.riket).toBeNull();
    const ref = ind.siteReference!;
    expect(ref.indicatorId).toBe('euda_ref_kokain');
    // Independently from the source file: Swedish cocaine daily means of the latest year.
    const lines = fs
      .readFileSync('data-imports/euda/ww2025-all-data.csv', 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const se = lines.filter((c) => c[1] === '"cocaine"' && c[3] === '"SE"');
    const year = Math.max(...se.map((c) => Number(c[0])));
    const values = se
      .filter((c) => Number(c[0]) === year)
      .map((c) => Number(c[14]))
      .filter((v) => v > 0);
    expect(ref.period).toBe(String(year));
    expect(ref.min).toBe(Math.min(...values));
    expect(ref.max).toBe(Math.max(...values));
    expect(ref.sites).toHaveLength(se.filter((c) => Number(c[0]) === year).length);
  });

  it('only uses total-population rows of the three regions', async () => {
    const ids = overview.areas
      .flatMap((a) => a.goals)
      .flatMap((g) => g.indicators)
      .map((x) => x.id);
    const rows = await h.db
      .select()
      .from(observations)
      .where(and(inArray(observations.indicatorId, ids), eq(observations.regionCode, '2083')));
    const counted = overview.areas
      .flatMap((a) => a.goals)
      .flatMap((g) => g.indicators)
      .reduce((acc, x) => acc.set(x.id, x.series.filter((r) => r.kommun !== null).length), new Map<string, number>());
    for (const id of new Set(ids)) {
      expect(counted.get(id), id).toBe(rows.filter((r) => r.indicatorId === id && r.value !== null).length);
    }
  });

  it('judges a series on real values only: one real value imported onto an example series is never compared with the examples', async () => {
    // An indicator of an övergripande mål whose kommun series is still example data and has a verdict on it.
    const all = overview.areas.flatMap((a) => a.goals).flatMap((g) => g.indicators);
    const ind = all.find(
      (i) =>
        i.latest.kommun?.isExample &&
        i.latest.kommun.value !== null &&
        i.assessment.verdict.label !== 'Underlag saknas' &&
        i.assessment.verdict.baseline !== null &&
        i.unitKind === 'percent',
    )!;
    expect(ind, 'an example series with a verdict').toBeDefined();
    const last = ind.latest.kommun!;
    const nextYear = String(Number(last.period.slice(-4)) + 1);
    const real = Math.min(95, last.value! + 6);
    const ctx = await loadImportContext(h.db);
    const csv = `indikator;region;period;värde;n\n${ind.id};2083;${nextYear};${String(real).replace('.', ',')};400\n`;
    const a = await analyzeFile({ fileName: 'en-verklig.csv', bytes: new TextEncoder().encode(csv) }, ctx);
    expect(a.issues).toEqual([]);
    const { importId } = await commitImport(h.db, a, { createdBy: 'test' });
    try {
      const after = (await loadOverview(h.db, TODAY))!.areas
        .flatMap((x) => x.goals)
        .flatMap((g) => g.indicators)
        .find((i) => i.id === ind.id)!;
      // The kommun line now holds the one real value and no invented one.
      const kommun = after.series.filter((r) => r.kommun !== null);
      expect(kommun.map((r) => [r.period, r.kommun])).toEqual([[nextYear, real]]);
      expect(after.latest.kommun).toMatchObject({ value: real, isExample: false });
      // One real point is no change at all: no verdict from a comparison with an example baseline.
      const v = after.assessment.verdict;
      expect(v.baseline === null || v.baseline.period === nextYear).toBe(true);
      expect(v.delta).toBeNull();
      expect(v.label === null || v.label === 'Underlag saknas').toBe(true);
      expect(v.sentence).not.toContain(formatNumber(last.value!, ind.decimals));
      // The API says the same, value by value.
      const api = await apiObservations(h.db, { indicatorIds: [ind.id], regionCodes: ['2083'], sex: 'T', grp: '', site: '' });
      expect(api.map((o) => [o.period, o.value, o.example])).toEqual([[nextYear, real, false]]);
      expect(api[0]!.source).toMatch(/^Importerad fil en-verklig\.csv \(\d{4}-\d{2}-\d{2}\)$/);
    } finally {
      await undoImport(h.db, importId, { by: 'test' });
    }
    // Undone: the example series is back, as it was.
    const restored = (await loadOverview(h.db, TODAY))!.areas
      .flatMap((x) => x.goals)
      .flatMap((g) => g.indicators)
      .find((i) => i.id === ind.id)!;
    expect(restored.latest.kommun).toEqual(last);
  });

  it("serves Brå's real values through the API for the kommun, the län, riket and the län's other kommuner, each marked real with its source", async () => {
    const api = await apiObservations(h.db, {
      indicatorIds: ['ntu_problem_narkotikahandel'],
      from: '2025-01-01',
      to: '2025-12-31',
      sex: 'T',
      grp: '',
      site: '',
    });
    const byRegion = new Map(api.map((o) => [o.region, o]));
    expect(byRegion.get('2083')).toMatchObject({
      value: 6,
      ciLow: 4,
      ciHigh: 9,
      n: 98,
      example: false,
      source: 'Brå, Indikatorer för kommuners lägesbild',
    });
    expect(byRegion.get('20')!.value).toBeCloseTo(3.04, 2);
    expect(byRegion.get('00')!.example).toBe(false);
    const lan = await h.db.select({ code: regions.code }).from(regions).where(eq(regions.parentCode, '20'));
    for (const k of lan) expect(byRegion.get(k.code)?.example, k.code).toBe(false);
  });
});
