/** Uncertainty of a single value (statistics.md §1). */
import { gammaQuantile, normalCdf, Z95 } from './distributions';
import { countOf, isFiniteNumber } from './points';
import type { IndicatorKind, Interval, StatPoint } from './types';

/** Wilson score interval for a proportion p (0–1) from n (may be an effective, non-integer n). */
export function wilson(p: number, n: number, z: number = Z95): { low: number; high: number; centre: number } | null {
  if (!isFiniteNumber(p) || !isFiniteNumber(n) || !isFiniteNumber(z) || n <= 0 || p < 0 || p > 1) return null;
  const z2n = (z * z) / n;
  const denom = 1 + z2n;
  const centre = (p + z2n / 2) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half), centre };
}

/** Wald standard error of a proportion (0–1). */
export function waldSe(p: number, n: number): number | null {
  if (!isFiniteNumber(p) || !isFiniteNumber(n) || n <= 0 || p < 0 || p > 1) return null;
  return Math.sqrt((p * (1 - p)) / n);
}

/** Finite-population correction factor √((N − n)/(N − 1)) (shown for reference only: §1.1 rule 4 does not use it). */
export function fpc(n: number, N: number): number | null {
  if (!isFiniteNumber(n) || !isFiniteNumber(N) || N <= 1 || n < 0 || n > N) return null;
  return Math.sqrt((N - n) / (N - 1));
}

/** Wald 95 % margin of a proportion (0–1), optionally with a finite-population correction. */
export function waldMargin(p: number, n: number, opts: { N?: number; z?: number } = {}): number | null {
  const se = waldSe(p, n);
  if (se === null) return null;
  const f = opts.N === undefined ? 1 : fpc(n, opts.N);
  if (f === null) return null;
  return (opts.z ?? Z95) * se * f;
}

/** Sources whose respondents cluster (NTU households and areas, Lupp pupils in classes): default deff 1.5 (§1.1 rule 3). */
const CLUSTERED_SOURCES = new Set(['ntu', 'lupp']);

/**
 * Design-effect default by source (§1.1 rule 3): NTU without KI and Lupp 1.5 (an assumption, flagged
 * "Uppskattad felmarginal"), others 1.0. A design effect the file gives (`point.deff`) wins.
 */
export function defaultDeff(kind: IndicatorKind, point?: Pick<StatPoint, 'deff'> | null): { deff: number; estimated: boolean } {
  if (point && isFiniteNumber(point.deff) && point.deff > 0) return { deff: point.deff, estimated: false };
  return CLUSTERED_SOURCES.has((kind.source ?? '').toLowerCase()) ? { deff: 1.5, estimated: true } : { deff: 1, estimated: false };
}

/** Implied deff from a published margin m (0–1) and n: n·(m/z)²/(p(1−p)) (§1.1 rule 3). */
export function impliedDeff(p: number, n: number, margin: number, z: number = Z95): number | null {
  if (!isFiniteNumber(p) || !isFiniteNumber(n) || !isFiniteNumber(margin) || n <= 0 || p <= 0 || p >= 1 || margin <= 0) return null;
  return (n * (margin / z) ** 2) / (p * (1 - p));
}

/** Exact (Garwood) interval for a Poisson count x: ½χ²(α/2; 2x) to ½χ²(1−α/2; 2x+2). */
export function poissonExact(x: number, level = 0.95): { low: number; high: number } | null {
  if (!isFiniteNumber(x) || x < 0 || !(level > 0 && level < 1)) return null;
  const alpha = 1 - level;
  const low = x === 0 ? 0 : gammaQuantile(alpha / 2, x);
  const high = gammaQuantile(1 - alpha / 2, x + 1);
  if (!isFiniteNumber(low) || !isFiniteNumber(high)) return null;
  return { low, high };
}

/** Byar's closed-form approximation to the exact Poisson interval (§1.2). */
export function poissonByar(x: number, z: number = Z95): { low: number; high: number } | null {
  if (!isFiniteNumber(x) || x < 0) return null;
  const low = x === 0 ? 0 : x * (1 - 1 / (9 * x) - z / (3 * Math.sqrt(x))) ** 3;
  const y = x + 1;
  const high = y * (1 - 1 / (9 * y) + z / (3 * Math.sqrt(y))) ** 3;
  return { low: Math.max(0, low), high };
}

/** Units per person for a rate unit: per 100 000 → 100 000, per 1 000 → 1 000; null for other units. */
export function rateFactor(unitKind: IndicatorKind['unitKind']): number | null {
  if (unitKind === 'per_100k') return 100_000;
  if (unitKind === 'per_1000') return 1_000;
  return null;
}

/**
 * Factor turning the event count of a count point into its value: rate units use the denominator
 * (population); otherwise value/numerator (e.g. a 3-year window shown as events per year); a count unit
 * without a usable ratio is the count itself.
 */
export function countScale(p: StatPoint, kind: IndicatorKind): number | null {
  const x = countOf(p, kind);
  const f = rateFactor(kind.unitKind);
  if (f !== null && isFiniteNumber(p.denominator) && p.denominator > 0) return f / p.denominator;
  if (x !== null && x > 0 && isFiniteNumber(p.value)) return p.value / x;
  if (kind.unitKind === 'count') return 1;
  return null;
}

function published(p: StatPoint): { low: number; high: number } | null {
  if (!isFiniteNumber(p.ciLow) || !isFiniteNumber(p.ciHigh)) return null;
  return p.ciLow <= p.ciHigh ? { low: p.ciLow, high: p.ciHigh } : { low: p.ciHigh, high: p.ciLow };
}

/** Scale of a survey value relative to a 0–1 proportion (percent → 100), or null when Wilson does not apply. */
function proportionScale(kind: IndicatorKind): number | null {
  return kind.unitKind === 'percent' ? 100 : null;
}

/**
 * A process share of people (r of n, e.g. families who accepted support) rather than an inventory: binomial
 * uncertainty applies (§1.4). Inventories (schools, areas, meetings) have no denominator and are exact.
 */
export function isBinomialShare(point: StatPoint, kind: IndicatorKind): boolean {
  return (
    kind.type === 'process' &&
    kind.unitKind === 'percent' &&
    isFiniteNumber(point.denominator) &&
    point.denominator > 0 &&
    isFiniteNumber(point.value) &&
    point.value >= 0 &&
    point.value <= 100
  );
}

/**
 * 95 % interval of one value (§1): the publisher's KI when given; surveys: Wilson on n_eff = n/deff
 * (NTU without KI: deff 1.5, estimated); counts and rates: exact Poisson on the count, scaled; process:
 * no random error (method 'none', low = high = value). Wastewater has no sampling KI (null).
 */
export function interval(point: StatPoint, kind: IndicatorKind, opts: { deff?: number; z?: number } = {}): Interval | null {
  if (!point || !kind || !isFiniteNumber(point.value)) return null;
  const pub = published(point);
  if (pub) return { ...pub, method: 'published', estimated: false };
  const v = point.value;
  switch (kind.type) {
    case 'process': {
      if (!isBinomialShare(point, kind)) return { low: v, high: v, method: 'none', estimated: false };
      const w = wilson(v / 100, point.denominator as number, opts.z ?? Z95);
      return w ? { low: w.low * 100, high: w.high * 100, method: 'wilson', estimated: false } : null;
    }
    case 'survey': {
      const scale = proportionScale(kind);
      if (scale === null || !isFiniteNumber(point.n) || point.n <= 0) return null;
      const def = defaultDeff(kind, point);
      const deff = isFiniteNumber(opts.deff) && opts.deff > 0 ? opts.deff : def.deff;
      const estimated = opts.deff === undefined ? def.estimated : false;
      const w = wilson(v / scale, point.n / deff, opts.z ?? Z95);
      if (!w) return null;
      return { low: w.low * scale, high: w.high * scale, method: 'wilson', estimated };
    }
    case 'count': {
      const x = countOf(point, kind);
      const s = countScale(point, kind);
      if (x === null || s === null) return null;
      const level = opts.z === undefined ? 0.95 : 1 - 2 * (1 - normalCdf(opts.z));
      const pi = poissonExact(x, level);
      if (!pi) return null;
      return { low: pi.low * s, high: pi.high * s, method: 'poisson', estimated: false };
    }
    default:
      return null;
  }
}

/**
 * Standard error of a value in its own unit: surveys with n → Wald √(p(1−p)/n_eff); published KI →
 * width/(2·1.96); counts → Poisson √x scaled; process → 0; otherwise null.
 */
export function standardError(
  point: StatPoint,
  kind: IndicatorKind,
  opts: { deff?: number; preferPublished?: boolean } = {},
): number | null {
  if (!point || !kind || !isFiniteNumber(point.value)) return null;
  const pub = published(point);
  if (kind.type === 'process') {
    if (!isBinomialShare(point, kind)) return 0;
    const se = waldSe(point.value / 100, point.denominator as number);
    return se === null ? null : se * 100;
  }
  if (kind.type === 'survey') {
    const scale = proportionScale(kind);
    const usePub = pub && (opts.preferPublished !== false || !isFiniteNumber(point.n));
    if (usePub && pub) return (pub.high - pub.low) / (2 * Z95);
    if (scale !== null && isFiniteNumber(point.n) && point.n > 0) {
      const deff = isFiniteNumber(opts.deff) && opts.deff > 0 ? opts.deff : defaultDeff(kind, point).deff;
      const se = waldSe(point.value / scale, point.n / deff);
      return se === null ? null : se * scale;
    }
    return pub ? (pub.high - pub.low) / (2 * Z95) : null;
  }
  if (pub) return (pub.high - pub.low) / (2 * Z95);
  if (kind.type === 'count') {
    const x = countOf(point, kind);
    const s = countScale(point, kind);
    if (x === null || s === null) return null;
    return Math.sqrt(x) * s;
  }
  return null;
}

export interface PooledRate {
  /** Window label, e.g. "2022–2024". */
  label: string;
  /** Middle year (where the window is plotted). */
  midYear: number;
  events: number;
  population: number;
  rate: number;
  low: number;
  high: number;
  perYear: number;
  perYearLow: number;
  perYearHigh: number;
}

/**
 * Multi-year (e.g. 3-year) average (treårsmedelvärde, §1.2): rate = Σx/ΣP·factor, KI from the exact
 * Poisson interval on Σx; also events per year. Years must be consecutive and distinct.
 */
export function pooledRate(years: { year: number; events: number; population: number }[], factor = 100_000): PooledRate | null {
  if (!Array.isArray(years) || years.length === 0) return null;
  const sorted = [...years].sort((a, b) => a.year - b.year);
  for (let i = 0; i < sorted.length; i++) {
    const y = sorted[i]!;
    if (!Number.isInteger(y.year) || !isFiniteNumber(y.events) || y.events < 0 || !isFiniteNumber(y.population) || y.population <= 0)
      return null;
    if (i > 0 && y.year !== sorted[i - 1]!.year + 1) return null;
  }
  const events = sorted.reduce((s, y) => s + y.events, 0);
  const population = sorted.reduce((s, y) => s + y.population, 0);
  const pi = poissonExact(events);
  if (!pi) return null;
  const k = sorted.length;
  const first = sorted[0]!.year;
  const last = sorted[k - 1]!.year;
  return {
    label: k === 1 ? String(first) : `${first}–${last}`,
    midYear: Math.round((first + last) / 2),
    events,
    population,
    rate: (events / population) * factor,
    low: (pi.low / population) * factor,
    high: (pi.high / population) * factor,
    perYear: events / k,
    perYearLow: pi.low / k,
    perYearHigh: pi.high / k,
  };
}
