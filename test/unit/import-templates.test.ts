import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AdapterResult, SourceAdapter } from '@/lib/import/adapter';
import { decodeText } from '@/lib/import/decode';
import { GENERIC_TEMPLATE_HEADER, genericAdapter } from '@/lib/import/sources/generic';
import { LUPP_TEMPLATE_HEADER, luppAdapter } from '@/lib/import/sources/lupp';
import { classifyUnit, parseRiseTable, RISE_TEMPLATE_HEADER, riseAdapter } from '@/lib/import/sources/rise';
import { SN_TEMPLATE_HEADER, snAdapter } from '@/lib/import/sources/svenskt-naringsliv';
import { parseDelimited, type Table } from '@/lib/import/table';
import { validateObservations } from '@/lib/import/validate';
import { fixture, importContextFromFiles } from '@/test/helpers/import-context';
import * as F from '@/test/fixtures/import/templates/make-fixtures';
import { REPO_ROOT } from './_fixtures';

const ctx = importContextFromFiles();

function load(rel: string): { table: Table; encoding: string } {
  const { text, encoding } = decodeText(fixture(rel), rel);
  return { table: parseDelimited(text, rel), encoding };
}
const inline = (text: string) => parseDelimited(text, 'inline.csv');
const run = (adapter: SourceAdapter, rel: string): AdapterResult => adapter.parse(load(rel).table, ctx);

const yearPeriod = (y: string) => ({ label: y, kind: 'year', start: `${y}-01-01`, end: `${y}-12-31` });
const datePeriod = (d: string) => ({ label: d, kind: 'date', start: d, end: d });
const expectedIssues = (xs: F.ExpectedIssue[]) =>
  xs.map((x) => ({ row: x.row, column: x.column, value: x.value, message: expect.stringMatching(x.message) }));

const TEMPLATE_FILES = {
  lupp: 'data-imports/templates/lupp.csv',
  sn: 'data-imports/templates/svenskt-naringsliv.csv',
  rise: 'data-imports/templates/avlopp-rise.csv',
} as const;
const templateBytes = (rel: string) => new Uint8Array(fs.readFileSync(path.join(REPO_ROOT, rel)));
const templateTable = (rel: string) => parseDelimited(decodeText(templateBytes(rel), rel).text, rel);

describe('template fixtures', () => {
  it('are exactly what the committed generator writes', () => {
    const built = F.buildFixtures();
    expect(built.size).toBe(9);
    for (const [rel, bytes] of built) {
      expect(Buffer.from(fixture(rel)).equals(Buffer.from(bytes)), `${rel} is stale: run make-fixtures.ts`).toBe(true);
    }
  });

  it('decode as UTF-8 (with and without BOM) and as the Windows-1252 Excel re-save, all `;`', () => {
    expect(load('lupp/lupp-utf8.csv').encoding).toBe('utf-8-bom');
    expect(load('sn/sn-utf8.csv').encoding).toBe('utf-8');
    expect(load('rise/rise-utf8.csv').encoding).toBe('utf-8');
    for (const rel of ['lupp/lupp-excel-1252.csv', 'sn/sn-excel-1252.csv', 'rise/rise-excel-1252.csv']) {
      const { table, encoding } = load(rel);
      expect(encoding, rel).toBe('windows-1252');
      expect(table.delimiter, rel).toBe(';');
      expect(table.rows[0]!.cells[0], rel).not.toMatch(/Ã|\ufffd/);
    }
    // The re-save really looks like Swedish Excel's output.
    const lupp = load('lupp/lupp-excel-1252.csv').table;
    expect(lupp.rows[1]!.cells).toEqual(['2021', 'Hedemora', 'åk 8', 'tjejer', 'lupp_hotad', '14 %', '58', '81\u00a0%']);
    expect(lupp.rows.find((r) => r.cells[1] === 'Dalarnas län')!.cells[6]).toBe('2\u00a0410');
    const rise = load('rise/rise-excel-1252.csv').table;
    expect(rise.rows.find((r) => r.cells[2] === 'Henriksdal')!.cells.slice(0, 1)).toEqual(['180']);
    expect(rise.rows[1]!.cells[7]).toBe('312,5');
    expect(rise.rows[3]!.cells[6]).toBe('Halt (?g/m3)'); // Greek μ does not exist in Windows-1252
    expect(Buffer.from(fixture('rise/rise-excel-1252.csv')).includes('\r\n')).toBe(true);
  });
});

describe('Lupp template', () => {
  const expected = F.LUPP_ROWS.map(({ expect: e }, i) => ({
    row: i + 2,
    indicatorId: e.indicatorId,
    regionCode: e.regionCode,
    period: yearPeriod(e.year),
    sex: e.sex,
    grp: e.grp,
    value: e.value,
    n: e.n,
    responseRate: e.responseRate,
    status: e.status,
    note: e.note,
  }));

  it('maps every spelling of årskurs, kön, region and percent to exact values', () => {
    const res = run(luppAdapter, 'lupp/lupp-utf8.csv');
    expect(res.issues).toEqual([]);
    expect(res.rows).toBe(F.LUPP_ROWS.length);
    expect(res.observations).toEqual(expected);
    expect(validateObservations(res.observations, ctx)).toEqual({ observations: res.observations, issues: [] });
  });

  it('gives identical observations from the Windows-1252 Excel re-save', () => {
    const resaved = run(luppAdapter, 'lupp/lupp-excel-1252.csv');
    expect(resaved.issues).toEqual([]);
    expect(resaved.observations).toEqual(run(luppAdapter, 'lupp/lupp-utf8.csv').observations);
  });

  it('stores ".." and "XX" as null + suppressed, never 0, and keeps n', () => {
    const res = run(luppAdapter, 'lupp/lupp-utf8.csv');
    const suppressed = res.observations.filter((o) => o.status === 'suppressed');
    expect(suppressed.map((o) => [o.row, o.value, o.n])).toEqual([
      [6, null, 9],
      [9, null, 49],
    ]);
    expect(res.observations.some((o) => o.value === 0)).toBe(false);
  });

  it('reports each bad cell with its row, column, value and a Swedish message', () => {
    const res = run(luppAdapter, 'lupp/lupp-fel.csv');
    expect(res.issues).toEqual(expectedIssues(F.LUPP_ERRORS));
    expect(res.observations.map((o) => o.row)).toEqual([2]);
    expect(res.rows).toBe(F.LUPP_ERROR_ROWS.length);
  });

  it('accepts English aliases and headers without accents', () => {
    const res = luppAdapter.parse(
      inline('year;region;grade;sex;indicator;share;respondents;response_rate\n2021;20;Gy 2;killar;lupp_hotad;9,5 %;44;70 %\n'),
      ctx,
    );
    expect(res.issues).toEqual([]);
    expect(res.observations).toEqual([
      {
        row: 2,
        indicatorId: 'lupp_hotad',
        regionCode: '20',
        period: yearPeriod('2021'),
        sex: 'M',
        grp: 'gy 2',
        value: 9.5,
        n: 44,
        responseRate: 0.7,
        status: null,
        note: null,
      },
    ]);
    const bare = luppAdapter.parse(
      inline('ar;region;arskurs;kon;indikator;andel;antal_svarande\n2018;Hedemora;åk 8;T;lupp_hotad;10;120\n'),
      ctx,
    );
    expect(bare.observations.map((o) => [o.sex, o.value, o.responseRate])).toEqual([['T', 10, null]]);
  });

  it('refuses shares written as fractions (all ≤ 1, no %), located per row', () => {
    const text = `${LUPP_TEMPLATE_HEADER}\n2021;Hedemora;åk 8;tjejer;lupp_hotad;0,14;58;81;\n2021;Hedemora;åk 8;killar;lupp_hotad;0,11;63;81;\n`;
    const res = luppAdapter.parse(inline(text), ctx);
    expect(res.observations).toEqual([]);
    expect(res.issues.map((i) => [i.row, i.column, i.value])).toEqual([
      [2, 'andel', '0,14'],
      [3, 'andel', '0,11'],
    ]);
    expect(res.issues[0]!.message).toMatch(/ange procent/);
    // With "%" the same numbers are small percentages.
    const ok = luppAdapter.parse(inline(text.replace('0,14;', '0,14 %;')), ctx);
    expect(ok.issues).toEqual([]);
    expect(ok.observations.map((o) => o.value)).toEqual([0.14, 0.11]);
  });
});

describe('Svenskt Näringsliv template', () => {
  const expected = F.SN_ROWS.map(({ expect: e }, i) => ({
    row: i + 2,
    indicatorId: 'sn_brott_paverkar_foretag',
    regionCode: e.regionCode,
    period: yearPeriod(e.year),
    sex: 'T',
    grp: '',
    value: e.value,
    n: e.n,
    status: e.status,
    note: e.note,
  }));

  it('imports the share, n and the counted answer options as the note', () => {
    const res = run(snAdapter, 'sn/sn-utf8.csv');
    expect(res.issues).toEqual([]);
    expect(res.rows).toBe(F.SN_ROWS.length);
    expect(res.observations).toEqual(expected);
    expect(validateObservations(res.observations, ctx).issues).toEqual([]);
  });

  it('gives identical observations from the Windows-1252 Excel re-save ("38 %", "1 580")', () => {
    const resaved = run(snAdapter, 'sn/sn-excel-1252.csv');
    expect(load('sn/sn-excel-1252.csv').table.rows[1]!.cells[2]).toBe('38 %');
    expect(resaved.issues).toEqual([]);
    expect(resaved.observations).toEqual(run(snAdapter, 'sn/sn-utf8.csv').observations);
  });

  it('reports each bad cell with its row, column and value', () => {
    const res = run(snAdapter, 'sn/sn-fel.csv');
    expect(res.issues).toEqual(expectedIssues(F.SN_ERRORS));
    expect(res.observations.map((o) => [o.row, o.value, o.n])).toEqual([[2, 38, 93]]);
  });

  it('says in the note when the answer options differ between rows or from the definition', () => {
    const text = `${SN_TEMPLATE_HEADER}\n2023;Hedemora;38;93;i hög eller mycket hög utsträckning;\n2022;Hedemora;61;88;i viss, hög eller mycket hög utsträckning;eget uttag\n`;
    const res = snAdapter.parse(inline(text), ctx);
    expect(res.issues).toEqual([]);
    const [a, b] = res.observations;
    const differs =
      'Svarsalternativen skiljer sig mellan raderna i filen (i hög eller mycket hög utsträckning; i viss, hög eller mycket hög utsträckning): jämför bara värden med samma svarsalternativ.';
    expect(a!.note).toBe(`Svarsalternativ som räknats: i hög eller mycket hög utsträckning. ${differs}`);
    expect(b!.note).toBe(
      `Svarsalternativ som räknats: i viss, hög eller mycket hög utsträckning. Avviker från indikatorns definition (i hög eller mycket hög utsträckning). ${differs} eget uttag`,
    );
  });

  it('accepts English aliases', () => {
    const res = snAdapter.parse(inline('year;region;share;respondents;answer_options;note\n2023;2083;38%;93;high or very high;\n'), ctx);
    expect(res.issues).toEqual([]);
    expect(res.observations.map((o) => [o.regionCode, o.value, o.n])).toEqual([['2083', 38, 93]]);
    expect(res.observations[0]!.note).toMatch(/^Svarsalternativ som räknats: high or very high\. Avviker/);
  });
});

describe('RISE wastewater template', () => {
  const expectedObs = F.RISE_ROWS.flatMap(({ expect: e }, i) =>
    e.obs
      ? [
          {
            row: i + 2,
            indicatorId: e.obs.indicatorId,
            regionCode: e.obs.regionCode,
            period: datePeriod(e.obs.date),
            sex: 'T',
            grp: '',
            site: e.obs.site,
            value: e.obs.value,
            status: e.obs.status,
            note: e.obs.note,
            detail: e.obs.detail,
          },
        ]
      : [],
  );
  const expectedSkipped = F.RISE_ROWS.flatMap(({ cells, expect: e }, i) =>
    e.obs ? [] : [{ row: i + 2, unit: cells[6] === 'Doser totalt' ? 'Doser totalt' : cells[6], keptOnRow: e.keptOnRow }],
  );

  it('imports the load unit with season, report, substance and the other units in detail', () => {
    const res = parseRiseTable(load('rise/rise-utf8.csv').table, ctx);
    expect(res.issues).toEqual([]);
    expect(res.rows).toBe(F.RISE_ROWS.length);
    expect(res.observations).toEqual(expectedObs);
    expect(res.skipped).toEqual(expectedSkipped);
    expect(validateObservations(res.observations, ctx)).toEqual({ observations: res.observations, issues: [] });
  });

  it('gives identical observations from the Windows-1252 Excel re-save (decimal comma, "180", "?g/m3")', () => {
    const utf8 = parseRiseTable(load('rise/rise-utf8.csv').table, ctx);
    const resaved = parseRiseTable(load('rise/rise-excel-1252.csv').table, ctx);
    expect(resaved.issues).toEqual([]);
    expect(resaved.observations).toEqual(utf8.observations);
    expect(resaved.skipped).toEqual(utf8.skipped);
  });

  it('stores under_LLOQ and ej_detekterad as null with a status, never 0', () => {
    const res = riseAdapter.parse(load('rise/rise-utf8.csv').table, ctx);
    const flagged = res.observations.filter((o) => o.status !== null);
    expect(flagged.map((o) => [o.row, o.indicatorId, o.value, o.status])).toEqual([
      [6, 'avlopp_cannabis', null, 'below_loq'],
      [8, 'avlopp_mdma', null, 'not_detected'],
      [15, 'avlopp_mdma', null, 'below_loq'],
    ]);
    expect(res.observations.some((o) => o.value === 0)).toBe(false);
    // A flag or "<LOQ" written in the value cell counts as the flag.
    const inValue = riseAdapter.parse(
      inline(
        `${RISE_TEMPLATE_HEADER}\n2083;;;2024-04-16;vår;MDMA;Total halt (mg) per 1000 inv. & 24 h;<LOQ;;;\n2083;;;2024-04-16;vår;Kokain;Total halt (mg) per 1000 inv. & 24 h;< 0,5;;;\n`,
      ),
      ctx,
    );
    expect(inValue.issues).toEqual([]);
    expect(inValue.observations.map((o) => [o.value, o.status, o.detail?.labValue])).toEqual([
      [null, 'below_loq', undefined],
      [null, 'below_loq', 0.5],
    ]);
  });

  it('keeps two treatment plants of one kommun as two series (site)', () => {
    const res = riseAdapter.parse(load('rise/rise-utf8.csv').table, ctx);
    const stockholm = res.observations.filter((o) => o.regionCode === '0180');
    expect(stockholm.map((o) => [o.site, o.value])).toEqual([
      ['Henriksdal', 3.1],
      ['Bromma', 2.4],
    ]);
    expect(validateObservations(stockholm, ctx).observations).toHaveLength(2);
  });

  it('reports each bad cell with its row, column and value (season/date mismatch, ambiguous unit, …)', () => {
    const res = riseAdapter.parse(load('rise/rise-fel.csv').table, ctx);
    expect(res.issues).toEqual(expectedIssues(F.RISE_ERRORS));
    expect(res.observations.map((o) => [o.row, o.value])).toEqual([[2, 312.5]]);
  });

  it("reads Region Dalarna's long table as it is (provsasong, varde, no reningsverk)", () => {
    const text = [
      'kommunkod;kommun;rapportnummer;provdatum;provsasong;substans;enhet;varde;flagga',
      '2083;Hedemora;R-1;2023-12-05;vinter;Cannabis (THCA-metabolit);Total halt (mg) per 1000 inv. & 24 h;41.7;',
      '2083;Hedemora;R-1;2023-12-05;vinter;Cannabis (THCA-metabolit);Doser per 1000 inv. & 24 h;NA;under_LLOQ',
      '2083;Hedemora;R-1;2023-12-05;vinter;Kokain;Total halt (mg) per 1000 inv. & 24 h;;ej_detekterad',
    ].join('\n');
    const t = inline(text);
    expect(riseAdapter.detect(t)).toMatchObject({ score: 1, missing: [] });
    const res = riseAdapter.parse(t, ctx);
    expect(res.issues).toEqual([]);
    expect(res.observations).toEqual([
      {
        row: 2,
        indicatorId: 'avlopp_cannabis',
        regionCode: '2083',
        period: datePeriod('2023-12-05'),
        sex: 'T',
        grp: '',
        site: '',
        value: 41.7,
        status: null,
        note: null,
        detail: {
          season: 'vinter',
          report: 'R-1',
          substance: 'Cannabis (THCA-metabolit)',
          otherUnits: [{ unit: 'Doser per 1000 inv. & 24 h', value: null, status: 'below_loq' }],
        },
      },
      {
        row: 4,
        indicatorId: 'avlopp_kokain',
        regionCode: '2083',
        period: datePeriod('2023-12-05'),
        sex: 'T',
        grp: '',
        site: '',
        value: null,
        status: 'not_detected',
        note: null,
        detail: { season: 'vinter', report: 'R-1', substance: 'Kokain' },
      },
    ]);
  });

  it('classifies units: only the mg load is a value; the ambiguous label is never mapped', () => {
    expect(classifyUnit('Total halt (mg) per 1000 inv. & 24 h')).toEqual({ kind: 'load' });
    expect(classifyUnit('mg/1000 inv/dygn')).toEqual({ kind: 'load' });
    expect(classifyUnit('mg per 1 000 invånare och dygn')).toEqual({ kind: 'load' });
    expect(classifyUnit('Doser per 1000 inv. & 24 h')).toEqual({ kind: 'other', unit: 'Doser per 1000 inv. & 24 h' });
    expect(classifyUnit('Doser totalt')).toEqual({ kind: 'other', unit: 'Doser totalt' });
    expect(classifyUnit('Halt (µg/m3)')).toEqual({ kind: 'other', unit: 'Halt (μg/m3)' });
    expect(classifyUnit('mikrogram/kubikmeter vatten per 1 000 invånare')).toEqual({ kind: 'ambiguous' });
    expect(classifyUnit('µg/m3 per 1000 inv.')).toEqual({ kind: 'ambiguous' });
    expect(classifyUnit('Total halt (mg)')).toEqual({ kind: 'unknown' });
    expect(classifyUnit('')).toEqual({ kind: 'unknown' });
  });

  it('says so when a file has only other units (nothing silently dropped)', () => {
    const text = `${RISE_TEMPLATE_HEADER}\n2083;Hedemora;;2024-04-16;vår;Amfetamin;Doser per 1000 inv. & 24 h;10,4;;;\n`;
    const res = parseRiseTable(inline(text), ctx);
    expect(res.observations).toEqual([]);
    expect(res.skipped).toEqual([{ row: 2, unit: 'Doser per 1000 inv. & 24 h', keptOnRow: null }]);
    expect(res.issues).toEqual([
      {
        row: null,
        column: 'enhet',
        value: null,
        message: expect.stringMatching(/Inga rader med enheten Total halt \(mg\) per 1000 inv\. & 24 h: 1 rader/),
      },
    ]);
  });

  it('takes an empty season from the date and restores a lost leading zero', () => {
    const res = riseAdapter.parse(inline(`${RISE_TEMPLATE_HEADER}\n114;;Käppala;2024-07-02;;Amfetamin;mg/1000 inv/dygn;88;;;\n`), ctx);
    expect(res.issues).toEqual([]);
    expect(res.observations.map((o) => [o.regionCode, o.site, o.detail?.season, o.detail?.report])).toEqual([
      ['0114', 'Käppala', 'sommar', null],
    ]);
  });
});

describe('detection', () => {
  const adapters = { lupp: luppAdapter, sn: snAdapter, rise: riseAdapter } as const;

  it("each template file is UTF-8 with BOM, `;`, its adapter's header and one example row that imports cleanly", () => {
    const headers = { lupp: LUPP_TEMPLATE_HEADER, sn: SN_TEMPLATE_HEADER, rise: RISE_TEMPLATE_HEADER };
    for (const key of ['lupp', 'sn', 'rise'] as const) {
      const rel = TEMPLATE_FILES[key];
      const bytes = templateBytes(rel);
      expect([...bytes.subarray(0, 3)], rel).toEqual([0xef, 0xbb, 0xbf]);
      const table = templateTable(rel);
      expect(table.delimiter, rel).toBe(';');
      expect(table.rows[0]!.cells.join(';'), rel).toBe(headers[key]);
      expect(table.rows, rel).toHaveLength(2);
      expect(adapters[key].detect(table), rel).toMatchObject({ score: 1, missing: [] });
      const res = adapters[key].parse(table, ctx);
      expect(res.issues, rel).toEqual([]);
      expect(res.observations, rel).toHaveLength(1);
      // Uploaded unchanged, the example row is refused; with its marker gone it would be a valid row.
      const unchanged = validateObservations(res.observations, ctx);
      expect(unchanged.observations, rel).toEqual([]);
      expect(unchanged.issues, rel).toEqual([
        { row: 2, column: 'kommentar', value: res.observations[0]!.note, message: expect.stringMatching(/mallens exempelrad/) },
      ]);
      expect(
        validateObservations(
          res.observations.map((o) => ({ ...o, note: 'Kommunens siffror' })),
          ctx,
        ).issues,
        rel,
      ).toEqual([]);
    }
    const generic = genericAdapter.parse(templateTable('data-imports/templates/generisk.csv'), ctx);
    expect(validateObservations(generic.observations, ctx).issues.map((i) => i.column)).toEqual(['kommentar']);
  });

  it('each adapter recognises its own fixtures with certainty', () => {
    const own = {
      lupp: ['lupp/lupp-utf8.csv', 'lupp/lupp-excel-1252.csv', 'lupp/lupp-fel.csv'],
      sn: ['sn/sn-utf8.csv', 'sn/sn-excel-1252.csv', 'sn/sn-fel.csv'],
      rise: ['rise/rise-utf8.csv', 'rise/rise-excel-1252.csv', 'rise/rise-fel.csv'],
    };
    for (const key of ['lupp', 'sn', 'rise'] as const) {
      for (const rel of own[key]) expect(adapters[key].detect(load(rel).table).score, rel).toBe(1);
    }
  });

  it('each adapter scores < 1 on the other templates and on the generic template header', () => {
    const generic = inline(`${GENERIC_TEMPLATE_HEADER}\nsn_brott_paverkar_foretag;2083;2023;;;38;;;93;;\n`);
    for (const key of ['lupp', 'sn', 'rise'] as const) {
      const others = (['lupp', 'sn', 'rise'] as const).filter((k) => k !== key).map((k) => templateTable(TEMPLATE_FILES[k]));
      for (const t of [...others, generic]) {
        const d = adapters[key].detect(t);
        expect(d.score, `${key} on ${t.name}`).toBeLessThan(1);
        expect(d.missing.length, `${key} on ${t.name}`).toBeGreaterThan(0);
      }
      // …and the generic adapter does not take the source templates.
      expect(genericAdapter.detect(templateTable(TEMPLATE_FILES[key])).score, key).toBeLessThan(1);
    }
  });

  it('names the missing columns', () => {
    expect(luppAdapter.detect(templateTable(TEMPLATE_FILES.sn)).missing).toEqual(['årskurs', 'kön', 'indikator']);
    expect(snAdapter.detect(templateTable(TEMPLATE_FILES.lupp)).missing).toEqual(['svarsalternativ']);
    expect(riseAdapter.detect(inline('provdatum;substans;enhet;värde\n2024-04-16;MDMA;mg;1\n'))).toMatchObject({
      score: 0.8,
      missing: ['kommunkod'],
    });
  });
});
