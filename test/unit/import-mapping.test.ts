import { describe, expect, it } from 'vitest';
import { analyzeFile, MappingNeededError } from '@/lib/import/analyze';
import { ImportFileError } from '@/lib/import/issues';
import { applyMapping, findHeader, guessMapping, headerSignature, mappingGaps, parseMapArg } from '@/lib/import/mapping';
import { loadKoladaKpis } from '@/lib/import/kolada-kpis';
import { parseDelimited } from '@/lib/import/table';
import { readWorkbook } from '@/lib/import/xlsx';
import { fixture, importContextFromFiles } from '../helpers/import-context';

const ctx = importContextFromFiles();
const analyze = (rel: string, extra: Partial<Parameters<typeof analyzeFile>[0]> = {}) =>
  analyzeFile({ fileName: rel.split('/').pop()!, bytes: fixture(rel), ...extra }, ctx);
const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    return err as ImportFileError;
  }
  throw new Error('expected a refusal');
};
const key = (o: { indicatorId: string; regionCode: string; period: { label: string }; sex?: string; grp?: string }) =>
  `${o.indicatorId} ${o.regionCode} ${o.period.label} ${o.sex ?? 'T'} ${o.grp ?? ''}`;

describe('Kolada tables (rKolada) import without a template', () => {
  it('reads the long form: KPI ids through kolada-kpis.json, Kolada area ids, NA as missing, a moving mean as its window', async () => {
    const a = await analyze('kolada/rkolada-long.csv');
    expect(a.adapter.id).toBe('kolada_fil');
    expect(a.issues).toEqual([]);
    expect(a.observations.map(key)).toEqual([
      'kolada_anm_vald_100k 2083 2022 T ',
      'kolada_anm_vald_100k 2083 2023 T ',
      'kolada_anm_vald_100k 20 2023 T ',
      'kolada_anm_vald_100k 00 2023 T ',
      'kolada_anm_brott_100k 2083 2023 T ',
      'kolada_anm_brott_100k 20 2023 T ',
      // U07418 is a three-year mean (pooledYears 3 in kolada-kpis.json): Kolada's 2023 is the window 2021–2023, as the live fetch stores it.
      'kolada_anm_vald_3ar_1000 2083 2021–2023 T ',
    ]);
    expect(a.observations[1]).toMatchObject({ value: 1187.9, status: null });
    expect(a.observations[5]).toMatchObject({ value: null, status: 'missing' });
    expect(a.observations[6]).toMatchObject({ value: 11.2, period: { kind: 'range', start: '2021-01-01', end: '2023-12-31' } });
  });

  it('reads the Swedish Excel re-save (Windows-1252, decimal comma, ids without leading zeros) to the same observations', async () => {
    const [utf8, excel] = await Promise.all([analyze('kolada/rkolada-long.csv'), analyze('kolada/rkolada-long-excel.csv')]);
    expect(excel.delimiter).toBe(';');
    expect(excel.observations).toEqual(utf8.observations);
  });

  it('reads the same table saved as .xlsx by writexl (an empty cell where R had NA)', async () => {
    const [csv, xlsx] = await Promise.all([analyze('kolada/rkolada-long.csv'), analyze('kolada/rkolada-long.xlsx')]);
    expect(xlsx.adapter.id).toBe('kolada_fil');
    expect(xlsx.issues).toEqual([]);
    expect(xlsx.observations).toEqual(csv.observations);
  });

  it('reads the wide form (write.csv2, a column per gender): NA columns give no value, T gives the total', async () => {
    const a = await analyze('kolada/rkolada-wide.csv');
    expect(a.issues).toEqual([]);
    expect(a.observations.map((o) => [key(o), o.value])).toEqual([
      ['kolada_anm_vald_100k 2083 2023 T ', 1187.9],
      ['kolada_anm_vald_100k 20 2023 T ', 1032.6],
      ['kolada_anm_vald_100k 00 2023 T ', 1061.2],
    ]);
  });

  it("a table laid out as Kolada's website export (built from the documented columns) imports without a template", async () => {
    const a = await analyze('kolada/kolada-webb-lang.csv');
    expect(a.adapter.id).toBe('kolada_fil');
    expect(a.encoding).toBe('windows-1252');
    expect(a.issues).toEqual([]);
    expect(a.observations.map((o) => [key(o), o.value, o.status])).toEqual([
      ['kolada_anm_vald_100k 2083 2023 T ', 1187.9, null],
      ['kolada_anm_vald_100k 2083 2024 T ', 1204.6, null],
      ['kolada_anm_vald_100k 20 2024 T ', 1019.8, null],
      ['kolada_anm_vald_100k 00 2024 T ', 1049.3, null],
      ['kolada_anm_brott_100k 2083 2024 T ', 9702.5, null],
      // An empty "Visat värde" is no value (missing), never 0.
      ['kolada_anm_brott_100k 20 2024 T ', null, 'missing'],
    ]);
  });

  it('and with one column per year, Kön as Totalt/Kvinnor/Män, a title above and a source line below (xlsx)', async () => {
    const a = await analyze('kolada/kolada-webb-bred.xlsx');
    expect(a.adapter.id).toBe('kolada_fil');
    expect(a.issues).toEqual([]);
    const got = new Map(a.observations.map((o) => [key(o), o.value]));
    expect(got.get('kolada_lagforda_15_17_1000 2083 2023 T ')).toBe(21.4);
    expect(got.get('kolada_lagforda_15_17_1000 2083 2022 K ')).toBe(8.1);
    expect(got.get('kolada_lagforda_15_17_1000 2083 2024 M ')).toBe(31.5);
    expect(got.get('kolada_lagforda_15_17_1000 20 2024 T ')).toBe(18.1);
    // The empty cell (Hedemora, kvinnor, 2024) gives no value; 4 rows × 3 years − 1.
    expect(got.has('kolada_lagforda_15_17_1000 2083 2024 K ')).toBe(false);
    expect(a.observations).toHaveLength(11);
    expect(a.notes.join(' ')).toMatch(/rad(er)? med noter/);
  });

  it('U07417 is a three-year period in Kolada ("år T-2 till år T"): its year 2023 lands as 2021–2023, like U07418', async () => {
    const bytes = new TextEncoder().encode('kpi,municipality_id,year,gender,value\nU07417,2083,2023,T,45.1\nU07418,2083,2023,T,8.4\n');
    const a = await analyzeFile({ fileName: 'u.csv', bytes }, ctx);
    expect(a.issues).toEqual([]);
    expect(a.observations.map((o) => [key(o), o.value])).toEqual([
      ['kolada_anm_stold_1000 2083 2021–2023 T ', 45.1],
      ['kolada_anm_vald_3ar_1000 2083 2021–2023 T ', 8.4],
    ]);
  });

  it('older KKiK titles with Kolada\'s "U. " prefix are the same KPI', () => {
    expect(loadKoladaKpis().find('U. Anmälda stöld- och tillgreppsbrott, antal/1000 inv')?.kpi).toBe('U07417');
  });

  it('the KPI table has the KPIs the issue names, each with a title', () => {
    const t = loadKoladaKpis();
    for (const id of ['N07403', 'N07540', 'N07402', 'U07418', 'U07417', 'U07452', 'N02905']) expect(t.find(id)?.title, id).toBeTruthy();
    for (const k of t.list) if (k.indicator) expect(ctx.indicators.has(k.indicator), k.kpi).toBe(true);
    expect(t.find('Anmälda våldsbrott, antal/100 000 inv')?.kpi).toBe('N07403');
  });
});

describe('a file that is nearly a long table is offered a mapping, not refused', () => {
  it('PxWeb (Folkhälsomyndigheten): every column role guessed from the header below the title; only the indicator is asked for', async () => {
    const err = await refusal(analyze('pxweb/fohm-otrygghet-lan-kommun.csv'));
    expect(err).toBeInstanceOf(MappingNeededError);
    const offer = (err as MappingNeededError).offer;
    expect(offer.headers[0]).toBe('Region');
    expect(offer.suggestion.columns).toEqual({
      region: 'Region',
      sex: 'Kön',
      period: 'År',
      value: 'Andel',
      ciLow: 'Konfidensintervall nedre gräns',
      ciHigh: 'Konfidensintervall övre gräns',
      n: 'Antal svar',
    });
    expect(offer.gaps).toEqual(['indikatorn']);
    expect(offer.sample[0]).toEqual(['00 Riket', 'Totalt', '2019-2022', '20,1', '19,8', '20,4', '137204']);
    expect(err.message).not.toMatch(/Närmast: NTU/);
  });

  it('reads PxWeb with the mapping: code-and-name regions, pooled periods, KI, n, sexes, ".." as suppressed', async () => {
    const err = (await refusal(analyze('pxweb/fohm-otrygghet-lan-kommun.csv'))) as MappingNeededError;
    const a = await analyze('pxweb/fohm-otrygghet-lan-kommun.csv', { mapping: { ...err.offer.suggestion, indicator: 'ntu_otrygg_kvall' } });
    expect(a.issues).toEqual([]);
    expect(a.mapping).toMatchObject({ origin: 'given', signature: err.offer.signature });
    expect(a.observations.map(key)).toEqual([
      'ntu_otrygg_kvall 00 2019–2022 T ',
      'ntu_otrygg_kvall 20 2019–2022 T ',
      'ntu_otrygg_kvall 20 2019–2022 K ',
      'ntu_otrygg_kvall 20 2019–2022 M ',
      'ntu_otrygg_kvall 2083 2019–2022 T ',
      'ntu_otrygg_kvall 2083 2019–2022 K ',
    ]);
    expect(a.observations[4]).toMatchObject({ value: 18.8, ciLow: 14.9, ciHigh: 22.7, n: 402 });
    expect(a.observations[5]).toMatchObject({ value: null, status: 'suppressed', n: 207 });
  });

  it('a wide PxWeb table (years as columns) is offered one value column per year', async () => {
    const err = (await refusal(analyze('pxweb/scb-brott-ar-kolumner.csv'))) as MappingNeededError;
    expect(err.offer.suggestion.wide?.map((w) => w.period)).toEqual(['2021', '2022', '2023']);
    const a = await analyze('pxweb/scb-brott-ar-kolumner.csv', { mapping: { ...err.offer.suggestion, indicator: 'sspf_unga' } });
    expect(a.issues).toEqual([]);
    expect(a.observations.map((o) => `${o.regionCode} ${o.period.label} ${o.value}`)).toEqual([
      '2083 2021 21.4',
      '2083 2022 18.9',
      '2083 2023 23.1',
      '20 2021 17.2',
      '20 2022 16.8',
      '20 2023 18',
    ]);
  });

  it("Region Dalarna's Lupp extract with the CLI's --map and --scale: fractions become percent, school stages become groups", async () => {
    const { columns, errors } = parseMapArg('region=Boendekommun;period=År;value=andel;grupp=Undersökning;kön=Kön;n=antal_svarande');
    expect(errors).toEqual([]);
    const a = await analyze('lupp/region-dalarna-lupp-extrakt.csv', { mapping: { indicator: 'lupp_trygg_kvall', columns, scale: 100 } });
    expect(a.issues).toEqual([]);
    expect(a.observations.map((o) => [key(o), o.value, o.n])).toEqual([
      ['lupp_trygg_kvall 2083 2023 T högstadiet', 84.2, 265],
      ['lupp_trygg_kvall 2083 2023 K högstadiet', 78.1, 131],
      ['lupp_trygg_kvall 2083 2023 M högstadiet', 90.3, 134],
      ['lupp_trygg_kvall 2083 2023 T gymnasiet', 86.6, 188],
      ['lupp_trygg_kvall 20 2023 T gymnasiet', 87.1, 4120],
    ]);
    expect(a.notes.join(' ')).toMatch(/multiplicerades med 100/);
  });

  it('MUCF: title and footer rows skipped with a note, årskurs 9 and 2026/27 read as statistics databases write them', async () => {
    const err = (await refusal(analyze('mucf/mucf-lupp-export.csv'))) as MappingNeededError;
    const a = await analyze('mucf/mucf-lupp-export.csv', { mapping: { ...err.offer.suggestion, indicator: 'lupp_hotad' } });
    expect(a.issues).toEqual([]);
    expect(a.observations.map(key)).toEqual([
      'lupp_hotad 2083 2026–2027 T åk 9',
      'lupp_hotad 2083 2026–2027 K åk 9',
      'lupp_hotad 2083 2026–2027 M åk 9',
      'lupp_hotad 2083 2026–2027 T gy 2',
    ]);
    expect(a.observations[3]).toMatchObject({ value: null, status: 'suppressed', n: 14 });
    expect(a.notes.join(' ')).toMatch(/2 rader med noter/);
    expect(a.notes.join(' ')).toMatch(/2026\/27 lästes som 2026–2027/);
  });

  it("Socialstyrelsen's statistics-database workbook: title rows above the header, footnotes below", async () => {
    const err = (await refusal(analyze('socialstyrelsen/statistikdatabas-export.xlsx'))) as MappingNeededError;
    expect(err.offer.sheet).toBe('Statistikdatabasen');
    expect(err.offer.suggestion.columns).toMatchObject({ region: 'Region', period: 'År', sex: 'Kön', group: 'Ålder', value: 'Värde' });
    const a = await analyze('socialstyrelsen/statistikdatabas-export.xlsx', {
      mapping: {
        ...err.offer.suggestion,
        columns: { ...err.offer.suggestion.columns, group: undefined },
        indicator: 'soc_orosanm_forskola',
      },
    });
    expect(a.issues).toEqual([]);
    expect(a.observations.map((o) => `${key(o)} ${o.value}`)).toEqual([
      'soc_orosanm_forskola 2083 2023 T  12.4',
      'soc_orosanm_forskola 2083 2024 T  13.1',
      'soc_orosanm_forskola 2083 2024 K  11.8',
      'soc_orosanm_forskola 20 2024 T  10.2',
      'soc_orosanm_forskola 00 2024 T  9.7',
    ]);
  });

  it('Brå statistics-database rows: two value columns become two indicators (count and rate) in one wide mapping', async () => {
    const a = await analyze('bra/bra-statistikdatabas-rader.csv', {
      mapping: {
        columns: { region: 'Region', period: 'År' },
        wide: [
          { column: 'Antal', indicator: 'bra_anm_skadegorelse' },
          { column: 'Antal per 100 000 invånare', indicator: 'bra_anm_skadegorelse_100k' },
        ],
      },
    });
    expect(a.issues).toEqual([]);
    expect(a.observations.filter((o) => o.regionCode === '2083' && o.period.label === '2024').map((o) => [o.indicatorId, o.value])).toEqual(
      [
        ['bra_anm_skadegorelse', 388],
        ['bra_anm_skadegorelse_100k', 2551],
      ],
    );
    expect(a.observations.find((o) => o.regionCode === '00' && o.indicatorId === 'bra_anm_skadegorelse')?.value).toBe(190574);
  });

  it('a mapping saved under the header signature is applied automatically (and shown as saved)', async () => {
    const err = (await refusal(analyze('pxweb/fohm-otrygghet-lan-kommun.csv'))) as MappingNeededError;
    const saved = new Map([
      [
        err.offer.signature,
        {
          signature: err.offer.signature,
          headers: err.offer.headers,
          mapping: { ...err.offer.suggestion, indicator: 'ntu_otrygg_kvall' },
          fileName: 'x.csv',
          updatedBy: 'anna@hedemora.se',
          updatedAt: '2026-12-01T10:00:00.000Z',
        },
      ],
    ]);
    const a = await analyze('pxweb/fohm-otrygghet-lan-kommun.csv', { savedMappings: saved });
    expect(a.adapter.id).toBe('kolumnmappning');
    expect(a.mapping).toMatchObject({ origin: 'saved', savedBy: 'anna@hedemora.se' });
    expect(a.observations).toHaveLength(6);
  });
});

describe('mapping details', () => {
  it('finds the header below title rows and signs it without regard to case and accents', () => {
    const t = parseDelimited('"Titel, med komma"\n\nRegion;År;Värde\nHedemora;2024;3\n', 'x.csv');
    const h = findHeader(t)!;
    expect(h.headers).toEqual(['Region', 'År', 'Värde']);
    expect(headerSignature(h)).toBe(headerSignature(findHeader(parseDelimited('REGION;ar;varde\nx;1;2\n', 'y.csv'))!));
    expect(headerSignature(h)).not.toBe(headerSignature(findHeader(parseDelimited('Region;År;Andel\nx;1;2\n', 'y.csv'))!));
    expect(mappingGaps(guessMapping(h))).toEqual(['indikatorn']);
  });

  it('reports every problem of a row, not only the first', () => {
    const t = parseDelimited('Region;År;Kön;Värde;n\nIngenstans;20x4;Okänt;tolv;-3\n', 'x.csv');
    const r = applyMapping(
      t,
      { indicator: 'sspf_unga', columns: { region: 'Region', period: 'År', sex: 'Kön', value: 'Värde', n: 'n' } },
      ctx,
    );
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([
      [2, 'Region'],
      [2, 'År'],
      [2, 'Kön'],
      [2, 'n'],
      [2, 'Värde'],
    ]);
  });

  it('refuses a mapping that names a missing column or an unknown indicator, saying which', () => {
    const t = parseDelimited('Region;År;Värde\nHedemora;2024;3\n', 'x.csv');
    const r = applyMapping(t, { indicator: 'finns_inte', columns: { region: 'Kommun', period: 'År', value: 'Värde' } }, ctx);
    expect(r.issues.map((i) => i.message).join(' | ')).toMatch(/kolumnen "Kommun" finns inte i rubrikraden.*\| okänd indikator/);
    expect(r.observations).toEqual([]);
  });

  it('a wrong mapping is reported as such by the whole pipeline, not as an empty file', async () => {
    const a = await analyze('mucf/mucf-lupp-export.csv', {
      mapping: { indicator: 'lupp_hotad', columns: { region: 'Boendekommun', period: 'Läsår', value: 'Andel (%)' } },
    });
    expect(a.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/kolumnen "Boendekommun" finns inte i rubrikraden \(Kommun, Läsår/),
    ]);
    expect(a.mapping?.origin).toBe('given');
  });

  it("parses the CLI's --map and names what is wrong", () => {
    expect(parseMapArg('region=Boendekommun;period=År;ki_låg=Nedre;KI_HÖG=Övre;kön=Kön')).toEqual({
      columns: { region: 'Boendekommun', period: 'År', ciLow: 'Nedre', ciHigh: 'Övre', sex: 'Kön' },
      errors: [],
    });
    expect(parseMapArg('färg=Blå;region').errors).toEqual([
      expect.stringMatching(/okänd roll "färg"/),
      expect.stringMatching(/skriv roll=kolumn/),
    ]);
  });
});

describe('messages that point the right way', () => {
  it.each([
    ['euda/ww2025-site-info-table.csv', /platsförteckning/],
    ['euda/ww2025-changes-all-substances.csv', /förändringsfil/],
    ['euda/ww2025-aggregated-trends.csv', /sammanvägda trender/],
  ])('EUDA companion %s is told to use …-all-data.csv', async (rel, what) => {
    const err = await refusal(analyze(rel));
    expect(err).not.toBeInstanceOf(MappingNeededError);
    expect(err.message).toMatch(what);
    expect(err.message).toMatch(/ww2025-all-data\.csv/);
  });

  it('the nearest source is the one whose columns match: a generic file without "indikator" is not "Närmast: NTU"', async () => {
    const bytes = new TextEncoder().encode('region;period;värde;kommentar\n2083;2021–2022;3;x\n');
    const err = await refusal(analyzeFile({ fileName: 'x.csv', bytes }, ctx));
    expect(err.message).toMatch(/Närmast: Generiskt format \(Trygghetslägets mall\) \(4 kolumner känns igen\), men "indikator" saknas/);
    const wide = new TextEncoder().encode('Kommun;2021–2022;2023–2024\nHedemora;21;22\n');
    expect((await refusal(analyzeFile({ fileName: 'y.csv', bytes: wide }, ctx))).message).not.toMatch(/Närmast: NTU/);
    // An rKolada file that lost its value column: nearest is the Kolada table, with what it lacks.
    const kolada = new TextEncoder().encode('kpi,municipality_id,year,gender,municipality\nN07403,2083,2023,T,Hedemora\n');
    expect((await refusal(analyzeFile({ fileName: 'k.csv', bytes: kolada }, ctx))).message).toMatch(
      /Närmast: Kolada \(tabell: rKolada eller export, csv\/xlsx\) \(3 kolumner känns igen\), men "value" saknas/,
    );
    const web = new TextEncoder().encode('Nyckeltal;Kommun;Kön\nN07403;Hedemora;T\n');
    expect((await refusal(analyzeFile({ fileName: 'w.csv', bytes: web }, ctx))).message).toMatch(/Närmast: Kolada \(tabell/);
  });

  it('a genuine .xls (an OLE2/BIFF compound file) is told to be saved as .xlsx; it is never called damaged', async () => {
    // The compound-file signature every BIFF workbook begins with, followed by a sector of zeros.
    const xls = new Uint8Array(1024);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const err = await refusal(analyzeFile({ fileName: 'gammal.xls', bytes: xls }, ctx));
    expect(err.message).toMatch(/äldre Excel-fil \(\.xls\).*spara som \.xlsx/);
    expect(err.message).not.toMatch(/skadad/);
  });

  it('a real BIFF8 workbook (LibreOffice\'s "MS Excel 97" export of Brå\'s Hedemora.xlsx) gets the same message', async () => {
    const bytes = fixture('xls/Hedemora-biff8.xls');
    expect([...bytes.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    for (const fileName of ['Hedemora.xls', 'Hedemora.xlsx', 'Hedemora.csv']) {
      const err = await refusal(analyzeFile({ fileName, bytes }, ctx));
      expect(err).not.toBeInstanceOf(MappingNeededError);
      expect(err.message).toMatch(/äldre Excel-fil \(\.xls\).*spara som \.xlsx/);
      expect(err.message).not.toMatch(/skadad|ingen textfil/);
    }
  });

  it("the same workbook saved back to .xlsx by LibreOffice reads to exactly the original workbook's observations", async () => {
    const [orig, back] = await Promise.all([analyze('bra-lagesbild/Hedemora.xlsx'), analyze('xls/Hedemora-libreoffice.xlsx')]);
    expect(back.adapter.id).toBe('bra_lagesbild');
    expect(back.issues).toEqual([]);
    const k = (o: (typeof orig.observations)[number]) =>
      JSON.stringify([o.indicatorId, o.regionCode, o.period.label, o.value, o.ciLow ?? null, o.ciHigh ?? null, o.n ?? null]);
    expect(back.observations.length).toBeGreaterThan(1000);
    expect(back.observations.map(k).sort()).toEqual(orig.observations.map(k).sort());
  });
});

describe('xlsx written by .NET Open XML', () => {
  it("is a file exceljs alone cannot read (the fixture shows the problem), and Excel's own files are left alone", async () => {
    const { default: Excel } = await import('exceljs');
    const wb = new Excel.Workbook();
    const bytes = fixture('xlsx/openxml-dotnet.xlsx');
    const loaded = await wb.xlsx.load(new Uint8Array(bytes).buffer).then(
      () => wb.worksheets.length,
      () => 0,
    );
    expect(loaded).toBe(0);
    const { repairXlsx } = await import('@/lib/import/xlsx-repair');
    expect(await repairXlsx(bytes)).not.toBeNull();
    expect(await repairXlsx(fixture('ntu/hedemora-otrygghet.xlsx'))).toBeNull();
  });

  it('reads absolute part names, x: prefixes and inline strings, in memory and streamed alike', async () => {
    const bytes = fixture('xlsx/openxml-dotnet.xlsx');
    const whole = await readWorkbook(bytes, 'a.xlsx');
    const streamed = await readWorkbook(bytes, 'a.xlsx', undefined, 0);
    expect(whole).toEqual(streamed);
    expect(whole[0]!.name).toBe('Export');
    expect(whole[0]!.rows[3]!.cells.slice(0, 6)).toEqual(['huskurage_anslutna', '2083 Hedemora', '2025', '', '', '412']);
    const a = await analyze('xlsx/openxml-dotnet.xlsx');
    expect(a.issues).toEqual([]);
    expect(a.observations.map((o) => [o.indicatorId, o.regionCode, o.value])).toEqual([
      ['est_lagesbildsmoten', '2083', 11],
      ['sspf_unga', '2083', 7],
      ['huskurage_anslutna', '2083', 412],
    ]);
  });
});

describe('the NTU template', () => {
  it('is listed beside the others and its example row is refused until replaced', async () => {
    const { TEMPLATES } = await import('@/lib/import/templates');
    expect(TEMPLATES.map((t) => t.file)).toContain('ntu.csv');
    const fs = await import('node:fs');
    const a = await analyzeFile({ fileName: 'ntu.csv', bytes: new Uint8Array(fs.readFileSync('data-imports/templates/ntu.csv')) }, ctx);
    expect(a.adapter.id).toBe('generic');
    expect(a.issues.map((i) => i.column)).toEqual(['kommentar']);
    expect(a.observations).toEqual([]);
  });
});

describe('every problem in a row', () => {
  it('EUDA: an unknown substance and two bad numbers on one row are three issues on that row', async () => {
    const head =
      '"Year","Metabolite","Site ID","Country","City","Wednesday","Thursday","Friday","Saturday","Sunday","Monday","Tuesday","Weekday mean","Weekend mean","Daily mean"';
    const bytes = new TextEncoder().encode(`${head}\n2024,"heroin","SE002","SE","Gävle",1,x,1,1,1,1,1,1,1,abc\n`);
    const a = await analyzeFile({ fileName: 'ww2025-all-data.csv', bytes }, ctx);
    expect(a.issues.map((i) => [i.row, i.column, i.value])).toEqual([
      [2, 'Metabolite', 'heroin'],
      [2, 'Thursday', 'x'],
      [2, 'Daily mean', 'abc'],
    ]);
  });

  it.each([
    [
      'generic',
      'g.csv',
      'indikator;region;period;kön;grupp;värde;ki_låg;ki_hög;n;status;kommentar\nsn_brott_paverkar_foretag;Ingenstans;20x3;Okänt;;tolv;;;-3;;\n',
      ['region', 'period', 'kön', 'värde', 'n'],
    ],
    [
      'lupp',
      'l.csv',
      'år;region;årskurs;kön;indikator;andel;antal_svarande;svarsfrekvens;kommentar\n20x1;Ingenstans;åk 8;okänt;lupp_hotad;tolv;-60;800;\n',
      ['år', 'region', 'kön', 'andel', 'antal_svarande', 'svarsfrekvens'],
    ],
    [
      'svenskt_naringsliv',
      's.csv',
      'år;region;andel;antal_svarande;svarsalternativ;kommentar\n20x3;Ingenstans;tolv;-93;i hög eller mycket hög utsträckning;\n',
      ['år', 'region', 'andel', 'antal_svarande'],
    ],
    [
      'rise',
      'r.csv',
      'kommunkod;kommun;reningsverk;provdatum;säsong;substans;enhet;värde;flagga;rapportnummer;kommentar\n9999;Hedemora;Hedemora reningsverk;2024-13-16;vår;Okänd;Total halt (mg) per 1000 inv. & 24 h;x;konstig;;\n',
      ['kommunkod', 'provdatum', 'substans', 'värde', 'flagga'],
    ],
    [
      'bra_anmalda',
      'Anmälda brott kommunerna 2024.csv',
      'Kommun;Antal;Per 100 000 inv.\nIngenstans kommun;x;y\n',
      ['Kommun', 'Antal', 'Per 100 000 inv.'],
    ],
  ])('%s: every problem of one row is listed, each with its column', async (adapter, fileName, text, columns) => {
    const a = await analyzeFile({ fileName, bytes: new TextEncoder().encode(text) }, ctx);
    expect(a.adapter.id).toBe(adapter);
    expect(a.issues.every((i) => i.row === 2)).toBe(true);
    expect(a.issues.map((i) => i.column).sort()).toEqual([...columns].sort());
    expect(a.observations).toEqual([]);
  });
});
