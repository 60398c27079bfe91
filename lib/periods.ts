import type { PeriodKind } from './vocabulary';

export interface Period {
  /** Canonical label: "2024", "2021–2022" (en dash), "2024-04-16". */
  label: string;
  kind: PeriodKind;
  start: string;
  end: string;
}

const YEAR = /^(\d{4})$/;
const RANGE = /^(\d{4})\s*[-–—]\s*(\d{4})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Parses a period label; returns null when it is not one of the accepted forms. */
export function parsePeriod(input: string): Period | null {
  const s = input.trim();
  let m = YEAR.exec(s);
  if (m) return { label: m[1]!, kind: 'year', start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  m = RANGE.exec(s);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (b <= a) return null;
    return { label: `${a}–${b}`, kind: 'range', start: `${a}-01-01`, end: `${b}-12-31` };
  }
  m = DATE.exec(s);
  if (m && validDate(Number(m[1]), Number(m[2]), Number(m[3]))) return { label: s, kind: 'date', start: s, end: s };
  return null;
}

/** Two periods share time (pooled NTU periods that overlap share respondents). */
export function periodsOverlap(a: Pick<Period, 'start' | 'end'>, b: Pick<Period, 'start' | 'end'>): boolean {
  return a.start <= b.end && b.start <= a.end;
}
