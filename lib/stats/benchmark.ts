/** Benchmark labels vs Dalarna and Sverige (statistics.md §2.3, §8) and ranks. */
import { Z95 } from './distributions';
import { countTest } from './compare';
import { defaultDeff, waldSe } from './intervals';
import { countOf, hiddenReason, isFiniteNumber, normalizePeriod } from './points';
import type { Direction, IndicatorKind, StatPoint } from './types';

export interface BenchmarkOptions {
  /** 'Dalarna' | 'Sverige' (used in the label). */
  otherName: string;
  /** Kommun's share of the other estimate (§2.3); default 0.05 for a län, 0 for riket. */
  w?: number;
  /** Counts: the rest of the län (x_län − x_k, P_län − P_k). */
  rest?: { numerator: number; denominator: number };
}

export interface BenchmarkResult {
  label: string | null;
  text: string;
  significant: boolean;
  zEq: number | null;
  /** kommun − other, in the indicator's unit. */
  delta?: number | null;
  /** Survey: M from §2.3. */
  margin?: number | null;
}

const RIKET = /^(sverige|riket|hela landet|hela riket)$/i;

/** Default dependence share w: 0 for riket, 0.05 (Hedemora in Dalarna, unverified) otherwise. */
export function defaultShare(otherName: string): number {
  return RIKET.test((otherName ?? '').trim()) ? 0 : 0.05;
}

/** §2.3: M = √((1 − 2w)·m_k² + m_other²) (negative weight clamped to 0). */
export function dependentMargin(mKommun: number, mOther: number, w: number): number | null {
  if (![mKommun, mOther, w].every(isFiniteNumber)) return null;
  const v = Math.max(0, 1 - 2 * w) * mKommun * mKommun + mOther * mOther;
  return v > 0 ? Math.sqrt(v) : null;
}

/**
 * 95 % margin of a survey value on the side facing the other value: a published KI gives that side;
 * otherwise the Wald margin 1.96·√(p(1−p)/n_eff) (the variance form §2.3 is built on).
 */
function facingMargin(p: StatPoint, kind: IndicatorKind, towardsHigher: boolean): number | null {
  const v = p.value as number;
  if (isFiniteNumber(p.ciLow) && isFiniteNumber(p.ciHigh)) {
    const lo = Math.min(p.ciLow, p.ciHigh);
    const hi = Math.max(p.ciLow, p.ciHigh);
    return Math.max(0, towardsHigher ? hi - v : v - lo);
  }
  if (kind.unitKind !== 'percent' || !isFiniteNumber(p.n) || p.n <= 0) return null;
  const se = waldSe(v / 100, p.n / defaultDeff(kind).deff);
  return se === null ? null : Z95 * se * 100;
}

function texts(kind: IndicatorKind, name: string, sign: number, significant: boolean): { label: string; text: string } {
  const d = kind.direction === 'up' ? 1 : kind.direction === 'down' ? -1 : 0;
  let label: string;
  if (!significant || sign === 0) label = `I nivå med ${name}`;
  else if (d === 0) label = sign > 0 ? `Högre än ${name}` : `Lägre än ${name}`;
  else label = d * sign > 0 ? `Bättre än ${name}` : `Sämre än ${name}`;
  const suffix = significant && sign !== 0 ? '(statistiskt säkerställd skillnad)' : '(ingen säkerställd skillnad)';
  return { label, text: `${label} ${suffix}` };
}

/**
 * Kommun vs Dalarna/Sverige for the same definition and period (§8): surveys with the dependence-adjusted
 * margin (§2.3), counts with the count test (§2.4) against the rest of the län (riket directly). No "tecken"
 * level. No label for wastewater, process indicators, hidden values or different periods.
 */
export function benchmarkLabel(kommun: StatPoint | null | undefined, other: StatPoint | null | undefined, kind: IndicatorKind, opts: BenchmarkOptions): BenchmarkResult {
  const name = (opts?.otherName ?? '').trim() || 'jämförelseområdet';
  const none = (text: string): BenchmarkResult => ({ label: null, text, significant: false, zEq: null });
  if (!kind) return none('Ingen jämförelse: indikator saknas.');
  if (kind.type === 'wastewater') return none('Ingen jämförelse för avloppsvatten.');
  if (kind.type === 'process') return none('Ingen jämförelse för processindikatorer.');
  if (!kommun || !other) return none('Ingen jämförelse: värde saknas.');
  if (hiddenReason(kommun, kind) !== null || hiddenReason(other, kind) !== null) return none('Ingen jämförelse: värde saknas eller för litet underlag.');
  if (normalizePeriod(kommun.period) !== normalizePeriod(other.period)) return none('Ingen jämförelse: olika perioder.');
  const vk = kommun.value as number;
  const vo = other.value as number;
  const delta = vk - vo;
  const w = isFiniteNumber(opts.w) ? opts.w : defaultShare(name);

  if (kind.type === 'count') {
    const xk = countOf(kommun, kind);
    const pk = kommun.denominator;
    let xo: number | null = null;
    let po: number | null = null;
    if (opts.rest && isFiniteNumber(opts.rest.numerator) && isFiniteNumber(opts.rest.denominator)) {
      xo = opts.rest.numerator;
      po = opts.rest.denominator;
    } else {
      const xl = countOf(other, kind);
      const pl = other.denominator;
      if (xl !== null && isFiniteNumber(pl)) {
        // Against a län: the rest of the län; against riket (w = 0): directly.
        if (w > 0 && xk !== null && isFiniteNumber(pk) && xl - xk >= 0 && pl - pk > 0) {
          xo = xl - xk;
          po = pl - pk;
        } else {
          xo = xl;
          po = pl;
        }
      }
    }
    if (xk !== null && isFiniteNumber(pk) && pk > 0 && xo !== null && isFiniteNumber(po) && po > 0) {
      // Rest of the län as the first (reference) value, kommun second: ratio = kommun rate / rest rate.
      const t = countTest(xo, po, xk, pk);
      if (!t) return none('Ingen jämförelse: antal saknas.');
      const significant = t.zEq > Z95;
      const sign = Math.sign(isFiniteNumber(t.ratio) ? Math.log(t.ratio) : xk / pk - xo / po);
      return { ...texts(kind, name, sign, significant), significant, zEq: t.zEq, delta, margin: null };
    }
    // Without counts: published KIs with the dependence margin.
  }

  const up = delta < 0; // the kommun's side faces upward when it is the lower value
  const mk = facingMargin(kommun, kind, up);
  const mo = facingMargin(other, kind, !up);
  if (mk === null || mo === null) return none('Ingen jämförelse: felmarginal saknas.');
  const M = dependentMargin(mk, mo, w);
  if (M === null) return none('Ingen jämförelse: felmarginal saknas.');
  const zEq = (Z95 * Math.abs(delta)) / M;
  const significant = Math.abs(delta) > M;
  return { ...texts(kind, name, Math.sign(delta), significant), significant, zEq, delta, margin: M };
}

/**
 * Rank of `code` among values (1 = best; ties share the rank). ↑: highest first; ↓: lowest first; ctx: by
 * value descending (position only, not "better").
 */
export function rankAmong(values: readonly { code: string; value: number | null }[], code: string, direction: Direction): { rank: number; of: number } | null {
  if (!Array.isArray(values)) return null;
  const valid = values.filter((v) => v && isFiniteNumber(v.value)) as { code: string; value: number }[];
  const me = valid.find((v) => v.code === code);
  if (!me) return null;
  const better = (x: number) => (direction === 'down' ? x < me.value : x > me.value);
  return { rank: 1 + valid.filter((v) => better(v.value)).length, of: valid.length };
}
