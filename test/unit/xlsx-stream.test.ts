import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '@/lib/import/xlsx';
import { XLSX_LIMITS } from '@/lib/import/xlsx-limits';
import { sheetRow, xlsxWithSheet } from '../helpers/zip';

/** Both ways of reading: whole (exceljs) and as streams (#12.6: large sheets are streamed). */
const whole = (bytes: Uint8Array) => readWorkbook(bytes, 'test.xlsx', XLSX_LIMITS, Infinity);
const streamed = (bytes: Uint8Array) => readWorkbook(bytes, 'test.xlsx', XLSX_LIMITS, 0);

const fixtures = fs.readdirSync('test/fixtures', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.xlsx'));

describe('streamed xlsx reading gives the same tables as reading the workbook whole', () => {
  it.each(fixtures)('%s', async (f) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join('test/fixtures', f)));
    const expected = await whole(bytes);
    expect(expected.some((t) => t.rows.length > 0)).toBe(true);
    expect(await streamed(bytes)).toEqual(expected);
  });

  it('every kind of cell, as Excel (exceljs) writes them: shared and rich text, numbers, percent, dates, booleans, formulas, errors, gaps', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Värden & <data>');
    ws.addRow(['indikator', 'region', 'period', 'värde', 'andel', 'datum', 'sant', 'formel', 'fel', 'rik']);
    ws.addRow([
      'ntu_otrygg_kvall',
      '2083',
      '2025–2026',
      31.25,
      0.38,
      new Date(Date.UTC(2026, 2, 14)),
      true,
      { formula: 'D2*2', result: 62.5 },
      { error: '#N/A' },
      { richText: [{ text: 'fet ', font: { bold: true } }, { text: '& <vanlig>' }] },
    ]);
    ws.getCell('E2').numFmt = '0%';
    ws.getCell('F2').numFmt = 'yyyy-mm-dd';
    ws.addRow([]);
    ws.addRow(['  mellanslag  ', null, '', 1e-7, 0.125, null, false, { formula: 'A4', result: 'text' }]);
    ws.getCell('E4').numFmt = '0.0%';
    ws.getCell('J6').value = 'ensam cell långt bort';
    wb.addWorksheet('Tomt');
    const other = wb.addWorksheet('Andra bladet');
    other.addRow(['a', 'b']);
    other.addRow([1, 2]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const expected = await whole(bytes);
    expect(expected.map((t) => t.name)).toEqual(['Värden & <data>', 'Tomt', 'Andra bladet']);
    expect(expected[0]!.rows[1]!.cells).toEqual([
      'ntu_otrygg_kvall',
      '2083',
      '2025–2026',
      '31.25',
      '38%',
      '2026-03-14',
      'TRUE',
      '62.5',
      '#N/A',
      'fet & <vanlig>',
    ]);
    expect(await streamed(bytes)).toEqual(expected);
  });

  it('inline strings without cell references, and rows split across the pieces a stream arrives in', async () => {
    const bytes = await xlsxWithSheet(function* () {
      yield sheetRow(1, ['indikator', 'region', 'period', 'värde']);
      for (let r = 2; r <= 30_000; r++) yield `<row r="${r}"><c t="inlineStr"><is><t>rad ${r}</t></is></c><c><v>${r}</v></c></row>`;
    });
    const tables = await streamed(bytes);
    expect(tables[0]!.rows).toHaveLength(30_000);
    expect(tables[0]!.rows[29_999]).toEqual({ line: 30_000, cells: ['rad 30000', '30000'] });
    // (exceljs refuses cells without references: only the streamed reader can be asked.)
  });
});
