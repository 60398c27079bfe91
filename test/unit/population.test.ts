import { describe, expect, it } from 'vitest';
import { lanShare, populationByYear, POPULATION_INDICATORS, type PopulationContext } from '@/lib/data/population';
import type { observations } from '@/lib/db/schema';

type Obs = typeof observations.$inferSelect;
const obs = (o: Partial<Obs>): Obs => ({
  id: 0,
  indicatorId: POPULATION_INDICATORS.rate,
  regionCode: '2083',
  period: '2024',
  periodKind: 'year',
  periodStart: '2024-01-01',
  periodEnd: '2024-12-31',
  referenceYear: null,
  sex: 'T',
  grp: '',
  site: '',
  value: null,
  ciLow: null,
  ciHigh: null,
  n: null,
  numerator: null,
  denominator: null,
  responseRate: null,
  status: null,
  note: null,
  detail: null,
  isExample: false,
  importId: 1,
  updatedAt: new Date(),
  ...o,
});

describe("item 9: the kommun's share of the län from Brå's reported crime", () => {
  it("population = count / rate · 100 000, or the rate row's denominator; example rows never count", () => {
    const rows = [
      // 1 548 reports at 10 320 per 100 000 → 15 000 inhabitants.
      obs({ value: 10320 }),
      obs({ indicatorId: POPULATION_INDICATORS.count, value: 1548 }),
      obs({ regionCode: '20', value: 6620, denominator: 287000 }),
      obs({ period: '2023', periodStart: '2023-01-01', periodEnd: '2023-12-31', value: 9000, denominator: 99999, isExample: true }),
    ];
    expect([...populationByYear(rows, '2083')]).toEqual([[2024, 15000]]);
    expect([...populationByYear(rows, '20')]).toEqual([[2024, 287000]]);
  });

  const ctx = (k: [number, number][], l: [number, number][], lanKommuner = 15): PopulationContext => ({
    byRegion: new Map([
      ['2083', new Map(k)],
      ['20', new Map(l)],
    ]),
    kommunCode: '2083',
    lanCode: '20',
    lanKommuner,
  });

  it("w in the period's first year, else the nearest year with both", () => {
    const c = ctx(
      [
        [2022, 15200],
        [2024, 15000],
      ],
      [
        [2022, 286000],
        [2024, 287000],
      ],
    );
    expect(lanShare(c, '2024')).toBeCloseTo(15000 / 287000, 10);
    expect(lanShare(c, '2021–2022')).toBeCloseTo(15200 / 286000, 10);
    expect(lanShare(c, '2026')).toBeCloseTo(15000 / 287000, 10);
  });

  it('unknown population → null (the benchmark says so); a kommun that is its whole län (Gotland) → 1', () => {
    expect(lanShare(ctx([], []), '2024')).toBeNull();
    expect(lanShare(null, '2024')).toBeNull();
    expect(lanShare(ctx([], [], 1), '2024')).toBe(1);
  });
});
