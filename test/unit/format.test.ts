import { describe, expect, it } from 'vitest';
import { formatDateLong, formatInterval, formatMonth, formatNumber, formatValue } from '@/lib/format';

const NBSP = '\u00a0';
const MINUS = '\u2212';

describe('formatNumber (sv-SE)', () => {
  it.each([
    [0, 0, '0'],
    [5, 0, '5'],
    [999, 0, '999'],
    [1234, 0, `1${NBSP}234`],
    [1234567, 0, `1${NBSP}234${NBSP}567`],
    [10450000, 0, `10${NBSP}450${NBSP}000`],
    [12.5, 1, '12,5'],
    [12, 1, '12,0'],
    [0.5, 2, '0,50'],
    [1234.5, 1, `1${NBSP}234,5`],
    [-3.2, 1, `${MINUS}3,2`],
    [-1234, 0, `${MINUS}1${NBSP}234`],
    [1.5, 0, '2'], // rounds half away from zero
    [2.44, 1, '2,4'],
  ])('%d with %d decimals → %j', (value, decimals, expected) => {
    expect(formatNumber(value, decimals)).toBe(expected);
  });

  it('defaults to zero decimals', () => {
    expect(formatNumber(12.7)).toBe('13');
  });

  it('never uses an ASCII hyphen-minus, a plain space as group separator or a decimal point', () => {
    for (const v of [-1234.56, -0.5, -98765.4]) {
      const s = formatNumber(v, 2);
      expect(s).not.toMatch(/[-. ]/);
      expect(s.startsWith(MINUS)).toBe(true);
    }
  });

  it.each([
    [-0.04, 1, '0,0'],
    [-0.4, 0, '0'],
    [-0, 0, '0'],
  ])('a value rounding to zero (%d) has no minus sign', (v, d, expected) => {
    expect(formatNumber(v, d)).toBe(expected);
  });
});

describe('formatValue', () => {
  it.each([
    [12.5, 'percent', 1, `12,5${NBSP}%`],
    [38, 'percent', 0, `38${NBSP}%`],
    [1034, 'per_100k', 0, `1${NBSP}034`],
    [192, 'per_1000', 0, '192'],
    [3, 'count', 0, '3'],
    [412.3, 'mg_per_1000_day', 1, `412,3${NBSP}mg`],
    [62, 'index', 0, '62'],
    [14, 'months', 0, `14${NBSP}mån`],
  ] as const)('%d %s (%d decimals) → %j', (value, unitKind, decimals, expected) => {
    expect(formatValue(value, unitKind, decimals)).toBe(expected);
  });

  it('the percent sign follows a no-break space, never a plain space or nothing', () => {
    const s = formatValue(12.5, 'percent', 1);
    expect(s.at(-2)).toBe(NBSP);
    expect(s.at(-1)).toBe('%');
  });
});

describe('formatInterval', () => {
  it.each([
    [23, 35.8, 1, '23,0\u201335,8'],
    [12.5, 18, 1, '12,5\u201318,0'],
    [1000, 1200, 0, `1${NBSP}000\u20131${NBSP}200`],
    [-1.5, 2, 1, `${MINUS}1,5\u20132,0`],
  ])('%d–%d (%d decimals) → %j', (lo, hi, d, expected) => {
    expect(formatInterval(lo, hi, d)).toBe(expected);
  });
});

describe('formatDateLong', () => {
  it.each([
    ['2024-09-17', '17 september 2024'],
    ['2024-07-31', '31 juli 2024'],
    ['2024-01-01', '1 januari 2024'], // a time-zone slip would give 31 december 2023
    ['2025-12-31', '31 december 2025'],
    ['2024-02-29', '29 februari 2024'],
    ['2026-05-05', '5 maj 2026'],
  ])('%s → %j', (iso, expected) => {
    expect(formatDateLong(iso)).toBe(expected);
  });
});

describe('formatMonth', () => {
  it.each([
    ['2026-07', 'juli 2026'],
    ['2026-01', 'januari 2026'],
    ['2026-12', 'december 2026'],
    ['2024-10', 'oktober 2024'],
  ])('%s → %j', (ym, expected) => {
    expect(formatMonth(ym)).toBe(expected);
  });
});
