import { describe, expect, it } from 'vitest';
import { assessSeries, NOTE_SHORT_COUNTS } from '@/lib/stats/verdict';
import type { AssessInput, IndicatorKind, StatPoint, Verdict } from '@/lib/stats/types';
import { expectShown, pt, yr, rg } from '../helpers/stats';

const NBSP = '\u00a0';
const day = (d: string, o: Partial<StatPoint> = {}) => pt({ period: d, start: d, end: d, ...o });

const SN: IndicatorKind = { type: 'survey', direction: 'down', unitKind: 'percent', source: 'svenskt_naringsliv' };
const NTU: IndicatorKind = { type: 'survey', direction: 'down', unitKind: 'percent', source: 'ntu' };
const COUNT: IndicatorKind = { type: 'count', direction: 'down', unitKind: 'count' };
const PROCESS: IndicatorKind = { type: 'process', direction: 'up', unitKind: 'count' };
const WW: IndicatorKind = { type: 'wastewater', direction: 'down', unitKind: 'mg_per_1000_day', substance: 'amphetamine' };
const CTX: IndicatorKind = { type: 'count', direction: 'ctx', unitKind: 'count' };

const DECIDED = '2024-09-17';
const assess = (kind: IndicatorKind, points: StatPoint[], o: Partial<AssessInput> = {}): Verdict =>
  assessSeries({ kind, points, baselinePeriod: null, decidedDate: DECIDED, target: null, ...o });

function expectNoNaN(v: Verdict) {
  for (const x of [v.delta, v.zEq, v.targetChance, v.pace?.value, v.pace?.score]) expect(Number.isNaN(x as number)).toBe(false);
  expect(v.sentence).not.toMatch(/NaN|undefined|null/);
  expect(v.sentence.length).toBeGreaterThan(0);
}

describe('§7 verdict table V1–V9', () => {
  it('V1: Svenskt Näringsliv ↓, no target, 38 % (n 93, 2023) → 30 % (n 90, 2024): z_eq 1.15 < 1.645, Oförändrat; no pace, the slope −8 ± 13.7 per year instead', () => {
    const v = assess(SN, [yr(2023, { value: 38, n: 93 }), yr(2024, { value: 30, n: 90 })]);
    expect(v.baseline?.period).toBe('2023'); // default: latest point ending before the decision
    expect(v.latest?.period).toBe('2024');
    expectShown(v.zEq, '1.15');
    expect(v.label).toBe('Oförändrat');
    expect(v.pace).toMatchObject({ label: 'För osäkert för att bedöma takten', uncertain: true });
    // Wald SEs 5.03 and 4.83 (E1): −8 ± 1.96·6.98 = −21.7 to 5.7 per year.
    expectShown(v.pace!.slope!.low, '-21.7');
    expectShown(v.pace!.slope!.high, '5.7');
    expect(v.pace!.text).toBe(
      `För osäkert för att bedöma takten: lutningen över 2 mätningar är −8,0 procentenheter per år (95${NBSP}% KI −21,7 till 5,7).`,
    );
    expect(v.sentence).toBe(`Andelen har minskat från 38${NBSP}% till 30${NBSP}%. Ingen förändring som går att skilja från slumpen.`);
    expect(v.provisional).toBe(false);
    expectNoNaN(v);
  });

  it('V2: NTU ↓, 31 % ±5 (2019–2020) → 24 % ±4.5 (2021–2022): z_eq 2.04, Säkerställd förbättring; God takt (v = 12.0 %)', () => {
    const v = assess(
      NTU,
      [rg(2019, 2020, { value: 31, ciLow: 26, ciHigh: 36 }), rg(2021, 2022, { value: 24, ciLow: 19.5, ciHigh: 28.5 })],
      { baselinePeriod: '2019–2020' },
    );
    expectShown(v.zEq, '2.04');
    expect(v.method).toBe('margin');
    expect(v.label).toBe('Säkerställd förbättring');
    expect(v.pace).toMatchObject({ label: 'God takt', uncertain: false });
    expectShown(v.pace!.value * 100, '12.0');
    // §5.5: the first "Säkerställd" on a short series is provisional.
    expect(v.provisional).toBe(true);
    expect(v.sentence).toContain('Minskningen är statistiskt säkerställd');
    expect(v.flags).toEqual([]);
  });

  it('V3: NTU ↓, 2021–2022 → 2022–2023: overlapping → Underlag saknas', () => {
    const v = assess(
      NTU,
      [rg(2021, 2022, { value: 31, ciLow: 26, ciHigh: 36 }), rg(2022, 2023, { value: 24, ciLow: 19.5, ciHigh: 28.5 })],
      { baselinePeriod: '2021-2022' },
    );
    expect(v.label).toBe('Underlag saknas');
    expect(v.reason).toBe('ej jämförbara perioder');
    expect(v.pace).toBeNull();
    expect(v.sentence).toBe('Förändringen kan inte bedömas: ej jämförbara perioder.');
  });

  it('V4: Svenskt Näringsliv ↓, target 25 % in 2027, 38 % (n 93, 2023) → 34 % (n 90, 2025): z_eq 0.57, Oförändrat; no pace (R 0.544 would be "Låg takt")', () => {
    const v = assess(SN, [yr(2023, { value: 38, n: 93 }), yr(2025, { value: 34, n: 90 })], { target: { value: 25, year: 2027 } });
    expectShown(v.zEq, '0.57');
    expect(v.label).toBe('Oförändrat');
    expect(v.pace).toMatchObject({ label: 'För osäkert för att bedöma takten', uncertain: true, method: 2 });
    expectShown(v.pace!.value, '0.544');
    expect(v.target).toMatchObject({ met: false, text: `Målvärdet 25${NBSP}% (2027) är ännu inte nått` });
    expect(v.sentence).toBe(`Andelen har minskat från 38${NBSP}% till 34${NBSP}%. Ingen förändring som går att skilja från slumpen.`);
  });

  it('V5: same, 38 % (n 93) → 24 % (n 90), target 25 %: z_eq 2.04, Säkerställd förbättring beside Målet uppnått (målvärdet inom felmarginalen); no pace; chance Φ((25 − 24)/4.50) = 0.59', () => {
    const v = assess(SN, [yr(2023, { value: 38, n: 93 }), yr(2025, { value: 24, n: 90 })], { target: { value: 25, year: 2027 } });
    expectShown(v.zEq, '2.04');
    expect(v.label).toBe('Säkerställd förbättring');
    expect(v.target).toEqual({
      value: 25,
      year: 2027,
      met: true,
      withinMargin: true,
      text: 'Målet uppnått (målvärdet inom felmarginalen)',
    });
    expect(v.pace).toBeNull();
    expectShown(v.targetChance, '0.59');
    // Newcombe: −14 − √(7.6² + 10.2²) = −26.7 and −14 + √(9.8² + 9.2²) = −0.6 (Wilson limits of §1.1).
    expectShown(v.size!.low, '-26.7', 1);
    expectShown(v.size!.high, '-0.6', 1);
    expect(v.sentence).toBe(
      `Andelen har minskat från 38${NBSP}% till 24${NBSP}%. Minskningen är statistiskt säkerställd: 14 procentenheter (95${NBSP}% KI 1–27), men preliminär tills nästa mätning bekräftar den. Målvärdet 25${NBSP}% är nått, men det ligger inom felmarginalen.`,
    );
  });

  it('V6: count ↓, 4 → 11: baseline hidden → Underlag saknas', () => {
    const v = assess(COUNT, [yr(2023, { value: 4 }), yr(2024, { value: 11 })]);
    expect(v.label).toBe('Underlag saknas');
    expect(v.reason).toBe('för litet underlag');
    expect(v.pace).toBeNull();
    expect(v.sentence).toBe('Förändringen kan inte bedömas: för litet underlag.');
  });

  it('V7: process ↑, no target, 3 (2024) → 5 (2025) schools: exact, Säkerställd förbättring; God takt (v = 66.7 %)', () => {
    const v = assess(PROCESS, [yr(2024, { value: 3 }), yr(2025, { value: 5 })], { baselinePeriod: '2024' });
    expect(v.method).toBe('exact');
    expect(v.label).toBe('Säkerställd förbättring');
    expect(v.pace).toMatchObject({ label: 'God takt', uncertain: false });
    expectShown(v.pace!.value * 100, '66.7');
    expect(v.provisional).toBe(false);
    expect(v.sentence).toBe('Antalet har ökat från 3 till 5. Ökningen bygger på fullständiga uppgifter och är ingen slumpeffekt.');
  });

  it('V8: wastewater ↓, Gävle amphetamine 2023 → 2024: p 0.385, z_eq 0.87, Oförändrat; no pace (v = 7.0 % would be "God takt")', () => {
    const v = assess(WW, [
      yr(2023, { value: 557.12, site: 'SE002', grp: '', days: [604.61, 539.99, 572.36, 635.43, 381.55, 562.99, 602.91] }),
      yr(2024, { value: 518.28, site: 'SE002', grp: '', days: [543.15, 488.21, 523.37, 503.2, 530.14, 530.19, 509.71] }),
    ]);
    expect(v.method).toBe('welch');
    expectShown(v.zEq, '0.87');
    expect(v.label).toBe('Oförändrat');
    expect(v.pace).toMatchObject({
      label: 'För osäkert för att bedöma takten',
      uncertain: true,
      text: 'För osäkert för att bedöma takten.',
    });
    expectShown(v.pace!.value * 100, '7.0');
    expect(v.sentence).toBe(
      `Nivån har minskat från 557,1 till 518,3${NBSP}mg per 1${NBSP}000 invånare och dygn. Ingen förändring som går att skilja från slumpen.`,
    );
  });

  it('V9: ctx, 1 548 → 1 470 reports: z_eq 1.42 < 1.645, (neutral) Oförändrat; no pace; too short a series to estimate over-dispersion', () => {
    const v = assess(CTX, [yr(2017, { value: 1548 }), yr(2018, { value: 1470 })], { baselinePeriod: '2017' });
    expect(v.label).toBeNull();
    expect(v.neutral).toBe('Oförändrat');
    expectShown(v.zEq, '1.42');
    expect(v.pace).toBeNull();
    expect(v.notes).toContain(NOTE_SHORT_COUNTS);
    expect(v.sentence).toBe(`Antalet har minskat från 1${NBSP}548 till 1${NBSP}470. Ingen förändring som går att skilja från slumpen.`);
  });
});

describe('rule 1: Underlag saknas', () => {
  it.each<[string, IndicatorKind, StatPoint[], Partial<AssessInput>, string]>([
    ['empty series', SN, [], {}, 'baslinje saknas'],
    ['no point before the decision', SN, [yr(2025, { value: 30, n: 90 })], {}, 'baslinje saknas'],
    [
      'named baseline period not in the series',
      SN,
      [yr(2023, { value: 38, n: 93 }), yr(2024, { value: 30, n: 90 })],
      { baselinePeriod: '2020' },
      'baslinje saknas',
    ],
    ['only the baseline', SN, [yr(2023, { value: 38, n: 93 })], {}, 'ingen ny mätning efter baslinjen'],
    ['latest n < 30', SN, [yr(2023, { value: 38, n: 93 }), yr(2024, { value: 30, n: 25 })], {}, 'för litet underlag'],
    ['baseline n < 30', SN, [yr(2023, { value: 38, n: 29 }), yr(2024, { value: 30, n: 90 })], {}, 'för litet underlag'],
    ['latest count 1–4', COUNT, [yr(2023, { value: 12 }), yr(2024, { value: 2 })], {}, 'för litet underlag'],
    [
      'publisher-suppressed latest',
      SN,
      [yr(2023, { value: 38, n: 93 }), yr(2024, { value: null, status: 'suppressed' })],
      {},
      'för litet underlag',
    ],
    ['null baseline value', SN, [yr(2023, { value: null, status: 'missing' }), yr(2024, { value: 30, n: 90 })], {}, 'värde saknas'],
    [
      'survey with neither KI nor n',
      SN,
      [yr(2023, { value: 38 }), yr(2024, { value: 30, n: 90 })],
      {},
      'felmarginal och antal svar saknas',
    ],
    [
      'series break between B and L',
      SN,
      [yr(2022, { value: 38, n: 93 }), yr(2023, { value: 36, n: 93, seriesBreakBefore: true }), yr(2024, { value: 30, n: 90 })],
      { baselinePeriod: '2022' },
      'ej jämförbara perioder',
    ],
    [
      'NTU 2016 → 2018 (method change)',
      NTU,
      [yr(2016, { value: 20, ciLow: 18, ciHigh: 22 }), yr(2018, { value: 25, ciLow: 23, ciHigh: 27 })],
      { baselinePeriod: '2016' },
      'ej jämförbara perioder',
    ],
    [
      'NTU old-method label 2016*',
      NTU,
      [
        pt({ period: '2016*', start: '2016-01-01', end: '2016-12-31', value: 20, ciLow: 18, ciHigh: 22 }),
        yr(2019, { value: 25, ciLow: 23, ciHigh: 27 }),
      ],
      { baselinePeriod: '2016*' },
      'ej jämförbara perioder',
    ],
    [
      'wastewater: different sites',
      WW,
      [yr(2023, { value: 557, site: 'SE002' }), yr(2024, { value: 518, site: 'SE012' })],
      { baselinePeriod: '2023' },
      'ej jämförbara mättillfällen',
    ],
  ])('%s', (_n, kind, points, o, reason) => {
    const v = assess(kind, points, o);
    expect(v.label).toBe('Underlag saknas');
    expect(v.reason).toBe(reason);
    expect(v.pace).toBeNull();
    expect(v.zEq).toBeNull();
    expect(v.sentence).toBe(`Förändringen kan inte bedömas: ${reason}.`);
    expectNoNaN(v);
  });

  it('ctx indicators with missing data also get Underlag saknas (rule 1 before rule 2)', () => {
    const v = assess(CTX, [yr(2023, { value: 3 }), yr(2024, { value: 12 })]);
    expect(v.label).toBe('Underlag saknas');
    expect(v.neutral).toBeNull();
  });

  it('total on garbage input', () => {
    const v = assessSeries({
      kind: SN,
      points: null as unknown as StatPoint[],
      baselinePeriod: null,
      decidedDate: 'not a date',
      target: null,
    });
    expect(v.label).toBe('Underlag saknas');
    expectNoNaN(v);
    const w = assessSeries(undefined as unknown as AssessInput);
    expect(w.label).toBe('Underlag saknas');
  });
});

describe('rules 2–5', () => {
  it('ctx: neutral texts on the same evidence levels; two counts alone are at most "ej säkerställd" (no φ)', () => {
    expect(assess(CTX, [yr(2023, { value: 6 }), yr(2024, { value: 15 })]).neutral).toBe('Ökning (ej säkerställd)');
    expect(assess(CTX, [yr(2023, { value: 0 }), yr(2024, { value: 9 })]).neutral).toBe('Ökning (ej säkerställd)');
    expect(assess(CTX, [yr(2023, { value: 1000 }), yr(2024, { value: 800 })]).neutral).toBe('Minskning (ej säkerställd)');
    expect(assess(CTX, [yr(2023, { value: 100 }), yr(2024, { value: 101 })]).neutral).toBe('Oförändrat');
    // Four steady counts before it (φ = 1, df 2… here 3): 99 → 200, z = 5.73, t(3) p = 0.011 → säkerställd.
    const steady = [100, 102, 98, 101, 99].map((x, i) => yr(2019 + i, { value: x }));
    const v = assess(CTX, [...steady, yr(2025, { value: 200 })]);
    expect(v.neutral).toBe('Säkerställd ökning');
    expect(v.dispersion).toBe(1);
    expectShown(v.p, '0.011', 1);
  });

  it('item 11: over-dispersed counts (φ = 3.59 from 100, 120, 80, 120, 100) do not make 100 → 140 säkerställd', () => {
    // Symmetric around the middle year, so the fitted trend is flat: μ = 104, X² = 1120/104 = 10.77, φ = 10.77/3 = 3.59.
    const noisy = [100, 120, 80, 120, 100].map((x, i) => yr(2019 + i, { value: x }));
    const v = assess({ ...CTX, direction: 'down' }, [...noisy, yr(2025, { value: 140 })]);
    expectShown(v.dispersion, '3.59');
    // Poisson alone: z = ln(1.4)/√(1/100 + 1/140) = 2.57 → would be säkerställd.
    // Quasi-Poisson: t = 2.57/√3.59 = 1.36 on 3 df, p ≈ 0.27.
    expect(v.label).toBe('Oförändrat');
    expect(v.p!).toBeGreaterThan(0.2);
    expect(v.notes.join(' ')).toContain('överspridning 3,6');
  });

  it('target met inside the KI and outside it, always beside the change verdict', () => {
    const inside = assess(SN, [yr(2023, { value: 38, n: 93 }), yr(2025, { value: 24, n: 90 })], { target: { value: 25, year: 2027 } });
    expect(inside.target?.withinMargin).toBe(true);
    const outside = assess(SN, [yr(2023, { value: 38, n: 500 }), yr(2025, { value: 10, n: 500 })], { target: { value: 25, year: 2027 } });
    expect(outside.label).toBe('Säkerställd förbättring');
    expect(outside.target).toMatchObject({ met: true, withinMargin: false, text: 'Målet uppnått' });
    expect(outside.sentence).toContain(`Målvärdet 25${NBSP}% är nått.`);
    // ↑ target met exactly.
    const up = assess(PROCESS, [yr(2024, { value: 3 }), yr(2025, { value: 5 })], {
      baselinePeriod: '2024',
      target: { value: 5, year: 2026 },
    });
    expect(up.label).toBe('Säkerställd förbättring');
    expect(up.target).toMatchObject({ met: true, withinMargin: false });
    expect(up.targetChance).toBe(1);
  });

  it('item 3: ↓ 10 % (n 400) → 19.5 % (n 400), target 20: the target is met but the rise is säkerställd (z 3.8) and shown', () => {
    const v = assess(SN, [yr(2023, { value: 10, n: 400 }), yr(2025, { value: 19.5, n: 400 })], { target: { value: 20, year: 2027 } });
    expect(v.label).toBe('Säkerställd försämring');
    expectShown(v.zEq, '3.8');
    expect(v.target?.met).toBe(true);
    expect(v.sentence).toMatch(
      /^Andelen har ökat från 10,0\u00a0% till 19,5\u00a0%\. Ökningen är statistiskt säkerställd: 9,5 procentenheter/,
    );
  });

  it('Säkerställd försämring and Tecken på försämring', () => {
    expect(assess(SN, [yr(2023, { value: 20, n: 500 }), yr(2024, { value: 30, n: 500 })]).label).toBe('Säkerställd försämring');
    // 30 % (n 93) → 42 % (n 90): Wilson facing sides 10.0 and 9.7, M 13.9, z_eq 1.70 (p 0.09 < 0.10).
    expect(assess(SN, [yr(2023, { value: 30, n: 93 }), yr(2024, { value: 42, n: 90 })]).label).toBe(
      'Tecken på försämring (ej säkerställd)',
    );
    // 30 → 38 (z_eq 1.15, p 0.25) was "Tecken" at the old z ≥ 1 level; now Oförändrat.
    expect(assess(SN, [yr(2023, { value: 30, n: 93 }), yr(2024, { value: 38, n: 90 })]).label).toBe('Oförändrat');
    const v = assess(PROCESS, [yr(2024, { value: 5 }), yr(2025, { value: 3 })], { baselinePeriod: '2024' });
    expect(v.label).toBe('Säkerställd försämring');
    expect(v.pace?.label).toBe('Går åt fel håll');
  });

  it('process: no change → Oförändrat with z_eq 0', () => {
    const v = assess(PROCESS, [yr(2024, { value: 5 }), yr(2025, { value: 5 })], { baselinePeriod: '2024' });
    expect(v).toMatchObject({ label: 'Oförändrat', zEq: 0 });
    expect(v.sentence).toBe('Antalet är oförändrat, 5. Ingen förändring (fullständiga uppgifter).');
  });

  it('process counts 1–4 use exact values (not hidden)', () => {
    expect(assess(PROCESS, [yr(2024, { value: 1 }), yr(2025, { value: 3 })], { baselinePeriod: '2024' }).label).toBe(
      'Säkerställd förbättring',
    );
  });

  it('≥ 5 comparable points from B to L → the trend test (T3: significant although the end points alone are not)', () => {
    const T3 = [31, 29, 28, 26, 24].map((v, i) => yr(2015 + 2 * i, { value: v, ciLow: v - 5, ciHigh: v + 5 }));
    const v = assess({ ...SN, source: 'lupp' }, T3, { baselinePeriod: '2015', decidedDate: '2016-01-01' });
    expect(v.method).toBe('trend-wls');
    expectShown(v.zEq, String(Math.sqrt(4.44).toFixed(2)));
    expect(v.label).toBe('Säkerställd förbättring');
    expect(v.pointsUsed).toBe(5);
    expect(v.provisional).toBe(false);
    // Per year (points two years apart): −1.70/2 = −0.85, SE 0.81/2 → −1.6 to −0.1.
    expect(v.sentence).toBe(
      `Andelen har minskat från 31${NBSP}% till 24${NBSP}%. Trenden över 5 mätningar är nedåtgående och statistiskt säkerställd: −0,9 procentenheter per år (95${NBSP}% KI −1,6 till −0,1).`,
    );
    // The end points alone (E3) are not significant.
    const two = assess({ ...SN, source: 'lupp' }, [T3[0]!, T3[4]!], { baselinePeriod: '2015', decidedDate: '2016-01-01' });
    expect(two.label).toBe('Tecken på förbättring (ej säkerställd)');
  });

  it('T1 as a verdict: trend not significant, z_eq 1.76 → Tecken', () => {
    const T1 = [
      [40, 100],
      [38, 98],
      [33, 95],
      [30, 97],
      [28, 92],
    ].map(([r, n], i) => yr(2019 + i, { value: (r! / n!) * 100, numerator: r!, denominator: n!, n: n! }));
    const v = assess(SN, T1, { baselinePeriod: '2019' });
    expect(v.method).toBe('trend-chi2');
    expectShown(v.zEq, '1.76');
    expect(v.label).toBe('Tecken på förbättring (ej säkerställd)');
  });

  it('a confirmed "Säkerställd" (previous period already significant) is not provisional', () => {
    const v = assess(SN, [yr(2023, { value: 40, n: 500 }), yr(2024, { value: 30, n: 500 }), yr(2025, { value: 28, n: 500 })], {
      baselinePeriod: '2023',
    });
    expect(v.label).toBe('Säkerställd förbättring');
    expect(v.provisional).toBe(false);
    const first = assess(SN, [yr(2023, { value: 40, n: 500 }), yr(2024, { value: 38, n: 500 }), yr(2025, { value: 28, n: 500 })], {
      baselinePeriod: '2023',
    });
    expect(first.provisional).toBe(true);
  });
});

describe('NTU pooled periods', () => {
  it('baseline by decision date skips a period that ends after the decision; overlapping periods between are skipped', () => {
    const pts = [
      rg(2019, 2020, { value: 31, ciLow: 26, ciHigh: 36 }),
      rg(2020, 2021, { value: 30, ciLow: 25, ciHigh: 35 }),
      rg(2021, 2022, { value: 28, ciLow: 23, ciHigh: 33 }),
      rg(2022, 2023, { value: 26, ciLow: 21, ciHigh: 31 }),
      rg(2023, 2024, { value: 25, ciLow: 20, ciHigh: 30 }),
      rg(2024, 2025, { value: 22, ciLow: 17.5, ciHigh: 26.5 }),
    ];
    const v = assess(NTU, pts);
    expect(v.baseline?.period).toBe('2022–2023');
    expect(v.latest?.period).toBe('2024–2025');
    expect(v.method).toBe('margin');
    // Latest overlaps the period just before it: the verdict compares 2022–2023 with 2024–2025 only.
    const overl = assess(NTU, pts.slice(0, 5));
    expect(overl.baseline?.period).toBe('2022–2023');
    expect(overl.label).toBe('Underlag saknas');
    expect(overl.reason).toBe('ej jämförbara perioder');
  });
});

describe('wastewater', () => {
  const loq = (v: number | null) => (v === null ? { value: null, status: 'below_loq' } : { value: v });
  it('below LOQ on both occasions → Oförändrat with a note', () => {
    const v = assess({ ...WW, substance: 'mdma' }, [yr(2023, { ...loq(null), site: 'SE009' }), yr(2024, { value: 0, site: 'SE009' })]);
    expect(v.label).toBe('Oförändrat');
    expect(v.notes).toContain('Under kvantifieringsgränsen vid båda mättillfällena.');
    expect(v.sentence).toBe('Nivån var under kvantifieringsgränsen vid båda mättillfällena. Ingen förändring som går att mäta.');
    expect(v.pace?.label).toBe('Kan inte beräknas');
    expectNoNaN(v);
  });

  it('below LOQ on one occasion → Tecken in the known direction', () => {
    const down = assess({ ...WW, substance: 'mdma' }, [
      yr(2023, { value: 16.14, site: 'SE002' }),
      yr(2024, { ...loq(null), site: 'SE002' }),
    ]);
    expect(down.label).toBe('Tecken på förbättring (ej säkerställd)');
    expect(down.sentence).toContain('till under kvantifieringsgränsen');
    const up = assess({ ...WW, substance: 'mdma' }, [yr(2023, { ...loq(null), site: 'SE002' }), yr(2024, { value: 16.14, site: 'SE002' })]);
    expect(up.label).toBe('Tecken på försämring (ej säkerställd)');
    expect(up.sentence).toContain('från under kvantifieringsgränsen till 16,1');
    expectNoNaN(up);
  });

  it('item 4: Test A on one sampling week a year is capped at Tecken (Växjö cocaine, p 0.015)', () => {
    const v = assess({ ...WW, substance: 'cocaine' }, [
      yr(2023, { value: 140.57, site: 'SE012', days: [104.97, 85.91, 121.94, 192.99, 241.84, 137.58, 98.76] }),
      yr(2024, { value: 82.45, site: 'SE012', days: [60.85, 70.41, 80.41, 100.74, 125.84, 65.86, 73.01] }),
    ]);
    expect(v.method).toBe('welch');
    expect(v.label).toBe('Tecken på förbättring (ej säkerställd)');
    expect(v.notes.join(' ')).toContain('En provvecka per år');
    expect(v.pace?.label).toBe('För osäkert för att bedöma takten');
  });

  it("item 4: with a history, the site's own year-to-year variation decides", () => {
    // ln changes ±0.1 (100, 110.5, 100, 110.5): s = 0.1; 2024 → 2025 halves: t = ln 0.5/0.1 = −6.9 on 3 df, p 0.006.
    const hist = [100, 110.517, 100, 110.517].map((v, i) => yr(2020 + i, { value: v, site: 'SE012' }));
    const v = assess(WW, [...hist, yr(2025, { value: 55.26, site: 'SE012' })], { baselinePeriod: '2023' });
    expect(v.method).toBe('year-to-year');
    expect(v.label).toBe('Säkerställd förbättring');
    // A change of 0.15 on ln scale is inside that variation (t = 1.5, p 0.23).
    const w = assess(WW, [...hist, yr(2025, { value: 95.1, site: 'SE012' })], { baselinePeriod: '2023' });
    expect(w.label).toBe('Oförändrat');
  });

  it('Test B never gives Säkerställd (single RISE samples, same season)', () => {
    const v = assess(WW, [day('2024-04-16', { value: 400, site: 'ARV' }), day('2025-04-15', { value: 100, site: 'ARV' })]);
    expect(v.method).toBe('test-b');
    expect(v.label).toBe('Tecken på förbättring (ej säkerställd)');
    expect(v.sentence).toContain('(enstaka prover)');
  });

  it('RISE: the default baseline is the latest pre-decision sample of the same season as the latest', () => {
    const pts = [
      day('2023-04-18', { value: 400, site: 'ARV' }),
      day('2023-10-10', { value: 380, site: 'ARV' }),
      day('2024-04-16', { value: 300, site: 'ARV' }),
      day('2025-04-15', { value: 340, site: 'ARV' }),
    ];
    const v = assess(WW, pts);
    expect(v.baseline?.period).toBe('2024-04-16');
    expect(v.latest?.period).toBe('2025-04-15');
    expect(v.label).toBe('Oförändrat');
    // Only an autumn sample before the decision → not like-for-like.
    const w = assess(WW, [day('2023-10-10', { value: 380, site: 'ARV' }), day('2025-04-15', { value: 340, site: 'ARV' })]);
    expect(w.reason).toBe('ej jämförbara mättillfällen');
  });
});

describe('flags (rule 6)', () => {
  it.each<[string, IndicatorKind, StatPoint[], Partial<AssessInput>, string[]]>([
    ['n < 50', SN, [yr(2023, { value: 20, n: 35 }), yr(2024, { value: 22, n: 90 })], {}, ['Osäker skattning (n < 50)']],
    [
      'low response rate',
      SN,
      [yr(2023, { value: 38, n: 93, responseRate: 0.465 }), yr(2024, { value: 30, n: 90, responseRate: 0.6 })],
      {},
      ['Låg svarsfrekvens'],
    ],
    [
      'NTU without KI',
      NTU,
      [rg(2019, 2020, { value: 31, n: 200 }), rg(2021, 2022, { value: 24, n: 200 })],
      { baselinePeriod: '2019–2020' },
      ['Uppskattad felmarginal'],
    ],
    [
      'subgroup',
      SN,
      [yr(2023, { value: 38, n: 93 }), yr(2024, { value: 30, n: 90 })],
      { subgroup: true },
      ['Delgrupp – tolka med försiktighet'],
    ],
    [
      'all four',
      NTU,
      [rg(2019, 2020, { value: 31, n: 45, responseRate: 0.3 }), rg(2021, 2022, { value: 24, n: 60 })],
      { baselinePeriod: '2019–2020', subgroup: true },
      ['Osäker skattning (n < 50)', 'Låg svarsfrekvens', 'Uppskattad felmarginal', 'Delgrupp – tolka med försiktighet'],
    ],
  ])('%s', (_n, kind, points, o, flags) => {
    expect(assess(kind, points, o).flags).toEqual(flags);
  });

  it('a subgroup flag never changes the label', () => {
    const pts = [yr(2023, { value: 38, n: 93 }), yr(2024, { value: 30, n: 90 })];
    expect(assess(SN, pts, { subgroup: true }).label).toBe(assess(SN, pts).label);
  });
});

describe('sentences', () => {
  it.each<[string, IndicatorKind, StatPoint[], string]>([
    [
      'percent, decimals',
      SN,
      [yr(2023, { value: 38.4, n: 93 }), yr(2024, { value: 30.25, n: 90 })],
      `Andelen har minskat från 38,4${NBSP}% till 30,3${NBSP}%. Ingen förändring som går att skilja från slumpen.`,
    ],
    [
      'rate noun and unit',
      { type: 'count', direction: 'down', unitKind: 'per_100k' },
      [yr(2023, { value: 800, numerator: 120, denominator: 15000 }), yr(2024, { value: 1000, numerator: 150, denominator: 15000 })],
      `Nivån har ökat från 800 till 1${NBSP}000 per 100${NBSP}000 invånare. Ökningen är inte statistiskt säkerställd.`,
    ],
    [
      'significant increase',
      SN,
      [yr(2023, { value: 20, n: 500 }), yr(2024, { value: 30, n: 500 })],
      `Andelen har ökat från 20${NBSP}% till 30${NBSP}%. Ökningen är statistiskt säkerställd: 10 procentenheter (95${NBSP}% KI 5–15), men preliminär tills nästa mätning bekräftar den.`,
    ],
    [
      'almost equal values get a decimal',
      SN,
      [yr(2023, { value: 38.04, n: 93 }), yr(2024, { value: 37.96, n: 90 })],
      `Andelen har minskat från 38,04${NBSP}% till 37,96${NBSP}%. Ingen förändring som går att skilja från slumpen.`,
    ],
  ])('%s', (_n, kind, points, sentence) => {
    expect(assess(kind, points).sentence).toBe(sentence);
  });
});
