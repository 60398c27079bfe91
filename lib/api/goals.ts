import type { Db } from '../db/client';
import { listObservations } from '../db/queries/indicators';
import { getCurrentPlan, getRegionWithParent, listAreas, listGoalLinks, listGoals } from '../db/queries/plan';
import { RIKET_CODE } from '../seed/regions';
import { assessIndicator } from '../data/assess';

/** Every goal of the plan with its linked indicators and their current verdicts (fixed number of queries). */
export async function apiGoals(db: Db, today: Date) {
  const plan = await getCurrentPlan(db);
  const geo = plan ? await getRegionWithParent(db, plan.kommunCode) : null;
  if (!plan || !geo?.parent) return [];
  const [areas, goals] = await Promise.all([listAreas(db, plan.id), listGoals(db, plan.id)]);
  const links = await listGoalLinks(db, goals.map((g) => g.id));
  const codes = [geo.region.code, geo.parent.code, RIKET_CODE] as const;
  const obs = (await listObservations(db, { indicatorIds: [...new Set(links.map((l) => l.indicator.id))], regionCodes: [...codes], sex: 'T', grp: '', site: '' })).map((r) => r.obs);
  return goals.map((g) => ({
    code: g.code,
    kind: g.kind,
    area: areas.find((a) => a.id === g.areaId)?.code ?? null,
    text: g.text,
    indicators: links.filter((l) => l.link.goalId === g.id).map((l) => {
      const of = (c: string) => obs.filter((o) => o.indicatorId === l.indicator.id && o.regionCode === c);
      const a = assessIndicator({
        indicator: l.indicator, source: l.source, link: l.link, decidedDate: plan.decidedDate, kommun: of(codes[0]), lan: of(codes[1]), riket: of(codes[2]),
        names: { lan: geo.parent!.shortName, riket: 'Sverige' }, kommunCode: codes[0], today,
      });
      const v = a.verdict;
      return {
        id: l.indicator.id, name: l.indicator.name, role: l.link.role,
        verdict: { label: v.label, neutral: v.neutral, reason: v.reason, baseline: v.baseline?.period ?? null, latest: v.latest?.period ?? null,
          latestValue: v.latest?.value ?? null, delta: v.delta, zEq: v.zEq, flags: v.flags, pace: v.pace?.label ?? null, sentence: v.sentence },
        benchmarks: a.benchmarks.map((b) => ({ against: b.name, label: b.label })),
        stale: a.stale.stale,
      };
    }),
  }));
}
