import { describe, expect, it } from 'vitest';
import {
  countScale,
  defaultDeff,
  fpc,
  impliedDeff,
  interval,
  poissonByar,
  poissonExact,
  pooledRate,
  standardError,
  waldMargin,
  wilson,
} from '@/lib/stats/intervals';
import type { IndicatorKind, StatPoint } from '@/lib/stats/types';
import { expectShown, pt } from '../helpers/stats';

const SURVEY: IndicatorKind = { type: 'survey', direction: 'down', unitKind: 'percent', source: 'svenskt_naringsliv' };
const NTU: IndicatorKind = { type: 'survey', direction: 'down', unitKind: 'percent', source: 'ntu' };
const RATE: IndicatorKind = { type: 'count', direction: 'down', unitKind: 'per_100k' };
const COUNT: IndicatorKind = { type: 'count', direction: 'down', unitKind: 'count' };

describe('§1.1 Wilson table', () => {
  it.each([
    [38, 93, 1, '28.8', '48.2'],
    [38, 93, 1.5, '27.0', '50.4'],
    [30, 90, 1, '21.5', '40.1'],
    [24, 90, 1, '16.4', '33.8'],
    [10, 60, 1, '4.7', '20.1'],
    [20, 35, 1, '10.0', '35.9'],
    [0, 40, 1, '0.0', '8.8'],
  ])('p = %d %%, n = %d, deff %d → %s–%s %%', (p, n, deff, lo, hi) => {
    const w = wilson(p / 100, n / deff);
    expectShown(w!.low * 100, lo);
    expectShown(w!.high * 100, hi);
    // Same through interval() with the deff as an option.
    const iv = interval(pt({ value: p, n }), SURVEY, { deff });
    expect(iv!.method).toBe('wilson');
    expectShown(iv!.low, lo);
    expectShown(iv!.high, hi);
  });

  it('38 %, n 93: Wald margin ±9.9 pp; with FPC (93 of 200) ±7.2 pp', () => {
    expectShown(waldMargin(0.38, 93)! * 100, '9.9');
    expectShown(waldMargin(0.38, 93, { N: 200 })! * 100, '7.2');
    expect(fpc(93, 200)).toBeCloseTo(Math.sqrt(107 / 199), 12);
  });

  it('NTU without KI: deff 1.5 and "Uppskattad felmarginal" (n_eff 62)', () => {
    expect(defaultDeff(NTU)).toEqual({ deff: 1.5, estimated: true });
    const iv = interval(pt({ value: 38, n: 93 }), NTU);
    expect(iv).toMatchObject({ method: 'wilson', estimated: true });
    expectShown(iv!.low, '27.0');
    expectShown(iv!.high, '50.4');
  });

  it('deff 1.0 for Svenskt Näringsliv and unknown sources', () => {
    for (const source of ['svenskt_naringsliv', 'kommun', undefined]) {
      expect(defaultDeff({ ...SURVEY, source })).toEqual({ deff: 1, estimated: false });
    }
  });

  it('item 12: Lupp (pupils cluster in classes) defaults to deff 1.5, flagged; a deff in the file wins', () => {
    expect(defaultDeff({ ...SURVEY, source: 'lupp' })).toEqual({ deff: 1.5, estimated: true });
    expect(defaultDeff({ ...SURVEY, source: 'lupp' }, { deff: 2 })).toEqual({ deff: 2, estimated: false });
    // 38 % of 93 pupils: n_eff = 62 → 27.0–50.4 % (the §1.1 table row for deff 1.5), not 28.8–48.2 %.
    const iv = interval(pt({ value: 38, n: 93 }), { ...SURVEY, source: 'lupp' })!;
    expectShown(iv.low, '27.0');
    expectShown(iv.high, '50.4');
    expect(iv.estimated).toBe(true);
  });

  it('item 2: a process share with a denominator has binomial (Wilson) limits; an inventory has none', () => {
    const proc = { type: 'process', direction: 'up', unitKind: 'percent' } as const;
    // 6 of 10 families: Wilson 31.3–83.2 %.
    const iv = interval(pt({ value: 60, numerator: 6, denominator: 10 }), proc)!;
    expect(iv.method).toBe('wilson');
    expectShown(iv.low, '31.3');
    expectShown(iv.high, '83.2');
    expect(interval(pt({ value: 60 }), proc)).toMatchObject({ low: 60, high: 60, method: 'none' });
  });

  it('a published KI is used as is, never recomputed', () => {
    expect(interval(pt({ value: 31, ciLow: 26, ciHigh: 36, n: 200 }), NTU)).toEqual({
      low: 26,
      high: 36,
      method: 'published',
      estimated: false,
    });
    // Reversed limits are put in order.
    expect(interval(pt({ value: 31, ciLow: 36, ciHigh: 26 }), NTU)).toMatchObject({ low: 26, high: 36 });
  });

  it('implied deff from a published margin: n·(m/1.96)²/(p(1−p))', () => {
    // Margin equal to Wald with deff 1.5 gives back 1.5.
    const m = 1.959964 * Math.sqrt((0.2 * 0.8) / (200 / 1.5));
    expect(impliedDeff(0.2, 200, m)).toBeCloseTo(1.5, 6);
    expect(impliedDeff(0, 200, 0.05)).toBeNull();
  });
});

describe('§1.2 Poisson table', () => {
  it.each([
    [0, '0', '3.689', '0', '3.668'],
    [1, '0.025', '5.572', '0.013', '5.564'],
    [3, '0.619', '8.767', '0.603', '8.765'],
    [5, '1.623', '11.668', '1.611', '11.668'],
    [10, '4.795', '18.390', '4.787', '18.391'],
    [20, '12.217', '30.888', '12.211', '30.890'],
  ])('x = %d: exact %s–%s, Byar %s–%s', (x, elo, ehi, blo, bhi) => {
    const e = poissonExact(x)!;
    expectShown(e.low, elo);
    expectShown(e.high, ehi);
    const b = poissonByar(x)!;
    expectShown(b.low, blo);
    expectShown(b.high, bhi);
    // Byar within about 0.02 of exact for x ≥ 1.
    if (x >= 1) {
      expect(Math.abs(b.low - e.low)).toBeLessThan(0.02);
      expect(Math.abs(b.high - e.high)).toBeLessThan(0.025);
    }
  });

  it('x ± 1.96√x is not what we do (x = 20 → 12.2–30.9, not 11.2–28.8)', () => {
    const e = poissonExact(20)!;
    expectShown(e.low, '12.2');
    expectShown(e.high, '30.9');
  });

  it('20 events, P = 15 000 → 133.3 per 100 000 (81.4–205.9)', () => {
    const p = pt({ value: (20 / 15000) * 100000, numerator: 20, denominator: 15000 });
    expectShown(p.value, '133.3');
    const iv = interval(p, RATE)!;
    expect(iv.method).toBe('poisson');
    expectShown(iv.low, '81.4');
    expectShown(iv.high, '205.9');
  });

  it('3-year average 40 + 52 + 46 = 138, P = 15 000 each → 306.7 (257.6–362.3); 46.0 per year (38.6–54.3)', () => {
    const r = pooledRate([
      { year: 2022, events: 40, population: 15000 },
      { year: 2023, events: 52, population: 15000 },
      { year: 2024, events: 46, population: 15000 },
    ])!;
    expect(r.label).toBe('2022–2024');
    expect(r.midYear).toBe(2023);
    expectShown(r.rate, '306.7');
    expectShown(r.low, '257.6');
    expectShown(r.high, '362.3');
    expectShown(r.perYear, '46.0');
    expectShown(r.perYearLow, '38.6');
    expectShown(r.perYearHigh, '54.3');
    // The same through interval(): a rate point and a count point shown per year.
    const rate = interval(pt({ period: '2022–2024', start: '2022-01-01', value: 306.7, numerator: 138, denominator: 45000 }), RATE)!;
    expectShown(rate.low, '257.6');
    expectShown(rate.high, '362.3');
    const perYear = interval(pt({ period: '2022–2024', start: '2022-01-01', value: 46, numerator: 138, denominator: 45000 }), COUNT)!;
    expectShown(perYear.low, '38.6');
    expectShown(perYear.high, '54.3');
  });

  it('pooledRate rejects gaps, duplicates and bad input', () => {
    expect(pooledRate([])).toBeNull();
    expect(
      pooledRate([
        { year: 2022, events: 1, population: 10 },
        { year: 2024, events: 1, population: 10 },
      ]),
    ).toBeNull();
    expect(pooledRate([{ year: 2022, events: 1, population: 0 }])).toBeNull();
  });

  it('a count point without numerator uses its value; scale 1', () => {
    const iv = interval(pt({ value: 10 }), COUNT)!;
    expectShown(iv.low, '4.795');
    expectShown(iv.high, '18.390');
    expect(countScale(pt({ value: 10 }), COUNT)).toBe(1);
  });
});

describe('interval(): other types and bad input', () => {
  it('process: no random error', () => {
    expect(interval(pt({ value: 5 }), { type: 'process', direction: 'up', unitKind: 'count' })).toEqual({
      low: 5,
      high: 5,
      method: 'none',
      estimated: false,
    });
  });
  it('wastewater: no sampling KI', () => {
    expect(interval(pt({ value: 518.28 }), { type: 'wastewater', direction: 'down', unitKind: 'mg_per_1000_day' })).toBeNull();
  });
  it.each([
    ['null value', pt({ value: null, n: 90 }), SURVEY],
    ['survey without n or KI', pt({ value: 30 }), SURVEY],
    ['survey with n = 0', pt({ value: 30, n: 0 }), SURVEY],
    ['share above 100 %', pt({ value: 130, n: 90 }), SURVEY],
    ['rate without count', pt({ value: 133 }), RATE],
    ['NaN value', pt({ value: Number.NaN, n: 90 }), SURVEY],
  ])('%s → null', (_name, p, kind) => {
    expect(interval(p, kind)).toBeNull();
  });

  it('standard error: Wald for n, KI width / 3.92 for a published KI, √x scaled for counts', () => {
    expectShown(standardError(pt({ value: 24, n: 90 }), SURVEY), '4.50');
    expect(standardError(pt({ value: 31, ciLow: 26, ciHigh: 36 }), NTU)).toBeCloseTo(10 / (2 * 1.959964), 9);
    expect(standardError(pt({ value: 133.3, numerator: 20, denominator: 15000 }), RATE)).toBeCloseTo((Math.sqrt(20) / 15000) * 100000, 9);
    expect(standardError(pt({ value: null }), SURVEY)).toBeNull();
  });
});

describe('total on missing arguments', () => {
  it('null point or kind → null', () => {
    expect(interval(null as unknown as StatPoint, SURVEY)).toBeNull();
    expect(interval(pt({ value: 30, n: 90 }), undefined as unknown as IndicatorKind)).toBeNull();
    expect(standardError(pt({ value: 30, n: 90 }), undefined as unknown as IndicatorKind)).toBeNull();
    expect(wilson(0.3, 0)).toBeNull();
    expect(poissonExact(-1)).toBeNull();
    expect(poissonExact(Number.NaN)).toBeNull();
  });
});
