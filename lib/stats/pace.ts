/** Target pace by CAGR (statistics.md §6; Statistics Canada / Open SDG). */
import { isFiniteNumber } from './points';
import { NBSP, formatSv } from './sentence';
import type { Direction, IndicatorType, Pace, PaceLabel, Target } from './types';

/** Exponent of the natural-limit factor. */
export const LIMIT_EXPONENT = 4.44;

export interface PaceInput {
  direction: Direction;
  type?: IndicatorType;
  /** Baseline value and its (first) year. */
  y0: number | null;
  t0: number | null;
  /** Latest value and its (first) year. */
  yt: number | null;
  t: number | null;
  target?: Target | null;
  /** Natural limit (method 1), e.g. 100 for percentages; null = none (C = 1). */
  limit?: number | null;
  /** A series break between baseline and latest. */
  seriesBreak?: boolean;
}

const LABELS: Record<'substantial' | 'moderate' | 'limited' | 'deterioration', PaceLabel> = {
  substantial: 'God takt',
  moderate: 'Framsteg men för låg takt',
  limited: 'Låg takt',
  deterioration: 'Går åt fel håll',
};

/** Natural-limit factor C (§6, method 1; absolute values, a = 4.44). No limit → 1. */
export function naturalLimitFactor(y0: number, limit: number | null | undefined): number {
  if (!isFiniteNumber(limit) || !isFiniteNumber(y0)) return 1;
  const y = Math.abs(y0);
  const lim = Math.abs(limit);
  if (lim === 0) return 1;
  if (y >= 2 * lim) return 1;
  if (y <= lim) return 1 - (y / lim) ** LIMIT_EXPONENT;
  return 1 - ((2 * lim - y) / lim) ** LIMIT_EXPONENT;
}

/** Method 1 thresholds: high = 0.015·C, medium = 0.005·C. */
export function paceThresholds(y0: number, limit: number | null | undefined): { c: number; high: number; medium: number } {
  const c = naturalLimitFactor(y0, limit);
  return { c, high: 0.015 * c, medium: 0.005 * c };
}

/** CAGR between two values over `years` years. */
export function cagr(from: number, to: number, years: number): number | null {
  if (!isFiniteNumber(from) || !isFiniteNumber(to) || !isFiniteNumber(years) || years <= 0) return null;
  if (from === 0 || (Math.sign(from) !== Math.sign(to) && to !== 0)) return null;
  const r = (to / from) ** (1 / years) - 1;
  return isFiniteNumber(r) ? r : null;
}

const clip = (x: number) => Math.max(-5, Math.min(5, x));

/** Score for method 2 (§6): 7.1429·R − 4.2857 if R ≥ 0.6, else 4.1667·R − 2.5, clipped to [−5, 5]. */
export function scoreMethod2(r: number): number {
  return clip(r >= 0.6 ? 7.1429 * r - 4.2857 : 4.1667 * r - 2.5);
}

/** Score for method 1 (§6). */
export function scoreMethod1(v: number, c: number): number {
  if (v < 0) return Math.max(125 * v - 2.5, -5);
  if (!(c > 0)) return 5;
  const high = 0.015 * c;
  const medium = 0.005 * c;
  if (v >= high) return Math.min((500 * v) / c - 5, 5);
  if (v >= medium) return clip((250 * v) / c - 1.25);
  return clip((500 * v) / c - 2.5);
}

/** Label of a mean score (roll-up): [2.5, 5] substantial, [0, 2.5) moderate, [−2.5, 0) limited, below deterioration. */
export function scoreLabel(score: number): PaceLabel {
  if (!isFiniteNumber(score)) return 'Kan inte beräknas';
  if (score >= 2.5) return LABELS.substantial;
  if (score >= 0) return LABELS.moderate;
  if (score >= -2.5) return LABELS.limited;
  return LABELS.deterioration;
}

type PaceCore = Omit<Pace, 'text'>;

function notCalculable(method: 1 | 2, reason: string): PaceCore {
  return { label: 'Kan inte beräknas', uncertain: false, method, value: 0, score: 0, reason };
}

/**
 * Pace toward a goal (§6): method 2 (R against the required CAGR) with a target, else method 1 (v against
 * 1.5 %/0.5 % per year, scaled by the natural-limit factor C). Guards: t − t₀ ≥ 1, y₀ = 0 and y* = 0 → 0.001,
 * opposite signs → not calculable, no series break, process indicators starting at or near 0 (|y₀| < 1).
 * `uncertain` is left false; the verdict sets it.
 */
export function pace(input: PaceInput): Pace {
  const p = paceCore(input);
  return { ...p, text: paceWords(p) };
}

/**
 * Without a target there is nothing to be "too slow" for: method 1's bands are named by the speed of the change
 * itself (statistics.md §6, "Swedish pace labels"). The label field keeps the category for roll-ups.
 */
export const NO_TARGET_WORDS: Record<'God takt' | 'Framsteg men för låg takt' | 'Låg takt' | 'Går åt fel håll', string> = {
  'God takt': 'Snabb förbättring',
  'Framsteg men för låg takt': 'Måttlig förbättring',
  'Låg takt': 'Långsam förbättring',
  'Går åt fel håll': 'Går åt fel håll',
};

const percentPerYear = (v: number) => `${formatSv(Math.abs(v) * 100, 1)}${NBSP}% per år`;

/** The words a page shows for a pace, qualifier included. */
export function paceWords(p: Pick<Pace, 'label' | 'method' | 'reason'> & { value?: number }): string {
  if (p.label === 'Kan inte beräknas') return p.reason ? `Kan inte beräknas (${p.reason})` : 'Kan inte beräknas';
  if (p.label === 'För osäkert för att bedöma takten') return p.label;
  if (p.method === 2) return `${p.label} mot målvärdet`;
  const words = NO_TARGET_WORDS[p.label];
  const rate = isFiniteNumber(p.value) ? `: ${percentPerYear(p.value)}${p.value < 0 ? ' åt fel håll' : ''}` : '';
  return `${words}${rate} (planen har inget målvärde att mäta takten mot)`;
}

function paceCore(input: PaceInput): PaceCore {
  const method: 1 | 2 = input?.target && isFiniteNumber(input.target.value) && isFiniteNumber(input.target.year) ? 2 : 1;
  if (!input) return notCalculable(method, 'underlag saknas');
  const d = input.direction === 'up' ? 1 : input.direction === 'down' ? -1 : 0;
  if (d === 0) return notCalculable(method, 'kontextindikator');
  const { y0: rawY0, yt, t0, t } = input;
  if (!isFiniteNumber(rawY0) || !isFiniteNumber(yt)) return notCalculable(method, 'värde saknas');
  if (!isFiniteNumber(t0) || !isFiniteNumber(t)) return notCalculable(method, 'år saknas');
  if (input.seriesBreak) return notCalculable(method, 'seriebrott');
  if (t - t0 < 1) return notCalculable(method, 'mindre än ett år mellan mätningarna');
  if (input.type === 'process' && Math.abs(rawY0) < 1) return notCalculable(method, 'startvärdet är noll eller nära noll');
  const y0 = rawY0 === 0 ? 0.001 : rawY0;
  if (yt !== 0 && Math.sign(yt) !== Math.sign(y0)) return notCalculable(method, 'baslinje och senaste värde har olika tecken');
  const s = y0 < 0 ? -1 : 1;
  const obs = cagr(y0, yt === 0 ? 0 : yt, t - t0);
  if (obs === null) return notCalculable(method, 'tillväxttakten kan inte beräknas');

  if (method === 2 && input.target) {
    const { value: target, year: T } = input.target;
    const achieved = (d === -1 && yt <= target) || (d === 1 && yt >= target);
    const ystar = target === 0 ? 0.001 : target;
    const req = T - t0 >= 1 && Math.sign(ystar) === Math.sign(y0) ? cagr(y0, ystar, T - t0) : null;
    if (achieved) {
      const r = req !== null && req !== 0 ? (s * d * obs) / Math.abs(req) : 1;
      return {
        label: LABELS.substantial,
        uncertain: false,
        method,
        value: r,
        score: 5,
        achieved: true,
        cagrObs: obs,
        cagrReq: req ?? undefined,
      };
    }
    if (req === null)
      return notCalculable(method, T - t0 < 1 ? 'målåret ligger inte efter basåret' : 'målvärdet har annat tecken än baslinjen');
    // Target equal to the baseline and not met: the value has moved the wrong way.
    const r = req === 0 ? -1 : (s * d * obs) / Math.abs(req);
    const label = r >= 0.95 ? LABELS.substantial : r >= 0.6 ? LABELS.moderate : r >= 0 ? LABELS.limited : LABELS.deterioration;
    return { label, uncertain: false, method, value: r, score: scoreMethod2(r), achieved: false, cagrObs: obs, cagrReq: req };
  }

  const v = s * d * obs;
  const { c, high, medium } = paceThresholds(y0, input.limit);
  let label: PaceLabel;
  if (c === 0 && v >= 0) label = LABELS.substantial;
  else if (v >= high) label = LABELS.substantial;
  else if (v >= medium) label = LABELS.moderate;
  else if (v >= 0) label = LABELS.limited;
  else label = LABELS.deterioration;
  return { label, uncertain: false, method: 1, value: v, score: scoreMethod1(v, c), c, cagrObs: obs };
}
