import { and, asc, eq } from 'drizzle-orm';
import { actionMarksFor, actionStartsByIndicator } from './followup/measures';
import type { Db } from '../db/client';
import { listGoalLinks, getCurrentPlan, getRegionWithParent } from '../db/queries/plan';
import { listObservations } from '../db/queries/indicators';
import { breakdownLabel } from './breakdown';
import { goals, priorityAreas, regions } from '../db/schema';
import { RIKET_CODE } from '../regions/codes';
import { summarizeSeries } from '../charts/summary';
import { assessIndicator, type Assessment } from './assess';
import { loadPopulation } from './population';
import { summarizeComparisons } from '../stats/compare';
import { indicatorChart, seriesTable, type ChartData } from './indicator-chart';
import { provenanceLabel, provenanceLabels } from '../provenance';

export interface GoalIndicatorView {
  id: string;
  name: string;
  unit: string;
  unitKind: Parameters<typeof summarizeSeries>[2]['unitKind'];
  decimals: number;
  type: string;
  direction: string;
  role: 'primary' | 'supporting' | 'context';
  /** The goal's series of the indicator (kon and grupp of the goal's link; the region itself). */
  series: { sex: string; grp: string };
  sourceName: string;
  /** Publisher and publication of the values shown ("Brå, Indikatorer för kommuners lägesbild"). */
  sources: string[];
  measuredGeography: string;
  hasExample: boolean;
  assessment: Assessment;
  chart: ChartData;
  lines: { key: 'kommun' | 'lan' | 'riket'; name: string }[];
  summary: string;
  table: {
    region: string;
    period: string;
    value: number | null;
    ciLow: number | null;
    ciHigh: number | null;
    n: number | null;
    status: string | null;
    example: boolean;
  }[];
}

/**
 * A goal page: every linked indicator assessed and charted, and the plan's table rows for the goal. The goal is
 * looked up in the kommun's plan (without a kommun, the installation's first kommun's).
 */
export async function loadGoalView(db: Db, code: string, today: Date, kommunCode?: string) {
  const plan = await getCurrentPlan(db, kommunCode);
  if (!plan) return null;
  const [goal] = await db
    .select()
    .from(goals)
    .where(and(eq(goals.planId, plan.id), eq(goals.code, code)));
  if (!goal) return null;
  const geo = await getRegionWithParent(db, plan.kommunCode);
  if (!geo?.parent) return null;
  const [area] = await db.select().from(priorityAreas).where(eq(priorityAreas.id, goal.areaId));
  const [links, tableRows, lanKommuner, population] = await Promise.all([
    listGoalLinks(db, [goal.id]),
    // An övergripande mål is worked on through its area's table rows; a table row shows itself.
    goal.kind === 'overall'
      ? db
          .select()
          .from(goals)
          .where(and(eq(goals.areaId, goal.areaId), eq(goals.kind, 'table')))
          .orderBy(asc(goals.sort))
      : Promise.resolve([goal]),
    db.select({ code: regions.code }).from(regions).where(eq(regions.parentCode, geo.parent.code)),
    loadPopulation(db, geo.region.code, geo.parent.code),
  ]);
  const ids = links.map((l) => l.indicator.id);
  const starts = await actionStartsByIndicator(db, plan.id, ids);
  const names = { kommun: geo.region.shortName, lan: geo.parent.name, riket: 'Sverige' };
  const codes = { kommun: geo.region.code, lan: geo.parent.code, riket: RIKET_CODE };
  const kommunCodes = lanKommuner.map((k) => k.code);
  const obs =
    ids.length === 0
      ? []
      : (
          await listObservations(db, {
            indicatorIds: ids,
            regionCodes: [...new Set([codes.lan, codes.riket, ...kommunCodes, codes.kommun])],
            site: '',
            // The breakdown each link counts (usually the total).
            series: links.map((l) => ({ indicatorId: l.indicator.id, sex: l.link.sex, grp: l.link.grp })),
          })
        ).map((r) => ({ ...r.obs, source: provenanceLabel(r.provenance) }));

  const indicators: GoalIndicatorView[] = links.map((l) => {
    const subgroup = l.link.sex !== 'T' || l.link.grp !== '';
    const mine = obs.filter((o) => o.indicatorId === l.indicator.id && o.sex === l.link.sex && o.grp === l.link.grp);
    const of = (c: string) => mine.filter((o) => o.regionCode === c);
    const latestByKommun = kommunCodes
      .map((c) => ({ code: c, obs: of(c).at(-1) }))
      .filter((k): k is { code: string; obs: NonNullable<typeof k.obs> } => k.obs !== undefined);
    const assessment = assessIndicator({
      indicator: l.indicator,
      source: l.source,
      link: l.link,
      decidedDate: plan.decidedDate,
      kommun: of(codes.kommun),
      lan: of(codes.lan),
      riket: of(codes.riket),
      names: { lan: names.lan, riket: names.riket },
      lanKommuner: latestByKommun,
      kommunCode: codes.kommun,
      today,
      subgroup,
      population,
    });
    const series = (['kommun', 'lan', 'riket'] as const)
      .map((k) => ({ key: k, name: names[k], rows: of(codes[k]) }))
      .filter((s) => s.rows.length > 0);
    const chart = indicatorChart(series, {
      sourceId: l.source.id,
      baseline: assessment.verdict.baseline?.period ?? null,
      target: l.link.targetValue,
      actions: actionMarksFor(starts, l.indicator.id, plan.validFrom),
    });
    const lines = series.map((s) => ({ key: s.key, name: s.name }));
    return {
      id: l.indicator.id,
      name: subgroup ? `${l.indicator.name} (${breakdownLabel({ sex: l.link.sex, grp: l.link.grp, site: '' })})` : l.indicator.name,
      unit: l.indicator.unit,
      unitKind: l.indicator.unitKind,
      decimals: l.indicator.decimals,
      type: l.indicator.type,
      direction: l.indicator.direction,
      role: l.link.role,
      series: { sex: l.link.sex, grp: l.link.grp },
      sourceName: l.source.name,
      sources: provenanceLabels(mine.filter((o) => [codes.kommun, codes.lan, codes.riket].includes(o.regionCode)).map((o) => o.source)),
      measuredGeography: l.indicator.measuredGeography,
      hasExample: mine.some((o) => o.isExample && [codes.kommun, codes.lan, codes.riket].includes(o.regionCode)),
      assessment,
      chart,
      lines,
      summary: summarizeSeries(chart.rows as never, lines, l.indicator),
      table: seriesTable(series),
    };
  });
  // §5: every test the page shows — each change test and each benchmark test.
  const comparisons = summarizeComparisons(indicators.flatMap((i) => [i.assessment.verdict.p, ...i.assessment.benchmarks.map((b) => b.p)]));
  return { plan, goal, area: area!, indicators, tableRows, names, comparisons };
}
