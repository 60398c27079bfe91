/** Over-dispersion of counts (statistics.md §2.4): a quasi-Poisson factor φ estimated from the series. */
import { studentTTwoSidedP, zFromTwoSidedP } from './distributions';
import { isFiniteNumber } from './points';

/** Fewest counts from which φ is estimated (k − 2 = 2 degrees of freedom after a log-linear trend). */
export const MIN_DISPERSION_POINTS = 4;

export interface Dispersion {
  /** φ = Pearson X²/(k − 2) around a log-linear Poisson trend, never below 1. */
  phi: number;
  /** Degrees of freedom of the estimate (k − 2). */
  df: number;
  /** Pearson X² before the floor. */
  pearson: number;
}

/**
 * Fits log μ_t = a + b·t + log E_t by Newton's method (Poisson maximum likelihood, t = 1…k) and returns
 * φ = max(1, X²/(k − 2)) with X² = Σ(x − μ)²/μ. Residuals around the trend, so a real trend does not
 * count as noise. Null with fewer than MIN_DISPERSION_POINTS counts or a bad count/exposure.
 */
export function dispersionFactor(counts: readonly number[], exposures?: readonly number[]): Dispersion | null {
  const k = counts.length;
  if (k < MIN_DISPERSION_POINTS) return null;
  const e = exposures ?? counts.map(() => 1);
  if (e.length !== k || !counts.every((x) => isFiniteNumber(x) && x >= 0) || !e.every((x) => isFiniteNumber(x) && x > 0)) return null;
  const total = counts.reduce((s, x) => s + x, 0);
  if (total === 0) return { phi: 1, df: k - 2, pearson: 0 };
  const tc = (k + 1) / 2;
  const t = counts.map((_, i) => i + 1 - tc);
  let a = Math.log(total / e.reduce((s, x) => s + x, 0));
  let b = 0;
  const mu = () => t.map((ti, i) => e[i]! * Math.exp(a + b * ti));
  for (let it = 0; it < 50; it++) {
    const m = mu();
    let ga = 0,
      gb = 0,
      haa = 0,
      hab = 0,
      hbb = 0;
    for (let i = 0; i < k; i++) {
      const r = counts[i]! - m[i]!;
      ga += r;
      gb += t[i]! * r;
      haa += m[i]!;
      hab += t[i]! * m[i]!;
      hbb += t[i]! * t[i]! * m[i]!;
    }
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a += da;
    b += db;
    if (Math.abs(da) < 1e-12 && Math.abs(db) < 1e-12) break;
  }
  const m = mu();
  const pearson = counts.reduce((s, x, i) => s + (x - m[i]!) ** 2 / m[i]!, 0);
  if (!isFiniteNumber(pearson)) return null;
  return { phi: Math.max(1, pearson / (k - 2)), df: k - 2, pearson };
}

/**
 * A Poisson evidence strength scaled for over-dispersion: t = z/√φ against Student's t with the estimate's
 * degrees of freedom (quasi-Poisson). Returns the adjusted z_eq and two-sided p.
 */
export function deflate(zEq: number, d: Dispersion): { zEq: number; p: number } {
  const p = studentTTwoSidedP(zEq / Math.sqrt(d.phi), d.df);
  return { zEq: zFromTwoSidedP(p), p };
}
