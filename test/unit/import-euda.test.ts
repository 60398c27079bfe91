import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeFile } from '@/lib/import/analyze';
import { fixture, importContextFromFiles } from '../helpers/import-context';

const ctx = importContextFromFiles();

/** The raw daily-mean column of one source row, read with a plain split (not with the adapter). */
function rawDailyMean(year: string, metabolite: string, site: string): number {
  const line = fs
    .readFileSync('data-imports/euda/ww2025-all-data.csv', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${year},"${metabolite}","${site}"`))!;
  return Number(line.split(',').at(-1));
}

describe('EUDA all-data file through the import pipeline', () => {
  it('a Swedish Excel re-save (";", decimal comma, Windows-1252) lands the same values as the original', async () => {
    const original = await analyzeFile({ fileName: 'a.csv', bytes: fixture('euda/ww2025-se-2023-2024.csv') }, ctx);
    const resaved = await analyzeFile({ fileName: 'b.csv', bytes: fixture('euda/ww2025-se-2023-2024-excel.csv') }, ctx);
    expect(resaved.adapter.id).toBe('euda');
    expect(resaved.encoding).toBe('windows-1252');
    expect(resaved.issues).toEqual([]);
    expect(resaved.observations).toEqual(original.observations);
    expect(resaved.notes).toEqual(['3 rader gäller reningsverk utanför Sverige och importerades inte.']);
  });

  it('imports the published means on the site kommun, and below-LOQ as a status', async () => {
    const a = await analyzeFile({ fileName: 'b.csv', bytes: fixture('euda/ww2025-se-2023-2024-excel.csv') }, ctx);
    const find = (ind: string, site: string, year: string, grp = '') =>
      a.observations.find((o) => o.indicatorId === ind && o.site === site && o.period.label === year && o.grp === grp);
    expect(find('euda_ref_kokain', 'SE012', '2023')).toMatchObject({ regionCode: '0780', value: rawDailyMean('2023', 'cocaine', 'SE012') });
    expect(find('euda_ref_amfetamin', 'SE002', '2024')).toMatchObject({
      regionCode: '2180',
      value: rawDailyMean('2024', 'amphetamine', 'SE002'),
    });
    expect(find('euda_ref_mdma', 'SE009', '2024')).toMatchObject({ value: null, status: 'below_loq' });
    expect(find('euda_ref_mdma', 'SE002', '2024', 'helg')?.value).toBe(20.05);
  });
});
