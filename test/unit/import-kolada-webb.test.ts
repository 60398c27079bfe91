import { describe, expect, it } from 'vitest';
import { analyzeFile } from '@/lib/import/analyze';
import { ImportFileError } from '@/lib/import/issues';
import { koladaKpiTable, readKoladaKpis } from '@/lib/import/kolada-kpis';
import { fixture, importContextFromFiles } from '../helpers/import-context';

/**
 * Files downloaded from Kolada's website (kolada.se, 2012: sheet "Exported from Hypergene", columns Nyckeltal,
 * Kommun/Landsting, År, Visat Värde), kept in a public analyst's repository; origin in
 * test/fixtures/import/statdb/README.md. The .xls is the file as Kolada served it.
 */
const ctx = importContextFromFiles();
const analyze = (rel: string) => analyzeFile({ fileName: rel.split('/').pop()!, bytes: fixture(rel) }, ctx);
const at = (a: Awaited<ReturnType<typeof analyze>>, region: string, period: string) =>
  a.observations.find((o) => o.regionCode === region && o.period.label === period);

describe("Kolada's website export", () => {
  it('as downloaded (BIFF8 .xls) is refused with "spara som .xlsx", naming the file', async () => {
    const bytes = fixture('kolada/kolada-webb-2012-U07452.xls');
    expect([...bytes.subarray(0, 8)]).toEqual([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    let err: unknown;
    try {
      await analyzeFile({ fileName: 'kolada-webb-2012-U07452.xls', bytes }, ctx);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ImportFileError);
    expect((err as Error).message).toMatch(/^Filen kolada-webb-2012-U07452\.xls är en äldre Excel-fil \(\.xls\)\..*spara som \.xlsx/);
  });

  it('saved as .xlsx (LibreOffice) imports through kolada_fil: every kommun of the country, by its 2012 title', async () => {
    const a = await analyze('kolada/kolada-webb-2012-U07452.xlsx');
    expect(a.adapter.id).toBe('kolada_fil');
    expect(a.issues).toEqual([]);
    // 290 kommuner × 2010 and 2011, every one named as Kolada names it ("Malung-Sälen", "Upplands-Bro" …).
    expect(a.observations).toHaveLength(580);
    expect(new Set(a.observations.map((o) => o.regionCode)).size).toBe(290);
    expect(new Set(a.observations.map((o) => o.indicatorId))).toEqual(new Set(['kolada_anm_skadegorelse_1000']));
    expect(at(a, '2083', '2011')).toMatchObject({ value: 11.3901227, sex: 'T', status: null });
    expect(at(a, '2080', '2010')).toMatchObject({ value: 13.90801432 });
    expect(at(a, '2023', '2011')).toMatchObject({ value: 13.73041965 }); // Malung-Sälen
  });

  it('a csv of U07418 for Dalarna: the 2012 title is a former title; each year is the three-year window it ends', async () => {
    const a = await analyze('kolada/kolada-webb-2012-U07418-dalarna.csv');
    expect(a.adapter.id).toBe('kolada_fil');
    expect(a.issues).toEqual([]);
    expect(a.observations).toHaveLength(75);
    expect(new Set(a.observations.map((o) => o.regionCode))).toEqual(
      new Set(['2021', '2023', '2026', '2029', '2031', '2034', '2039', '2061', '2062', '2080', '2081', '2082', '2083', '2084', '2085']),
    );
    expect(at(a, '2083', '2009–2011')).toMatchObject({ value: 13.3910902, indicatorId: 'kolada_anm_vald_3ar_1000' });
    expect(at(a, '2083', '2005–2007')).toMatchObject({ value: 9.529 });
  });

  it('the KPI table finds a title with or without "U. " and a closing full stop, and by a former title', () => {
    const t = koladaKpiTable(readKoladaKpis());
    expect(t.find('U. Anmälda brott om skadegörelse per 1 000 inv.')?.kpi).toBe('U07452');
    expect(t.find('Anmälda brott om skadegörelse per 1 000 inv')?.kpi).toBe('U07452');
    expect(t.find('U. Anmälda våldsbrott, antal/1000 inv')?.kpi).toBe('U07418');
    expect(t.find('Anmälda våldsbrott (treårsmedelvärde), antal/1000 inv')?.kpi).toBe('U07418');
    // Not to be confused with N07403 (per 100 000) or with a title that merely starts alike.
    expect(t.find('Anmälda våldsbrott, antal/100 000 inv')?.kpi).toBe('N07403');
    expect(t.find('Anmälda våldsbrott, antal')).toBeUndefined();
  });

  it('skips the comparison rows "Alla kommuner (ovägt medel)" with a note, never as riket', async () => {
    // The header and the row labels as Kolada's 2012 export wrote them (both spellings occur in one real file).
    const text = [
      'Nyckeltal;Kommun/Landsting;År;Visat Värde',
      'U. Anmälda våldsbrott, antal/1000 inv;Alla kommuner (ovägt medel);2011;6,1',
      'U. Anmälda våldsbrott, antal/1000 inv;Alla kommuner, ovägt medel;2011;6,1',
      'U. Anmälda våldsbrott, antal/1000 inv;Hedemora;2011;13,3910902',
      '',
    ].join('\r\n');
    const a = await analyzeFile({ fileName: 'kolada.csv', bytes: new TextEncoder().encode(text) }, ctx);
    expect(a.issues).toEqual([]);
    expect(a.observations.map((o) => [o.regionCode, o.period.label, o.value])).toEqual([['2083', '2009–2011', 13.3910902]]);
    expect(a.notes.join('\n')).toMatch(/1 rad för "Alla kommuner \(ovägt medel\)" lästes inte: .*inte rikets värde/);
    expect(a.notes.join('\n')).toMatch(/1 rad för "Alla kommuner, ovägt medel" lästes inte/);
  });
});
