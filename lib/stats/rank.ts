/** Ranks among the län's kommuner with an interval (statistics.md §8.6): hidden values never take part. */
import { mulberry32 } from '../random';
import { isFiniteNumber } from './points';
import type { Direction } from './types';

export interface RankInput {
  code: string;
  value: number | null;
  /** Standard error of the value; 0 = exact. */
  se: number | null;
  /** Suppressed or too small a base (§4): left out of every rank. */
  hidden?: boolean;
}

export interface RankResult {
  rank: number;
  of: number;
  /** 95 % interval of the rank by simulation from each kommun's uncertainty. */
  low: number;
  high: number;
}

/** Standard normal draws (Box–Muller). */
export function normalSampler(seed: number): () => number {
  const u = mulberry32(seed);
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

function rankOf(values: readonly number[], me: number, direction: Direction): number {
  const v = values[me]!;
  return 1 + values.filter((x, i) => i !== me && (direction === 'down' ? x < v : x > v)).length;
}

/**
 * Rank of `code` (1 = best; ↓ lowest first, ↑ and ctx highest first; ties share the rank) among the
 * visible values, with a 95 % interval from `sims` draws of each value from N(value, se²). Null when the
 * kommun's own value is hidden or missing, fewer than two kommuner remain, or any standard error is unknown
 * (then no rank is shown rather than one without its uncertainty).
 */
export function rankWithInterval(
  values: readonly RankInput[],
  code: string,
  direction: Direction,
  opts: { sims?: number; seed?: number } = {},
): RankResult | null {
  const valid = values.filter((v) => v && !v.hidden && isFiniteNumber(v.value));
  const me = valid.findIndex((v) => v.code === code);
  if (me < 0 || valid.length < 2) return null;
  if (!valid.every((v) => isFiniteNumber(v.se) && v.se >= 0)) return null;
  const point = valid.map((v) => v.value as number);
  const rank = rankOf(point, me, direction);
  const sims = opts.sims ?? 2000;
  const draw = normalSampler(opts.seed ?? 20830);
  const ranks: number[] = [];
  for (let s = 0; s < sims; s++)
    ranks.push(
      rankOf(
        valid.map((v) => (v.value as number) + (v.se as number) * draw()),
        me,
        direction,
      ),
    );
  ranks.sort((a, b) => a - b);
  const q = (p: number) => ranks[Math.min(sims - 1, Math.max(0, Math.round(p * (sims - 1))))]!;
  return { rank, of: valid.length, low: Math.min(rank, q(0.025)), high: Math.max(rank, q(0.975)) };
}
