import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CONTENTS_SHEET,
  LAGESBILD_COLUMNS,
  decimalsOf,
  lagesbildCsvZip,
  lagesbildXlsx,
  numberFormat,
  sheetNameFor,
} from '@/lib/reports/lagesbild-export';
import type { LagesbildIndicator } from '@/lib/reports/types';
import { ALL_INDICATORS, HOSTILE_STATUS, IDS, LAGESBILD, NTU_CAVEATS } from '../fixtures/reports/lagesbild';

const FORBIDDEN = /[[\]:*?/\\]/;

function indicator(id: string): LagesbildIndicator {
  const found = ALL_INDICATORS.find((i) => i.id === id);
  if (!found) throw new Error(`fixture has no ${id}`);
  return found;
}

/** The row number of the table header ("Område", "Regionkod", …) in an indicator sheet. */
function tableHeaderRow(ws: ExcelJS.Worksheet): number {
  for (let r = 1; r <= ws.rowCount; r++) {
    if (ws.getCell(r, 1).value === 'Område' && ws.getCell(r, 2).value === 'Regionkod') return r;
  }
  throw new Error(`no table header in ${ws.name}`);
}

/** The sheet whose title cell (A1) is the indicator's name. */
function sheetOf(wb: ExcelJS.Workbook, ind: LagesbildIndicator): ExcelJS.Worksheet {
  const ws = wb.worksheets.find((w) => w.name !== CONTENTS_SHEET && w.getCell('A1').value === ind.name);
  if (!ws) throw new Error(`no sheet for ${ind.id}`);
  return ws;
}

function labelledValue(ws: ExcelJS.Worksheet, label: string): ExcelJS.CellValue {
  for (let r = 1; r < tableHeaderRow(ws); r++) if (ws.getCell(r, 1).value === label) return ws.getCell(r, 2).value;
  throw new Error(`no ${label} row in ${ws.name}`);
}

function decodeXml(s: string): string {
  return s
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Excel's sheet reference "'name'!A1" → name. */
function sheetFromLocation(location: string): string {
  const m = /^'((?:[^']|'')+)'!A1$/.exec(location);
  if (!m?.[1]) throw new Error(`unexpected link location ${location}`);
  return m[1].replace(/''/g, "'");
}

describe('sheet names', () => {
  it('removes forbidden characters, keeps 31 characters and dedupes ignoring case', () => {
    const used = new Set<string>(['innehåll']);
    expect(sheetNameFor('kolada/N07403', used)).toBe('kolada_N07403');
    expect(sheetNameFor('a[b]c:d*e?f\\g', used)).toBe('a_b_c_d_e_f_g');
    const long = 'x'.repeat(40);
    expect(sheetNameFor(long, used)).toBe('x'.repeat(31));
    expect(sheetNameFor(long, used)).toBe(`${'x'.repeat(29)}_2`);
    expect(sheetNameFor(long, used)).toBe(`${'x'.repeat(29)}_3`);
    expect(sheetNameFor('INNEHÅLL', used)).toBe('INNEHÅLL_2');
    expect(sheetNameFor("'quoted'", used)).toBe('quoted');
    expect(sheetNameFor('', used)).toBe('Indikator');
  });

  it("uses an indicator's decimals from its values when the data carries none", () => {
    expect(decimalsOf(indicator(IDS.ntu))).toBe(1);
    expect(decimalsOf(indicator(IDS.naraRelation))).toBe(0);
    expect(decimalsOf({ ...indicator(IDS.ntu), decimals: 2 } as LagesbildIndicator)).toBe(2);
    expect(numberFormat(0)).toBe('#,##0');
    expect(numberFormat(2)).toBe('#,##0.00');
  });
});

describe('lägesbild workbook (.xlsx)', () => {
  let bytes: Buffer;
  let wb: ExcelJS.Workbook;
  let raw: JSZip;

  beforeAll(async () => {
    bytes = await lagesbildXlsx(LAGESBILD);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    raw = await JSZip.loadAsync(bytes);
  });

  it('has Innehåll first and one sheet per indicator, with valid unique names', () => {
    expect(ALL_INDICATORS.length).toBeGreaterThanOrEqual(5);
    expect(wb.worksheets).toHaveLength(ALL_INDICATORS.length + 1);
    expect(wb.worksheets[0]?.name).toBe(CONTENTS_SHEET);
    const names = wb.worksheets.map((w) => w.name);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(FORBIDDEN);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    // The 31-character id fits as is; the 40-character one that shares its first 31 gets a suffix.
    expect(sheetOf(wb, indicator(IDS.naraRelation)).name).toBe(IDS.naraRelation);
    expect(sheetOf(wb, indicator(IDS.naraRelationAge)).name).toBe('bra_anm_vald_nara_relation_10_2');
    expect(sheetOf(wb, indicator(IDS.kolada)).name).toBe('kolada_N07403');
  });

  it('starts Innehåll with the title, the generated date and a row per indicator', () => {
    const ws = wb.getWorksheet(CONTENTS_SHEET)!;
    expect(ws.getCell('A1').value).toBe('Lägesbild-underlag – Hedemora');
    // 12:03 UTC is 14:03 in Stockholm in May.
    expect(String(ws.getCell('A2').value)).toMatch(/^Skapad 12 maj 2026 (kl\. )?14[:.]03$/);
    const header = ws.getRow(6).values as unknown[];
    expect(header.slice(1)).toEqual(['Område', 'Indikator', 'Källa', 'Enhet', 'Antal värden', 'Exempeldata', 'Signifikans']);
    const ntuRow = ALL_INDICATORS.findIndex((i) => i.id === IDS.ntu) + 7;
    const ntu = indicator(IDS.ntu);
    expect(ws.getCell(ntuRow, 1).value).toBe('Upplevd trygghet');
    expect(ws.getCell(ntuRow, 3).value).toBe(ntu.source);
    expect(ws.getCell(ntuRow, 4).value).toBe(ntu.unit);
    expect(ws.getCell(ntuRow, 5).value).toBe(ntu.rows.filter((r) => r.value !== null).length);
    expect(ws.getCell(ntuRow, 5).value).toBe(ntu.rows.length - 1);
    expect(ws.getCell(ntuRow, 7).value).toBe(ntu.statements.join('\n'));
    const luppRow = ALL_INDICATORS.findIndex((i) => i.id === IDS.lupp) + 7;
    expect(ws.getCell(luppRow, 6).value).toBe('Ja');
    expect(ws.getCell(ntuRow, 6).value).toBe('Nej');
  });

  it('links every indicator in Innehåll to its own sheet as an internal link only', async () => {
    const contents = wb.getWorksheet(CONTENTS_SHEET)!;
    const xml = await raw.file('xl/worksheets/sheet1.xml')!.async('string');
    const links = [...xml.matchAll(/<hyperlink\b([^>]*)\/>/g)].map((m) => m[1] ?? '');
    expect(links).toHaveLength(ALL_INDICATORS.length);
    const targets: string[] = [];
    for (const attrs of links) {
      // A `location` and no relationship: Excel jumps inside the workbook instead of opening a "file".
      expect(attrs).not.toMatch(/r:id=/);
      const ref = /\sref="([A-Z]+\d+)"/.exec(attrs)?.[1];
      const location = /\slocation="([^"]+)"/.exec(attrs)?.[1];
      expect(ref).toBeDefined();
      expect(location).toBeDefined();
      const target = wb.getWorksheet(sheetFromLocation(decodeXml(location!)));
      expect(target, location).toBeDefined();
      // The link text is the indicator name, and the linked sheet is titled with the same name.
      expect(target!.getCell('A1').value).toBe(contents.getCell(ref!).value);
      targets.push(target!.name);
    }
    expect(new Set(targets)).toEqual(new Set(wb.worksheets.slice(1).map((w) => w.name)));
    const rels = await raw.file('xl/worksheets/_rels/sheet1.xml.rels')?.async('string');
    expect(rels ?? '').not.toMatch(/relationships\/hyperlink/);
  });

  it('links each indicator sheet back to Innehåll', async () => {
    const xml = await raw.file('xl/worksheets/sheet2.xml')!.async('string');
    expect(xml).toContain(`location="&apos;${CONTENTS_SHEET}&apos;!A1"`);
  });

  it('writes the header block, each item on its own row', () => {
    const ntu = indicator(IDS.ntu);
    const ws = sheetOf(wb, ntu);
    expect(labelledValue(ws, 'Definition')).toBe(ntu.definition);
    expect(labelledValue(ws, 'Källa')).toBe(ntu.source);
    expect(labelledValue(ws, 'Enhet')).toBe(ntu.unit);
    const first = [...Array(tableHeaderRow(ws)).keys()].find((r) => ws.getCell(r + 1, 1).value === 'Signifikans')! + 1;
    expect(ws.getCell(first, 2).value).toBe(ntu.statements[0]);
    expect(ws.getCell(first + 1, 2).value).toBe(ntu.statements[1]);
    expect(ntu.statements).toHaveLength(2);
  });

  it('writes the series as a table of real numbers in the indicator precision', () => {
    const ntu = indicator(IDS.ntu);
    const ws = sheetOf(wb, ntu);
    const h = tableHeaderRow(ws);
    expect((ws.getRow(h).values as unknown[]).slice(1)).toEqual([...LAGESBILD_COLUMNS]);
    expect(ws.rowCount).toBe(h + ntu.rows.length);
    const first = ntu.rows[0]!;
    const row = ws.getRow(h + 1);
    expect(row.getCell(1).value).toBe('Hedemora');
    expect(row.getCell(2).value).toBe('2083');
    expect(row.getCell(3).value).toBe('2013');
    for (const [col, expected] of [
      [6, first.value],
      [7, first.ciLow],
      [8, first.ciHigh],
    ] as const) {
      const cell = row.getCell(col);
      expect(cell.type).toBe(ExcelJS.ValueType.Number);
      expect(cell.value).toBe(expected);
      expect(cell.numFmt).toBe('#,##0.0');
    }
    expect(row.getCell(9).value).toBe(204);
    expect(row.getCell(9).numFmt).toBe('#,##0');
    expect(row.getCell(11).value).toBe('Nej');

    // An indicator with whole numbers gets no decimals.
    const v = sheetOf(wb, indicator(IDS.naraRelation));
    const vCell = v.getCell(tableHeaderRow(v) + 1, 6);
    expect(vCell.type).toBe(ExcelJS.ValueType.Number);
    expect(vCell.numFmt).toBe('#,##0');
  });

  it('leaves a missing value empty and says why in Status', () => {
    const ws = sheetOf(wb, indicator(IDS.ntu));
    const h = tableHeaderRow(ws);
    const i = indicator(IDS.ntu).rows.findIndex((r) => r.regionCode === '2082' && r.period === '2022');
    expect(i).toBeGreaterThan(0);
    const row = ws.getRow(h + 1 + i);
    expect(row.getCell(1).value).toBe('Säter');
    expect(row.getCell(3).value).toBe('2022');
    expect(row.getCell(6).value).toBeNull();
    expect(row.getCell(6).type).toBe(ExcelJS.ValueType.Null);
    expect(row.getCell(7).value).toBeNull();
    expect(row.getCell(9).value).toBe(38);
    expect(row.getCell(10).value).toBe('otillräckligt underlag');
  });

  it('marks example data in its column and in the header block', () => {
    const lupp = indicator(IDS.lupp);
    const ws = sheetOf(wb, lupp);
    const h = tableHeaderRow(ws);
    const flags = lupp.rows.map((_, i) => ws.getCell(h + 1 + i, 11).value);
    expect(flags.filter((f) => f === 'Ja')).toHaveLength(lupp.rows.filter((r) => r.isExample).length);
    expect(flags.filter((f) => f === 'Ja').length).toBeGreaterThan(0);
    expect(flags.filter((f) => f === 'Nej').length).toBeGreaterThan(0);
    expect(String(labelledValue(ws, 'Obs!'))).toMatch(/exempeldata/);
    expect(() => labelledValue(sheetOf(wb, indicator(IDS.ntu)), 'Obs!')).toThrow();
  });

  it('freezes the table header and puts an autofilter on the table', () => {
    const ntu = indicator(IDS.ntu);
    const ws = sheetOf(wb, ntu);
    const h = tableHeaderRow(ws);
    const view = ws.views[0] as ExcelJS.WorksheetViewFrozen | undefined;
    expect(view?.state).toBe('frozen');
    expect(view?.ySplit).toBe(h);
    const filter = ws.autoFilter as unknown;
    const ref = typeof filter === 'string' ? filter : null;
    expect(ref).toBe(`A${h}:K${h + ntu.rows.length}`);
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(12);
    expect(ws.getColumn(10).width).toBeGreaterThanOrEqual('otillräckligt underlag'.length);
  });

  it('stores formula-looking text as a string with an apostrophe, never as a formula', async () => {
    const ntu = sheetOf(wb, indicator(IDS.ntu));
    expect(labelledValue(ntu, 'Förbehåll')).toBe(`'${NTU_CAVEATS}`);
    const kolada = sheetOf(wb, indicator(IDS.kolada));
    expect(labelledValue(kolada, 'Förbehåll')).toBe(`'${indicator(IDS.kolada).caveats}`);
    const statuses: unknown[] = [];
    const h = tableHeaderRow(kolada);
    kolada.getColumn(10).eachCell((c, r) => {
      if (r > h && c.value !== null) statuses.push(c.value);
    });
    expect(statuses).toEqual([`'${HOSTILE_STATUS}`]);

    let cells = 0;
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          cells++;
          expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula, `${ws.name}!${cell.address}`).toBeFalsy();
          if (typeof cell.value === 'string') expect(cell.value, `${ws.name}!${cell.address}`).not.toMatch(/^[=+\-@\t\r]/);
        }),
      );
    }
    expect(cells).toBeGreaterThan(300);

    const sheetXml = Object.keys(raw.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    expect(sheetXml).toHaveLength(ALL_INDICATORS.length + 1);
    for (const f of sheetXml) {
      const xml = await raw.file(f)!.async('string');
      expect(xml, f).toMatch(/<c r="A1"/);
      expect(xml, f).not.toMatch(/<f[\s>/]/);
    }
    const shared = decodeXml(await raw.file('xl/sharedStrings.xml')!.async('string'));
    expect(shared).toContain(`<t>'${NTU_CAVEATS}</t>`);
  });
});

describe('lägesbild CSV zip', () => {
  let zip: JSZip;
  const csv = async (path: string) => {
    const f = zip.file(path);
    if (!f) throw new Error(`${path} missing`);
    // Read the bytes: the BOM is part of what is tested.
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await f.async('uint8array'));
  };

  beforeAll(async () => {
    zip = await JSZip.loadAsync(await lagesbildCsvZip(LAGESBILD));
  });

  it('has a CSV per indicator in its area folder, innehall.csv and LASMIG.txt', () => {
    const files = Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name)
      .sort();
    expect(files).toEqual([
      'LASMIG.txt',
      'N/avlopp_amfetamin.csv',
      'T/lupp_trygg_kvall.csv',
      'T/ntu_otrygg_kvall.csv',
      'V/bra_anm_vald_nara_relation_100k.csv',
      'V/bra_anm_vald_nara_relation_100k_18_64_ar.csv',
      // "/" in the id must not make a folder.
      'V/kolada_N07403.csv',
      'innehall.csv',
    ]);
  });

  it('writes Swedish-Excel CSV: BOM, semicolons, decimal comma, the sheet columns', async () => {
    const text = await csv('T/ntu_otrygg_kvall.csv');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(LAGESBILD_COLUMNS.join(';'));
    const first = indicator(IDS.ntu).rows[0]!;
    expect(first.value).toBe(27.5);
    expect(lines[1]).toBe(
      `Hedemora;2083;2013;T;;27,5;${String(first.ciLow).replace('.', ',')};${String(first.ciHigh).replace('.', ',')};204;;Nej`,
    );
    expect(lines).toHaveLength(indicator(IDS.ntu).rows.length + 2); // header + rows + the final CRLF
    expect(lines.at(-1)).toBe('');
    expect(lines).toContain('Säter;2082;2022;T;;;;;38;otillräckligt underlag;Nej');
  });

  it('neutralises formula-looking text in the data files and the contents', async () => {
    const kolada = await csv('V/kolada_N07403.csv');
    expect(kolada).toContain(`;'${HOSTILE_STATUS};Nej`);
    expect(kolada).not.toMatch(/;=cmd/);
    const contents = await csv('innehall.csv');
    expect(contents).toContain(`"'${NTU_CAVEATS.replace(/"/g, '""')}"`);
    expect(contents).toContain(";'-Värden före 2015");
  });

  it('lists every indicator with its file and statements in innehall.csv', async () => {
    const lines = (await csv('innehall.csv')).slice(1).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(ALL_INDICATORS.length + 1);
    expect(lines[0]).toBe('Områdeskod;Område;Indikator-id;Indikator;Källa;Enhet;Antal värden;Exempeldata;Fil;Signifikans;Förbehåll');
    const kolada = lines.find((l) => l.startsWith('V;') && l.includes(';kolada/N07403;'));
    expect(kolada).toContain(';V/kolada_N07403.csv;Ökningen sedan 2019 är inte statistiskt säkerställd.;');
    const lupp = lines.find((l) => l.includes(';lupp_trygg_kvall;'));
    expect(lupp).toContain(';Ja;T/lupp_trygg_kvall.csv;');
  });

  it('explains the files in LASMIG.txt', async () => {
    const text = await csv('LASMIG.txt');
    expect(text).toMatch(/^\uFEFFLägesbild-underlag – Hedemora\r\n/);
    expect(text).toMatch(/Skapad 12 maj 2026 (kl\. )?14[:.]03/);
    expect(text).toContain('95 % konfidensintervall');
    expect(text).toContain('OBS! Underlaget innehåller exempeldata');
    for (const col of LAGESBILD_COLUMNS) expect(text).toMatch(new RegExp(`^${col}\\s`, 'm'));
    expect(text).toContain('V/kolada_N07403.csv');
  });
});
