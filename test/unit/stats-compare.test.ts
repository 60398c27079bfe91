import { describe, expect, it } from 'vitest';
import { comparability, compareTwo, countTest, differenceInterval, falseAlarmChance, holm, marginTest } from '@/lib/stats/compare';
import { waldSe, fpc } from '@/lib/stats/intervals';
import type { IndicatorKind, StatPoint } from '@/lib/stats/types';
import { expectShown, pt, yr, rg } from '../helpers/stats';

const SN: IndicatorKind = { type: 'survey', direction: 'down', unitKind: 'percent', source: 'svenskt_naringsliv' };
const NTU: IndicatorKind = { type: 'survey', direction: 'down', unitKind: 'percent', source: 'ntu' };
const COUNT: IndicatorKind = { type: 'count', direction: 'down', unitKind: 'count' };
const RATE: IndicatorKind = { type: 'count', direction: 'down', unitKind: 'per_100k' };
const PROCESS: IndicatorKind = { type: 'process', direction: 'up', unitKind: 'count' };

describe('§2.1 E1: Svenskt Näringsliv 38 % (n 93) → 30 % (n 90)', () => {
  const a = yr(2023, { value: 38, n: 93 });
  const b = yr(2024, { value: 30, n: 90 });

  it('Newcombe margin M = 13.7 pp, z_eq 1.15, not significant', () => {
    const c = compareTwo(a, b, SN);
    expect(c.method).toBe('newcombe');
    expect(c.delta).toBe(-8);
    expectShown(c.margin, '13.7');
    expectShown(c.zEq, '1.15');
    expectShown(c.p, '0.25');
    expect(c.significant).toBe(false);
  });

  it('Wald: SEs 5.03 and 4.83 pp, SE_Δ 6.98 pp, z = −1.15, M 13.7', () => {
    const se1 = waldSe(0.38, 93)! * 100;
    const se2 = waldSe(0.3, 90)! * 100;
    expectShown(se1, '5.03');
    expectShown(se2, '4.83');
    const seD = Math.hypot(se1, se2);
    expectShown(seD, '6.98');
    expectShown(-8 / seD, '-1.15');
    expectShown(1.959964 * seD, '13.7');
  });

  it('with a finite-population correction (200 eligible) z = −1.55, still not significant', () => {
    const se1 = waldSe(0.38, 93)! * fpc(93, 200)!;
    const se2 = waldSe(0.3, 90)! * fpc(90, 200)!;
    const z = -0.08 / Math.hypot(se1, se2);
    expectShown(z, '-1.55');
    expect(Math.abs(z)).toBeLessThan(1.959964);
  });

  it('at n = 90 a latest value of 24.5 % or lower would be needed', () => {
    expect(compareTwo(a, yr(2024, { value: 24.5, n: 90 }), SN).significant).toBe(true);
    expect(compareTwo(a, yr(2024, { value: 25, n: 90 }), SN).significant).toBe(false);
  });

  it('the KI of Δ (Newcombe) contains 0', () => {
    const d = differenceInterval({ value: 38, low: 28.8, high: 48.2 }, { value: 30, low: 21.5, high: 40.1 })!;
    expect(d.low).toBeLessThan(0);
    expect(d.high).toBeGreaterThan(0);
    // Lower limit −21.7 in the rulebook is the Wald limit (Δ − 1.96·SE_Δ).
    expectShown(-8 - 1.959964 * Math.hypot(waldSe(0.38, 93)!, waldSe(0.3, 90)!) * 100, '-21.7');
  });
});

describe('§2.1 E2/E3: the margin rule, not the overlap rule', () => {
  it.each([
    ['E2', 31, 5, 24, 4.5, '6.73', '2.04', true],
    ['E3', 31, 5, 24, 5, '7.07', '1.94', false],
  ])('%s: %d ±%d → %d ±%d: M = %s, z_eq %s', (_n, v1, m1, v2, m2, M, z, sig) => {
    const c = compareTwo(
      rg(2019, 2020, { value: v1, ciLow: v1 - m1, ciHigh: v1 + m1 }),
      rg(2021, 2022, { value: v2, ciLow: v2 - m2, ciHigh: v2 + m2 }),
      NTU,
    );
    expect(c.method).toBe('margin');
    expectShown(c.margin, M);
    expectShown(c.zEq, z);
    expect(c.significant).toBe(sig);
  });

  it('E2: KIs overlap (m₁ + m₂ = 9.5 > 7) yet the difference is significant', () => {
    const m = marginTest({ value: 31, low: 26, high: 36 }, { value: 24, low: 19.5, high: 28.5 })!;
    expect(5 + 4.5).toBeGreaterThan(7);
    expect(m.significant).toBe(true);
  });

  it('asymmetric limits use the facing sides', () => {
    // b lower: a's lower side (4) and b's upper side (3) → M = 5.
    const down = marginTest({ value: 30, low: 26, high: 40 }, { value: 20, low: 10, high: 23 })!;
    expect(down.margin).toBeCloseTo(5, 12);
    // b higher: a's upper side (10) and b's lower side (10).
    const up = marginTest({ value: 20, low: 17, high: 30 }, { value: 30, low: 20, high: 32 })!;
    expect(up.margin).toBeCloseTo(Math.hypot(10, 10), 12);
  });

  it('no change → z_eq 0', () => {
    const c = compareTwo(yr(2023, { value: 30, n: 90 }), yr(2024, { value: 30, n: 90 }), SN);
    expect(c).toMatchObject({ delta: 0, zEq: 0, significant: false });
  });
});

describe('§2.4 counts', () => {
  it('C1: 1 548 → 1 470, equal populations: ratio 0.950, z = −1.42, p = 0.156 (exact 0.161), z_eq 1.42', () => {
    const t = countTest(1548, 1, 1470, 1)!;
    expect(t.method).toBe('poisson-z');
    expectShown(t.ratio, '0.950');
    expectShown(t.z, '-1.42');
    expectShown(t.p, '0.156');
    const c = compareTwo(yr(2017, { value: 1548 }), yr(2018, { value: 1470 }), COUNT);
    expect(c.significant).toBe(false);
    expectShown(c.zEq, '1.42');
    expect(c.delta).toBe(-78);
  });

  it('C1 exact conditional p = 0.161 (for reference)', async () => {
    const { binomialTwoSidedP } = await import('@/lib/stats/distributions');
    expectShown(binomialTwoSidedP(1470, 3018, 0.5), '0.161');
  });

  it('C2: 6 → 15, equal populations: exact p = 0.078, z_eq 1.76, not significant', () => {
    const c = compareTwo(yr(2023, { value: 6 }), yr(2024, { value: 15 }), COUNT);
    expect(c.method).toBe('exact-conditional');
    expectShown(c.p, '0.078');
    expectShown(c.zEq, '1.76');
    expect(c.significant).toBe(false);
  });

  it('C3: 0 → 9: exact p = 0.0039, significant', () => {
    const c = compareTwo(yr(2023, { value: 0 }), yr(2024, { value: 9 }), COUNT);
    expect(c.method).toBe('exact-conditional');
    expectShown(c.p, '0.0039');
    expect(c.significant).toBe(true);
  });

  it('C4: 120 per 15 000 vs rest of län 1 780 per 272 000: ratio 1.222, SE(ln) 0.0943, z = 2.13, p = 0.033', () => {
    const t = countTest(1780, 272000, 120, 15000)!;
    expectShown(t.ratio, '1.222');
    expectShown(Math.sqrt(1 / 120 + 1 / 1780), '0.0943');
    expectShown(t.z, '2.13');
    expectShown(t.p, '0.033');
  });

  it('rates with populations use the populations; a rate without count is recovered from its population', () => {
    const a = yr(2023, { value: 800, numerator: 120, denominator: 15000 });
    const b = yr(2024, { value: 662, numerator: 1900, denominator: 287000 });
    const c = compareTwo(a, b, RATE);
    expect(c.method).toBe('poisson-z');
    const noCount = compareTwo(yr(2023, { value: 800, denominator: 15000 }), yr(2024, { value: 662, denominator: 287000 }), RATE);
    expect(noCount.zEq).toBeCloseTo(c.zEq!, 2);
  });

  it('a rate with neither count nor population cannot be tested', () => {
    const c = compareTwo(yr(2023, { value: 800 }), yr(2024, { value: 662 }), RATE);
    expect(c).toMatchObject({ significant: false, zEq: null, delta: null, reason: 'antal händelser saknas' });
  });

  it('suppression first: counts 1–4 are hidden, 0 is not', () => {
    expect(compareTwo(yr(2023, { value: 4 }), yr(2024, { value: 11 }), COUNT).reason).toBe('för litet underlag');
    expect(compareTwo(yr(2023, { value: 11 }), yr(2024, { value: 1 }), COUNT).reason).toBe('för litet underlag');
    expect(compareTwo(yr(2023, { value: 0 }), yr(2024, { value: 11 }), COUNT).reason).toBeUndefined();
  });
});

describe('process indicators: exact', () => {
  it.each([
    [3, 5, true, null],
    [5, 5, false, 0],
    [2, 1, true, null],
  ])('%d → %d', (a, b, sig, z) => {
    const c = compareTwo(yr(2024, { value: a }), yr(2025, { value: b }), PROCESS);
    expect(c).toMatchObject({ method: 'exact', significant: sig, zEq: z, delta: b - a });
  });
});

describe('comparability (§2.2, §4, §7 rule 1)', () => {
  it.each<[string, StatPoint | null, StatPoint | null, IndicatorKind, string | null]>([
    [
      'non-overlapping NTU periods',
      rg(2019, 2020, { value: 31, ciLow: 26, ciHigh: 36 }),
      rg(2021, 2022, { value: 24, ciLow: 20, ciHigh: 28 }),
      NTU,
      null,
    ],
    [
      'overlapping NTU periods share respondents',
      rg(2021, 2022, { value: 31, ciLow: 26, ciHigh: 36 }),
      rg(2022, 2023, { value: 24, ciLow: 20, ciHigh: 28 }),
      NTU,
      'ej jämförbara perioder',
    ],
    [
      'overlapping with hyphen labels',
      pt({ period: '2021-2022', start: '2021-01-01', end: '2022-12-31', value: 31, ciLow: 26, ciHigh: 36 }),
      pt({ period: '2022-2023', start: '2022-01-01', end: '2023-12-31', value: 24, ciLow: 20, ciHigh: 28 }),
      NTU,
      'ej jämförbara perioder',
    ],
    [
      'NTU across the 2017 method change',
      yr(2016, { value: 20, ciLow: 18, ciHigh: 22 }),
      yr(2018, { value: 25, ciLow: 23, ciHigh: 27 }),
      NTU,
      'ej jämförbara perioder',
    ],
    [
      'old-method year 2016*',
      pt({ period: '2016*', start: '2016-01-01', end: '2016-12-31', value: 20, ciLow: 18, ciHigh: 22 }),
      yr(2019, { value: 25, ciLow: 23, ciHigh: 27 }),
      SN,
      'ej jämförbara perioder',
    ],
    [
      'seriesBreakBefore on the later point',
      yr(2020, { value: 20, n: 90 }),
      yr(2021, { value: 25, n: 90, seriesBreakBefore: true }),
      SN,
      'ej jämförbara perioder',
    ],
    ['survey n < 30 hidden', yr(2020, { value: 20, n: 29 }), yr(2021, { value: 25, n: 90 }), SN, 'för litet underlag'],
    ['survey n = 30 shown', yr(2020, { value: 20, n: 30 }), yr(2021, { value: 25, n: 90 }), SN, null],
    ['survey with neither KI nor n', yr(2020, { value: 20 }), yr(2021, { value: 25, n: 90 }), SN, 'felmarginal och antal svar saknas'],
    ['null value', yr(2020, { value: null, status: 'missing' }), yr(2021, { value: 25, n: 90 }), SN, 'värde saknas'],
    ['publisher suppression', yr(2020, { value: null, status: 'suppressed' }), yr(2021, { value: 25, n: 90 }), SN, 'för litet underlag'],
    ['same period', yr(2021, { value: 20, n: 90 }), yr(2021, { value: 25, n: 90 }), SN, 'samma period'],
    ['no baseline', null, yr(2021, { value: 25, n: 90 }), SN, 'baslinje saknas'],
    ['no latest', yr(2021, { value: 25, n: 90 }), null, SN, 'ingen ny mätning efter baslinjen'],
    [
      'overlapping 3-year windows',
      rg(2020, 2022, { value: 300, numerator: 135, denominator: 45000 }),
      rg(2021, 2023, { value: 306, numerator: 138, denominator: 45000 }),
      RATE,
      'ej jämförbara perioder',
    ],
    ['process counts 1–4 are not hidden', yr(2023, { value: 2 }), yr(2024, { value: 3 }), PROCESS, null],
  ])('%s', (_name, a, b, kind, reason) => {
    expect(comparability(a, b, kind)).toBe(reason);
    const c = compareTwo(a, b, kind);
    if (reason) {
      expect(c).toMatchObject({ reason, significant: false, zEq: null, delta: null });
    } else {
      expect(c.reason).toBeUndefined();
    }
  });

  it('a series break on a point between a and b', () => {
    const series = [
      yr(2019, { value: 20, n: 90 }),
      yr(2020, { value: 22, n: 90, seriesBreakBefore: true }),
      yr(2021, { value: 25, n: 90 }),
    ];
    expect(comparability(series[0], series[2], SN, series)).toBe('ej jämförbara perioder');
    expect(compareTwo(series[0], series[2], SN, { series }).reason).toBe('ej jämförbara perioder');
    expect(comparability(series[1], series[2], SN, series)).toBeNull();
  });
});

describe('never NaN', () => {
  it.each<[string, Partial<StatPoint>, Partial<StatPoint>, IndicatorKind]>([
    ['zero n', { value: 30, n: 0 }, { value: 20, n: 0 }, SN],
    ['NaN value', { value: Number.NaN, n: 90 }, { value: 20, n: 90 }, SN],
    ['negative count', { value: -3 }, { value: 20 }, COUNT],
    ['zero-width published KIs', { value: 30, ciLow: 30, ciHigh: 30 }, { value: 20, ciLow: 20, ciHigh: 20 }, SN],
  ])('%s', (_n, a, b, kind) => {
    const c = compareTwo(yr(2023, a), yr(2024, b), kind);
    for (const v of [c.delta, c.zEq, c.p]) expect(Number.isNaN(v as number)).toBe(false);
  });
});

describe('§5 multiple testing', () => {
  it('P(at least one false "Säkerställd") = 0.40 for k = 10, 0.64 for k = 20', () => {
    expectShown(falseAlarmChance(10), '0.40');
    expectShown(falseAlarmChance(20), '0.64');
  });
  it('Holm within a goal', () => {
    // m = 3: thresholds 0.0167, 0.025, 0.05.
    expect(holm([0.01, 0.02, 0.04])).toEqual([true, true, true]);
    expect(holm([0.01, 0.03, 0.04])).toEqual([true, false, false]);
    expect(holm([0.02, 0.001, null])).toEqual([true, true, false]);
  });
});

describe('total on missing arguments', () => {
  it('null points or kind never throw', () => {
    const none = undefined as unknown as IndicatorKind;
    expect(compareTwo(null, null, SN).reason).toBe('baslinje saknas');
    expect(compareTwo(yr(2023, { value: 1, n: 90 }), yr(2024, { value: 2, n: 90 }), none).reason).toBe('värde saknas');
    expect(comparability(undefined, undefined, none)).toBe('värde saknas');
  });
});
