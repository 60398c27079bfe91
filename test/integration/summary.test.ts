import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/lib/db/client';
import { observations } from '@/lib/db/schema';
import { loadOverview } from '@/lib/data/overview-query';
import { loadOverviewSummary, type AreaSummary, type GoalSummary } from '@/lib/data/summary-query';
import type { Overview } from '@/lib/data/overview-query';
import { readSeedFiles, type SeedFiles } from '@/lib/seed/files';
import { seed } from '@/lib/seed/seed';
import { DRIVERS, freshDb } from '../helpers/db';

const TODAY = new Date('2026-11-25T12:00:00Z');
const REGIONS = ['2083', '20', '00'];

/**
 * The shipped plan with one more övergripande mål whose two indicators have no value anywhere (neither published
 * statistics nor an example profile): the summary must say "no data" for it rather than leave it out.
 */
function filesWithEmptyGoal(): SeedFiles {
  const files = readSeedFiles();
  const plan = structuredClone(files.plan);
  const area = plan.areas.find((a) => a.code === 'T')!;
  area.overallGoals.push({
    code: 'T-M9',
    text: 'Fler områden med grannsamverkan och Huskurage',
    indicators: ['grannsamverkan_omraden', 'huskurage_anslutna'].map((indicator, i) => ({
      indicator,
      role: i === 0 ? 'primary' : 'supporting',
      baselinePeriod: null,
      targetValue: null,
      targetYear: null,
      sex: 'T',
      group: '',
      note: null,
    })),
  });
  return { ...files, plan, plans: [{ file: files.planFile, plan }, ...files.plans.slice(1)] };
}

type Row = typeof observations.$inferSelect;

/** The rows a page may show, read straight from the table: a series with one real value shows no example values. */
function shownRows(rows: Row[]): Row[] {
  const realSeries = new Set(rows.filter((r) => !r.isExample).map((r) => `${r.indicatorId}|${r.regionCode}`));
  return rows.filter((r) => !r.isExample || !realSeries.has(`${r.indicatorId}|${r.regionCode}`));
}

describe.each(DRIVERS)('the overview summary on %s', (driver) => {
  let h: DbHandle;
  let overview: Overview;
  let areas: AreaSummary[];
  const files = filesWithEmptyGoal();
  const planGoals = files.plan.areas.flatMap((a) => a.overallGoals.map((g) => ({ area: a.code, ...g })));
  const direction = new Map(files.indicators.map((i) => [i.id, i.direction]));

  async function rowsOf(goal: (typeof planGoals)[number]): Promise<Row[]> {
    const ids = goal.indicators.map((l) => l.indicator);
    const rows = await h.db
      .select()
      .from(observations)
      .where(
        and(
          inArray(observations.indicatorId, ids),
          inArray(observations.regionCode, REGIONS),
          eq(observations.sex, 'T'),
          eq(observations.grp, ''),
          eq(observations.site, ''),
        ),
      );
    return shownRows(rows);
  }
  const summaryOf = (code: string): GoalSummary => areas.flatMap((a) => a.goals).find((g) => g.code === code)!;

  beforeAll(async () => {
    h = await freshDb(driver);
    await seed(h.db, files);
    const result = (await loadOverviewSummary(h.db, TODAY))!;
    ({ overview, areas } = result);
  });
  afterAll(async () => h?.close());

  it('has one row per övergripande mål, grouped by area in plan order', () => {
    expect(areas.map((a) => a.code)).toEqual(files.plan.areas.map((a) => a.code));
    for (const [i, a] of areas.entries()) {
      expect(a.title).toBe(files.plan.areas[i]!.title);
      expect(a.goals.map((g) => [g.code, g.text])).toEqual(files.plan.areas[i]!.overallGoals.map((g) => [g.code, g.text]));
      expect(a.indicatorCount).toBe(files.plan.areas[i]!.overallGoals.reduce((n, g) => n + g.indicators.length, 0));
    }
  });

  it("counts each indicator's verdict once: only säkerställd changes as better or worse, weak signs as unchanged", () => {
    const groups = { better: 0, worse: 0, unchanged: 0, noData: 0 };
    for (const goal of overview.areas.flatMap((a) => a.goals)) {
      const labels = goal.indicators.map((i) => i.assessment.verdict.label);
      const expected = {
        better: labels.filter((l) => l === 'Säkerställd förbättring').length,
        worse: labels.filter((l) => l === 'Säkerställd försämring').length,
        unchanged: labels.filter((l) => l === 'Oförändrat' || l?.startsWith('Tecken på')).length,
        noData: labels.filter((l) => l === 'Underlag saknas').length,
      };
      const s = summaryOf(goal.code);
      expect(s.verdicts, goal.code).toEqual(expected);
      expect(s.context, goal.code).toBe(labels.filter((l) => l === null).length);
      expect(s.judged + s.context, goal.code).toBe(goal.indicators.length);
      for (const k of Object.keys(groups) as (keyof typeof groups)[]) groups[k] += s.verdicts[k];
    }
    // The seeded data holds verdicts of more than one kind, so the grouping is exercised.
    expect(Object.values(groups).filter((n) => n > 0).length).toBeGreaterThan(1);
  });

  it('says per goal how many indicators rest on real values, on example values, and on none, as the database holds them', async () => {
    for (const goal of planGoals) {
      const rows = await rowsOf(goal);
      const expected = { real: 0, example: 0, none: 0 };
      for (const l of goal.indicators) {
        const mine = rows.filter((r) => r.indicatorId === l.indicator);
        expected[mine.length === 0 ? 'none' : mine.some((r) => r.isExample) ? 'example' : 'real']++;
      }
      expect(summaryOf(goal.code).data, goal.code).toEqual(expected);
    }
    // V-M2's one indicator (socialtjänstens register) has example values only: counted as example, trend and period marked.
    const vm2 = summaryOf('V-M2');
    expect(vm2.data).toEqual({ real: 0, example: 1, none: 0 });
    expect(vm2.trend?.example).toBe(true);
    expect(vm2.trend?.text).toContain('Exempeldata');
    expect(vm2.latest?.example).toBe(true);
    // A goal resting on real statistics (Brå's NTU) is not marked as example.
    expect(summaryOf('T-M1').data.real).toBeGreaterThan(0);
  });

  it('shows a goal without any data as such: every indicator "Underlag saknas", no period, no trend', () => {
    expect(summaryOf('T-M9')).toMatchObject({
      verdicts: { better: 0, worse: 0, unchanged: 0, noData: 2 },
      data: { real: 0, example: 0, none: 2 },
      latest: null,
      trend: null,
    });
  });

  it('gives the latest kommun period of each goal, real values before example ones', async () => {
    for (const goal of planGoals) {
      const kommun = (await rowsOf(goal)).filter((r) => r.regionCode === '2083' && r.value !== null);
      const pool = kommun.some((r) => !r.isExample) ? kommun.filter((r) => !r.isExample) : kommun;
      const last = pool.sort((a, b) => a.periodStart.localeCompare(b.periodStart)).at(-1);
      expect(summaryOf(goal.code).latest, goal.code).toEqual(last ? { period: last.period, example: last.isExample } : null);
    }
  });

  it("draws the trend of the goal's first primary indicator with real kommun values, with the values as stored", async () => {
    for (const goal of planGoals) {
      const rows = await rowsOf(goal);
      const kommunOf = (id: string) =>
        rows
          .filter((r) => r.indicatorId === id && r.regionCode === '2083' && r.value !== null)
          .sort((a, b) => a.periodStart.localeCompare(b.periodStart));
      const candidates = goal.indicators.filter(
        (l) => l.role !== 'context' && direction.get(l.indicator) !== 'ctx' && kommunOf(l.indicator).length >= 2,
      );
      const order = (l: (typeof candidates)[number]) =>
        (kommunOf(l.indicator).some((r) => r.isExample) ? 2 : 0) + (l.role === 'primary' ? 0 : 1);
      const pick = [...candidates].sort((a, b) => order(a) - order(b))[0];
      const trend = summaryOf(goal.code).trend;
      if (!pick) {
        expect(trend, goal.code).toBeNull();
        continue;
      }
      expect(trend?.indicatorId, goal.code).toBe(pick.indicator);
      expect(trend!.points, goal.code).toEqual(kommunOf(pick.indicator).map((r) => ({ period: r.period, value: r.value })));
      // The text alternative names the indicator, the first and the latest period.
      const pts = trend!.points;
      expect(trend!.text).toContain(pts[0]!.period);
      expect(trend!.text).toContain(pts.at(-1)!.period);
    }
    // NTU's real series carries T-M1's trend, not one of its example indicators.
    expect(summaryOf('T-M1').trend).toMatchObject({ indicatorId: 'ntu_otrygg_kvall', example: false });
  });

  it("reads one area's detail alone, the same as in the whole overview", async () => {
    const t = (await loadOverview(h.db, TODAY, { areaCode: 'T' }))!;
    expect(t.areas.map((a) => a.code)).toEqual(['T']);
    expect(t.areas[0]).toEqual(overview.areas.find((a) => a.code === 'T'));
    expect((await loadOverview(h.db, TODAY, { areaCode: 'X' }))!.areas).toEqual([]);
  });
});
