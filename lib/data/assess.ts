import type { indicators, observations, sources } from '../db/schema';
import { benchmarkLabel } from '../stats/benchmark';
import { dispersionFactor } from '../stats/dispersion';
import { standardError } from '../stats/intervals';
import { countOf, hiddenReason, isFiniteNumber } from '../stats/points';
import { rankWithInterval } from '../stats/rank';
import { staleness } from '../stats/staleness';
import { comparablePoints } from '../stats/trend';
import type { ChangeSize, IndicatorKind, StatPoint, Verdict } from '../stats/types';
import { assessSeries } from '../stats/verdict';
import { lanShare, type PopulationContext } from './population';
import { kindOf, methodBreak, toStatPoint } from './stat-points';

type Obs = typeof observations.$inferSelect;

export interface LinkInfo {
  baselinePeriod: string | null;
  targetValue: number | null;
  targetYear: number | null;
}

/** Whether a value rests on Exempeldata, and the imports that wrote it (statistics.md §7: every value says so). */
export interface Provenance {
  example: boolean;
  importIds: number[];
}

export interface Assessment {
  verdict: Verdict;
  /** The verdict's baseline and latest values. */
  provenance: Provenance;
  benchmarks: {
    key: 'lan' | 'riket';
    name: string;
    label: string | null;
    text: string;
    significant: boolean;
    p: number | null;
    size: ChangeSize | null;
    /** The kommun's share of the län used (§2.3); null = unknown. */
    w: number | null;
    provenance: Provenance;
  }[];
  /** Among the län's kommuner with a visible value, with a 95 % interval (null: no rank is shown). */
  rank: { rank: number; of: number; low: number; high: number; period: string; provenance: Provenance } | null;
  stale: ReturnType<typeof staleness>;
}

/** Marks NTU's method break on the points and returns them. */
export function statPoints(rows: Obs[], sourceId: string): StatPoint[] {
  const points = rows.map(toStatPoint);
  const b = methodBreak(points, sourceId);
  if (b !== null) points[b] = { ...points[b]!, seriesBreakBefore: true };
  return points;
}

export function provenanceOf(points: (StatPoint | null | undefined)[]): Provenance {
  const pts = points.filter((p): p is StatPoint => !!p);
  return { example: pts.some((p) => p.example === true), importIds: [...new Set(pts.map((p) => p.importId).filter(isFiniteNumber))] };
}

/** §2.4: the kommun series' over-dispersion, for benchmarks of counts. */
export function kommunDispersion(points: StatPoint[], kind: IndicatorKind) {
  if (kind.type !== 'count') return null;
  const pts = comparablePoints(points, kind);
  const x = pts.map((p) => countOf(p, kind));
  if (x.some((v) => v === null)) return null;
  const pop = pts.every((p) => isFiniteNumber(p.denominator) && p.denominator > 0) ? pts.map((p) => p.denominator as number) : undefined;
  return dispersionFactor(x as number[], pop);
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
  /** Populations for the kommun's share of the län (§2.3); without them the benchmark says the share is unknown. */
  population?: PopulationContext | null;
}): Assessment {
  const kind = kindOf(input.indicator);
  const points = statPoints(input.kommun, input.source.id);
  const verdict = assessSeries({
    kind,
    points,
    baselinePeriod: input.link?.baselinePeriod ?? null,
    decidedDate: input.decidedDate,
    target:
      input.link?.targetValue != null && input.link.targetYear != null
        ? { value: input.link.targetValue, year: input.link.targetYear }
        : null,
    // A share that should rise is bounded by 100 %; one that should fall has 0 as its limit (C = 1).
    limit: input.indicator.unitKind === 'percent' && input.indicator.direction === 'up' ? 100 : null,
    subgroup: input.subgroup ?? false,
    decimals: input.indicator.decimals,
  });
  const latest = points.at(-1) ?? null;
  const benchmarks: Assessment['benchmarks'] = [];
  if (latest) {
    const dispersion = kommunDispersion(points, kind);
    for (const [key, rows, name] of [
      ['lan', input.lan, input.names.lan],
      ['riket', input.riket, input.names.riket],
    ] as const) {
      const row = rows.find((o) => o.period === latest.period);
      if (!row) continue;
      const other = toStatPoint(row);
      const w = key === 'lan' ? lanShare(input.population, latest.period) : 0;
      const b = benchmarkLabel(latest, other, kind, { otherName: name, w, dispersion });
      benchmarks.push({
        key,
        name,
        label: b.label,
        text: b.text,
        significant: b.significant,
        p: b.p,
        size: b.size ?? null,
        w,
        provenance: provenanceOf([latest, other]),
      });
    }
  }
  let rank: Assessment['rank'] = null;
  if (latest && input.lanKommuner && input.lanKommuner.length > 1) {
    const same = input.lanKommuner.filter((k) => k.obs.period === latest.period).map((k) => ({ code: k.code, p: toStatPoint(k.obs) }));
    const r = rankWithInterval(
      same.map(({ code, p }) => ({
        code,
        value: p.value,
        se: standardError(p, kind),
        hidden: hiddenReason(p, kind) !== null,
      })),
      input.kommunCode,
      kind.direction,
    );
    if (r && r.of > 1) rank = { ...r, period: latest.period, provenance: provenanceOf(same.map((k) => k.p)) };
  }
  return {
    verdict,
    provenance: provenanceOf([verdict.baseline, verdict.latest]),
    benchmarks,
    rank,
    stale: staleness(latest?.end ?? null, input.source.cadenceMonths, input.today),
  };
}
