import { describe, expect, it } from 'vitest';
import type { IndicatorType, UnitKind } from '@/lib/catalogue/catalogue-file';
import { OBSERVATION_STATUSES, type ObservationStatus } from '@/lib/db/enums';
import { describeValue } from '@/lib/display';
import { isSmallCount, surveyVisibility } from '@/lib/stats/suppression';

const NBSP = '\u00a0';

interface Obs {
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number | null;
  status: ObservationStatus | null;
}
const obs = (o: Partial<Obs>): Obs => ({ value: null, ciLow: null, ciHigh: null, n: null, status: null, ...o });

const SURVEY = { unitKind: 'percent' as UnitKind, decimals: 1, type: 'survey' as IndicatorType };
const COUNT = { unitKind: 'count' as UnitKind, decimals: 0, type: 'count' as IndicatorType };
const RATE = { unitKind: 'per_100k' as UnitKind, decimals: 0, type: 'count' as IndicatorType };
const WASTEWATER = { unitKind: 'mg_per_1000_day' as UnitKind, decimals: 1, type: 'wastewater' as IndicatorType };
const PROCESS_COUNT = { unitKind: 'count' as UnitKind, decimals: 0, type: 'process' as IndicatorType };

// statistics.md §4: survey n < 30 hidden, 30 ≤ n < 50 flagged; register counts 1–4 shown as "<5", 0 shown.
describe('surveyVisibility', () => {
  it.each([
    [0, 'hidden'],
    [1, 'hidden'],
    [29, 'hidden'],
    [30, 'uncertain'],
    [49, 'uncertain'],
    [50, 'shown'],
    [205, 'shown'],
    [null, 'shown'], // no n known: nothing to suppress on
  ] as const)('n = %s → %s', (n, vis) => {
    expect(surveyVisibility(n)).toBe(vis);
  });
});

describe('isSmallCount', () => {
  it.each([
    ['count', 'count', 0, false],
    ['count', 'count', 1, true],
    ['count', 'count', 4, true],
    ['count', 'count', 5, false],
    ['count', 'count', null, false],
    ['survey', 'count', 3, false],
  ] as const)('%s/%s value %s → %s', (type, unit, value, small) => {
    expect(isSmallCount(type, unit, value)).toBe(small);
  });
});

describe('describeValue: surveys', () => {
  it('shows value, KI and n in sv-SE form', () => {
    const v = describeValue(obs({ value: 29.4, ciLow: 23, ciHigh: 35.8, n: 205 }), SURVEY);
    expect(v).toEqual({ text: `29,4${NBSP}%`, missing: false, detail: 'KI 23,0\u201335,8 · n = 205', flags: [] });
  });

  it('formats a large n with a no-break space', () => {
    expect(describeValue(obs({ value: 26, ciLow: 25.7, ciHigh: 26.3, n: 124000 }), SURVEY).detail).toBe(
      `KI 25,7\u201326,3 · n = 124${NBSP}000`,
    );
  });

  it.each([0, 1, 12, 29])('n = %d: value hidden as "För få svar (n < 30)"', (n) => {
    const v = describeValue(obs({ value: 12.5, ciLow: 4.1, ciHigh: 20.9, n }), SURVEY);
    expect(v.text).toBe('För få svar (n < 30)');
    expect(v.missing).toBe(true);
    expect(v.flags).toEqual([]);
    // Neither the value nor its KI (whose midpoint is the value) may show.
    const shown = `${v.text} ${v.detail ?? ''}`;
    expect(shown).not.toContain('12,5');
    expect(shown).not.toContain('4,1');
    expect(shown).not.toContain('20,9');
    expect(v.detail).toBe(`n = ${n}`);
  });

  it.each([30, 42, 49])('n = %d: shown with the flag "Osäker skattning (n < 50)"', (n) => {
    const v = describeValue(obs({ value: 12.5, n }), SURVEY);
    expect(v.text).toBe(`12,5${NBSP}%`);
    expect(v.missing).toBe(false);
    expect(v.flags).toContain('Osäker skattning (n < 50)');
    expect(v.detail).toBe(`n = ${n}`);
  });

  it.each([50, 93, 205])('n = %d: no uncertainty flag', (n) => {
    expect(describeValue(obs({ value: 38, n }), { ...SURVEY, decimals: 0 }).flags).toEqual([]);
  });

  it('a survey value without n is shown unflagged and without detail', () => {
    expect(describeValue(obs({ value: 38 }), { ...SURVEY, decimals: 0 })).toEqual({
      text: `38${NBSP}%`,
      missing: false,
      detail: null,
      flags: [],
    });
  });

  it('a preliminary value carries the flag "Preliminär"', () => {
    expect(describeValue(obs({ value: 38, n: 93, status: 'preliminary' }), SURVEY).flags).toContain('Preliminär');
  });
});

describe('describeValue: missing values are never "0"', () => {
  it('null with below_loq → "Under kvantifieringsgränsen (< LOQ)"', () => {
    const v = describeValue(obs({ value: null, status: 'below_loq' }), WASTEWATER);
    expect(v.text).toBe('Under kvantifieringsgränsen (< LOQ)');
    expect(v.missing).toBe(true);
  });

  it('null without a status → "Uppgift saknas"', () => {
    expect(describeValue(obs({}), COUNT)).toMatchObject({ text: 'Uppgift saknas', missing: true });
  });

  const types = [SURVEY, COUNT, RATE, WASTEWATER, PROCESS_COUNT];
  const cases = OBSERVATION_STATUSES.flatMap((status) => types.map((ind) => [status, ind] as const));
  it.each(cases)('null with status %s (%o) is missing and not rendered as a number', (status, ind) => {
    const v = describeValue(obs({ value: null, status, n: 100 }), ind);
    expect(v.missing).toBe(true);
    expect(v.text).not.toMatch(/^\s*[\d−-]/);
    expect(v.text).not.toBe('0');
    expect(v.text).not.toBe('<5');
  });
});

describe('describeValue: register counts', () => {
  it.each([1, 2, 3, 4])('count %d → "<5"', (value) => {
    const v = describeValue(obs({ value }), COUNT);
    expect(v.text).toBe('<5');
    expect(v.missing).toBe(false);
    expect(v.detail).toBeNull();
  });

  it.each([
    [0, '0'],
    [5, '5'],
    [17, '17'],
    [1234, `1${NBSP}234`],
  ])('count %d → %j', (value, text) => {
    expect(describeValue(obs({ value }), COUNT)).toMatchObject({ text, missing: false });
  });

  it('a rate is formatted with its thousands separator', () => {
    expect(describeValue(obs({ value: 1034 }), RATE)).toMatchObject({ text: `1${NBSP}034`, missing: false });
  });
});
