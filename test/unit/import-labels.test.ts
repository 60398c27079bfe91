import { describe, expect, it } from 'vitest';
import { normalizeGroupLabel, parseSexLabel, parseStatPeriod, resolveRegionLabel, slashYearSuggestion } from '@/lib/import/labels';
import { RowReader } from '@/lib/import/fields';
import { importContextFromFiles } from '../helpers/import-context';

const ctx = importContextFromFiles();

describe('region labels as statistics databases write them', () => {
  it.each([
    ['20 Dalarnas län', '20'],
    ['2083 Hedemora', '2083'],
    ['00 Riket', '00'],
    ['Region Dalarna', '20'],
    ['Västra Götalandsregionen', '14'],
    ['Region Skåne', '12'],
    ['Region Stockholm', '01'],
    ['Region Jönköpings län', '06'],
    ['Region Gotland', '0980'],
    ['0020', '20'],
    ['0000', '00'],
    ['Hedemora kommun', '2083'],
    ['Hedemora', '2083'],
    ['Hela landet', '00'],
    ['  2083\u00a0Hedemora ', '2083'],
  ])('%s → %s', (label, code) => {
    expect(resolveRegionLabel(ctx.regions, label)).toEqual({ ok: true, code });
  });

  it.each([
    ['2083 Falun', /stämmer inte överens/],
    ['9999 Ingenstans', /okänd regionkod/],
    ['Region Ingenstans', /okänd region/],
    ['', /saknas/],
  ])('%s is refused', (label, message) => {
    const r = resolveRegionLabel(ctx.regions, label);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toMatch(message);
  });
});

describe('sexes and groups', () => {
  it.each([
    ['Totalt', 'T'],
    ['T', 'T'],
    ['', 'T'],
    ['Kvinnor', 'K'],
    ['Män', 'M'],
    ['K', 'K'],
    ['M', 'M'],
    ['tjejer', 'K'],
    ['Killar', 'M'],
    ['Flickor', 'K'],
    ['Pojkar', 'M'],
    ['Flickor och pojkar', 'T'],
    ['X', undefined],
  ])('kön %s → %s', (label, sex) => {
    expect(parseSexLabel(label)).toBe(sex);
  });

  it.each([
    ['Gymnasiet', 'gymnasiet'],
    ['Högstadiet', 'högstadiet'],
    ['årskurs 9', 'åk 9'],
    ['Åk 8', 'åk 8'],
    ['åk9', 'åk 9'],
    ['Gymnasiet år 2', 'gy 2'],
    ['gy2', 'gy 2'],
    ['Totalt', ''],
    ['Samtliga', ''],
    ['0-20 år', '0-20 år'],
  ])('grupp %s → %s', (label, group) => {
    expect(normalizeGroupLabel(label)).toBe(group);
  });
});

describe('periods', () => {
  it.each([
    ['2024', '2024', 'year'],
    ['2019-2022', '2019–2022', 'range'],
    ['2019–2022', '2019–2022', 'range'],
    ['2026/27', '2026–2027', 'range'],
    ['2026/2027', '2026–2027', 'range'],
    ['1999/00', '1999–2000', 'range'],
    ['2016*', '2016', 'year'],
  ])('%s → %s', (label, canonical, kind) => {
    expect(parseStatPeriod(label)).toMatchObject({ label: canonical, kind });
  });

  it.each(['2026/25', '2026/29', 'vår 2024', ''])('%s is not a period', (label) => {
    expect(parseStatPeriod(label)).toBeNull();
  });

  it('the templates keep their strict form but suggest 2026–2027 for 2026/27', () => {
    expect(slashYearSuggestion('2026/27')).toBe('2026–2027');
    const r = new RowReader(4);
    expect(r.period('period', '2026/27')).toBeNull();
    expect(r.issues).toEqual([{ row: 4, column: 'period', value: '2026/27', message: 'läsår skrivs som period: ange 2026–2027' }]);
  });
});
