/** Small helpers on StatPoints shared by the lib/stats modules: periods, visibility, comparability. */
import { isSmallCount, surveyVisibility } from './suppression';
import type { IndicatorKind, StatPoint } from './types';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const REASON = {
  noBaseline: 'baslinje saknas',
  noLatest: 'ingen ny mätning efter baslinjen',
  samePeriod: 'samma period',
  tooSmall: 'för litet underlag',
  missingValue: 'värde saknas',
  notComparable: 'ej jämförbara perioder',
  notComparableWastewater: 'ej jämförbara mättillfällen',
  noMargin: 'felmarginal och antal svar saknas',
  noCounts: 'antal händelser saknas',
  noPopulation: 'befolkning saknas',
} as const;

export function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Period label with dashes normalised to an en dash and spaces removed: "2021-2022" → "2021–2022". */
export function normalizePeriod(label: string): string {
  return label
    .trim()
    .replace(/\s*[-–—]\s*(?=\d{4}\b)/g, '–')
    .replace(/\s+/g, ' ');
}

/** Same period label (dash-insensitive). */
export function samePeriod(a: StatPoint, b: StatPoint): boolean {
  return normalizePeriod(a.period) === normalizePeriod(b.period);
}

/** Old-method marker "2016*" (statistics.md §2.2). */
export function isOldMethod(p: StatPoint): boolean {
  return p.period.includes('*');
}

function isoYear(s: string): number | null {
  const m = ISO_DATE.exec(s ?? '');
  return m ? Number(m[1]) : null;
}

/** First year of a point: its start date, else the first four-digit year in the label (a range uses its first year). */
export function pointYear(p: StatPoint): number | null {
  const y = isoYear(p.start);
  if (y !== null) return y;
  const m = /(\d{4})/.exec(p.period ?? '');
  return m ? Number(m[1]) : null;
}

/** Last year of a point (end date, else the last four-digit year in the label). */
export function pointEndYear(p: StatPoint): number | null {
  const y = isoYear(p.end);
  if (y !== null) return y;
  const all = (p.period ?? '').match(/\d{4}/g);
  return all ? Number(all[all.length - 1]) : null;
}

/** Sort key: start date (falls back to the label year). */
function startKey(p: StatPoint): string {
  if (ISO_DATE.test(p.start ?? '')) return p.start;
  const y = pointYear(p);
  return y === null ? '' : `${y}-01-01`;
}

function endKey(p: StatPoint): string {
  if (ISO_DATE.test(p.end ?? '')) return p.end;
  const y = pointEndYear(p);
  return y === null ? '' : `${y}-12-31`;
}

/** Time order by start, then end (stable). */
export function sortPoints(points: readonly StatPoint[]): StatPoint[] {
  return points
    .map((p, i) => ({ p, i }))
    .sort((x, y) => {
      const a = startKey(x.p);
      const b = startKey(y.p);
      if (a !== b) return a < b ? -1 : 1;
      const c = endKey(x.p);
      const d = endKey(y.p);
      if (c !== d) return c < d ? -1 : 1;
      return x.i - y.i;
    })
    .map((x) => x.p);
}

/** Two periods share time (pooled NTU periods that overlap share respondents; overlapping 3-year windows). */
export function periodsOverlap(a: StatPoint, b: StatPoint): boolean {
  const as = startKey(a);
  const ae = endKey(a);
  const bs = startKey(b);
  const be = endKey(b);
  if (!as || !ae || !bs || !be) return false;
  return as <= be && bs <= ae;
}

/** A single sampling date (RISE provdatum), as opposed to a year or range. */
export function isDated(p: StatPoint): boolean {
  if (ISO_DATE.test(p.period.trim())) return true;
  return ISO_DATE.test(p.start ?? '') && p.start === p.end;
}

/** Month (1–12) of the start date, or null. */
export function startMonth(p: StatPoint): number | null {
  const m = ISO_DATE.exec(p.start ?? '');
  return m ? Number(m[2]) : null;
}

function isNtu(kind: IndicatorKind): boolean {
  return (kind.source ?? '').toLowerCase() === 'ntu';
}

/**
 * A series break between a (earlier) and b (later): a point after a up to and including b carries
 * seriesBreakBefore; old-method ("2016*") on one side only; for NTU, one side before 2017 and the other after.
 * `between` are all points of the series (optional; without them only b's own flag is seen).
 */
export function seriesBreakBetween(a: StatPoint, b: StatPoint, kind: IndicatorKind, between: readonly StatPoint[] = []): boolean {
  const [first, last] = startKey(a) <= startKey(b) ? [a, b] : [b, a];
  if (last.seriesBreakBefore) return true;
  const lo = startKey(first);
  const hi = startKey(last);
  for (const p of between) {
    if (p === first) continue;
    const s = startKey(p);
    if (p.seriesBreakBefore && s > lo && s <= hi) return true;
  }
  if (isOldMethod(first) !== isOldMethod(last)) return true;
  if (isNtu(kind)) {
    const y1 = pointYear(first);
    const y2 = pointYear(last);
    if (y1 !== null && y2 !== null && y1 < 2017 !== y2 < 2017) return true;
  }
  return false;
}

/** Wastewater value below the limit of quantification (EUDA 0, RISE under_LLOQ / ej detekterad). */
export function isBelowLoq(p: StatPoint): boolean {
  if (p.value === 0) return true;
  return p.value === null && (p.status === 'below_loq' || p.status === 'not_detected');
}

/** The event count behind a count point: numerator, else the value of a count-unit point. */
export function countOf(p: StatPoint, kind: IndicatorKind): number | null {
  if (isFiniteNumber(p.numerator) && p.numerator >= 0) return p.numerator;
  if (kind.unitKind === 'count' && isFiniteNumber(p.value) && p.value >= 0) return p.value;
  return null;
}

/**
 * Why a point's value cannot be used (statistics.md §4), or null when it can: survey n < 30; counts 1–4 for
 * count indicators whose unit is a count (process indicators use exact values); a null value (a publisher
 * suppression marker counts as too small a base). Wastewater below LOQ is usable (§2.5).
 */
export function hiddenReason(p: StatPoint, kind: IndicatorKind): string | null {
  if (!p || !kind) return 'värde saknas';
  if (kind.type === 'wastewater' && isBelowLoq(p)) return null;
  if (!isFiniteNumber(p.value)) return p.status === 'suppressed' ? 'för litet underlag' : 'värde saknas';
  if (kind.type === 'survey' && isFiniteNumber(p.n) && surveyVisibility(p.n) === 'hidden') return 'för litet underlag';
  if (isSmallCount(kind.type, kind.unitKind, countOf(p, kind))) return 'för litet underlag';
  return null;
}

/** Polarity d: +1 higher is better, −1 lower is better, 0 context. */
export function polarity(kind: IndicatorKind): 1 | -1 | 0 {
  return kind.direction === 'up' ? 1 : kind.direction === 'down' ? -1 : 0;
}
