import { expect } from 'vitest';

/** A tick label as the charts write it in sv-SE ("1 447", "2,5") as a number. */
export function tickValue(label: string): number {
  return Number(label.replace(/[\s\u00a0\u2009\u202f]/g, '').replace(',', '.'));
}

/**
 * An axis ticks at one round step (1, 2, 2,5 or 5 × 10ⁿ), evenly: 0, 10, 20, 30, not 0, 9, 18, 27 or 0, 190, 379.
 * `labels` are the axis's tick labels in any order.
 */
export function expectRoundTicks(labels: string[]) {
  const what = labels.join(' | ');
  expect(labels.length, what).toBeGreaterThanOrEqual(2);
  const ticks = labels.map(tickValue).sort((a, b) => a - b);
  expect(ticks.every(Number.isFinite), what).toBe(true);
  const steps = ticks.slice(1).map((t, i) => +(t - ticks[i]!).toPrecision(6));
  expect(new Set(steps).size, what).toBe(1);
  const mantissa = +(steps[0]! / 10 ** Math.floor(Math.log10(steps[0]!))).toPrecision(6);
  expect([1, 2, 2.5, 5], what).toContain(mantissa);
}
