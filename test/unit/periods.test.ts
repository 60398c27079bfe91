import { describe, expect, it } from 'vitest';
import { parsePeriod, periodsOverlap } from '@/lib/periods';

const EN_DASH = '\u2013';

describe('parsePeriod', () => {
  it.each([
    ['2024', { label: '2024', kind: 'year', start: '2024-01-01', end: '2024-12-31' }],
    ['1996', { label: '1996', kind: 'year', start: '1996-01-01', end: '1996-12-31' }],
    [' 2024 ', { label: '2024', kind: 'year', start: '2024-01-01', end: '2024-12-31' }],
  ])('single year %j', (input, expected) => {
    expect(parsePeriod(input)).toEqual(expected);
  });

  // Pooled NTU periods are written with a hyphen or an en dash (data-sources.md §8.5); both are one label.
  it.each(['2021-2022', '2021\u20132022', '2021 - 2022', '2021 \u2013 2022'])('range %j → "2021–2022"', (input) => {
    expect(parsePeriod(input)).toEqual({ label: `2021${EN_DASH}2022`, kind: 'range', start: '2021-01-01', end: '2022-12-31' });
  });

  it('the range label uses an en dash (U+2013), not a hyphen', () => {
    const label = parsePeriod('2019-2020')!.label;
    expect(label.charCodeAt(4)).toBe(0x2013);
    expect(label).not.toContain('-');
  });

  it('a multi-year range spans from the first January to the last December', () => {
    expect(parsePeriod('2017-2020')).toEqual({ label: `2017${EN_DASH}2020`, kind: 'range', start: '2017-01-01', end: '2020-12-31' });
  });

  it.each([
    ['2024-04-16', '2024-04-16'],
    ['2024-02-29', '2024-02-29'], // leap day
    ['2022-10-11', '2022-10-11'],
  ])('date %j', (input, iso) => {
    expect(parsePeriod(input)).toEqual({ label: iso, kind: 'date', start: iso, end: iso });
  });

  it.each([
    '2022\u20132021', // reversed range
    '2022-2021',
    '2024-02-30', // no such day
    '2023-02-29', // not a leap year
    '2024-13-01',
    '2024-00-10',
    '2024-04-31',
    'abc',
    '20245',
    '202',
    '',
    '   ',
    '2024-4-16',
    '2021\u20132022\u20132023',
  ])('invalid %j → null', (input) => {
    expect(parsePeriod(input)).toBeNull();
  });
});

describe('periodsOverlap', () => {
  const p = (label: string) => {
    const period = parsePeriod(label);
    if (!period) throw new Error(`fixture period ${label} does not parse`);
    return period;
  };

  it.each([
    // Pooled NTU periods sharing a year share respondents.
    ['2021–2022', '2022–2023', true],
    ['2019–2020', '2021–2022', false],
    ['2017–2018', '2019–2020', false],
    ['2021–2022', '2021–2022', true],
    ['2022', '2021–2022', true],
    ['2023', '2021–2022', false],
    ['2024-04-16', '2024', true],
    ['2024-04-16', '2023–2024', true],
    ['2024-04-16', '2025', false],
    ['2024-12-31', '2024', true],
    ['2025-01-01', '2024', false],
    ['2015–2018', '2016–2017', true],
  ])('%s vs %s → %s', (a, b, expected) => {
    expect(periodsOverlap(p(a), p(b))).toBe(expected);
    // Overlap is symmetric.
    expect(periodsOverlap(p(b), p(a))).toBe(expected);
  });
});
