import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/lib/db/client';
import { getCurrentPlan, listPlanKommuner } from '@/lib/db/queries/plan';
import { observations, plans } from '@/lib/db/schema';
import { loadRegionalView, type RegionalView } from '@/lib/data/regional-query';
import { loadGoalView } from '@/lib/data/goal-query';
import { getActionView, listActionViews } from '@/lib/data/followup/measures';
import { loadPlanPage } from '@/lib/data/plan-query';
import { loadLagesbildPage } from '@/lib/data/reports-query';
import { loadGroupsPage } from '@/lib/data/comparison-groups';
import { readSeedFiles, type SeedFiles } from '@/lib/seed/files';
import { seed } from '@/lib/seed/seed';
import { DRIVERS, freshDb } from '../helpers/db';

const TODAY = new Date('2026-11-25T12:00:00Z');
const AVESTA = '2084';

/**
 * A second kommun's plan for the tests: Hedemora's plan with Avesta's kommunkod and a title that says it is made up.
 * Its verdicts must come from Avesta's own values (Brå publishes them for all of Dalarna's kommuner).
 */
function avestaPlanJson(files: SeedFiles): string {
  const plan = structuredClone(files.plan);
  plan.kommunCode = AVESTA;
  plan.title = 'Fiktiv testplan för Avesta kommun';
  return JSON.stringify(plan, null, 2);
}

describe('the seed reads several plans: PLAN_FILE first, then PLANS_DIR', () => {
  let dir: string;
  const before = process.env.PLANS_DIR;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-plans-'));
  });
  afterAll(() => {
    if (before === undefined) delete process.env.PLANS_DIR;
    else process.env.PLANS_DIR = before;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loads every plan file in the folder once, the primary plan first, a copy of it not again', () => {
    const files = readSeedFiles();
    fs.writeFileSync(path.join(dir, 'avesta.json'), avestaPlanJson(files));
    fs.copyFileSync(path.resolve('data-imports/plan/hedemora-2024.json'), path.join(dir, 'hedemora-copy.json'));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a plan');
    process.env.PLANS_DIR = dir;
    const more = readSeedFiles();
    expect(more.plans.map((p) => p.plan.kommunCode)).toEqual(['2083', AVESTA]);
    expect(more.plan.kommunCode).toBe('2083');
    expect(more.plans[1]!.file.name).toContain('avesta.json');
  });

  it('refuses a plan file that does not follow the format, naming the file', () => {
    fs.writeFileSync(path.join(dir, 'broken.json'), JSON.stringify({ kommunCode: AVESTA }));
    process.env.PLANS_DIR = dir;
    expect(() => readSeedFiles()).toThrow(/broken\.json följer inte formatet/);
    fs.rmSync(path.join(dir, 'broken.json'));
  });
});

describe.each(DRIVERS)('several kommuner in one installation, on %s', (driver) => {
  let h: DbHandle;
  let files: SeedFiles;
  let view: RegionalView;

  beforeAll(async () => {
    h = await freshDb(driver);
    const base = readSeedFiles();
    const text = avestaPlanJson(base);
    const avesta = { file: { name: 'plans/avesta-test.json', text, sha256: 'avesta-test' }, plan: JSON.parse(text) as SeedFiles['plan'] };
    files = { ...base, plans: [...base.plans, avesta] };
    await seed(h.db, files);
    view = (await loadRegionalView(h.db, '20', TODAY))!;
  }, 240_000);
  afterAll(async () => {
    await h?.close();
  });

  it('keeps the first kommun as the installation’s own, and finds each kommun’s plan by its code', async () => {
    expect(await listPlanKommuner(h.db)).toEqual(['2083', AVESTA]);
    expect((await getCurrentPlan(h.db))!.kommunCode).toBe('2083');
    const avesta = await getCurrentPlan(h.db, AVESTA);
    expect(avesta!.title).toBe('Fiktiv testplan för Avesta kommun');
    expect(await getCurrentPlan(h.db, '2085')).toBeNull();
  });

  it('lists all 15 kommuner of Dalarna, those with a plan first, each with its own goals', () => {
    expect(view.lan).toEqual({ code: '20', name: 'Dalarnas län' });
    expect(view.kommuner).toHaveLength(15);
    expect(view.withPlan).toBe(2);
    expect(view.kommuner.slice(0, 2).map((k) => k.name)).toEqual(['Avesta', 'Hedemora']);
    expect(view.kommuner.filter((k) => k.home).map((k) => k.code)).toEqual(['2083']);
    const goalCodes = files.plan.areas.flatMap((a) => a.overallGoals.map((g) => g.code));
    for (const k of view.kommuner.slice(0, 2)) {
      expect(k.areas.flatMap((a) => a.goals.map((g) => g.code))).toEqual(goalCodes);
      const indicators = files.plan.areas.flatMap((a) => a.overallGoals.flatMap((g) => g.indicators)).length;
      expect(k.data.real + k.data.example + k.data.none).toBe(indicators);
      expect(Object.values(k.verdicts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    }
    for (const k of view.kommuner.slice(2)) {
      expect(k.plan).toBeNull();
      expect(k.areas).toEqual([]);
    }
  });

  it('draws each kommun’s trend from that kommun’s own values, read straight from the table', async () => {
    let compared = 0;
    for (const k of view.kommuner.filter((x) => x.plan)) {
      for (const goal of k.areas.flatMap((a) => a.goals)) {
        if (!goal.trend || goal.trend.example) continue;
        const rows = await h.db
          .select({ period: observations.period, value: observations.value })
          .from(observations)
          .where(
            and(
              eq(observations.indicatorId, goal.trend.indicatorId),
              eq(observations.regionCode, k.code),
              eq(observations.sex, 'T'),
              eq(observations.grp, ''),
              eq(observations.site, ''),
              eq(observations.isExample, false),
            ),
          )
          .orderBy(asc(observations.periodStart));
        const own = rows.filter((r) => r.value !== null).map((r) => ({ period: r.period, value: r.value }));
        expect(goal.trend.points, `${k.name} ${goal.code}`).toEqual(own);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(2);
    const trendOf = (code: string) => view.kommuner.find((k) => k.code === code)!.areas.flatMap((a) => a.goals)[0]!.trend;
    expect(trendOf(AVESTA)).not.toEqual(trendOf('2083'));
  });

  it('gives the second kommun example series where no real value exists, marked as example data', async () => {
    const rows = await h.db
      .select({ isExample: observations.isExample })
      .from(observations)
      .where(and(eq(observations.regionCode, AVESTA), eq(observations.indicatorId, 'lupp_hotad')));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.isExample)).toBe(true);
  });

  it('gives each kommun’s goal page its own plan and values: the kommun code picks the plan, none the first kommun', async () => {
    const [first, hedemora, avesta] = await Promise.all([
      loadGoalView(h.db, 'N-M1', TODAY),
      loadGoalView(h.db, 'N-M1', TODAY, '2083'),
      loadGoalView(h.db, 'N-M1', TODAY, AVESTA),
    ]);
    const avestaPlan = (await getCurrentPlan(h.db, AVESTA))!;
    expect(avesta!.plan.id).toBe(avestaPlan.id);
    expect(hedemora!.plan.id).not.toBe(avestaPlan.id);
    expect(first!.plan.id).toBe(hedemora!.plan.id);
    expect(avesta!.names.kommun).toBe('Avesta');
    expect(hedemora!.names.kommun).toBe('Hedemora');
    // The same indicators, each with the kommun's own latest value as stored for that kommun.
    expect(avesta!.indicators.map((i) => i.id)).toEqual(hedemora!.indicators.map((i) => i.id));
    expect(avesta!.goal.id).not.toBe(hedemora!.goal.id);
    expect(await loadGoalView(h.db, 'N-M1', TODAY, '2085')).toBeNull();
  });

  it('lists each kommun’s own åtgärder: the kommun code picks the plan', async () => {
    const avestaPlan = (await getCurrentPlan(h.db, AVESTA))!;
    const [mine, first] = await Promise.all([listActionViews(h.db, undefined, AVESTA), listActionViews(h.db)]);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((v) => v.action.planId === avestaPlan.id)).toBe(true);
    expect(first.every((v) => v.action.planId !== avestaPlan.id)).toBe(true);
    const code = mine[0]!.action.code;
    expect((await getActionView(h.db, code, AVESTA))!.action.planId).toBe(avestaPlan.id);
    expect((await getActionView(h.db, code))!.action.planId).not.toBe(avestaPlan.id);
    expect(await listActionViews(h.db, undefined, '2085')).toEqual([]);
  });

  it('gives the plan, lägesbild and comparison group pages the kommun’s own plan', async () => {
    const avestaPlan = (await getCurrentPlan(h.db, AVESTA))!;
    const [plan, first] = await Promise.all([loadPlanPage(h.db, 0, AVESTA), loadPlanPage(h.db, 0)]);
    expect(plan!.plan.id).toBe(avestaPlan.id);
    expect(plan!.allPlans.map((p) => p.id)).toEqual([avestaPlan.id]);
    expect(first!.plan.id).not.toBe(avestaPlan.id);
    expect(first!.allPlans.map((p) => p.id)).not.toContain(avestaPlan.id);
    // An earlier plan id of another kommun is not shown on this kommun's page.
    expect((await loadPlanPage(h.db, first!.plan.id, AVESTA))!.plan.id).toBe(avestaPlan.id);
    const lagesbild = await loadLagesbildPage(h.db, AVESTA);
    expect(lagesbild!.plan.id).toBe(avestaPlan.id);
    expect(lagesbild!.geo!.region.code).toBe(AVESTA);
    expect(lagesbild!.data.kommun).toContain('Avesta');
    expect((await loadLagesbildPage(h.db))!.data.kommun).toContain('Hedemora');
    expect((await loadGroupsPage(h.db, AVESTA))!.kommun.code).toBe(AVESTA);
    expect((await loadGroupsPage(h.db))!.kommun.code).toBe('2083');
  });

  it('loads nothing twice when seeded again, and answers null for a code that is not a län', async () => {
    const again = await seed(h.db, files);
    expect(again.planCreated).toBe(false);
    expect(await h.db.select({ id: plans.id }).from(plans)).toHaveLength(2);
    expect(again.examples.inserted).toBe(0);
    expect(await loadRegionalView(h.db, '2083', TODAY)).toBeNull();
    expect(await loadRegionalView(h.db, '99', TODAY)).toBeNull();
  });
});
