/** Wastewater comparisons: like-for-like only (statistics.md §1.3, §2.5). */
import { MAX_Z, studentTTwoSidedP, Z90, zFromTwoSidedP } from './distributions';
import { isBelowLoq, isDated, isFiniteNumber, REASON, samePeriod, startMonth } from './points';
import type { Comparison, IndicatorKind, StatPoint } from './types';

/** Median within-week CV of daily loads, EUDA 2025 (§1.3); other substances 0.30 (assumption). */
export const SUBSTANCE_CV: Record<string, number> = {
  amfetamin: 0.2,
  cannabis: 0.19,
  kokain: 0.27,
  metamfetamin: 0.24,
  ketamin: 0.3,
  mdma: 0.57,
};
export const DEFAULT_CV = 0.3;

const ALIASES: [RegExp, string][] = [
  [/met(h)?amf?ph?etamin|methamphetamine|metamfetamin/, 'metamfetamin'],
  [/amf?ph?etamin|amphetamine/, 'amfetamin'],
  [/kokain|cocain|benso?z?ylekgonin|benzoylecgonin|bensoylecgonin/, 'kokain'],
  [/cannabis|thc/, 'cannabis'],
  [/mdma|ecstasy/, 'mdma'],
  [/ketamin/, 'ketamin'],
];

/** Canonical Swedish substance key (amfetamin, kokain, …) or the lower-cased input. */
export function substanceKey(substance: string | undefined | null): string {
  const s = (substance ?? '').toLowerCase().trim();
  for (const [re, key] of ALIASES) if (re.test(s)) return key;
  return s;
}

/** Day-to-day CV for a substance (§1.3). */
export function substanceCv(substance: string | undefined | null): number {
  return SUBSTANCE_CV[substanceKey(substance)] ?? DEFAULT_CV;
}

/** RISE provsäsong of a month (vinter = December of the same year); January–February belong to none. */
export function seasonOfMonth(month: number): 'vår' | 'sommar' | 'höst' | 'vinter' | null {
  if (month >= 3 && month <= 5) return 'vår';
  if (month >= 6 && month <= 8) return 'sommar';
  if (month >= 9 && month <= 11) return 'höst';
  if (month === 12) return 'vinter';
  return null;
}

function seasonKey(p: StatPoint): string {
  const m = startMonth(p);
  if (m === null) return '?';
  return seasonOfMonth(m) ?? 'jan–feb';
}

/**
 * Why two wastewater observations are not like-for-like, or null: same reningsverk (site) and group
 * (EUDA daily/weekday/weekend mean), both dated samples or both yearly SCORE weeks, and for dated (RISE)
 * samples the same season by the month of the date.
 */
export function wastewaterComparability(a: StatPoint, b: StatPoint): string | null {
  if ((a.site ?? '') !== (b.site ?? '')) return REASON.notComparableWastewater;
  if ((a.grp ?? '') !== (b.grp ?? '')) return REASON.notComparableWastewater;
  const da = isDated(a);
  const db = isDated(b);
  if (da !== db) return REASON.notComparableWastewater;
  if (da && seasonKey(a) !== seasonKey(b)) return REASON.notComparableWastewater;
  return null;
}

/** Daily loads that exist (null/absent days dropped; 0 = below LOQ is kept). */
export function validDays(p: StatPoint): number[] {
  return (p.days ?? []).filter((d): d is number => isFiniteNumber(d) && d >= 0);
}

const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const variance = (v: number[]) => {
  const m = mean(v);
  return v.reduce((s, x) => s + (x - m) ** 2, 0) / (v.length - 1);
};

export interface WelchResult {
  t: number;
  df: number;
  p: number;
  /** Mean of b minus mean of a, on the scale used (ln or raw). */
  diff: number;
  log: boolean;
}

/** Welch two-sample t-test with Welch–Satterthwaite df; on ln values unless `log` is false. */
export function welchTest(a: number[], b: number[], log = true): WelchResult | null {
  if (a.length < 2 || b.length < 2) return null;
  if (log && [...a, ...b].some((x) => !(x > 0))) return null;
  const A = log ? a.map(Math.log) : a;
  const B = log ? b.map(Math.log) : b;
  const va = variance(A) / A.length;
  const vb = variance(B) / B.length;
  const diff = mean(B) - mean(A);
  const se2 = va + vb;
  if (!(se2 > 0)) {
    // No within-week variation at all: identical means → no evidence, different → certain.
    return { t: diff === 0 ? 0 : Math.sign(diff) * Infinity, df: A.length + B.length - 2, p: diff === 0 ? 1 : 0, diff, log };
  }
  const t = diff / Math.sqrt(se2);
  const denom = (va * va) / (A.length - 1) + (vb * vb) / (B.length - 1);
  const df = denom > 0 ? (se2 * se2) / denom : A.length + B.length - 2;
  return { t, df, p: studentTTwoSidedP(t, df), diff, log };
}

/** Test B (§2.5): z_eq = |ln(v₂/v₁)| / (σ·√(1/k₁ + 1/k₂)), σ = √(ln(1 + CV²)). */
export function testB(v1: number, v2: number, cv: number, k1 = 1, k2 = 1): { sigma: number; se: number; zEq: number } | null {
  if (!(v1 > 0) || !(v2 > 0) || !(cv > 0) || !(k1 > 0) || !(k2 > 0)) return null;
  const sigma = Math.sqrt(Math.log(1 + cv * cv));
  const se = sigma * Math.sqrt(1 / k1 + 1 / k2);
  return { sigma, se, zEq: Math.abs(Math.log(v2 / v1)) / se };
}

export const NOTE_LOQ_BOTH = 'Under kvantifieringsgränsen vid båda mättillfällena.';
export const NOTE_LOQ_ONE = 'Under kvantifieringsgränsen vid ett av mättillfällena: riktningen är känd men inte storleken.';
export const NOTE_TEST_A =
  'Skillnaden är större än dag-till-dag-variationen under provveckan – inte nödvändigtvis mellan veckor eller säsonger.';
export const NOTE_TEST_B = 'Enstaka prover: jämförelsen kan som mest ge tecken på förändring.';
export const NOTE_ONE_WEEK =
  'En provvecka per år: variationen inom veckan säger inte hur mycket nivån skiftar mellan år, så jämförelsen kan som mest ge tecken på förändring.';
export const NOTE_YEAR_TO_YEAR = 'Jämförelsen bygger på verkets egen variation mellan år.';

/** Fewest earlier year-to-year changes from which a site's own variation is estimated. */
export const MIN_YEAR_CHANGES = 3;

/**
 * §2.5 (one sampling week a year): the site's own year-to-year variation. s = root mean square of the
 * consecutive ln changes among the comparable yearly values up to a (the pair being judged left out); a
 * difference of two yearly values has that variance whatever the gap. t = ln(v_b/v_a)/s on k changes' df.
 */
export function yearToYearTest(
  a: StatPoint,
  b: StatPoint,
  series: readonly StatPoint[],
): { t: number; df: number; p: number; s: number } | null {
  const history = series
    .filter(
      (p) =>
        p !== b &&
        !isDated(p) &&
        wastewaterComparability(p, a) === null &&
        isFiniteNumber(p.value) &&
        p.value > 0 &&
        (p.end ?? '') <= (a.end ?? ''),
    )
    .sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : 0));
  const changes: number[] = [];
  for (let i = 1; i < history.length; i++) changes.push(Math.log((history[i]!.value as number) / (history[i - 1]!.value as number)));
  if (changes.length < MIN_YEAR_CHANGES || !(isFiniteNumber(a.value) && a.value > 0 && isFiniteNumber(b.value) && b.value > 0)) return null;
  const s = Math.sqrt(changes.reduce((acc, c) => acc + c * c, 0) / changes.length);
  if (!(s > 0)) return null;
  const t = Math.log(b.value / a.value) / s;
  return { t, df: changes.length, p: studentTTwoSidedP(t, changes.length), s };
}

/** Compare two wastewater observations a → b (§2.5); `series` gives a yearly site its own history. */
export function compareWastewater(a: StatPoint, b: StatPoint, kind: IndicatorKind, series: readonly StatPoint[] = []): Comparison {
  const none = (reason: string): Comparison => ({ delta: null, zEq: null, p: null, significant: false, method: null, reason });
  if (!a || !b) return none(REASON.missingValue);
  if (samePeriod(a, b) && (a.site ?? '') === (b.site ?? '') && (a.grp ?? '') === (b.grp ?? '')) return none(REASON.samePeriod);
  const reason = wastewaterComparability(a, b);
  if (reason) return none(reason);
  const la = isBelowLoq(a);
  const lb = isBelowLoq(b);
  if (!la && !isFiniteNumber(a.value)) return none(REASON.missingValue);
  if (!lb && !isFiniteNumber(b.value)) return none(REASON.missingValue);
  const va = la ? 0 : (a.value as number);
  const vb = lb ? 0 : (b.value as number);
  if (va < 0 || vb < 0) return none(REASON.missingValue);
  if (la && lb) return { delta: 0, zEq: 0, p: null, significant: false, method: 'loq', notes: [NOTE_LOQ_BOTH] };
  if (la || lb) {
    // Direction known, size not: treated as 1 ≤ z_eq ≤ 1.96 (the "Tecken" level).
    return { delta: vb - va, zEq: Z90, p: null, significant: false, method: 'loq', capped: true, notes: [NOTE_LOQ_ONE] };
  }
  // One sampling week a year (EUDA/SCORE): judged on the site's year-to-year variation when its history allows.
  if (!isDated(a) && !isDated(b)) {
    const y = yearToYearTest(a, b, series);
    if (y) {
      const zEq = zFromTwoSidedP(y.p);
      return { delta: vb - va, zEq, p: y.p, significant: y.p < 0.05, method: 'year-to-year', t: y.t, df: y.df, notes: [NOTE_YEAR_TO_YEAR] };
    }
  }
  const da = validDays(a);
  const db = validDays(b);
  if (da.length >= 3 && db.length >= 3) {
    const log = !da.some((x) => x === 0) && !db.some((x) => x === 0);
    const w = welchTest(da, db, log);
    if (w) {
      const zEq = Number.isFinite(w.t) ? zFromTwoSidedP(w.p) : w.diff === 0 ? 0 : MAX_Z;
      const significant = w.p < 0.05;
      // Within-week variation only says something about one week: a yearly week is capped at "Tecken".
      const oneWeek = !isDated(a) && !isDated(b);
      return {
        delta: vb - va,
        zEq,
        p: w.p,
        significant,
        method: 'welch',
        capped: oneWeek || undefined,
        t: Number.isFinite(w.t) ? w.t : undefined,
        df: w.df,
        notes: oneWeek ? [NOTE_ONE_WEEK] : significant ? [NOTE_TEST_A] : [],
      };
    }
  }
  // k = days averaged into the value (a single sample without daily values: 1).
  const k1 = da.length > 0 ? da.length : 1;
  const k2 = db.length > 0 ? db.length : 1;
  const tb = testB(va, vb, substanceCv(kind.substance), k1, k2);
  if (!tb) return none(REASON.missingValue);
  return { delta: vb - va, zEq: tb.zEq, p: null, significant: false, method: 'test-b', capped: true, notes: [NOTE_TEST_B] };
}
