import type { indicators, observations, sources } from '../db/schema';
import { benchmarkLabel, rankAmong } from '../stats/benchmark';
import { staleness } from '../stats/staleness';
import type { StatPoint, Verdict } from '../stats/types';
import { assessSeries } from '../stats/verdict';
import { kindOf, methodBreak, toStatPoint } from './stat-points';

type Obs = typeof observations.$inferSelect;

export interface LinkInfo {
  baselinePeriod: string | null;
  targetValue: number | null;
  targetYear: number | null;
}

export interface Assessment {
  verdict: Verdict;
  benchmarks: { key: 'lan' | 'riket'; name: string; label: string | null; text: string }[];
  rank: { rank: number; of: number; period: string } | null;
  stale: ReturnType<typeof staleness>;
}

/** Marks NTU's method break on the points and returns them. */
export function statPoints(rows: Obs[], sourceId: string): StatPoint[] {
  const points = rows.map(toStatPoint);
  const b = methodBreak(points, sourceId);
  if (b !== null) points[b] = { ...points[b]!, seriesBreakBefore: true };
  return points;
}

/**
 * The follow-up of one indicator for the plan's kommun: verdict against the baseline, benchmarks against
 * the län and riket for the same period, rank among the län's kommuner, and whether the data is stale.
 */
export function assessIndicator(input: {
  indicator: typeof indicators.$inferSelect;
  source: typeof sources.$inferSelect;
  link: LinkInfo | null;
  decidedDate: string;
  kommun: Obs[];
  lan: Obs[];
  riket: Obs[];
  names: { lan: string; riket: string };
  /** Latest-period values of every kommun in the län (for the rank), when available. */
  lanKommuner?: { code: string; obs: Obs }[];
  kommunCode: string;
  today: Date;
  /** A breakdown (kön, grupp, plats) rather than the series the plan names. */
  subgroup?: boolean;
}): Assessment {
  const kind = kindOf(input.indicator);
  const points = statPoints(input.kommun, input.source.id);
  const verdict = assessSeries({
    kind,
    points,
    baselinePeriod: input.link?.baselinePeriod ?? null,
    decidedDate: input.decidedDate,
    target: input.link?.targetValue != null && input.link.targetYear != null ? { value: input.link.targetValue, year: input.link.targetYear } : null,
    // A share that should rise is bounded by 100 %; one that should fall has 0 as its limit (C = 1).
    limit: input.indicator.unitKind === 'percent' && input.indicator.direction === 'up' ? 100 : null,
    subgroup: input.subgroup ?? false,
    decimals: input.indicator.decimals,
  });
  const latest = points.at(-1) ?? null;
  const benchmarks: Assessment['benchmarks'] = [];
  if (latest) {
    for (const [key, rows, name] of [['lan', input.lan, input.names.lan], ['riket', input.riket, input.names.riket]] as const) {
      const other = rows.find((o) => o.period === latest.period);
      if (!other) continue;
      const b = benchmarkLabel(latest, toStatPoint(other), kind, { otherName: name, w: key === 'lan' ? 0.05 : 0 });
      benchmarks.push({ key, name, label: b.label, text: b.text });
    }
  }
  let rank: Assessment['rank'] = null;
  if (latest && input.lanKommuner && input.lanKommuner.length > 1) {
    const same = input.lanKommuner.filter((k) => k.obs.period === latest.period);
    const r = rankAmong(same.map((k) => ({ code: k.code, value: k.obs.value })), input.kommunCode, kind.direction);
    if (r && r.of > 1) rank = { ...r, period: latest.period };
  }
  return { verdict, benchmarks, rank, stale: staleness(latest?.end ?? null, input.source.cadenceMonths, input.today) };
}
