import { expect } from 'vitest';
import type { StatPoint } from '@/lib/stats/types';

/** Rulebook tolerance: the shown figure, within `units` of its last digit (0.5 = it rounds to it). */
export function expectShown(actual: number | null | undefined, shown: string, units = 0.5) {
  expect(actual).not.toBeNull();
  expect(Number.isFinite(actual)).toBe(true);
  const decimals = shown.includes('.') ? shown.split('.')[1]!.length : 0;
  expect(Math.abs((actual as number) - Number(shown))).toBeLessThanOrEqual(units * 10 ** -decimals + 1e-9);
}

export const pt = (o: Partial<StatPoint>): StatPoint => ({
  period: '2023',
  start: '2023-01-01',
  end: '2023-12-31',
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
export const yr = (y: number, o: Partial<StatPoint> = {}) => pt({ period: String(y), start: `${y}-01-01`, end: `${y}-12-31`, ...o });
export const rg = (a: number, b: number, o: Partial<StatPoint> = {}) =>
  pt({ period: `${a}–${b}`, start: `${a}-01-01`, end: `${b}-12-31`, ...o });
