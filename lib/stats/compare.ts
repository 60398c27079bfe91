/** Comparing two values (statistics.md §2): margin rule, Newcombe, Poisson and exact conditional tests. */
import { binomialTwoSidedP, twoSidedPFromZ, Z95, zFromTwoSidedP } from './distributions';
import { interval, rateFactor } from './intervals';
import { countOf, hiddenReason, isFiniteNumber, periodsOverlap, REASON, samePeriod, seriesBreakBetween } from './points';
import { deflate, type Dispersion } from './dispersion';
import { compareWastewater } from './wastewater';
import type { ChangeSize, Comparison, IndicatorKind, StatPoint } from './types';

export interface CompareOptions {
  /** Critical z (default 1.959964; strict 3.090232). */
  z?: number;
  /** Design effect for Wilson intervals (overrides the source default). */
  deff?: number;
  /** All points of the series, to see series breaks between a and b (and wastewater's year-to-year variation). */
  series?: readonly StatPoint[];
  /** Counts: quasi-Poisson over-dispersion of the series (§2.4); the test is scaled by √φ. */
  dispersion?: Dispersion | null;
}

interface Valued {
  value: number;
  low: number;
  high: number;
}

/**
 * Margin rule with the facing sides (§2.1, Newcombe): b lower → M = √((a − low_a)² + (high_b − b)²);
 * b higher → M = √((high_a − a)² + (b − low_b)²). Symmetric KIs give M = √(m₁² + m₂²).
 * z_eq = 1.96·|Δ|/M; significant ⇔ |Δ| > M.
 */
export function marginTest(
  a: Valued,
  b: Valued,
  z: number = Z95,
): { delta: number; margin: number; zEq: number; significant: boolean } | null {
  const vals = [a.value, a.low, a.high, b.value, b.low, b.high];
  if (!vals.every(isFiniteNumber)) return null;
  const delta = b.value - a.value;
  const sideA = delta < 0 ? a.value - a.low : a.high - a.value;
  const sideB = delta < 0 ? b.high - b.value : b.value - b.low;
  let margin = Math.sqrt(Math.max(0, sideA) ** 2 + Math.max(0, sideB) ** 2);
  if (delta === 0) {
    // No difference: any margin (use the wider combination) gives z_eq 0.
    margin = Math.sqrt(Math.max(a.value - a.low, a.high - a.value) ** 2 + Math.max(b.value - b.low, b.high - b.value) ** 2);
    return { delta, margin, zEq: 0, significant: false };
  }
  if (!(margin > 0)) return null;
  const zEq = (Z95 * Math.abs(delta)) / margin;
  return { delta, margin, zEq, significant: zEq > z };
}

/** Newcombe hybrid-score interval for b − a from the two single-value intervals. */
export function differenceInterval(a: Valued, b: Valued): { low: number; high: number } | null {
  const vals = [a.value, a.low, a.high, b.value, b.low, b.high];
  if (!vals.every(isFiniteNumber)) return null;
  const d = b.value - a.value;
  return {
    low: d - Math.sqrt((b.value - b.low) ** 2 + (a.high - a.value) ** 2),
    high: d + Math.sqrt((b.high - b.value) ** 2 + (a.value - a.low) ** 2),
  };
}

export interface CountTest {
  /** Rate ratio (x₂/P₂)/(x₁/P₁); null when a rate is 0. */
  ratio: number | null;
  /** Normal statistic on ln ratio (large counts), else null. */
  z: number | null;
  p: number;
  zEq: number;
  method: 'poisson-z' | 'exact-conditional';
}

/**
 * Counts x₁ (population P₁) vs x₂ (P₂), §2.4: x₁ + x₂ ≥ 100 and both > 0 → z = ln(rate ratio)/√(1/x₁ + 1/x₂);
 * otherwise the exact conditional test x₂ ~ Bin(x₁ + x₂, P₂/(P₁ + P₂)).
 */
export function countTest(x1: number, p1: number, x2: number, p2: number): CountTest | null {
  if (![x1, p1, x2, p2].every(isFiniteNumber) || x1 < 0 || x2 < 0 || p1 <= 0 || p2 <= 0) return null;
  const ratio = x1 > 0 ? x2 / p2 / (x1 / p1) : null;
  if (x1 + x2 >= 100 && x1 > 0 && x2 > 0) {
    const z = Math.log(x2 / p2 / (x1 / p1)) / Math.sqrt(1 / x1 + 1 / x2);
    return { ratio, z, p: twoSidedPFromZ(z), zEq: Math.abs(z), method: 'poisson-z' };
  }
  const k = Math.round(x2);
  const n = Math.round(x1) + k;
  const p = binomialTwoSidedP(k, n, p2 / (p1 + p2));
  if (!isFiniteNumber(p)) return null;
  return { ratio, z: null, p, zEq: zFromTwoSidedP(p), method: 'exact-conditional' };
}

/**
 * Why a and b cannot be compared (§7 rule 1), or null: missing or hidden values, the same period, a series
 * break between them, overlapping periods (shared respondents / pooled windows), wastewater not like-for-like,
 * a survey value with neither KI nor n.
 */
export function comparability(
  a: StatPoint | null | undefined,
  b: StatPoint | null | undefined,
  kind: IndicatorKind,
  series: readonly StatPoint[] = [],
): string | null {
  if (!kind) return REASON.missingValue;
  if (!a) return REASON.noBaseline;
  if (!b) return REASON.noLatest;
  const ha = hiddenReason(a, kind);
  if (ha) return ha;
  const hb = hiddenReason(b, kind);
  if (hb) return hb;
  if (kind.type === 'wastewater') {
    const c = compareWastewater(a, b, kind, series);
    if (c.reason) return c.reason;
    if (seriesBreakBetween(a, b, kind, series)) return REASON.notComparableWastewater;
    return null;
  }
  if (samePeriod(a, b)) return REASON.samePeriod;
  if (seriesBreakBetween(a, b, kind, series)) return REASON.notComparable;
  if (periodsOverlap(a, b)) return REASON.notComparable;
  if (kind.type === 'survey') {
    const hasKi = isFiniteNumber(a.ciLow) && isFiniteNumber(a.ciHigh);
    const hasKiB = isFiniteNumber(b.ciLow) && isFiniteNumber(b.ciHigh);
    if ((!hasKi && !(isFiniteNumber(a.n) && a.n > 0)) || (!hasKiB && !(isFiniteNumber(b.n) && b.n > 0))) return REASON.noMargin;
  }
  return null;
}

/** Event counts and populations for the count test, or a reason. */
export function countsFor(a: StatPoint, b: StatPoint, kind: IndicatorKind): { x1: number; p1: number; x2: number; p2: number } | string {
  const f = rateFactor(kind.unitKind);
  const pa = isFiniteNumber(a.denominator) && a.denominator > 0 ? a.denominator : null;
  const pb = isFiniteNumber(b.denominator) && b.denominator > 0 ? b.denominator : null;
  let x1 = countOf(a, kind);
  let x2 = countOf(b, kind);
  // A rate without its count: recover the count from the population.
  if (x1 === null && f !== null && pa !== null && isFiniteNumber(a.value)) x1 = Math.round((a.value * pa) / f);
  if (x2 === null && f !== null && pb !== null && isFiniteNumber(b.value)) x2 = Math.round((b.value * pb) / f);
  if (x1 === null || x2 === null) return REASON.noCounts;
  if (pa !== null && pb !== null) return { x1, p1: pa, x2, p2: pb };
  // Absolute counts without populations: equal populations assumed (statistics.md C1–C3).
  if (kind.unitKind === 'count' || (pa === null && pb === null && f === null)) return { x1, p1: 1, x2, p2: 1 };
  return REASON.noPopulation;
}

/** "a → b" change (§2.1, §2.4, §2.5, process exact). */
export function compareTwo(
  a: StatPoint | null | undefined,
  b: StatPoint | null | undefined,
  kind: IndicatorKind,
  opts: CompareOptions = {},
): Comparison {
  const zc = isFiniteNumber(opts.z) && opts.z > 0 ? opts.z : Z95;
  const none = (reason: string): Comparison => ({ delta: null, zEq: null, p: null, significant: false, method: null, reason });
  const reason = comparability(a, b, kind, opts.series ?? []);
  if (reason || !a || !b) return none(reason ?? REASON.missingValue);

  if (kind.type === 'wastewater') {
    const c = compareWastewater(a, b, kind, opts.series ?? []);
    // Test A at a strict level: compare p with the level implied by z.
    if ((c.method === 'welch' || c.method === 'year-to-year') && zc !== Z95 && c.zEq !== null) return { ...c, significant: c.zEq > zc };
    return c;
  }
  const va = a.value as number;
  const vb = b.value as number;

  if (kind.type === 'process') {
    const ia = interval(a, kind);
    const ib = interval(b, kind);
    // Only a true inventory (schools, areas, a yes/no) is exact; a share of people (r of n) varies by chance (§1.4).
    if (ia && ib && (ia.method !== 'none' || ib.method !== 'none')) {
      const m = marginTest({ value: va, low: ia.low, high: ia.high }, { value: vb, low: ib.low, high: ib.high }, zc);
      if (!m) return none(REASON.noMargin);
      return { delta: m.delta, zEq: m.zEq, p: twoSidedPFromZ(m.zEq), significant: m.significant, method: 'newcombe', margin: m.margin };
    }
    const delta = vb - va;
    return { delta, zEq: delta === 0 ? 0 : null, p: null, significant: delta !== 0, method: 'exact' };
  }

  if (kind.type === 'count') {
    const counts = countsFor(a, b, kind);
    if (typeof counts !== 'string') {
      const t = countTest(counts.x1, counts.p1, counts.x2, counts.p2);
      if (!t) return none(REASON.noCounts);
      const adj = opts.dispersion ? deflate(t.zEq, opts.dispersion) : { zEq: t.zEq, p: t.p };
      return { delta: vb - va, zEq: adj.zEq, p: adj.p, significant: adj.zEq > zc, method: t.method };
    }
    // No counts: fall back on published KIs (margin rule) when both have them.
    const ia = interval(a, kind);
    const ib = interval(b, kind);
    if (ia?.method === 'published' && ib?.method === 'published') {
      const m = marginTest({ value: va, low: ia.low, high: ia.high }, { value: vb, low: ib.low, high: ib.high }, zc);
      if (m)
        return { delta: m.delta, zEq: m.zEq, p: twoSidedPFromZ(m.zEq), significant: m.significant, method: 'margin', margin: m.margin };
    }
    return none(counts);
  }

  // survey
  const ia = interval(a, kind, { deff: opts.deff });
  const ib = interval(b, kind, { deff: opts.deff });
  if (!ia || !ib) return none(REASON.noMargin);
  const m = marginTest({ value: va, low: ia.low, high: ia.high }, { value: vb, low: ib.low, high: ib.high }, zc);
  if (!m) return none(REASON.noMargin);
  const method = ia.method === 'published' && ib.method === 'published' ? 'margin' : 'newcombe';
  return { delta: m.delta, zEq: m.zEq, p: twoSidedPFromZ(m.zEq), significant: m.significant, method, margin: m.margin };
}

/**
 * Holm's step-down procedure (§5 rule 4): which of the m p-values are significant at level alpha.
 * Sorted ascending, the j-th (1-based) is significant if it and all smaller ones satisfy p ≤ alpha/(m − j + 1).
 */
export function holm(pValues: readonly (number | null)[], alpha = 0.05): boolean[] {
  const idx = pValues
    .map((p, i) => ({ p, i }))
    .filter((x): x is { p: number; i: number } => isFiniteNumber(x.p))
    .sort((x, y) => x.p - y.p);
  const m = idx.length;
  const out = pValues.map(() => false);
  for (let j = 0; j < m; j++) {
    const e = idx[j]!;
    if (e.p > alpha / (m - j)) break;
    out[e.i] = true;
  }
  return out;
}

export interface ComparisonSummary {
  /** Tests shown (change tests and benchmark tests). */
  m: number;
  /** Expected false "säkerställd" among them if nothing had changed: 0.05·m. */
  expectedFalse: number;
  /** P(at least one false "säkerställd") if independent: 1 − 0.95^m. */
  chanceAtLeastOne: number;
  /** Significant at 5 % one by one. */
  significant: number;
  /** Still significant after Holm's correction for all m tests. */
  holmSignificant: number;
}

/** §5: every test a page shows, what chance alone would give, and how many survive Holm. */
export function summarizeComparisons(pValues: readonly (number | null)[], alpha = 0.05): ComparisonSummary {
  const ps = pValues.filter(isFiniteNumber);
  return {
    m: ps.length,
    expectedFalse: alpha * ps.length,
    chanceAtLeastOne: falseAlarmChance(ps.length, alpha),
    significant: ps.filter((p) => p < alpha).length,
    holmSignificant: holm(ps, alpha).filter(Boolean).length,
  };
}

/**
 * The size of a change with its 95 % interval: shares and other values with intervals as a Newcombe
 * difference (percentage points for shares); counts as a rate ratio on the log scale, widened by √φ.
 */
export function changeSize(a: StatPoint, b: StatPoint, kind: IndicatorKind, dispersion?: Dispersion | null): ChangeSize | null {
  if (!isFiniteNumber(a.value) || !isFiniteNumber(b.value)) return null;
  if (kind.type === 'count') {
    const c = countsFor(a, b, kind);
    if (typeof c === 'string' || c.x1 <= 0 || c.x2 <= 0) return null;
    const ratio = c.x2 / c.p2 / (c.x1 / c.p1);
    const se = Math.sqrt((1 / c.x1 + 1 / c.x2) * (dispersion?.phi ?? 1));
    return {
      delta: ratio - 1,
      low: Math.exp(Math.log(ratio) - Z95 * se) - 1,
      high: Math.exp(Math.log(ratio) + Z95 * se) - 1,
      scale: 'ratio',
    };
  }
  const ia = interval(a, kind);
  const ib = interval(b, kind);
  if (!ia || !ib) return null;
  const d = differenceInterval({ value: a.value, low: ia.low, high: ia.high }, { value: b.value, low: ib.low, high: ib.high });
  return d ? { delta: b.value - a.value, low: d.low, high: d.high, scale: 'difference' } : null;
}

/** P(at least one false "Säkerställd") among k independent tests with no real change: 1 − 0.95^k (§5). */
export function falseAlarmChance(k: number, alpha = 0.05): number {
  if (!isFiniteNumber(k) || k <= 0) return 0;
  return 1 - (1 - alpha) ** k;
}
