import { describe, expect, it } from 'vitest';
import { expectShown, pt } from '../helpers/stats';
import { benchmarkLabel, defaultShare, dependentMargin, rankAmong } from '@/lib/stats/benchmark';
import type { IndicatorKind, StatPoint } from '@/lib/stats/types';

const ki = (v: number, m: number, o: Partial<StatPoint> = {}) => pt({ value: v, ciLow: v - m, ciHigh: v + m, ...o });

const NTU: IndicatorKind = { type: 'survey', direction: 'down', unitKind: 'percent', source: 'ntu' };
const SN: IndicatorKind = { type: 'survey', direction: 'down', unitKind: 'percent', source: 'svenskt_naringsliv' };
const RATE: IndicatorKind = { type: 'count', direction: 'down', unitKind: 'per_100k' };

describe('§2.3 / §8 survey benchmarks (↓ polarity)', () => {
  it.each([
    ['B1', 32, 6, 24, 1.2, 'Dalarna', 0.05, '5.82', 'Sämre än Dalarna', true],
    ['B2', 27, 6, 24, 1.2, 'Dalarna', 0.05, '5.82', 'I nivå med Dalarna', false],
    ['B4', 27, 6, 26, 0.4, 'Sverige', 0, '6.0', 'I nivå med Sverige', false],
  ] as const)('%s: %d ±%d vs %d ±%d', (_n, vk, mk, vo, mo, name, w, M, label, sig) => {
    const r = benchmarkLabel(ki(vk, mk), ki(vo, mo), NTU, { otherName: name, w });
    expectShown(r.margin, M);
    expect(r.label).toBe(label);
    expect(r.significant).toBe(sig);
    expect(r.text).toBe(`${label} (${sig ? 'statistiskt säkerställd skillnad' : 'ingen säkerställd skillnad'})`);
    // Default w by name gives the same.
    expect(benchmarkLabel(ki(vk, mk), ki(vo, mo), NTU, { otherName: name }).label).toBe(label);
  });

  it('B1: the independence formula gives 6.12', () => {
    expectShown(dependentMargin(6, 1.2, 0), '6.12');
    expectShown(dependentMargin(6, 1.2, 0.05), '5.82');
  });

  it('B3: Svenskt Näringsliv 38 % (n 93) vs Dalarna 25 % (n 1 613), w = 0.058: M = 9.5 (independent 10.1) → Sämre än Dalarna', () => {
    const k = pt({ period: '2023', start: '2023-01-01', end: '2023-12-31', value: 38, n: 93 });
    const o = pt({ period: '2023', start: '2023-01-01', end: '2023-12-31', value: 25, n: 1613 });
    const r = benchmarkLabel(k, o, SN, { otherName: 'Dalarna', w: 93 / 1613 });
    expectShown(93 / 1613, '0.058');
    expectShown(r.margin, '9.5');
    expect(r.label).toBe('Sämre än Dalarna');
    expect(r.significant).toBe(true);
    expectShown(benchmarkLabel(k, o, SN, { otherName: 'Dalarna', w: 0 }).margin, '10.1');
  });

  it('↑ polarity and ctx wording', () => {
    const up: IndicatorKind = { ...NTU, direction: 'up' };
    expect(benchmarkLabel(ki(32, 6), ki(24, 1.2), up, { otherName: 'Dalarna' }).label).toBe('Bättre än Dalarna');
    const ctx: IndicatorKind = { ...NTU, direction: 'ctx' };
    expect(benchmarkLabel(ki(32, 6), ki(24, 1.2), ctx, { otherName: 'Dalarna' }).text).toBe('Högre än Dalarna (statistiskt säkerställd skillnad)');
    expect(benchmarkLabel(ki(16, 6), ki(24, 1.2), ctx, { otherName: 'Dalarna' }).label).toBe('Lägre än Dalarna');
    expect(benchmarkLabel(ki(25, 6), ki(24, 1.2), ctx, { otherName: 'Sverige' }).text).toBe('I nivå med Sverige (ingen säkerställd skillnad)');
  });

  it('default w: 0.05 for a län, 0 for riket', () => {
    expect(defaultShare('Dalarna')).toBe(0.05);
    expect(defaultShare('Sverige')).toBe(0);
    expect(defaultShare('Riket')).toBe(0);
  });
});

describe('§2.4 / §8 count benchmark', () => {
  it('C4: Hedemora 120 per 15 000 (800) vs Dalarna 1 900 per 287 000 (662); rest of län 1 780 per 272 000: z = 2.13 → Sämre än Dalarna', () => {
    const k = pt({ period: '2023', value: 800, numerator: 120, denominator: 15000 });
    const o = pt({ period: '2023', value: 662, numerator: 1900, denominator: 287000 });
    expectShown((120 / 15000) * 1e5, '800');
    expectShown((1900 / 287000) * 1e5, '662');
    expectShown((1780 / 272000) * 1e5, '654');
    const r = benchmarkLabel(k, o, RATE, { otherName: 'Dalarna' });
    expectShown(r.zEq, '2.13');
    expect(r.label).toBe('Sämre än Dalarna');
    expect(r.significant).toBe(true);
    // Explicit rest of the län gives the same.
    expectShown(benchmarkLabel(k, o, RATE, { otherName: 'Dalarna', rest: { numerator: 1780, denominator: 272000 } }).zEq, '2.13');
  });

  it('against riket the count test is direct', () => {
    const k = pt({ period: '2023', value: 800, numerator: 120, denominator: 15000 });
    const o = pt({ period: '2023', value: 662, numerator: 69000, denominator: 10_420_000 });
    const r = benchmarkLabel(k, o, RATE, { otherName: 'Sverige' });
    expect(r.label).toMatch(/Sverige$/);
    expect(Number.isFinite(r.zEq)).toBe(true);
  });
});

describe('no label', () => {
  it.each<[string, StatPoint | null, StatPoint | null, IndicatorKind]>([
    ['different periods', ki(32, 6), ki(24, 1.2, { period: '2022–2023', start: '2022-01-01', end: '2023-12-31' }), NTU],
    ['wastewater', pt({ value: 500 }), pt({ value: 400 }), { type: 'wastewater', direction: 'down', unitKind: 'mg_per_1000_day' }],
    ['process', pt({ value: 5 }), pt({ value: 4 }), { type: 'process', direction: 'up', unitKind: 'count' }],
    ['hidden survey value (n < 30)', pt({ value: 32, n: 20 }), ki(24, 1.2), NTU],
    ['hidden count 1–4', pt({ value: 3 }), pt({ value: 300 }), { type: 'count', direction: 'down', unitKind: 'count' }],
    ['null value', pt({ value: null, status: 'suppressed' }), ki(24, 1.2), NTU],
    ['missing other', ki(32, 6), null, NTU],
    ['no margin', pt({ value: 32 }), ki(24, 1.2), NTU],
  ])('%s', (_n, k, o, kind) => {
    const r = benchmarkLabel(k, o, kind, { otherName: 'Dalarna' });
    expect(r.label).toBeNull();
    expect(r.significant).toBe(false);
    expect(r.zEq).toBeNull();
    expect(r.text.length).toBeGreaterThan(0);
  });
});

describe('rankAmong', () => {
  const values = [
    { code: '2083', value: 30 },
    { code: '2080', value: 20 },
    { code: '2081', value: 30 },
    { code: '2082', value: 40 },
    { code: '2084', value: null },
  ];
  it.each<[string, IndicatorKind['direction'], { rank: number; of: number } | null]>([
    ['2083', 'down', { rank: 2, of: 4 }],
    ['2081', 'down', { rank: 2, of: 4 }], // tie shares the rank
    ['2080', 'down', { rank: 1, of: 4 }],
    ['2082', 'up', { rank: 1, of: 4 }],
    ['2083', 'up', { rank: 2, of: 4 }],
    ['2080', 'ctx', { rank: 4, of: 4 }], // by value descending
    ['2084', 'down', null],
    ['9999', 'down', null],
  ])('%s, %s', (code, dir, expected) => {
    expect(rankAmong(values, code, dir)).toEqual(expected);
  });
  it('empty', () => {
    expect(rankAmong([], '2083', 'down')).toBeNull();
  });
});
