import type { UnitKind } from '../catalogue/catalogue-file';
import { summarizeSeries } from '../charts/summary';
import { sparkGeometry, type SparkGeometry } from '../charts/sparkline';
import type { Db } from '../db/client';
import type { VerdictLabel } from '../stats/types';
import { loadOverview, type Overview, type OverviewGoal, type OverviewIndicator } from './overview-query';

/**
 * The one-screen summary of the overview: per övergripande mål, how its indicators' verdicts fall, what data they
 * rest on, the latest period and a small trend. Pure functions of the overview (the verdicts are lib/stats', made
 * in loadOverview): the page, the report and the tests read the same numbers.
 */

/**
 * The summary's four verdict groups. Only a säkerställd change counts as better or worse; the weak level
 * ("Tecken på …, ej säkerställd") is not säkerställd and counts with "Oförändrat" (statistics.md §7).
 */
export const SUMMARY_GROUPS = ['better', 'worse', 'unchanged', 'noData'] as const;
export type SummaryGroup = (typeof SUMMARY_GROUPS)[number];

const GROUP_OF: Record<VerdictLabel, SummaryGroup | null> = {
  'Säkerställd förbättring': 'better',
  'Säkerställd försämring': 'worse',
  Oförändrat: 'unchanged',
  'Tecken på förbättring (ej säkerställd)': 'unchanged',
  'Tecken på försämring (ej säkerställd)': 'unchanged',
  'Underlag saknas': 'noData',
  // Never a change verdict (the target status stands beside it): counted in `targetsMet`.
  'Målet uppnått': null,
};

/** What an indicator's shown values rest on: any example value makes it example (as its card's badge says). */
export type DataBasis = 'real' | 'example' | 'none';

export function dataBasis(ind: Pick<OverviewIndicator, 'hasExample' | 'series'>): DataBasis {
  if (ind.hasExample) return 'example';
  return ind.series.length > 0 ? 'real' : 'none';
}

export interface GoalTrend {
  indicatorId: string;
  indicatorName: string;
  unitKind: UnitKind;
  decimals: number;
  /** The kommun's values in period order (gaps left out). */
  points: { period: string; value: number }[];
  example: boolean;
  /** The text alternative: first and latest value, as the charts' summaries say it. */
  text: string;
}

export interface GoalSummary {
  code: string;
  text: string;
  /** Indicators with a change verdict per group; context indicators are not judged and not counted here. */
  verdicts: Record<SummaryGroup, number>;
  /** Indicators that get a change verdict. */
  judged: number;
  /** Context indicators described without a verdict (a context series without enough data is "Underlag saknas"). */
  context: number;
  /** Indicators whose latest value meets the plan's target (beside the change verdict, never instead). */
  targetsMet: number;
  /** Every indicator of the goal, context included, by what its values rest on. */
  data: Record<DataBasis, number>;
  /** The most recent period with a kommun value among the goal's indicators (real values first). */
  latest: { period: string; example: boolean } | null;
  trend: GoalTrend | null;
}

export interface AreaSummary {
  code: string;
  title: string;
  goals: GoalSummary[];
  /** Indicators shown in the area's detail (one per goal link). */
  indicatorCount: number;
}

function kommunPoints(ind: OverviewIndicator) {
  return ind.series.filter((r) => typeof r.kommun === 'number');
}

const isExampleKommun = (row: Record<string, unknown>) => Boolean(row['kommun__example']);

/**
 * The goal's trend line: the kommun series (at least two values) of its first primary indicator, else its first
 * supporting one, real data before example data.
 */
function trendOf(goal: OverviewGoal, kommunName: string): GoalTrend | null {
  const rank = (i: OverviewIndicator, idx: number) => (i.hasExample ? 100 : 0) + (i.role === 'primary' ? 0 : 50) + idx;
  const candidates = goal.indicators
    .map((ind, idx) => ({ ind, idx }))
    .filter(({ ind }) => ind.role !== 'context' && ind.direction !== 'ctx' && kommunPoints(ind).length >= 2)
    .sort((a, b) => rank(a.ind, a.idx) - rank(b.ind, b.idx));
  const pick = candidates[0]?.ind;
  if (!pick) return null;
  const rows = kommunPoints(pick);
  const example = rows.some(isExampleKommun);
  const line = summarizeSeries(rows, [{ key: 'kommun', name: kommunName }], pick);
  return {
    indicatorId: pick.id,
    indicatorName: pick.name,
    unitKind: pick.unitKind,
    decimals: pick.decimals,
    points: rows.map((r) => ({ period: r.period, value: r.kommun as number })),
    example,
    text: `${pick.name}. ${line}${example ? ' Exempeldata.' : ''}`,
  };
}

function latestOf(goal: OverviewGoal): GoalSummary['latest'] {
  let best: { start: string; period: string; example: boolean } | null = null;
  for (const ind of goal.indicators) {
    for (const r of kommunPoints(ind)) {
      const example = isExampleKommun(r);
      // A real value wins over an example one; among equals, the later period.
      const better = !best || (best.example && !example) || (best.example === example && r.start > best.start);
      if (better) best = { start: r.start, period: r.period, example };
    }
  }
  return best && { period: best.period, example: best.example };
}

export function summarizeGoal(goal: OverviewGoal, kommunName: string): GoalSummary {
  const verdicts: Record<SummaryGroup, number> = { better: 0, worse: 0, unchanged: 0, noData: 0 };
  const data: Record<DataBasis, number> = { real: 0, example: 0, none: 0 };
  let context = 0;
  let targetsMet = 0;
  for (const ind of goal.indicators) {
    data[dataBasis(ind)]++;
    const { label, target } = ind.assessment.verdict;
    const group = label === null ? null : GROUP_OF[label];
    if (group) verdicts[group]++;
    else context++;
    if (target?.met) targetsMet++;
  }
  return {
    code: goal.code,
    text: goal.text,
    verdicts,
    judged: goal.indicators.length - context,
    context,
    targetsMet,
    data,
    latest: latestOf(goal),
    trend: trendOf(goal, kommunName),
  };
}

export function summarizeOverview(overview: Overview): AreaSummary[] {
  const kommun = overview.regions.find((r) => r.key === 'kommun')?.name ?? overview.plan.kommunName;
  return overview.areas.map((a) => ({
    code: a.code,
    title: a.title,
    goals: a.goals.map((g) => summarizeGoal(g, kommun)),
    indicatorCount: a.goals.reduce((n, g) => n + g.indicators.length, 0),
  }));
}

/** A goal's row as the summary tables draw it: the trend as a drawn line and its text, not the values behind it. */
export interface GoalRowView extends Omit<GoalSummary, 'trend'> {
  trend: { spark: SparkGeometry; example: boolean; text: string } | null;
}

export interface AreaRowView {
  code: string;
  title: string;
  goals: GoalRowView[];
}

/**
 * What the summary tables (client components) are given: their props travel in the page's payload beside the HTML,
 * so the trend's values are sent as the sparkline's path.
 */
export function goalRowView(goal: GoalSummary): GoalRowView {
  const { trend, ...rest } = goal;
  return {
    ...rest,
    trend: trend && { spark: sparkGeometry(trend.points.map((p) => p.value)), example: trend.example, text: trend.text },
  };
}

export function areaRowViews(areas: readonly AreaSummary[]): AreaRowView[] {
  return areas.map((a) => ({ code: a.code, title: a.title, goals: a.goals.map(goalRowView) }));
}

/** The overview and its summary, from one read of the database. */
export async function loadOverviewSummary(
  db: Db,
  today: Date,
  kommunCode?: string,
): Promise<{ overview: Overview; areas: AreaSummary[] } | null> {
  const overview = await loadOverview(db, today, { kommunCode });
  return overview && { overview, areas: summarizeOverview(overview) };
}
