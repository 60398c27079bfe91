import { describe, expect, it } from 'vitest';
import { niceTicks } from '@/lib/charts/axis';
import { mergeSeries, type PointInput, type SeriesRow } from '@/lib/charts/series';
import { summarizeSeries } from '@/lib/charts/summary';
import { buildSiteReferences, referenceIdFor } from '@/lib/data/site-reference';
import type { ObservationStatus } from '@/lib/db/enums';

const NBSP = '\u00a0';

const pt = (period: string, periodStart: string, key: string, value: number | null): PointInput => ({ period, periodStart, key, value });

describe('mergeSeries', () => {
  it('orders rows by period start, whatever the input order', () => {
    const rows = mergeSeries(
      [
        pt('2023–2024', '2023-01-01', 'kommun', 29.1),
        pt('2019–2020', '2019-01-01', 'kommun', 31.0),
        pt('2021–2022', '2021-01-01', 'kommun', 30.2),
      ],
      ['kommun'],
    );
    expect(rows.map((r) => r.period)).toEqual(['2019–2020', '2021–2022', '2023–2024']);
    expect(rows.map((r) => r.kommun)).toEqual([31.0, 30.2, 29.1]);
  });

  it('orders by start date, not by label', () => {
    // Alphabetically "sommar 2024" < "vinter 2023", but winter 2023 comes first in time.
    const rows = mergeSeries(
      [pt('sommar 2024', '2024-06-01', 'k', 1), pt('vinter 2023', '2023-12-01', 'k', 2), pt('höst 2024', '2024-09-01', 'k', 3)],
      ['k'],
    );
    expect(rows.map((r) => r.period)).toEqual(['vinter 2023', 'sommar 2024', 'höst 2024']);
  });

  it('one row per period, one column per key; a key without a value there is null, never 0', () => {
    const rows = mergeSeries(
      [
        pt('2022', '2022-01-01', 'kommun', 12),
        pt('2022', '2022-01-01', 'lan', 10),
        pt('2023', '2023-01-01', 'lan', 11),
        pt('2024', '2024-01-01', 'kommun', 0), // a real 0 stays 0
      ],
      ['kommun', 'lan', 'riket'],
    );
    expect(rows).toEqual([
      { period: '2022', start: '2022-01-01', kommun: 12, lan: 10, riket: null },
      { period: '2023', start: '2023-01-01', kommun: null, lan: 11, riket: null },
      { period: '2024', start: '2024-01-01', kommun: 0, lan: null, riket: null },
    ]);
  });

  it('a null point stays null', () => {
    const rows = mergeSeries([pt('2022', '2022-01-01', 'k', null)], ['k']);
    expect(rows[0]!.k).toBeNull();
  });

  it('ignores points for keys it was not asked for', () => {
    const rows = mergeSeries([pt('2022', '2022-01-01', 'other', 5), pt('2022', '2022-01-01', 'k', 1)], ['k']);
    expect(rows).toEqual([{ period: '2022', start: '2022-01-01', k: 1 }]);
  });

  it('no points → no rows', () => {
    expect(mergeSeries([], ['k'])).toEqual([]);
  });
});

describe('summarizeSeries', () => {
  const rows: SeriesRow[] = [
    { period: '2019–2020', start: '2019-01-01', kommun: 31, lan: null },
    { period: '2021–2022', start: '2021-01-01', kommun: 30.25, lan: 22.5 },
    { period: '2023–2024', start: '2023-01-01', kommun: 1234.5, lan: null },
  ];

  it('first and latest value per line in sv-SE form, with the number of values', () => {
    const text = summarizeSeries(rows, [{ key: 'kommun', name: 'Hedemora' }], { unitKind: 'percent', decimals: 1 });
    expect(text).toBe(`Hedemora: 1${NBSP}234,5${NBSP}% (2023–2024), från 31,0${NBSP}% (2019–2020); 3 mätvärden.`);
  });

  it('a line with a single value says so', () => {
    const text = summarizeSeries(rows, [{ key: 'lan', name: 'Dalarna' }], { unitKind: 'percent', decimals: 1 });
    expect(text).toBe(`Dalarna: 22,5${NBSP}% (2021–2022), ett mätvärde.`);
  });

  it('an empty line says "inga värden" and shows no number', () => {
    const text = summarizeSeries(rows, [{ key: 'riket', name: 'Sverige' }], { unitKind: 'percent', decimals: 1 });
    expect(text).toBe('Sverige: inga värden.');
    const allNull: SeriesRow[] = [{ period: '2022', start: '2022-01-01', riket: null }];
    expect(summarizeSeries(allNull, [{ key: 'riket', name: 'Sverige' }], { unitKind: 'count', decimals: 0 })).toBe('Sverige: inga värden.');
  });

  it('lines are joined in the order given', () => {
    const text = summarizeSeries(
      rows,
      [
        { key: 'lan', name: 'Dalarna' },
        { key: 'riket', name: 'Sverige' },
      ],
      { unitKind: 'percent', decimals: 1 },
    );
    expect(text).toBe(`Dalarna: 22,5${NBSP}% (2021–2022), ett mätvärde. Sverige: inga värden.`);
  });

  it('a 0 is a value, not a gap', () => {
    const zero: SeriesRow[] = [
      { period: '2022', start: '2022-01-01', k: 0 },
      { period: '2023', start: '2023-01-01', k: 2 },
    ];
    expect(summarizeSeries(zero, [{ key: 'k', name: 'K' }], { unitKind: 'count', decimals: 0 })).toBe(
      'K: 2 (2023), från 0 (2022); 2 mätvärden.',
    );
  });
});

type Row = Parameters<typeof buildSiteReferences>[0][number];
const siteRow = (
  indicatorId: string,
  site: string,
  regionName: string,
  period: string,
  value: number | null,
  status: ObservationStatus | null = null,
): Row => ({ obs: { indicatorId, site, period, periodStart: `${period}-01-01`, value, status }, regionName });

describe('buildSiteReferences', () => {
  // Values from domain.md §5 (EUDA 2025, daily means, cocaine): 2023 Gävle 111.08, Växjö 140.57;
  // 2024 Stockholm 374.23, Gävle 77.08, Växjö 82.45, Karlstad 108.62, Trollhättan 92.76.
  const rows: Row[] = [
    siteRow('euda_ref_kokain', 'SE002', 'Gävle', '2023', 111.08),
    siteRow('euda_ref_kokain', 'SE012', 'Växjö', '2023', 140.57),
    siteRow('euda_ref_kokain', 'SE005', 'Stockholm', '2024', 374.23),
    siteRow('euda_ref_kokain', 'SE002', 'Gävle', '2024', 77.08),
    siteRow('euda_ref_kokain', 'SE012', 'Växjö', '2024', 82.45),
    siteRow('euda_ref_kokain', 'SE003', 'Karlstad', '2024', 108.62),
    siteRow('euda_ref_kokain', 'SE009', 'Trollhättan', '2024', 92.76),
    // MDMA 2024: Gävle 16.14, Stockholm 23.35, Karlstad 6.55, Trollhättan 0 and Växjö 0 (below LOQ → null).
    siteRow('euda_ref_mdma', 'SE002', 'Gävle', '2024', 16.14),
    siteRow('euda_ref_mdma', 'SE005', 'Stockholm', '2024', 23.35),
    siteRow('euda_ref_mdma', 'SE003', 'Karlstad', '2024', 6.55),
    siteRow('euda_ref_mdma', 'SE009', 'Trollhättan', '2024', null, 'below_loq'),
    siteRow('euda_ref_mdma', 'SE012', 'Växjö', '2024', null, 'below_loq'),
    siteRow('euda_ref_mdma', 'SE002', 'Gävle', '2023', 99),
  ];
  const refs = buildSiteReferences(rows);

  it('one reference per indicator', () => {
    expect([...refs.keys()].sort()).toEqual(['euda_ref_kokain', 'euda_ref_mdma']);
  });

  it('takes the latest period only, whatever the input order', () => {
    const kokain = refs.get('euda_ref_kokain')!;
    expect(kokain.period).toBe('2024');
    expect(kokain.sites).toHaveLength(5);
    expect(kokain.sites.every((s) => s.period === '2024')).toBe(true);
    const reversed = buildSiteReferences([...rows].reverse()).get('euda_ref_kokain')!;
    expect(reversed.period).toBe('2024');
    expect(reversed.sites).toHaveLength(5);
  });

  it('min and max over the latest period', () => {
    expect(refs.get('euda_ref_kokain')).toMatchObject({ min: 77.08, max: 374.23 });
  });

  it('min and max ignore null (below LOQ) values, which stay null with their status', () => {
    const mdma = refs.get('euda_ref_mdma')!;
    expect(mdma).toMatchObject({ period: '2024', min: 6.55, max: 23.35 });
    const troll = mdma.sites.find((s) => s.siteId === 'SE009')!;
    expect(troll.value).toBeNull();
    expect(troll.status).toBe('below_loq');
    // The older 99 must not leak into the latest period's range.
    expect(mdma.max).not.toBe(99);
  });

  it('all values null → min and max null, not 0', () => {
    const r = buildSiteReferences([siteRow('euda_ref_ketamin', 'SE009', 'Trollhättan', '2024', null, 'below_loq')]).get(
      'euda_ref_ketamin',
    )!;
    expect(r.min).toBeNull();
    expect(r.max).toBeNull();
  });

  it('sites are sorted by place in Swedish order (Ä/Ö after Z)', () => {
    expect(refs.get('euda_ref_kokain')!.sites.map((s) => s.place)).toEqual(['Gävle', 'Karlstad', 'Stockholm', 'Trollhättan', 'Växjö']);
    const sorted = buildSiteReferences([
      siteRow('x', 'a', 'Örebro', '2024', 1),
      siteRow('x', 'b', 'Umeå', '2024', 2),
      siteRow('x', 'c', 'Zinkgruvan', '2024', 3),
      siteRow('x', 'd', 'Åre', '2024', 4),
      siteRow('x', 'e', 'Ängelholm', '2024', 5),
    ]).get('x')!;
    expect(sorted.sites.map((s) => s.place)).toEqual(['Umeå', 'Zinkgruvan', 'Åre', 'Ängelholm', 'Örebro']);
  });

  it('no rows → no references', () => {
    expect(buildSiteReferences([]).size).toBe(0);
  });
});

describe('referenceIdFor', () => {
  it.each([
    ['avlopp_kokain', 'euda_ref_kokain'],
    ['avlopp_amfetamin', 'euda_ref_amfetamin'],
    ['avlopp_mdma', 'euda_ref_mdma'],
    ['ntu_otrygg_kvall', null],
    ['euda_ref_kokain', null],
    ['kokain', null],
  ])('%s → %s', (id, ref) => {
    expect(referenceIdFor(id)).toBe(ref);
  });
});

describe('niceTicks', () => {
  const mantissa = (step: number) => +(step / 10 ** Math.floor(Math.log10(step))).toPrecision(6);
  it.each([
    [0, 759, false],
    [0, 1447 * 1.08, false],
    [0, 36.4, true],
    [0, 97.3, true],
    [2.1, 2.9, false],
    [0, 0.046, true],
    [-3.5, 12, false],
  ])('covers %f…%f with about five ticks at one round step', (lo, hi, percent) => {
    const { ticks, decimals } = niceTicks(lo, hi, percent);
    expect(ticks[0]).toBeLessThanOrEqual(lo);
    expect(ticks.at(-1)).toBeGreaterThanOrEqual(Math.min(hi, percent ? 100 : Infinity));
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks.length).toBeLessThanOrEqual(8);
    const steps = ticks.slice(1).map((t, i) => +(t - ticks[i]!).toPrecision(6));
    expect(new Set(steps).size).toBe(1);
    expect([1, 2, 2.5, 5]).toContain(mantissa(steps[0]!));
    // The labels need exactly the decimals the step has.
    for (const t of ticks) expect(+t.toFixed(decimals)).toBe(t);
  });

  it('gives 0, 200, 400, 600, 800 for values up to 759 (not quarters of the largest value)', () => {
    expect(niceTicks(0, 759).ticks).toEqual([0, 200, 400, 600, 800]);
  });

  it('stops a share at 100 %', () => {
    expect(niceTicks(0, 97.3, true).ticks.at(-1)).toBe(100);
  });
});
