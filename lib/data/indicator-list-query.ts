import { z } from 'zod';
import type { Db } from '../db/client';
import { listIndicators, listObservations } from '../db/queries/indicators';
import { getCurrentPlan, getRegionWithParent, listAreas, listGoalLinks, listGoals } from '../db/queries/plan';
import { RIKET_CODE } from '../regions/codes';
import type { VerdictLabel } from '../stats/types';
import { assessIndicator, type Assessment } from './assess';
import { loadPopulation } from './population';

export const listQuery = z.object({
  q: z.string().max(100).optional().catch(undefined),
  omrade: z.string().max(10).optional().catch(undefined),
  kalla: z.string().max(50).optional().catch(undefined),
  bedomning: z.string().max(60).optional().catch(undefined),
});
export type ListQuery = z.infer<typeof listQuery>;

export interface ListedIndicator {
  id: string;
  name: string;
  sourceId: string;
  sourceName: string;
  areas: string[];
  goals: string[];
  /** The same goals with their text, for people to read. */
  goalTexts: { code: string; text: string; kind: string }[];
  assessment: Assessment;
  label: VerdictLabel | 'Sammanhang';
}

/** Every catalogue indicator with its verdict for the kommun (by default the installation's first), filtered as the URL says. */
export async function loadIndicatorList(db: Db, q: ListQuery, today: Date, kommunCode?: string) {
  const plan = await getCurrentPlan(db, kommunCode);
  const geo = plan ? await getRegionWithParent(db, plan.kommunCode) : null;
  if (!plan || !geo?.parent) return null;
  const [rows, areas, goals, population] = await Promise.all([
    listIndicators(db),
    listAreas(db, plan.id),
    listGoals(db, plan.id),
    loadPopulation(db, geo.region.code, geo.parent.code),
  ]);
  const links = await listGoalLinks(
    db,
    goals.map((g) => g.id),
  );
  const codes = [geo.region.code, geo.parent.code, RIKET_CODE];
  const obs = (
    await listObservations(db, { indicatorIds: rows.map((r) => r.indicator.id), regionCodes: codes, sex: 'T', grp: '', site: '' })
  ).map((r) => r.obs);
  const areaOf = new Map(areas.map((a) => [a.id, a]));
  const all: ListedIndicator[] = rows.map(({ indicator, source }) => {
    const mine = obs.filter((o) => o.indicatorId === indicator.id);
    const of = (c: string) => mine.filter((o) => o.regionCode === c);
    const myLinks = links.filter((l) => l.indicator.id === indicator.id);
    const goalsOf = myLinks.map((l) => goals.find((g) => g.id === l.link.goalId)!);
    const link = myLinks.find((l) => goalsOf.find((g) => g.id === l.link.goalId)?.kind === 'overall')?.link ?? myLinks[0]?.link ?? null;
    const assessment = assessIndicator({
      indicator,
      source,
      link,
      decidedDate: plan.decidedDate,
      kommun: of(codes[0]!),
      lan: of(codes[1]!),
      riket: of(codes[2]!),
      names: { lan: geo.parent!.name, riket: 'Sverige' },
      kommunCode: codes[0]!,
      today,
      population,
    });
    return {
      id: indicator.id,
      name: indicator.name,
      sourceId: source.id,
      sourceName: source.name,
      areas: [...new Set(goalsOf.map((g) => areaOf.get(g.areaId)?.code ?? ''))].filter(Boolean),
      goals: [...new Set(goalsOf.map((g) => g.code))],
      goalTexts: [...new Map(goalsOf.map((g) => [g.code, { code: g.code, text: g.text, kind: g.kind }])).values()],
      assessment,
      label: assessment.verdict.label ?? 'Sammanhang',
    };
  });
  const text = q.q?.trim().toLocaleLowerCase('sv-SE');
  const shown = all.filter(
    (i) =>
      (!text || i.name.toLocaleLowerCase('sv-SE').includes(text) || i.id.includes(text)) &&
      (!q.omrade || i.areas.includes(q.omrade)) &&
      (!q.kalla || i.sourceId === q.kalla) &&
      // "Målet uppnått" is a target status beside the change verdict (statistics.md §7 rule 3).
      (!q.bedomning || i.label === q.bedomning || (q.bedomning === 'Målet uppnått' && i.assessment.verdict.target?.met === true)),
  );
  const sources = [...new Map(rows.map((r) => [r.source.id, r.source.name])).entries()];
  return {
    all: all.length,
    shown,
    areas: areas.map((a) => ({ code: a.code, title: a.title })),
    sources,
    kommunName: geo.region.shortName,
    kommunCode: geo.region.code,
  };
}
