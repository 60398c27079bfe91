import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { listObservations } from '../db/queries/indicators';
import { getCurrentPlan, getRegionWithParent, listAreas, listGoalLinks, listGoals } from '../db/queries/plan';
import { imports, regions } from '../db/schema';
import { RIKET_CODE } from '../regions/codes';
import { assessIndicator, type Provenance } from './assess';
import { loadPopulation } from './population';
import { summarizeComparisons } from '../stats/compare';

type ImportRef = { id: number; kind: string; fileName: string; createdAt: string };

/**
 * Every goal of a kommun's plan in force (by default the installation's first kommun's) with its linked indicators and
 * their current verdicts (fixed number of queries).
 */
export async function apiGoals(db: Db, today: Date, kommunCode?: string) {
  const plan = await getCurrentPlan(db, kommunCode);
  const geo = plan ? await getRegionWithParent(db, plan.kommunCode) : null;
  if (!plan || !geo?.parent) return [];
  const [areas, goals, lanKommuner, population] = await Promise.all([
    listAreas(db, plan.id),
    listGoals(db, plan.id),
    db.select({ code: regions.code }).from(regions).where(eq(regions.parentCode, geo.parent.code)),
    loadPopulation(db, geo.region.code, geo.parent.code),
  ]);
  const links = await listGoalLinks(
    db,
    goals.map((g) => g.id),
  );
  const codes = [geo.region.code, geo.parent.code, RIKET_CODE] as const;
  const kommunCodes = lanKommuner.map((k) => k.code);
  const obs = (
    await listObservations(db, {
      indicatorIds: [...new Set(links.map((l) => l.indicator.id))],
      regionCodes: [...new Set([...codes, ...kommunCodes])],
      site: '',
      series: links.map((l) => ({ indicatorId: l.indicator.id, sex: l.link.sex, grp: l.link.grp })),
    })
  ).map((r) => r.obs);
  const importIds = [...new Set(obs.map((o) => o.importId))];
  const importRows = importIds.length === 0 ? [] : await db.select().from(imports).where(inArray(imports.id, importIds));
  const importOf = new Map<number, ImportRef>(
    importRows.map((i) => [i.id, { id: i.id, kind: i.kind, fileName: i.fileName, createdAt: i.createdAt.toISOString() }]),
  );
  // Every value and verdict says whether it rests on Exempeldata and which import wrote it (statistics.md §7).
  const origin = (p: Provenance, source: { id: string; name: string }) => ({
    example: p.example,
    source: { id: source.id, name: source.name },
    imports: p.importIds.map((id) => importOf.get(id)).filter((i): i is ImportRef => !!i),
  });
  return goals.map((g) => {
    const inds = links
      .filter((l) => l.link.goalId === g.id)
      .map((l) => {
        const mine = obs.filter((o) => o.indicatorId === l.indicator.id && o.sex === l.link.sex && o.grp === l.link.grp);
        const of = (c: string) => mine.filter((o) => o.regionCode === c);
        const latestByKommun = kommunCodes
          .map((c) => ({ code: c, obs: of(c).at(-1) }))
          .filter((k): k is { code: string; obs: NonNullable<typeof k.obs> } => k.obs !== undefined);
        const a = assessIndicator({
          indicator: l.indicator,
          source: l.source,
          link: l.link,
          decidedDate: plan.decidedDate,
          kommun: of(codes[0]),
          lan: of(codes[1]),
          riket: of(codes[2]),
          names: { lan: geo.parent!.name, riket: 'Sverige' },
          kommunCode: codes[0],
          today,
          lanKommuner: latestByKommun,
          population,
          subgroup: l.link.sex !== 'T' || l.link.grp !== '',
        });
        const v = a.verdict;
        return {
          id: l.indicator.id,
          name: l.indicator.name,
          role: l.link.role,
          verdict: {
            label: v.label,
            neutral: v.neutral,
            reason: v.reason,
            baseline: v.baseline?.period ?? null,
            latest: v.latest?.period ?? null,
            baselineValue: v.baseline?.value ?? null,
            latestValue: v.latest?.value ?? null,
            delta: v.delta,
            size: v.size,
            zEq: v.zEq,
            p: v.p,
            method: v.method,
            dispersion: v.dispersion,
            flags: v.flags,
            notes: v.notes,
            target: v.target,
            pace: v.pace ? { label: v.pace.label, text: v.pace.text, slope: v.pace.slope ?? null } : null,
            sentence: v.sentence,
            ...origin(a.provenance, l.source),
          },
          benchmarks: a.benchmarks.map((b) => ({
            against: b.name,
            label: b.label,
            text: b.text,
            significant: b.significant,
            p: b.p,
            size: b.size,
            share: b.w,
            ...origin(b.provenance, l.source),
          })),
          rank: a.rank
            ? {
                rank: a.rank.rank,
                of: a.rank.of,
                low: a.rank.low,
                high: a.rank.high,
                period: a.rank.period,
                ...origin(a.rank.provenance, l.source),
              }
            : null,
          stale: a.stale.stale,
        };
      });
    return {
      code: g.code,
      kind: g.kind,
      area: areas.find((a) => a.id === g.areaId)?.code ?? null,
      text: g.text,
      // §5: every test the goal shows, the false alarms chance alone would give, and what survives Holm.
      comparisons: summarizeComparisons(inds.flatMap((i) => [i.verdict.p, ...i.benchmarks.map((b) => b.p)])),
      indicators: inds,
    };
  });
}

export type ApiGoal = Awaited<ReturnType<typeof apiGoals>>[number];

export const GOALS_CSV_HEADER = [
  'mål',
  'måltext',
  'indikator',
  'roll',
  'bedömning',
  'målstatus',
  'takt',
  'baslinje',
  'senaste',
  'senaste_värde',
  'jämförelse_län',
  'jämförelse_riket',
  'rang',
  'mening',
  'exempeldata',
  'källa',
  'importer',
];

/** One row per goal × indicator; every row says whether it rests on Exempeldata and names its source and imports. */
export function goalsCsvRows(goals: ApiGoal[]): (string | number | null)[][] {
  return goals.flatMap((g) =>
    g.indicators.map((i) => {
      const v = i.verdict;
      const bench = (k: number) => (i.benchmarks[k] ? `${i.benchmarks[k]!.text}${i.benchmarks[k]!.example ? ' [exempeldata]' : ''}` : '');
      const rank = i.rank ? `${i.rank.rank} av ${i.rank.of} (95 % KI ${i.rank.low}–${i.rank.high})` : '';
      const anyExample = v.example || i.benchmarks.some((b) => b.example);
      return [
        g.code,
        g.text,
        i.id,
        i.role,
        v.label ?? v.neutral ?? '',
        v.target?.text ?? '',
        v.pace?.text ?? '',
        v.baseline,
        v.latest,
        v.latestValue,
        bench(0),
        bench(1),
        rank,
        v.sentence,
        anyExample ? 'ja' : 'nej',
        v.source.name,
        v.imports.map((x) => `${x.id} ${x.fileName}`).join(', '),
      ];
    }),
  );
}
