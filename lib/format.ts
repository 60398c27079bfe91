import type { UnitKind } from './catalogue/catalogue-file';

const NBSP = '\u00a0';
const formatters = new Map<number, Intl.NumberFormat>();

function formatter(decimals: number): Intl.NumberFormat {
  let f = formatters.get(decimals);
  if (!f) {
    // signDisplay 'negative': a value that rounds to zero is "0,0", never "−0,0".
    f = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, signDisplay: 'negative' });
    formatters.set(decimals, f);
  }
  return f;
}

/** sv-SE number: "1 234", "12,5", "−3,2" (no-break space, decimal comma, real minus sign). */
export function formatNumber(value: number, decimals = 0): string {
  return formatter(decimals).format(value);
}

const UNIT_SUFFIX: Record<UnitKind, string> = {
  percent: `${NBSP}%`,
  per_100k: '',
  per_1000: '',
  count: '',
  mg_per_1000_day: `${NBSP}mg`,
  index: '',
  months: `${NBSP}mån`,
};

/** A value with its short unit: "12,5 %", "1 034", "412,3 mg". */
export function formatValue(value: number, unitKind: UnitKind, decimals: number): string {
  return formatNumber(value, decimals) + UNIT_SUFFIX[unitKind];
}

/** "12,5–18,0" for a KI, in the value's own precision. */
export function formatInterval(low: number, high: number, decimals: number): string {
  return `${formatNumber(low, decimals)}–${formatNumber(high, decimals)}`;
}

const longDate = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthYear = new Intl.DateTimeFormat('sv-SE', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "17 september 2024" from an ISO date. */
export function formatDateLong(iso: string): string {
  return longDate.format(new Date(`${iso}T00:00:00Z`));
}

/** "juli 2026" from YYYY-MM. */
export function formatMonth(yyyyMm: string): string {
  return monthYear.format(new Date(`${yyyyMm}-01T00:00:00Z`));
}
