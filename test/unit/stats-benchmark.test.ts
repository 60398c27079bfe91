import { describe, expect, it } from 'vitest';
import { benchmarkLabel, dependentMargin, NO_COMPARISON_WHOLE_LAN, NOTE_UNKNOWN_SHARE } from '@/lib/stats/benchmark';
import { rankWithInterval } from '@/lib/stats/rank';
import type { IndicatorKind, StatPoint } from '@/lib/stats/types';
import { expectShown, pt } from '../helpers/stats';

const NBSP = '\u00a0';

const ki = (v: number, m: number, o: Partial<StatPoint> = {}) => pt({ value: v, ciLow: v - m, ciHigh: v + m, ...o });

const NTU: IndicatorKind = { type: 'survey', direction: 'down', unitKind: 'percent', source: 'ntu' };
const SN: IndicatorKind = { type: 'survey', direction: 'down', unitKind: 'percent', source: 'svenskt_naringsliv' };
const RATE: IndicatorKind = { type: 'count', direction: 'down', unitKind: 'per_100k' };

describe('§2.3 / §8 survey benchmarks (↓ polarity)', () => {
  it.each([
    ['B1', 32, 6, 24, 1.2, 'Dalarna', 0.05, '5.82', 'Sämre än Dalarna', true],
    ['B2', 27, 6, 24, 1.2, 'Dalarna', 0.05, '5.82', 'Ingen säkerställd skillnad mot Dalarna', false],
    ['B4', 27, 6, 26, 0.4, 'Sverige', 0, '6.0', 'Ingen säkerställd skillnad mot Sverige', false],
  ] as const)('%s: %d ±%d vs %d ±%d', (_n, vk, mk, vo, mo, name, w, M, label, sig) => {
    const r = benchmarkLabel(ki(vk, mk), ki(vo, mo), NTU, { otherName: name, w });
    expectShown(r.margin, M);
    expect(r.label).toBe(label);
    expect(r.significant).toBe(sig);
    if (!sig) expect(r.text).toBe(`${label}.`);
  });

  it('B1 says how large the difference is, with its interval: 8 ± 5.82 → 2–14', () => {
    const r = benchmarkLabel(ki(32, 6), ki(24, 1.2), NTU, { otherName: 'Dalarna', w: 0.05 });
    expectShown(r.size!.low, '2.18', 1);
    expectShown(r.size!.high, '13.82', 1);
    expect(r.text).toBe(`Sämre än Dalarna: 8 procentenheter högre (95${NBSP}% KI 2–14).`);
  });

  it('B1: the independence formula gives 6.12; an unknown share uses it and says so', () => {
    expectShown(dependentMargin(6, 1.2, 0), '6.12');
    expectShown(dependentMargin(6, 1.2, 0.05), '5.82');
    const r = benchmarkLabel(ki(32, 6), ki(24, 1.2), NTU, { otherName: 'Dalarna' });
    expectShown(r.margin, '6.12');
    expect(r.note).toBe(NOTE_UNKNOWN_SHARE);
    expect(r.text).toContain(NOTE_UNKNOWN_SHARE);
    expect(benchmarkLabel(ki(32, 6), ki(24, 1.2), NTU, { otherName: 'Sverige' }).note).toBeNull();
  });

  it('B3: Svenskt Näringsliv 38 % (n 93) vs Dalarna 25 % (n 1 613), w = 0.058: Wilson facing sides 9.2 and 2.17 → M = 8.9 (independent 9.45) → Sämre än Dalarna', () => {
    const k = pt({ period: '2023', start: '2023-01-01', end: '2023-12-31', value: 38, n: 93 });
    const o = pt({ period: '2023', start: '2023-01-01', end: '2023-12-31', value: 25, n: 1613 });
    const r = benchmarkLabel(k, o, SN, { otherName: 'Dalarna', w: 93 / 1613 });
    expectShown(93 / 1613, '0.058');
    expectShown(r.margin, '8.9');
    expect(r.label).toBe('Sämre än Dalarna');
    expect(r.significant).toBe(true);
    expectShown(benchmarkLabel(k, o, SN, { otherName: 'Dalarna', w: 0 }).margin, '9.45', 1);
  });

  it('item 1: 0 % (n 40) vs 5 % (n 1 600) is no säkerställd difference (Fisher p = 0.26; Wilson upper limit 8.8 %, not a zero Wald margin)', () => {
    const k = pt({ value: 0, n: 40 });
    const r = benchmarkLabel(k, pt({ value: 5, n: 1600 }), SN, { otherName: 'Dalarna', w: 0.05 });
    expect(r.label).toBe('Ingen säkerställd skillnad mot Dalarna');
    expect(r.significant).toBe(false);
    expect(r.p!).toBeGreaterThan(0.05);
    // 2.5 % (n 40) vs 12 % (n 1 600): Fisher p = 0.078, not säkerställd either.
    const r2 = benchmarkLabel(pt({ value: 2.5, n: 40 }), pt({ value: 12, n: 1600 }), SN, { otherName: 'Dalarna', w: 0.05 });
    expect(r2.significant).toBe(false);
    expect(r2.label).toBe('Ingen säkerställd skillnad mot Dalarna');
    // Far enough apart it still is: 0 % (n 200) vs 12 % (n 1 600), Wilson upper 1.9 %.
    expect(benchmarkLabel(pt({ value: 0, n: 200 }), pt({ value: 12, n: 1600 }), SN, { otherName: 'Dalarna', w: 0.05 }).label).toBe(
      'Bättre än Dalarna',
    );
  });

  it('item 9: a kommun that is its whole län (Gotland, w = 1) gets no comparison with the län', () => {
    const r = benchmarkLabel(ki(32, 6), ki(24, 1.2), NTU, { otherName: 'Gotland', w: 1 });
    expect(r.label).toBeNull();
    expect(r.text).toBe(NO_COMPARISON_WHOLE_LAN);
  });

  it('↑ polarity and ctx wording', () => {
    const up: IndicatorKind = { ...NTU, direction: 'up' };
    expect(benchmarkLabel(ki(32, 6), ki(24, 1.2), up, { otherName: 'Dalarna', w: 0.05 }).label).toBe('Bättre än Dalarna');
    const ctx: IndicatorKind = { ...NTU, direction: 'ctx' };
    expect(benchmarkLabel(ki(32, 6), ki(24, 1.2), ctx, { otherName: 'Dalarna', w: 0.05 }).text).toMatch(
      /^Högre än Dalarna: 8 procentenheter högre/,
    );
    expect(benchmarkLabel(ki(16, 6), ki(24, 1.2), ctx, { otherName: 'Dalarna', w: 0.05 }).label).toBe('Lägre än Dalarna');
    expect(benchmarkLabel(ki(25, 6), ki(24, 1.2), ctx, { otherName: 'Sverige', w: 0 }).text).toBe(
      'Ingen säkerställd skillnad mot Sverige.',
    );
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

  it('item 11: with over-dispersion φ = 4 (df 3) the same counts are no säkerställd difference (t = 2.13/2 = 1.07)', () => {
    const k = pt({ period: '2023', value: 800, numerator: 120, denominator: 15000 });
    const o = pt({ period: '2023', value: 662, numerator: 1900, denominator: 287000 });
    const r = benchmarkLabel(k, o, RATE, { otherName: 'Dalarna', dispersion: { phi: 4, df: 3, pearson: 12 } });
    expect(r.significant).toBe(false);
    expect(r.label).toBe('Ingen säkerställd skillnad mot Dalarna');
    expect(r.zEq!).toBeLessThan(1.07);
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

describe('item 8: rank with an interval, hidden values left out', () => {
  const exact = [
    { code: '2083', value: 30, se: 0 },
    { code: '2080', value: 20, se: 0 },
    { code: '2081', value: 30, se: 0 },
    { code: '2082', value: 40, se: 0 },
  ];
  it.each<[string, IndicatorKind['direction'], { rank: number; of: number } | null]>([
    ['2083', 'down', { rank: 2, of: 4 }],
    ['2081', 'down', { rank: 2, of: 4 }], // tie shares the rank
    ['2080', 'down', { rank: 1, of: 4 }],
    ['2082', 'up', { rank: 1, of: 4 }],
    ['2080', 'ctx', { rank: 4, of: 4 }], // by value descending
    ['9999', 'down', null],
  ])('exact values: %s, %s', (code, dir, expected) => {
    const r = rankWithInterval(exact, code, dir);
    expect(r && { rank: r.rank, of: r.of }).toEqual(expected);
    // Without uncertainty the interval is the rank itself (ties: rank 2 or 3).
    if (r && code !== '2083' && code !== '2081') expect([r.low, r.high]).toEqual([r.rank, r.rank]);
  });

  it('a kommun with "För få svar" is in no rank, neither its own nor the others\'', () => {
    const withHidden = [...exact, { code: '2084', value: 5, se: 4, hidden: true }];
    expect(rankWithInterval(withHidden, '2084', 'down')).toBeNull();
    expect(rankWithInterval(withHidden, '2080', 'down')).toMatchObject({ rank: 1, of: 4 });
  });

  it("no rank without each value's uncertainty", () => {
    expect(rankWithInterval([...exact, { code: '2085', value: 25, se: null }], '2083', 'down')).toBeNull();
  });

  it('NTU-sized errors over 15 kommuner: the middle one can be almost anywhere', () => {
    // 15 values one percentage point apart, each with a 95 % margin of about ±6 (se 3).
    const vals = Array.from({ length: 15 }, (_, i) => ({ code: String(2000 + i), value: 20 + i, se: 3 }));
    const r = rankWithInterval(vals, '2007', 'down')!;
    expect(r.rank).toBe(8);
    expect(r.low).toBeLessThanOrEqual(3);
    expect(r.high).toBeGreaterThanOrEqual(13);
    // Far apart, the interval closes in.
    const spread = Array.from({ length: 15 }, (_, i) => ({ code: String(2000 + i), value: 20 + 10 * i, se: 1 }));
    expect(rankWithInterval(spread, '2007', 'down')).toMatchObject({ rank: 8, low: 8, high: 8 });
  });
});
