import { beforeAll, describe, expect, it } from 'vitest';
import type { AdapterResult, ParsedObservation } from '@/lib/import/adapter';
import type { ImportContext } from '@/lib/import/context';
import { decodeText } from '@/lib/import/decode';
import { BRA_TOTAL_INDICATOR, braAnmaldaAdapter, stadsdelCity, yearFromFileName } from '@/lib/import/sources/bra-anmalda';
import { GENERIC_TEMPLATE_HEADER, genericAdapter } from '@/lib/import/sources/generic';
import { koladaAdapter, koladaKpiIndicators, koladaRegionCode } from '@/lib/import/sources/kolada';
import { parseDelimited, type Table } from '@/lib/import/table';
import { braRows, buildFixtures, FILES, kommunList, MISSPELT, type BraRow } from '@/test/fixtures/import/bra/make-fixtures';
import { fixture, importContextFromFiles } from '@/test/helpers/import-context';
import { readRepoFile } from './_fixtures';

const kommunCsv = readRepoFile('data-imports/regions/kommuner.csv');
const kommuner = kommunList(kommunCsv);

let ctx: ImportContext;
beforeAll(() => {
  ctx = importContextFromFiles();
});

/** A fixture as the upload pipeline reads it: bytes → decodeText → parseDelimited (Table name = file name). */
function csvTable(rel: string, name = rel.split('/').pop()!): { table: Table; encoding: string } {
  const { text, encoding } = decodeText(fixture(rel), name);
  return { table: parseDelimited(text, name), encoding };
}

function jsonTable(rel: string): Table {
  const { text } = decodeText(fixture(rel), rel);
  return { name: rel.split('/').pop()!, rows: [], json: JSON.parse(text) as unknown };
}

/** An in-memory CSV (CRLF, as Brå writes it). */
function inline(lines: string[], name = 'Anmälda brott kommunerna 2024.csv'): Table {
  return parseDelimited(lines.join('\r\n'), name);
}

const obsFor = (r: AdapterResult, code: string) => r.observations.filter((o) => o.regionCode === code);
function one(r: AdapterResult, code: string, where: Partial<ParsedObservation> = {}): ParsedObservation {
  const found = obsFor(r, code).filter((o) =>
    Object.entries(where).every(([k, v]) => JSON.stringify(o[k as keyof ParsedObservation]) === JSON.stringify(v)),
  );
  expect(found, `observations for ${code} ${JSON.stringify(where)}`).toHaveLength(1);
  return found[0]!;
}

describe('Brå fixtures', () => {
  it('the committed files are exactly what make-fixtures.ts writes', () => {
    for (const f of buildFixtures(kommunCsv)) {
      expect(Buffer.from(fixture(`bra/${f.name}`)).equals(Buffer.from(f.bytes)), f.name).toBe(true);
    }
  });

  it('are in the published layouts: BOM + CRLF, or Windows-1252 without BOM for the Excel re-save', () => {
    const y2024 = fixture(`bra/${FILES.y2024}`);
    expect([...y2024.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(Buffer.from(y2024).toString('utf8')).toContain('\r\nMalung–Sälen;');
    expect(Buffer.from(y2024).toString('utf8').replace(/\r\n/g, '')).not.toMatch(/\n/);
    const excel = fixture(`bra/${FILES.excel2024}`);
    expect(excel[0]).toBe('K'.charCodeAt(0));
    expect(excel.includes(0x96)).toBe(true); // en dash in Windows-1252
    expect(excel.includes(0xa0)).toBe(true); // no-break space as thousands separator
    expect(Buffer.from(fixture(`bra/${FILES.y2021}`)).toString('utf8')).toMatch(/^\uFEFFAle kommun;\d+;\d+\r\n/);
  });
});

describe('Brå anmälda brott, 2024 file (header, UTF-8 with BOM)', () => {
  let table: Table;
  let result: AdapterResult;
  const expected = () => braRows(kommunCsv, 2024);

  beforeAll(() => {
    const read = csvTable(`bra/${FILES.y2024}`);
    expect(read.encoding).toBe('utf-8-bom');
    table = read.table;
    result = braAnmaldaAdapter.parse(table, ctx);
  });

  it('is recognised with certainty from its header', () => {
    expect(table.delimiter).toBe(';');
    expect(table.rows[0]!.cells).toEqual(['Kommun', 'Antal', 'Per 100 000 inv.']);
    expect(braAnmaldaAdapter.detect(table)).toMatchObject({ score: 1, missing: [] });
  });

  it('reads every row without problems; stadsdel rows are skipped with a note', () => {
    expect(result.issues).toEqual([]);
    expect(result.rows).toBe(expected().length);
    expect(result.observations).toHaveLength(290 + 1);
    const stadsdelar = expected().filter((r) => r.kind === 'stadsdel');
    expect(stadsdelar).toHaveLength(7);
    expect(result.notes).toEqual([expect.stringContaining('7 rader för stadsdelar (Stockholm, Göteborg, Malmö)')]);
  });

  it("puts every kommun on its own code with the generator's Antal and per 100 000", () => {
    const byCode = new Map(
      expected()
        .filter((r) => r.code !== null)
        .map((r) => [r.code!, r]),
    );
    for (const k of kommuner) {
      const o = one(result, k.code);
      const want = byCode.get(k.code)!;
      expect({ value: o.value, numerator: o.numerator }, k.name).toEqual({ value: want.per100k, numerator: want.antal });
    }
    expect(new Set(result.observations.map((o) => o.regionCode)).size).toBe(291);
  });

  it('gives the same shape to every observation: indicator, year 2024 from the file name, total sex', () => {
    for (const o of result.observations) {
      expect(o.indicatorId).toBe(BRA_TOTAL_INDICATOR);
      expect(o.period).toEqual({ label: '2024', kind: 'year', start: '2024-01-01', end: '2024-12-31' });
      expect(o.sex).toBe('T');
      expect(o.denominator).toBeNull();
      expect(o.status).toBeNull();
    }
    expect(BRA_TOTAL_INDICATOR).toBe('kolada_anm_brott_100k');
  });

  it('lands the spot-checked rows exactly (line numbers are file lines)', () => {
    expect(one(result, '2083')).toMatchObject({ row: 72, value: 13600, numerator: 2074, detail: { name: 'Hedemora' } });
    expect(one(result, '2023')).toMatchObject({ row: 141, value: 8660, numerator: 866, detail: { name: 'Malung–Sälen' } });
    expect(one(result, '2080')).toMatchObject({ value: 9340, numerator: 5622, detail: { name: 'Falun' } });
    expect(one(result, '1490')).toMatchObject({ value: 8510, numerator: 1265, detail: { name: 'Borås' } });
    // Thousands separators: "157 538;15 900" and "1 114 811;10 900".
    expect(one(result, '0180')).toMatchObject({ row: 204, value: 15900, numerator: 157538 });
    expect(one(result, '00')).toMatchObject({ row: 299, value: 10900, numerator: 1114811, detail: { name: 'Hela landet' } });
    expect(one(result, '0139')).toMatchObject({ value: 8080, numerator: 1179, detail: { name: 'Upplands-Bro' } });
  });

  it('the Excel re-save (Windows-1252, no BOM, no-break-space thousands, ";;" last line) gives the same observations', () => {
    const excel = csvTable(`bra/${FILES.excel2024}`, FILES.excel2024);
    expect(excel.encoding).toBe('windows-1252');
    expect(braAnmaldaAdapter.detect(excel.table).score).toBe(1);
    const r = braAnmaldaAdapter.parse(excel.table, ctx);
    expect(r.issues).toEqual([]);
    expect(r.observations).toEqual(result.observations);
    expect(one(r, '2039').detail).toEqual({ name: 'Älvdalen' });
    expect(one(r, '2031').detail).toEqual({ name: 'Rättvik' });
  });
});

describe('Brå anmälda brott, 2021 file (no header, "<genitive> kommun")', () => {
  let table: Table;
  let result: AdapterResult;

  beforeAll(() => {
    table = csvTable(`bra/${FILES.y2021}`).table;
    result = braAnmaldaAdapter.parse(table, ctx);
  });

  it('is recognised without a header, and its first line is data', () => {
    expect(table.rows[0]!.cells[0]).toBe('Ale kommun');
    expect(braAnmaldaAdapter.detect(table)).toMatchObject({ score: 1, missing: [] });
    expect(one(result, '1440')).toMatchObject({ row: 1 });
  });

  it('reads all 290 kommuner and Riket, with the year 2021 from the file name', () => {
    expect(result.issues).toEqual([]);
    expect(result.observations).toHaveLength(291);
    expect(result.notes).toEqual([expect.stringContaining('3 rader för stadsdelar')]);
    const want = new Map(
      braRows(kommunCsv, 2021)
        .filter((r) => r.code)
        .map((r) => [r.code!, r]),
    );
    for (const o of result.observations) {
      expect(o.period.label).toBe('2021');
      const w = want.get(o.regionCode)!;
      expect({ value: o.value, numerator: o.numerator }).toEqual({ value: w.per100k, numerator: w.antal });
    }
  });

  it('resolves genitive, dash, Falu and suffix-less names', () => {
    const cases: [string, string, number, number][] = [
      ['Hedemora kommun', '2083', 12611, 1876],
      ['Säters kommun', '2082', 9817, 1050],
      ['Arjeplogs kommun', '2506', 8394, 713],
      ['Falu kommun', '2080', 8549, 4995],
      ['Malung–Sälens kommun', '2023', 8381, 815],
      ['Orust kommun', '1421', 9820, 7525],
      ['Borås kommun', '1490', 8616, 1254],
      ['Gotlands kommun', '0980', 10230, 5706],
      ['Stockholms kommun', '0180', 17750, 170735],
      ['Upplands-Bro kommun', '0139', 8261, 1179],
      ['Riket', '00', 10991, 1100363],
    ];
    for (const [name, code, value, numerator] of cases) {
      expect(one(result, code), name).toMatchObject({ value, numerator, detail: { name } });
    }
  });
});

describe('Brå anmälda brott: problems are located and explained', () => {
  it('a misspelt kommun is an issue on its row naming the nearest candidates', () => {
    const { table } = csvTable(`bra/${FILES.misspelt}`);
    const r = braAnmaldaAdapter.parse(table, ctx);
    expect(r.issues).toHaveLength(1);
    const line = table.rows.find((row) => row.cells[0] === MISSPELT.name)!.line;
    expect(line).toBe(6);
    expect(r.issues[0]).toMatchObject({ row: 6, column: 'Kommun', value: 'Hedmora' });
    expect(r.issues[0]!.message).toMatch(/^okänd kommun: .*Närmast: Hedemora \(2083\)/);
    expect(obsFor(r, '2083')).toEqual([]);
    expect(r.observations).toHaveLength(14 + 1); // the other Dalarna kommuner and Hela landet
  });

  it('without a year in the file name nothing is imported and one whole-file issue says why', () => {
    const r = braAnmaldaAdapter.parse(
      inline(['Kommun;Antal;Per 100 000 inv.', 'Hedemora;2074;13600', 'Hedmora;1;1'], 'Anmälda brott kommunerna.csv'),
      ctx,
    );
    expect(r.observations).toEqual([]);
    const whole = r.issues.filter((i) => i.row === null);
    expect(whole).toHaveLength(1);
    expect(whole[0]!.message).toContain('filnamnet "Anmälda brott kommunerna.csv" måste innehålla året');
    // The rows are still checked.
    expect(r.issues.filter((i) => i.row === 3)).toHaveLength(1);
  });

  it("finds the year in Brå's file names only", () => {
    expect(yearFromFileName('Anmälda brott kommunerna 2024.csv')).toEqual({ year: 2024 });
    expect(yearFromFileName('anmalda_brott_kommuner_2021.csv')).toEqual({ year: 2021 });
    expect(yearFromFileName('Anmalda%20brott%20i%20kommunerna%202023.csv')).toEqual({ year: 2023 });
    expect(yearFromFileName('Anm%C3%A4lda%20brott%20kommunerna%202024.csv')).toEqual({ year: 2024 });
    expect(yearFromFileName('C:\\Hämtade\\2019\\Anmälda brott kommunerna 2025.csv')).toEqual({ year: 2025 });
    expect(yearFromFileName('brott_1742982579590.csv')).toHaveProperty('error');
    expect(yearFromFileName('Anmälda brott 1999.csv')).toHaveProperty('error');
    expect(yearFromFileName('Anmälda brott 2023 och 2024.csv')).toEqual({ error: expect.stringContaining('flera årtal (2023, 2024)') });
  });

  it('skips stadsdelar of the three cities only; other unknown names are errors', () => {
    expect(stadsdelCity('Stockholm Södermalm')).toBe('stockholm');
    expect(stadsdelCity('Göteborg Centrum')).toBe('göteborg');
    expect(stadsdelCity('Malmö – Husie')).toBe('malmö');
    expect(stadsdelCity('Södermalm (Stockholm)')).toBe('stockholm');
    expect(stadsdelCity('Stockholmm')).toBeNull();
    expect(stadsdelCity('Uppsala Centrum')).toBeNull();
    const r = braAnmaldaAdapter.parse(
      inline(['Kommun;Antal;Per 100 000 inv.', 'Stockholm Bromma;100;200', 'Stockholmm;1;1', 'Uppsala Centrum;1;1']),
      ctx,
    );
    expect(r.issues.map((i) => [i.row, i.value])).toEqual([
      [3, 'Stockholmm'],
      [4, 'Uppsala Centrum'],
    ]);
    expect(r.issues[0]!.message).toContain('Närmast: Stockholm (0180)');
    expect(r.notes).toEqual([expect.stringContaining('1 rad för stadsdelar (Stockholm)')]);
  });

  it('reads Brå\'s markers: "-" is zero, ".." is sekretess; bad numbers are located issues', () => {
    const r = braAnmaldaAdapter.parse(
      inline(['Kommun;Antal;Per 100 000 inv.', 'Hedemora;-;-', 'Säter;..;..', 'Avesta;12,5;100', 'Mora;12;1x', 'Orsa;12', 'Vansbro;1;2;3']),
      ctx,
    );
    expect(one(r, '2083')).toMatchObject({ value: 0, numerator: 0, status: null });
    expect(one(r, '2082')).toMatchObject({ value: null, numerator: null, status: 'suppressed' });
    expect(r.issues.map((i) => [i.row, i.column, i.value])).toEqual([
      [4, 'Antal', '12,5'],
      [5, 'Per 100 000 inv.', '1x'],
      [6, 'Per 100 000 inv.', ''],
      [7, 'kolumn 4', '3'],
    ]);
    expect(r.observations).toHaveLength(2);
  });
});

describe('Kolada API responses', () => {
  describe('v2: N07403 for Hedemora, Dalarna and riket, T/K/M, 2020–2024', () => {
    let table: Table;
    let result: AdapterResult;
    beforeAll(() => {
      table = jsonTable('kolada/N07403-v2.json');
      result = koladaAdapter.parse(table, ctx);
    });

    it('is recognised with certainty', () => {
      expect(koladaAdapter.detect(table)).toMatchObject({ score: 1, missing: [] });
    });

    it("maps the KPI and Kolada's area ids (0000 → 00, 0020 → 20, 2083 as is)", () => {
      expect(result.issues).toEqual([]);
      expect(result.notes).toEqual([]);
      expect(result.rows).toBe(5 * 3 + 5 + 5);
      expect(result.observations).toHaveLength(25);
      expect(new Set(result.observations.map((o) => o.indicatorId))).toEqual(new Set(['kolada_anm_vald_100k']));
      expect(obsFor(result, '2083')).toHaveLength(15);
      expect(obsFor(result, '20')).toHaveLength(5);
      expect(obsFor(result, '00')).toHaveLength(5);
      expect(new Set(result.observations.map((o) => o.period.label))).toEqual(new Set(['2020', '2021', '2022', '2023', '2024']));
    });

    it('lands exact values per kön and year; numeric periods become years', () => {
      expect(
        one(result, '2083', { period: { label: '2022', kind: 'year', start: '2022-01-01', end: '2022-12-31' }, sex: 'K' }),
      ).toMatchObject({ value: 1102.4, status: null, note: null, row: 13 });
      const hed2024 = obsFor(result, '2083').filter((o) => o.period.label === '2024');
      expect(Object.fromEntries(hed2024.map((o) => [o.sex, o.value]))).toEqual({ K: null, M: 1318.2, T: 1233.9 });
      const riket = obsFor(result, '00').map((o) => [o.period.label, o.sex, o.value]);
      expect(riket).toEqual([
        ['2020', 'T', 1127.7],
        ['2021', 'T', 1098.6],
        ['2022', 'T', 1163.2],
        ['2023', 'T', 1140.8],
        ['2024', 'T', 1152],
      ]);
      expect(obsFor(result, '20').find((o) => o.period.label === '2021')!.value).toBe(1075);
    });

    it('a null value becomes status "missing" with a note, never 0', () => {
      const k2024 = one(result, '2083', { sex: 'K', period: { label: '2024', kind: 'year', start: '2024-01-01', end: '2024-12-31' } });
      expect(k2024).toMatchObject({
        value: null,
        status: 'missing',
        note: 'Kolada: värde saknas',
        detail: { kpi: 'N07403', municipality: '2083' },
      });
    });
  });

  describe('v3: N07540 with isdeleted rows and string periods', () => {
    let table: Table;
    let result: AdapterResult;
    beforeAll(() => {
      table = jsonTable('kolada/N07540-v3.json');
      result = koladaAdapter.parse(table, ctx);
    });

    it('is recognised, drops the deleted record and says so', () => {
      expect(koladaAdapter.detect(table).score).toBe(1);
      expect(result.issues).toEqual([]);
      expect(result.rows).toBe(16);
      expect(result.observations).toHaveLength(15);
      expect(result.observations.some((o) => o.period.label === '2019')).toBe(false);
      expect(result.notes).toEqual(['1 värde markerade som borttagna i Kolada (isdeleted) hoppades över.']);
    });

    it('lands exact values on kolada_anm_brott_100k; "-" status on a null is bortfall', () => {
      expect(new Set(result.observations.map((o) => o.indicatorId))).toEqual(new Set(['kolada_anm_brott_100k']));
      const hed = obsFor(result, '2083').map((o) => [o.period.label, o.value]);
      expect(hed).toEqual([
        ['2020', 10480.3],
        ['2021', 9871.6],
        ['2022', 10932.4],
        ['2023', 11204.9],
        ['2024', 11876.2],
      ]);
      expect(one(result, '20', { period: { label: '2020', kind: 'year', start: '2020-01-01', end: '2020-12-31' } })).toMatchObject({
        value: null,
        status: 'missing',
        note: 'Kolada: värde saknas (status "-")',
        row: 6,
      });
      expect(one(result, '00', { period: { label: '2024', kind: 'year', start: '2024-01-01', end: '2024-12-31' } }).value).toBe(13398.4);
    });

    it('notes that more pages exist when next_url (v3) or next_page (v2) is set', () => {
      const doc = table.json as Record<string, unknown>;
      const v3 = koladaAdapter.parse({ ...table, json: { ...doc, next_url: 'https://api.kolada.se/v3/data/kpi/N07540?page=2' } }, ctx);
      expect(v3.notes).toContainEqual(expect.stringContaining('nästa sida: https://api.kolada.se/v3/data/kpi/N07540?page=2'));
      const v2 = koladaAdapter.parse(
        { ...table, json: { ...doc, next_url: undefined, next_page: 'http://api.kolada.se/v2/data/kpi/N07540?page=2' } },
        ctx,
      );
      expect(v2.notes).toContainEqual(expect.stringContaining('Hämta och ladda upp även de följande sidorna'));
    });
  });

  it('reports unknown KPIs once, naming the id and the known ones; other records still land', () => {
    const json = {
      values: [
        {
          kpi: 'N00945',
          municipality: '2083',
          period: 2024,
          values: [
            { gender: 'T', status: '', value: 1 },
            { gender: 'K', status: '', value: 2 },
          ],
        },
        { kpi: 'N00945', municipality: '2083', period: 2023, values: [{ gender: 'T', status: '', value: 1 }] },
        { kpi: 'N07540', municipality: '2083', period: '2024', values: [{ gender: 'T', status: '', value: 11876.2 }] },
      ],
    };
    const r = koladaAdapter.parse({ name: 'kolada.json', rows: [], json }, ctx);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ row: 1, column: 'values[0].kpi', value: 'N00945' });
    expect(r.issues[0]!.message).toMatch(
      /^okänt nyckeltal N00945 \(3 värden hoppades över\): Trygghetsläget läser .*N07540 \(kolada_anm_brott_100k\).* \(lägg till fler i data-imports\/kolada-kpis\.json\)$/,
    );
    expect(r.observations).toHaveLength(1);
    expect(r.observations[0]).toMatchObject({ regionCode: '2083', value: 11876.2, row: 3 });
  });

  it('locates bad areas, genders, periods and values; maps ".." to sekretess; drops value-level isdeleted', () => {
    const json = {
      values: [
        { kpi: 'N07403', municipality: 'G33', period: 2024, values: [{ gender: 'T', status: '', value: 1 }] },
        { kpi: 'N07403', municipality: '20', period: 2024, values: [{ gender: 'T', status: '', value: 1 }] },
        { kpi: 'N07403', municipality: '2083', period: '2024-2025', values: [{ gender: 'T', status: '', value: 1 }] },
        {
          kpi: 'N07403',
          municipality: '2083',
          period: 2024,
          values: [
            { gender: 'F', status: '', value: 1 },
            { gender: 'T', status: '', value: 'x' },
          ],
        },
        {
          kpi: 'N07403',
          municipality: '2083',
          period: 2023,
          values: [
            { gender: 'T', status: '..', value: null },
            { gender: 'K', status: '', value: 5, isdeleted: true },
          ],
        },
        { kpi: 'N07403', municipality: '9999', period: 2023, values: [{ gender: 'T', status: '', value: 1 }] },
      ],
    };
    const r = koladaAdapter.parse({ name: 'kolada.json', rows: [], json }, ctx);
    expect(r.issues.map((i) => [i.row, i.column, i.value])).toEqual([
      [1, 'values[0].municipality', 'G33'],
      [2, 'values[1].municipality', '20'],
      [3, 'values[2].period', '2024-2025'],
      [4, 'values[3].values[0].gender', 'F'],
      [4, 'values[3].values[1].value', 'x'],
      [6, 'values[5].municipality', '9999'],
    ]);
    expect(r.observations).toHaveLength(1);
    expect(r.observations[0]).toMatchObject({ regionCode: '2083', sex: 'T', value: null, status: 'suppressed', row: 5 });
    expect(r.notes).toEqual(['1 värde markerade som borttagna i Kolada (isdeleted) hoppades över.']);
  });

  it('maps Kolada area ids by rule, and reads the KPIs of data-imports/kolada-kpis.json, each to a catalogue indicator', () => {
    expect(koladaRegionCode('0000')).toBe('00');
    expect(koladaRegionCode('0020')).toBe('20');
    expect(koladaRegionCode('0001')).toBe('01');
    expect(koladaRegionCode('2083')).toBe('2083');
    expect(koladaRegionCode('0114')).toBe('0114');
    expect(koladaRegionCode('20')).toBeNull();
    const kpis = koladaKpiIndicators();
    expect(kpis).toMatchObject({ N07540: 'kolada_anm_brott_100k', N07403: 'kolada_anm_vald_100k' });
    for (const id of Object.values(kpis)) expect(ctx.indicators.has(id), id).toBe(true);
  });
});

describe('detection keeps the sources apart', () => {
  const genericTable = () => parseDelimited(`${GENERIC_TEMPLATE_HEADER}\r\nkolada_anm_brott_100k;2083;2024;;;13600;;;;;\r\n`, 'mall.csv');
  const braTable = () => csvTable(`bra/${FILES.y2024}`).table;
  const bra2021 = () => csvTable(`bra/${FILES.y2021}`).table;
  const koladaV2 = () => jsonTable('kolada/N07403-v2.json');
  const koladaV3 = () => jsonTable('kolada/N07540-v3.json');

  it('Brå: below 1 for Kolada JSON and the generic template', () => {
    expect(braAnmaldaAdapter.detect(koladaV2()).score).toBe(0);
    expect(braAnmaldaAdapter.detect(koladaV3()).score).toBe(0);
    expect(braAnmaldaAdapter.detect(genericTable()).score).toBe(0);
  });

  it('Kolada: below 1 for both Brå layouts, the generic template and a Kolada metadata answer', () => {
    expect(koladaAdapter.detect(braTable()).score).toBe(0);
    expect(koladaAdapter.detect(bra2021()).score).toBe(0);
    expect(koladaAdapter.detect(genericTable()).score).toBe(0);
    const meta = { name: 'municipality.json', rows: [], json: { values: [{ id: '2083', title: 'Hedemora', type: 'K' }] } };
    expect(koladaAdapter.detect(meta)).toMatchObject({ score: 0, missing: ['kpi', 'municipality', 'period', 'values'] });
  });

  it('the generic template does not claim Brå or Kolada files', () => {
    for (const t of [braTable(), bra2021(), koladaV2(), koladaV3()]) expect(genericAdapter.detect(t).score).toBeLessThan(1);
  });

  it('partial Brå layouts score below 1 and name what is missing', () => {
    expect(braAnmaldaAdapter.detect(inline(['Kommun;Antal', 'Ale;1']))).toMatchObject({ score: 2 / 3, missing: ['Per 100 000 inv.'] });
    // Name, integer, integer without " kommun": could be any three-column list.
    expect(braAnmaldaAdapter.detect(inline(['Ale;2537;7810', 'Alingsås;4293;10100'])).score).toBe(0.5);
    expect(braAnmaldaAdapter.detect(inline(['Ale kommun;2731;8547', 'Alingsås kommun;4293;10100'])).score).toBe(1);
  });
});

// Keep the generator's row type in use so a change to it is a compile error here, not a silent pass.
const _typeCheck: BraRow['kind'][] = ['kommun', 'stadsdel', 'riket'];
void _typeCheck;
