import { describe, expect, it } from 'vitest';
import { compareTwo } from '@/lib/stats/compare';
import {
  NOTE_ONE_WEEK,
  compareWastewater,
  seasonOfMonth,
  substanceCv,
  testB,
  wastewaterComparability,
  welchTest,
} from '@/lib/stats/wastewater';
import type { IndicatorKind, StatPoint } from '@/lib/stats/types';
import { expectShown, pt, yr } from '../helpers/stats';

/**
 * The shown figure within `units` of its last digit: 0.5 = rounds to it (default); 1 = the rulebook's
 * "±0.01 on the last shown digit".
 */
const day = (d: string, o: Partial<StatPoint> = {}) => pt({ period: d, start: d, end: d, ...o });
const kind = (substance: string): IndicatorKind => ({ type: 'wastewater', direction: 'down', unitKind: 'mg_per_1000_day', substance });

// EUDA ww2025-all-data.csv, daily loads Wednesday…Tuesday (shared/data/euda/).
const EUDA = {
  vaxjoCocaine: {
    2023: { mean: 140.57, days: [104.97, 85.91, 121.94, 192.99, 241.84, 137.58, 98.76] },
    2024: { mean: 82.45, days: [60.85, 70.41, 80.41, 100.74, 125.84, 65.86, 73.01] },
  },
  gavleCocaine: {
    2023: { mean: 111.08, days: [68.05, 77.12, 78.86, 187.54, 138.51, 133.48, 93.97] },
    2024: { mean: 77.08, days: [61.79, 54.05, 64.37, 99.51, 120.38, 76.09, 63.33] },
  },
  gavleAmphetamine: {
    2023: { mean: 557.12, days: [604.61, 539.99, 572.36, 635.43, 381.55, 562.99, 602.91] },
    2024: { mean: 518.28, days: [543.15, 488.21, 523.37, 503.2, 530.14, 530.19, 509.71] },
  },
  vaxjoCannabis: {
    2023: { mean: 31.2, days: [29.47, 27.76, 29.77, 30.73, 31.54, 36.41, 32.72] },
    2024: { mean: 46.85, days: [43.78, 44.18, 48.8, 44.27, 50.53, 44.93, 51.46] },
  },
};

describe('§2.5 Test A: real EUDA examples 2023 → 2024 (Welch t on ln daily loads)', () => {
  it.each([
    ['Växjö cocaine', 'SE012', 'cocaine', EUDA.vaxjoCocaine, '-2.92', '10.6', '0.015', '2.44', true],
    ['Gävle cocaine', 'SE002', 'cocaine', EUDA.gavleCocaine, '-1.90', '11.3', '0.083', '1.73', false],
    ['Gävle amphetamine', 'SE002', 'amphetamine', EUDA.gavleAmphetamine, '-0.93', '6.6', '0.385', '0.87', false],
  ] as const)('%s', (_name, site, substance, data, t, df, p, z, sig) => {
    const w = welchTest(data[2023].days, data[2024].days)!;
    expectShown(w.t, t);
    expectShown(w.df, df);
    // Växjö: p = 0.0145 is shown as 0.015 (z_eq 2.44 matches 0.0145): rulebook tolerance, one unit.
    expectShown(w.p, p, 1);
    const c = compareTwo(
      yr(2023, { value: data[2023].mean, days: data[2023].days, site, grp: '' }),
      yr(2024, { value: data[2024].mean, days: data[2024].days, site, grp: '' }),
      kind(substance),
    );
    expect(c.method).toBe('welch');
    expectShown(c.t, t);
    expectShown(c.df, df);
    expectShown(c.p, p, 1);
    // Växjö: z_eq 2.445 is shown as 2.44: rulebook tolerance, one unit.
    expectShown(c.zEq, z, 1);
    expect(c.significant).toBe(sig);
    // Item 4: one sampling week a year says nothing about year-to-year variation: capped at "Tecken", and said so.
    expect(c.capped).toBe(true);
    expect(c.notes).toEqual([NOTE_ONE_WEEK]);
  });

  it('Växjö cannabis: t +9.67, df 11.5, p < 0.001, z_eq > 3', () => {
    const d = EUDA.vaxjoCannabis;
    const w = welchTest(d[2023].days, d[2024].days)!;
    expectShown(w.t, '9.67');
    expectShown(w.df, '11.5');
    expect(w.p).toBeLessThan(0.001);
    const c = compareTwo(
      yr(2023, { value: d[2023].mean, days: d[2023].days, site: 'SE012' }),
      yr(2024, { value: d[2024].mean, days: d[2024].days, site: 'SE012' }),
      kind('cannabis'),
    );
    expect(c.zEq!).toBeGreaterThan(3);
    expect(c.significant).toBe(true);
    expect(c.delta!).toBeGreaterThan(0);
  });

  it('raw loads when a daily value is 0 (below LOQ)', () => {
    const c = compareWastewater(
      yr(2023, { value: 3, days: [0, 4, 5, 3, 0, 6, 3] }),
      yr(2024, { value: 10, days: [9, 11, 10, 12, 8, 10, 10] }),
      kind('mdma'),
    );
    expect(c.method).toBe('welch');
    expect(welchTest([0, 4, 5, 3, 0, 6, 3], [9, 11, 10, 12, 8, 10, 10], true)).toBeNull();
    const raw = welchTest([0, 4, 5, 3, 0, 6, 3], [9, 11, 10, 12, 8, 10, 10], false)!;
    expect(c.t).toBeCloseTo(raw.t, 12);
  });

  it('missing days are dropped; fewer than 3 on one side → Test B with k = days averaged', () => {
    const a = yr(2023, { value: 400, days: [400, null, null, null, null, null, null] });
    const b = yr(2024, { value: 300, days: [300, null, null, null, null, null, null] });
    const c = compareWastewater(a, b, kind('amfetamin'));
    expect(c.method).toBe('test-b');
    expectShown(c.zEq, '1.03');
    const k7 = compareWastewater(
      yr(2023, { value: 400, days: [400, 400, 400, 400, 400, 400, 400] }),
      yr(2024, { value: 300 }),
      kind('amfetamin'),
    );
    expect(k7.method).toBe('test-b');
    expect(k7.zEq).toBeCloseTo(testB(400, 300, 0.2, 7, 1)!.zEq, 12);
  });
});

describe('§2.5 Test B: single samples, never "Säkerställd"', () => {
  it('amphetamine 400 → 300: σ = 0.198, SE = 0.280, z_eq = 1.03', () => {
    const t = testB(400, 300, substanceCv('amfetamin'))!;
    expectShown(t.sigma, '0.198');
    expectShown(t.se, '0.280');
    expectShown(t.zEq, '1.03');
    const c = compareTwo(day('2023-04-18', { value: 400 }), day('2024-04-16', { value: 300 }), kind('amfetamin'));
    expect(c).toMatchObject({ method: 'test-b', capped: true, significant: false });
    expectShown(c.zEq, '1.03');
  });

  it('400 → 340: z_eq = 0.58', () => {
    const c = compareTwo(day('2023-04-18', { value: 400 }), day('2024-04-16', { value: 340 }), kind('amphetamine'));
    expectShown(c.zEq, '0.58');
  });

  it('a huge change is still capped', () => {
    const c = compareTwo(day('2023-04-18', { value: 400 }), day('2024-04-16', { value: 40 }), kind('amfetamin'));
    expect(c.zEq!).toBeGreaterThan(1.96);
    expect(c).toMatchObject({ significant: false, capped: true });
  });

  it.each([
    ['amfetamin', 0.2],
    ['amphetamine', 0.2],
    ['cannabis', 0.19],
    ['kokain', 0.27],
    ['cocaine', 0.27],
    ['metamfetamin', 0.24],
    ['methamphetamine', 0.24],
    ['ketamin', 0.3],
    ['MDMA', 0.57],
    ['tramadol', 0.3],
    [undefined, 0.3],
  ] as const)('CV for %s = %d (§1.3)', (s, cv) => {
    expect(substanceCv(s)).toBe(cv);
  });
});

describe('§2.5 below LOQ', () => {
  it('both occasions below LOQ → z_eq 0 with a note', () => {
    const c = compareTwo(yr(2023, { value: null, status: 'below_loq' }), yr(2024, { value: 0 }), kind('mdma'));
    expect(c).toMatchObject({ method: 'loq', zEq: 0, significant: false, delta: 0 });
    expect(c.notes).toContain('Under kvantifieringsgränsen vid båda mättillfällena.');
  });

  it('one occasion below LOQ → direction known, 1 ≤ z_eq ≤ 1.96, never significant', () => {
    const down = compareTwo(yr(2023, { value: 16.14 }), yr(2024, { value: null, status: 'below_loq' }), kind('mdma'));
    expect(down.method).toBe('loq');
    expect(down.zEq!).toBeGreaterThanOrEqual(1);
    expect(down.zEq!).toBeLessThanOrEqual(1.96);
    expect(down.significant).toBe(false);
    expect(down.delta!).toBeLessThan(0);
    const up = compareTwo(yr(2023, { value: null, status: 'not_detected' }), yr(2024, { value: 5 }), kind('mdma'));
    expect(up.delta!).toBeGreaterThan(0);
  });
});

describe('§2.5 like-for-like', () => {
  it.each<[string, Partial<StatPoint>, Partial<StatPoint>, string | null]>([
    ['same site and group', { site: 'SE002', grp: '' }, { site: 'SE002', grp: '' }, null],
    ['different reningsverk', { site: 'SE002' }, { site: 'SE012' }, 'ej jämförbara mättillfällen'],
    ['weekday mean vs daily mean', { site: 'SE002', grp: 'vardag' }, { site: 'SE002', grp: '' }, 'ej jämförbara mättillfällen'],
    ['weekday vs weekend', { site: 'SE002', grp: 'vardag' }, { site: 'SE002', grp: 'helg' }, 'ej jämförbara mättillfällen'],
  ])('EUDA: %s', (_n, a, b, reason) => {
    expect(wastewaterComparability(yr(2023, { value: 100, ...a }), yr(2024, { value: 90, ...b }))).toBe(reason);
    const c = compareTwo(yr(2023, { value: 100, ...a }), yr(2024, { value: 90, ...b }), kind('amfetamin'));
    expect(c.reason).toBe(reason ?? undefined);
  });

  it.each([
    ['spring vs spring', '2023-04-18', '2024-05-02', null],
    ['spring vs autumn', '2023-04-18', '2024-10-02', 'ej jämförbara mättillfällen'],
    ['December (vinter) vs December', '2023-12-05', '2024-12-03', null],
    ['summer vs winter', '2023-07-05', '2024-12-03', 'ej jämförbara mättillfällen'],
  ])('RISE dates: %s', (_n, d1, d2, reason) => {
    const c = compareTwo(day(d1, { value: 400, site: 'Hedemora ARV' }), day(d2, { value: 300, site: 'Hedemora ARV' }), kind('amfetamin'));
    expect(c.reason).toBe(reason ?? undefined);
  });

  it('a dated RISE sample is not compared with a yearly SCORE week', () => {
    expect(compareTwo(yr(2023, { value: 400 }), day('2024-04-16', { value: 300 }), kind('amfetamin')).reason).toBe(
      'ej jämförbara mättillfällen',
    );
  });

  it('RISE seasons by month', () => {
    expect([3, 5, 6, 8, 9, 11, 12, 1, 2].map(seasonOfMonth)).toEqual([
      'vår',
      'vår',
      'sommar',
      'sommar',
      'höst',
      'höst',
      'vinter',
      null,
      null,
    ]);
  });

  it('a missing value is not comparable', () => {
    expect(compareTwo(yr(2023, { value: null, status: 'missing' }), yr(2024, { value: 3 }), kind('mdma')).reason).toBe('värde saknas');
  });
});
