/**
 * No-change simulations (statistics.md §10): series whose true value never moves, judged by assessSeries,
 * and the share labelled anything but "Oförändrat" at each level. Pure and seeded, so the figures in the
 * rulebook can be reproduced (`npm run stats:simulate`) and checked by a test.
 */
import { mulberry32 } from '../random';
import { Z95 } from './distributions';
import { normalSampler } from './rank';
import type { IndicatorKind, StatPoint, VerdictLabel } from './types';
import { assessSeries } from './verdict';

export interface Scenario {
  name: string;
  kind: IndicatorKind;
  /** One series of the scenario from uniform draws u() and standard normal draws z(). */
  series: (u: () => number, z: () => number) => { points: StatPoint[]; baselinePeriod: string };
}

const year = (y: number, o: Partial<StatPoint>): StatPoint => ({
  period: String(y),
  start: `${y}-01-01`,
  end: `${y}-12-31`,
  value: null,
  ciLow: null,
  ciHigh: null,
  n: null,
  numerator: null,
  denominator: null,
  status: null,
  responseRate: null,
  ...o,
});

/** Binomial draw by summing Bernoulli trials (n is at most a few thousand here). */
function binomial(n: number, p: number, u: () => number): number {
  let x = 0;
  for (let i = 0; i < n; i++) if (u() < p) x++;
  return x;
}

/** Poisson draw (Knuth for small means, normal approximation above 500). */
function poisson(mean: number, u: () => number, z: () => number): number {
  if (mean > 500) return Math.max(0, Math.round(mean + Math.sqrt(mean) * z()));
  const l = Math.exp(-mean);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= u();
  } while (p > l);
  return k - 1;
}

/** Gamma(shape, 1) draw (Marsaglia–Tsang), for over-dispersed (negative binomial) counts. */
function gamma(shape: number, u: () => number, z: () => number): number {
  if (shape < 1) return gamma(shape + 1, u, z) * u() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = z();
    const v = (1 + c * x) ** 3;
    if (v > 0 && Math.log(1 - u()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

const SN: IndicatorKind = { type: 'survey', direction: 'down', unitKind: 'percent', source: 'svenskt_naringsliv' };
const NTU: IndicatorKind = { type: 'survey', direction: 'down', unitKind: 'percent', source: 'ntu' };
const COUNT: IndicatorKind = { type: 'count', direction: 'down', unitKind: 'per_100k', source: 'bra_anmalda' };

/** A survey share from n respondents (no KI published), as the data layer sees it. */
function surveyPoint(y: number, p: number, n: number, u: () => number): StatPoint {
  return year(y, { value: (100 * binomial(n, p, u)) / n, n });
}

/** A published NTU-style value with its 95 % KI (deff 1.5). */
function ntuPoint(y: number, p: number, n: number, u: () => number, z: () => number): StatPoint {
  const se = Math.sqrt((1.5 * p * (1 - p)) / n);
  const v = Math.min(0.99, Math.max(0.01, p + se * z()));
  const m = Z95 * Math.sqrt((1.5 * v * (1 - v)) / n) * 100;
  return year(y, { value: v * 100, ciLow: v * 100 - m, ciHigh: v * 100 + m, n });
}

function countSeries(k: number, mean: number, phi: number, u: () => number, z: () => number): StatPoint[] {
  const pop = 15_000;
  return Array.from({ length: k }, (_, i) => {
    // Negative binomial with variance φ·mean: a gamma-distributed rate, then Poisson.
    const rate = phi > 1 ? gamma(mean / (phi - 1), u, z) * (phi - 1) : mean;
    const x = poisson(rate, u, z);
    return year(2015 + i, { value: (x / pop) * 1e5, numerator: x, denominator: pop });
  });
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'Enkät, två mätningar (n 90–1 000, andel 10–50 %)',
    kind: SN,
    series: (u) => {
      const p = 0.1 + 0.4 * u();
      const n1 = 90 + Math.floor(910 * u());
      const n2 = 90 + Math.floor(910 * u());
      return { points: [surveyPoint(2023, p, n1, u), surveyPoint(2025, p, n2, u)], baselinePeriod: '2023' };
    },
  },
  {
    name: 'NTU med publicerat KI, två mätningar (n 300–1 200)',
    kind: NTU,
    series: (u, z) => {
      const p = 0.1 + 0.4 * u();
      return {
        points: [ntuPoint(2022, p, 300 + Math.floor(900 * u()), u, z), ntuPoint(2024, p, 300 + Math.floor(900 * u()), u, z)],
        baselinePeriod: '2022',
      };
    },
  },
  {
    name: 'Enkät, trend över 6 mätningar (n 200–1 000)',
    kind: SN,
    series: (u) => {
      const p = 0.1 + 0.4 * u();
      return {
        points: Array.from({ length: 6 }, (_, i) => surveyPoint(2019 + i, p, 200 + Math.floor(800 * u()), u)),
        baselinePeriod: '2019',
      };
    },
  },
  {
    name: 'Anmälda brott, Poisson, 6 år (50–1 500 per år), senaste mot året före',
    kind: COUNT,
    series: (u, z) => ({ points: countSeries(6, 50 + 1450 * u(), 1, u, z), baselinePeriod: '2019' }),
  },
  {
    name: 'Anmälda brott, överspridda (φ = 3), 6 år, senaste mot året före',
    kind: COUNT,
    series: (u, z) => ({ points: countSeries(6, 50 + 1450 * u(), 3, u, z), baselinePeriod: '2019' }),
  },
  {
    name: 'Anmälda brott, överspridda (φ = 3), trend över 8 år',
    kind: COUNT,
    series: (u, z) => ({ points: countSeries(8, 50 + 1450 * u(), 3, u, z), baselinePeriod: '2015' }),
  },
];

export interface SimulationResult {
  name: string;
  runs: number;
  /** Share labelled "Säkerställd …". */
  sakerstalld: number;
  /** Share labelled "Tecken på … (ej säkerställd)". */
  tecken: number;
  /** Share with "Underlag saknas" (not counted in the two above). */
  underlag: number;
}

/** Runs `runs` no-change series of a scenario and counts the labels. */
export function simulateNoChange(s: Scenario, runs: number, seed = 11): SimulationResult {
  // Uniform and normal draws come from separate streams.
  const u = mulberry32(seed);
  const z = normalSampler(seed * 7919 + 1);
  const counts = new Map<VerdictLabel | null, number>();
  for (let i = 0; i < runs; i++) {
    const { points, baselinePeriod } = s.series(u, z);
    const v = assessSeries({ kind: s.kind, points, baselinePeriod, decidedDate: '2024-09-17', target: null });
    counts.set(v.label, (counts.get(v.label) ?? 0) + 1);
  }
  const share = (...labels: VerdictLabel[]) => labels.reduce((acc, l) => acc + (counts.get(l) ?? 0), 0) / runs;
  return {
    name: s.name,
    runs,
    sakerstalld: share('Säkerställd förbättring', 'Säkerställd försämring'),
    tecken: share('Tecken på förbättring (ej säkerställd)', 'Tecken på försämring (ej säkerställd)'),
    underlag: share('Underlag saknas'),
  };
}
