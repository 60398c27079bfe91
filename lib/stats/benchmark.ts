/** Benchmark labels vs Dalarna and Sverige (statistics.md §2.3, §8) and ranks. */
import { twoSidedPFromZ, Z95 } from './distributions';
import { changeSize, countTest } from './compare';
import { deflate, type Dispersion } from './dispersion';
import { interval, isBinomialShare, rateFactor } from './intervals';
import { countOf, hiddenReason, isFiniteNumber, normalizePeriod } from './points';
import { sizeWords } from './sentence';
import type { ChangeSize, IndicatorKind, StatPoint } from './types';

export interface BenchmarkOptions {
  /** 'Dalarna' | 'Sverige' (used in the label). */
  otherName: string;
  /**
   * Kommun's share of the other estimate (§2.3): from population; 0 for riket; 1 when the kommun is the whole
   * län (Gotland: no comparison). null/undefined = unknown: the independence formula (w = 0, conservative) is
   * used and the result says so.
   */
  w?: number | null;
  /** Counts: the rest of the län (x_län − x_k, P_län − P_k). */
  rest?: { numerator: number; denominator: number };
  /** Counts: the kommun series' over-dispersion (§2.4). */
  dispersion?: Dispersion | null;
}

export interface BenchmarkResult {
  label: string | null;
  text: string;
  significant: boolean;
  zEq: number | null;
  p: number | null;
  /** kommun − other, in the indicator's unit. */
  delta?: number | null;
  /** Survey: M from §2.3. */
  margin?: number | null;
  /** kommun − other (or the rate ratio − 1 for counts) with its 95 % interval. */
  size?: ChangeSize | null;
  /** Why the share w was not known, when it was not. */
  note?: string | null;
}

const RIKET = /^(sverige|riket|hela landet|hela riket)$/i;

/** §2.3: M = √((1 − 2w)·m_k² + m_other²) (negative weight clamped to 0). */
export function dependentMargin(mKommun: number, mOther: number, w: number): number | null {
  if (![mKommun, mOther, w].every(isFiniteNumber)) return null;
  const v = Math.max(0, 1 - 2 * w) * mKommun * mKommun + mOther * mOther;
  return v > 0 ? Math.sqrt(v) : null;
}

/**
 * 95 % limits of a value: the publisher's KI, else Wilson score limits on n_eff (surveys) or on the
 * denominator (process shares): the same family as change comparisons (§2.1), never a Wald margin, which is
 * zero at 0 % and 100 %.
 */
function limits(p: StatPoint, kind: IndicatorKind): { low: number; high: number } | null {
  const iv = interval(p, kind);
  return iv && iv.method !== 'none' ? { low: iv.low, high: iv.high } : null;
}

function texts(kind: IndicatorKind, name: string, sign: number, significant: boolean): { label: string; text: string } {
  const d = kind.direction === 'up' ? 1 : kind.direction === 'down' ? -1 : 0;
  if (!significant || sign === 0)
    return { label: `Ingen säkerställd skillnad mot ${name}`, text: `Ingen säkerställd skillnad mot ${name}` };
  let label: string;
  if (d === 0) label = sign > 0 ? `Högre än ${name}` : `Lägre än ${name}`;
  else label = d * sign > 0 ? `Bättre än ${name}` : `Sämre än ${name}`;
  return { label, text: `${label} (statistiskt säkerställd skillnad)` };
}

/** "Sämre än Dalarna: 8 procentenheter högre (95 % KI 2–14)." */
function withSize(
  t: { label: string; text: string },
  size: ChangeSize | null,
  kind: IndicatorKind,
  significant: boolean,
  note: string | null,
): string {
  let text = t.text;
  if (significant && size) {
    const higher = size.delta > 0 ? 'högre' : 'lägre';
    const words = sizeWords(size, kind.unitKind, kind.unitKind === 'percent' ? 0 : 1);
    text = `${t.label}: ${words.replace(/ \(95/, ` ${higher} (95`)}`;
  }
  return `${text}.${note ? ` ${note}` : ''}`;
}

export const NOTE_UNKNOWN_SHARE =
  'Kommunens andel av länets befolkning är okänd: jämförelsen räknar som om kommunen inte ingick i länet (försiktigt).';
export const NO_COMPARISON_WHOLE_LAN = 'Ingen jämförelse: kommunen utgör hela länet.';

/**
 * Kommun vs Dalarna/Sverige for the same definition and period (§8): surveys and process shares with score
 * limits and the dependence-adjusted margin (§2.3), counts with the count test (§2.4) against the rest of the
 * län (riket directly), scaled by the kommun's over-dispersion. No "tecken" level. No label for wastewater,
 * inventories, hidden values, different periods, or a kommun that is its whole län.
 */
export function benchmarkLabel(
  kommun: StatPoint | null | undefined,
  other: StatPoint | null | undefined,
  kind: IndicatorKind,
  opts: BenchmarkOptions,
): BenchmarkResult {
  const name = (opts?.otherName ?? '').trim() || 'jämförelseområdet';
  const none = (text: string): BenchmarkResult => ({ label: null, text, significant: false, zEq: null, p: null });
  if (!kind) return none('Ingen jämförelse: indikator saknas.');
  if (kind.type === 'wastewater') return none('Ingen jämförelse för avloppsvatten.');
  if (kind.type === 'process' && !(kommun && isBinomialShare(kommun, kind))) return none('Ingen jämförelse för processindikatorer.');
  if (!kommun || !other) return none('Ingen jämförelse: värde saknas.');
  if (hiddenReason(kommun, kind) !== null || hiddenReason(other, kind) !== null)
    return none('Ingen jämförelse: värde saknas eller för litet underlag.');
  if (normalizePeriod(kommun.period) !== normalizePeriod(other.period)) return none('Ingen jämförelse: olika perioder.');
  const known = isFiniteNumber(opts.w);
  // Unknown share: w = 0 (the independence formula) is the conservative choice for any w ≤ 0.5 (§2.3).
  const w = known ? (opts.w as number) : 0;
  if (w >= 0.995) return none(NO_COMPARISON_WHOLE_LAN);
  const note = known || RIKET.test(name) ? null : NOTE_UNKNOWN_SHARE;
  const vk = kommun.value as number;
  const vo = other.value as number;
  const delta = vk - vo;

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
        // Against a län: the rest of the län; against riket: directly.
        if (!RIKET.test(name) && xk !== null && isFiniteNumber(pk) && xl - xk >= 0 && pl - pk > 0) {
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
      const adj = opts.dispersion ? deflate(t.zEq, opts.dispersion) : { zEq: t.zEq, p: t.p };
      const significant = adj.zEq > Z95;
      const sign = Math.sign(isFiniteNumber(t.ratio) ? Math.log(t.ratio) : xk / pk - xo / po);
      const ref = { ...other, numerator: xo, denominator: po, value: (xo / po) * (rateFactor(kind.unitKind) ?? 1) };
      const size = changeSize(ref, kommun, kind, opts.dispersion);
      const tx = texts(kind, name, sign, significant);
      return { ...tx, text: withSize(tx, size, kind, significant, null), significant, zEq: adj.zEq, p: adj.p, delta, margin: null, size };
    }
    // Without counts: published KIs with the dependence margin.
  }

  const lk = limits(kommun, kind);
  const lo = limits(other, kind);
  if (!lk || !lo) return none('Ingen jämförelse: felmarginal saknas.');
  // Facing sides (Newcombe): the kommun's upper side when it is the lower value, and the other way round.
  const up = delta < 0;
  const mk = Math.max(0, up ? lk.high - vk : vk - lk.low);
  const mo = Math.max(0, up ? vo - lo.low : lo.high - vo);
  const M = dependentMargin(mk, mo, w);
  if (M === null) return none('Ingen jämförelse: felmarginal saknas.');
  const zEq = (Z95 * Math.abs(delta)) / M;
  const significant = Math.abs(delta) > M;
  const f = Math.max(0, 1 - 2 * w);
  const size: ChangeSize = {
    delta,
    low: delta - Math.sqrt(f * (vk - lk.low) ** 2 + (lo.high - vo) ** 2),
    high: delta + Math.sqrt(f * (lk.high - vk) ** 2 + (vo - lo.low) ** 2),
    scale: 'difference',
  };
  const tx = texts(kind, name, Math.sign(delta), significant);
  return {
    ...tx,
    text: withSize(tx, size, kind, significant, note),
    significant,
    zEq,
    p: twoSidedPFromZ(zEq),
    delta,
    margin: M,
    size,
    note,
  };
}
