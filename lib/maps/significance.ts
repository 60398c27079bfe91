import { benchmarkLabel, type BenchmarkOptions, type BenchmarkResult } from '../stats/benchmark';
import type { IndicatorKind, StatPoint } from '../stats/types';

/** How a kommun stands against the benchmark on a map (Fingertips' colours, in words). */
export type SignificanceClass = 'better' | 'similar' | 'worse' | 'higher' | 'lower' | 'none';

export const SIGNIFICANCE_CLASS_LABELS: Readonly<Record<SignificanceClass, string>> = {
  better: 'Säkerställt bättre',
  similar: 'Ingen säkerställd skillnad',
  worse: 'Säkerställt sämre',
  higher: 'Säkerställt högre',
  lower: 'Säkerställt lägre',
  none: 'Underlag saknas',
};

/** The order classes are listed in (legend, sorting by class). */
export const SIGNIFICANCE_ORDER: readonly SignificanceClass[] = ['better', 'lower', 'similar', 'higher', 'worse', 'none'];

/**
 * The kommun's class against a benchmark, from the project's one benchmark test (statistics.md §8: counts against
 * the rest of the län, surveys with score limits and the dependence margin). Indicators without polarity get
 * higher/lower instead of better/worse.
 */
export function classify(
  kommun: StatPoint | null,
  benchmark: StatPoint | null,
  kind: IndicatorKind,
  opts: BenchmarkOptions,
): { cls: SignificanceClass; result: BenchmarkResult } {
  const result = benchmarkLabel(kommun, benchmark, kind, opts);
  if (!result.label) return { cls: 'none', result };
  if (!result.significant) return { cls: 'similar', result };
  const d = kind.direction === 'up' ? 1 : kind.direction === 'down' ? -1 : 0;
  const sign = Math.sign(result.delta ?? 0);
  const cls: SignificanceClass = d === 0 ? (sign > 0 ? 'higher' : 'lower') : d * sign > 0 ? 'better' : 'worse';
  return { cls, result };
}
