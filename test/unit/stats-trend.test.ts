import { describe, expect, it } from 'vitest';
import { CHI2_998 } from '@/lib/stats/distributions';
import { chiSquareLinearTrend, comparablePoints, trendTest } from '@/lib/stats/trend';
import type { IndicatorKind } from '@/lib/stats/types';
import { expectShown, yr, rg } from '../helpers/stats';

const SURVEY: IndicatorKind = { type: 'survey', direction: 'down', unitKind: 'percent', source: 'lupp' };
const NTU: IndicatorKind = { type: 'survey', direction: 'down', unitKind: 'percent', source: 'ntu' };
const COUNT: IndicatorKind = { type: 'count', direction: 'down', unitKind: 'count' };

const T1 = [
  [40, 100],
  [38, 98],
  [33, 95],
  [30, 97],
  [28, 92],
].map(([r, n], i) => yr(2019 + i, { value: (r! / n!) * 100, numerator: r!, denominator: n!, n: n! }));
const T2 = [62, 58, 51, 47, 44].map((x, i) => yr(2019 + i, { value: x, numerator: x, denominator: 15000 }));
const T3 = [31, 29, 28, 26, 24].map((v, i) => yr(2015 + 2 * i, { value: v, ciLow: v - 5, ciHigh: v + 5 }));

describe('§3 trend vectors', () => {
  it('T1: 40/100 … 28/92 → χ² = 3.09, p = 0.079, not significant, z_eq 1.76', () => {
    const t = trendTest(T1, SURVEY);
    expect(t.method).toBe('trend-chi2');
    expectShown(t.chi2, '3.09');
    expectShown(t.p, '0.079');
    expectShown(t.zEq, '1.76');
    expect(t.significant).toBe(false);
    expect(t.marker).toBe('Ingen säkerställd förändring');
  });

  it('T2: 62 … 44 events, population 15 000 → χ² = 4.23, p = 0.040; significant at 95 %, not at 99.8 %', () => {
    const t = trendTest(T2, COUNT);
    expectShown(t.chi2, '4.23');
    expectShown(t.p, '0.040');
    expect(t.significant).toBe(true);
    expect(t.signStable).toBe(true);
    expect(t.slope!).toBeLessThan(0);
    expect(t.marker).toBe('Minskar och blir bättre');
    expect(trendTest(T2, COUNT, { chi2Crit: CHI2_998 }).significant).toBe(false);
  });

  it('T3: 31 … 24 %, each ±5 → b = −1.70 pp per step, SE_b 0.81, χ² = 4.44, p = 0.035, significant', () => {
    const t = trendTest(T3, SURVEY);
    expect(t.method).toBe('trend-wls');
    expectShown(t.slope, '-1.70');
    expectShown(t.seSlope, '0.81');
    expectShown(t.chi2, '4.44');
    expectShown(t.p, '0.035');
    expect(t.significant).toBe(true);
    expect(t.marker).toBe('Minskar och blir bättre');
  });

  it('chi-square formula directly', () => {
    expectShown(chiSquareLinearTrend([40, 38, 33, 30, 28], [100, 98, 95, 97, 92]), '3.09');
    expect(chiSquareLinearTrend([0, 0, 0, 0, 0], [10, 10, 10, 10, 10])).toBe(0);
    expect(chiSquareLinearTrend([1], [10])).toBeNull();
  });
});

describe('markers and polarity', () => {
  it.each<[IndicatorKind['direction'], number[], string]>([
    ['down', [62, 58, 51, 47, 44], 'Minskar och blir bättre'],
    ['up', [62, 58, 51, 47, 44], 'Minskar och blir sämre'],
    ['down', [44, 47, 51, 58, 62], 'Ökar och blir sämre'],
    ['up', [44, 47, 51, 58, 62], 'Ökar och blir bättre'],
    ['ctx', [44, 47, 51, 58, 62], 'Ökar'],
    ['ctx', [62, 58, 51, 47, 44], 'Minskar'],
  ])('%s, %j → %s', (direction, xs, marker) => {
    const pts = xs.map((x, i) => yr(2019 + i, { value: x, numerator: x, denominator: 15000 }));
    expect(trendTest(pts, { ...COUNT, direction }).marker).toBe(marker);
  });

  it('fewer than 5 points → "Kan inte beräknas"', () => {
    const t = trendTest(T2.slice(1), COUNT);
    expect(t).toMatchObject({ marker: 'Kan inte beräknas', chi2: null, zEq: null, slope: null, significant: false });
  });

  it('empty and bad input', () => {
    expect(trendTest([], COUNT).marker).toBe('Kan inte beräknas');
    expect(trendTest(T3, { type: 'wastewater', direction: 'down', unitKind: 'mg_per_1000_day' }).marker).toBe('Kan inte beräknas');
    expect(trendTest(T3, { type: 'process', direction: 'up', unitKind: 'count' }).marker).toBe('Kan inte beräknas');
  });

  it('the marker uses the last 5 comparable points', () => {
    const long = [90, 10, 62, 58, 51, 47, 44].map((x, i) => yr(2015 + i, { value: x, numerator: x, denominator: 15000 }));
    const t = trendTest(long, COUNT);
    expect(t.k).toBe(5);
    expectShown(t.chi2, '4.23');
    expect(trendTest(long, COUNT, { maxPoints: Infinity }).k).toBe(7);
  });
});

describe('robustness: leave-one-out sign check', () => {
  it('a single outlier that drives the slope → at most "Tecken" (not significant)', () => {
    // Flat series with a big last jump: the slope changes sign when the last point is left out.
    const pts = [30, 31, 30, 31, 20].map((v, i) => yr(2015 + i, { value: v, ciLow: v - 1, ciHigh: v + 1 }));
    const t = trendTest(pts, SURVEY);
    expect(t.chi2!).toBeGreaterThan(3.8415);
    expect(t.signStable).toBe(false);
    expect(t.significant).toBe(false);
    expect(t.marker).toBe('Ingen säkerställd förändring');
  });
});

describe('comparable points', () => {
  it('hidden values are not used (n < 30; counts 1–4)', () => {
    const pts = [...T3.slice(0, 4), yr(2024, { value: 10, n: 20 }), yr(2025, { value: 22, ciLow: 17, ciHigh: 27 })];
    expect(comparablePoints(pts, SURVEY).map((p) => p.period)).toEqual(['2015', '2017', '2019', '2021', '2025']);
    const counts = [10, 3, 12, 14, 15, 16].map((x, i) => yr(2019 + i, { value: x }));
    expect(comparablePoints(counts, COUNT).map((p) => p.value)).toEqual([10, 12, 14, 15, 16]);
  });

  it('NTU: overlapping pooled periods are skipped (non-overlapping periods only)', () => {
    const pts = [rg(2017, 2018), rg(2018, 2019), rg(2019, 2020), rg(2020, 2021), rg(2021, 2022), rg(2022, 2023), rg(2023, 2024)].map(
      (p, i) => ({ ...p, value: 30 - i, ciLow: 25 - i, ciHigh: 35 - i }),
    );
    expect(comparablePoints(pts, NTU).map((p) => p.period)).toEqual(['2017–2018', '2019–2020', '2021–2022', '2023–2024']);
    expect(trendTest(pts, NTU).marker).toBe('Kan inte beräknas');
  });

  it('no trend across a series break', () => {
    const pts = [28, 30, 31, 29, 28, 26, 24].map((v, i) => yr(2012 + i, { value: v, ciLow: v - 1, ciHigh: v + 1 }));
    pts[3] = { ...pts[3]!, seriesBreakBefore: true };
    expect(comparablePoints(pts, SURVEY).map((p) => p.period)).toEqual(['2015', '2016', '2017', '2018']);
    expect(trendTest(pts, SURVEY).marker).toBe('Kan inte beräknas');
    // NTU: 2016 and earlier are the old method.
    const ntu = [2014, 2015, 2016, 2017, 2018, 2019, 2020].map((y, i) => yr(y, { value: 30 - i, ciLow: 28 - i, ciHigh: 32 - i }));
    expect(comparablePoints(ntu, NTU).map((p) => p.period)).toEqual(['2017', '2018', '2019', '2020']);
  });

  it('unsorted input is put in time order', () => {
    const t = trendTest([...T2].reverse(), COUNT);
    expectShown(t.chi2, '4.23');
  });

  it('counts without populations: Poisson limit with equal exposure', () => {
    const pts = [62, 58, 51, 47, 44].map((x, i) => yr(2019 + i, { value: x }));
    const t = trendTest(pts, COUNT);
    expect(t.method).toBe('trend-chi2');
    // Close to T2 (population 15 000 ≫ events).
    expect(Math.abs(t.chi2! - 4.23)).toBeLessThan(0.05);
  });
});
