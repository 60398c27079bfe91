/** Trend over five or more points (statistics.md §3). */
import { CHI2_95, chiSquareSf, Z95 } from './distributions';
import { interval, standardError } from './intervals';
import {
  countOf,
  hiddenReason,
  isFiniteNumber,
  periodsOverlap,
  pointEndYear,
  pointYear,
  polarity,
  seriesBreakBetween,
  sortPoints,
} from './points';
import type { IndicatorKind, SlopeEstimate, StatPoint, TrendMarker, TrendResult } from './types';

export const MIN_TREND_POINTS = 5;

export interface TrendOptions {
  /** Use only the most recent k comparable points (default 5, the display marker; Infinity = all). */
  maxPoints?: number;
  /** χ² critical value (default 3.841459; Fingertips strict 9.549536). */
  chi2Crit?: number;
}

/** Chi-square for linear trend (1 df) with scores t = 1…k: r_i of n_i. */
export function chiSquareLinearTrend(r: readonly number[], n: readonly number[]): number | null {
  const k = r.length;
  if (k < 2 || n.length !== k) return null;
  let R = 0,
    N = 0,
    srt = 0,
    snt = 0,
    snt2 = 0;
  for (let i = 0; i < k; i++) {
    const t = i + 1;
    const ri = r[i]!;
    const ni = n[i]!;
    if (!isFiniteNumber(ri) || !isFiniteNumber(ni) || ri < 0 || ni <= 0 || ri > ni) return null;
    R += ri;
    N += ni;
    srt += ri * t;
    snt += ni * t;
    snt2 += ni * t * t;
  }
  const denom = R * (N - R) * (N * snt2 - snt * snt);
  if (!(denom > 0)) return 0;
  return (N * (N * srt - R * snt) ** 2) / denom;
}

/** Poisson limit of the chi-square for trend (events with equal, unknown exposure): (Σr·t − R·t̄)²/(R·Var t). */
export function chiSquarePoissonTrend(r: readonly number[]): number | null {
  const k = r.length;
  if (k < 2 || !r.every((x) => isFiniteNumber(x) && x >= 0)) return null;
  const R = r.reduce((s, x) => s + x, 0);
  const tbar = (k + 1) / 2;
  const vart = (k * k - 1) / 12;
  if (!(R > 0)) return 0;
  const srt = r.reduce((s, x, i) => s + x * (i + 1), 0);
  return (srt - R * tbar) ** 2 / (R * vart);
}

/** Weighted slope of y on t = 1…k (weights w). */
export function weightedSlope(y: readonly number[], w: readonly number[]): { slope: number; sxx: number } | null {
  const k = y.length;
  if (k < 2 || w.length !== k) return null;
  let sw = 0,
    st = 0,
    sy = 0;
  for (let i = 0; i < k; i++) {
    const wi = w[i]!;
    if (!isFiniteNumber(wi) || wi <= 0 || !isFiniteNumber(y[i])) return null;
    sw += wi;
    st += wi * (i + 1);
    sy += wi * y[i]!;
  }
  const tbar = st / sw;
  const ybar = sy / sw;
  let sxy = 0,
    sxx = 0;
  for (let i = 0; i < k; i++) {
    const dt = i + 1 - tbar;
    sxy += w[i]! * dt * (y[i]! - ybar);
    sxx += w[i]! * dt * dt;
  }
  if (!(sxx > 0)) return null;
  return { slope: sxy / sxx, sxx };
}

/** Slopes with each point left out in turn (remaining points keep consecutive scores 1…k−1). */
function leaveOneOutSignsStable(y: readonly number[], w: readonly number[], slope: number): boolean {
  if (slope === 0) return false;
  for (let i = 0; i < y.length; i++) {
    const yy = y.filter((_, j) => j !== i);
    const ww = w.filter((_, j) => j !== i);
    const s = weightedSlope(yy, ww);
    if (!s || Math.sign(s.slope) !== Math.sign(slope)) return false;
  }
  return true;
}

/**
 * The comparable, independent points of a series, latest last: usable values only (not hidden, not null),
 * after the latest series break, and non-overlapping (walking back from the latest point).
 */
export function comparablePoints(points: readonly StatPoint[], kind: IndicatorKind): StatPoint[] {
  const sorted = sortPoints((points ?? []).filter(Boolean));
  const usable = sorted.filter((p) => hiddenReason(p, kind) === null && isFiniteNumber(p.value));
  const out: StatPoint[] = [];
  for (let i = usable.length - 1; i >= 0; i--) {
    const p = usable[i]!;
    const next = out[0];
    if (next) {
      if (seriesBreakBetween(p, next, kind, sorted)) break;
      if (periodsOverlap(p, next)) continue;
    }
    out.unshift(p);
  }
  return out;
}

function marker(kind: IndicatorKind, slope: number, significant: boolean): TrendMarker {
  if (!significant) return 'Ingen säkerställd förändring';
  const d = polarity(kind);
  const up = slope > 0;
  if (d === 0) return up ? 'Ökar' : 'Minskar';
  const better = d * slope > 0;
  if (up) return better ? 'Ökar och blir bättre' : 'Ökar och blir sämre';
  return better ? 'Minskar och blir bättre' : 'Minskar och blir sämre';
}

const notCalculable = (k: number, reason: string): TrendResult => ({
  slope: null,
  chi2: null,
  zEq: null,
  p: null,
  significant: false,
  signStable: false,
  marker: 'Kan inte beräknas',
  method: null,
  k,
  reason,
});

/**
 * §3: with counts (r_i of n_i; events with population) the chi-square for linear trend; with estimates and
 * KIs weighted least squares (SE = KI width/3.92). Significant: χ² > 3.8415 and the slope keeps its sign
 * when each point is left out. Needs ≥ 5 comparable points; the marker uses the last 5 by default.
 */
export function trendTest(points: readonly StatPoint[], kind: IndicatorKind, opts: TrendOptions = {}): TrendResult {
  if (!kind || (kind.type !== 'survey' && kind.type !== 'count')) return notCalculable(0, 'trend beräknas bara för enkäter och antal');
  const crit = isFiniteNumber(opts.chi2Crit) && opts.chi2Crit > 0 ? opts.chi2Crit : CHI2_95;
  const max = opts.maxPoints === undefined ? MIN_TREND_POINTS : opts.maxPoints;
  let pts = comparablePoints(points, kind);
  if (Number.isFinite(max) && pts.length > max) pts = pts.slice(pts.length - max);
  const k = pts.length;
  if (k < MIN_TREND_POINTS) return notCalculable(k, 'färre än fem jämförbara mätningar');
  const y = pts.map((p) => p.value as number);

  let chi2: number | null = null;
  let weights: number[] | null = null;
  let method: TrendResult['method'] = null;
  let seSlope: number | null = null;

  const allRn = pts.every(
    (p) =>
      isFiniteNumber(p.numerator) && isFiniteNumber(p.denominator) && p.denominator > 0 && p.numerator >= 0 && p.numerator <= p.denominator,
  );
  if (allRn) {
    const r = pts.map((p) => p.numerator as number);
    const n = pts.map((p) => p.denominator as number);
    chi2 = chiSquareLinearTrend(r, n);
    weights = n;
    method = 'trend-chi2';
  } else if (kind.type === 'count' && pts.every((p) => countOf(p, kind) !== null) && pts.every((p) => !isFiniteNumber(p.denominator))) {
    const r = pts.map((p) => countOf(p, kind) as number);
    chi2 = chiSquarePoissonTrend(r);
    weights = pts.map(() => 1);
    method = 'trend-chi2';
  } else {
    const ses = pts.map((p) => {
      const iv = interval(p, kind);
      return iv ? (iv.high - iv.low) / (2 * Z95) : null;
    });
    if (ses.every((s): s is number => s !== null && s > 0)) {
      weights = ses.map((s) => 1 / (s * s));
      const ws = weightedSlope(y, weights);
      if (ws) {
        seSlope = 1 / Math.sqrt(ws.sxx);
        chi2 = (ws.slope / seSlope) ** 2;
        method = 'trend-wls';
      }
    }
  }
  if (chi2 === null || weights === null || method === null) return notCalculable(k, 'felmarginal eller antal saknas');
  const fit = weightedSlope(y, weights);
  const slope = fit ? fit.slope : 0;
  const signStable = leaveOneOutSignsStable(y, weights, slope);
  const significant = chi2 > crit && signStable;
  return {
    slope,
    chi2,
    zEq: Math.sqrt(chi2),
    p: chiSquareSf(chi2, 1),
    significant,
    signStable,
    marker: marker(kind, slope, significant),
    method,
    k,
    seSlope,
  };
}

/** Middle of a point's period in years (2021–2022 → 2022.0; 2024 → 2024.5), for slopes per year. */
function midYear(p: StatPoint): number | null {
  const a = pointYear(p);
  const b = pointEndYear(p);
  return a === null || b === null ? null : (a + b + 1) / 2;
}

/**
 * Slope per year over all comparable points (§6: shown instead of a pace when the change is not säkerställd),
 * weighted least squares with w = 1/SE², SE from each value's own uncertainty (counts widened by √φ), and
 * its 95 % interval. Null with fewer than two points or an unknown or zero standard error.
 */
export function slopePerYear(points: readonly StatPoint[], kind: IndicatorKind, phi = 1): SlopeEstimate | null {
  const pts = comparablePoints(points, kind);
  if (pts.length < 2) return null;
  const x: number[] = [];
  const y: number[] = [];
  const w: number[] = [];
  for (const p of pts) {
    const t = midYear(p);
    const se = standardError(p, kind);
    if (t === null || se === null || !(se > 0)) return null;
    x.push(t);
    y.push(p.value as number);
    w.push(1 / (se * se * (kind.type === 'count' ? Math.max(1, phi) : 1)));
  }
  const sw = w.reduce((s, v) => s + v, 0);
  const xbar = w.reduce((s, v, i) => s + v * x[i]!, 0) / sw;
  const ybar = w.reduce((s, v, i) => s + v * y[i]!, 0) / sw;
  const sxx = w.reduce((s, v, i) => s + v * (x[i]! - xbar) ** 2, 0);
  if (!(sxx > 0)) return null;
  const b = w.reduce((s, v, i) => s + v * (x[i]! - xbar) * (y[i]! - ybar), 0) / sxx;
  const se = 1 / Math.sqrt(sxx);
  return { perYear: b, low: b - Z95 * se, high: b + Z95 * se, points: pts.length };
}
