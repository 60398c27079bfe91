import type ExcelJS from 'exceljs';
import { ImportFileError } from './issues';
import { cleanText, type Table, type TableRow } from './table';
import { checkXlsx, XLSX_LIMITS, type XlsxLimits } from './xlsx-limits';
import { repairXlsx } from './xlsx-repair';
import { readWorkbookStreamed } from './xlsx-stream';

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    // A percent-formatted 0.38 is "38 %" to the person who typed it.
    if (typeof cell.numFmt === 'string' && cell.numFmt.includes('%')) return `${+(v * 100).toPrecision(12)}%`;
    return String(v);
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('error' in v) return String(v.error);
    if ('result' in v) {
      // Only the stored result of a formula is read; the formula itself is never evaluated or kept.
      const r = v.result;
      if (r === undefined || r === null) return '';
      if (r instanceof Date) return r.toISOString().slice(0, 10);
      return typeof r === 'object' ? ('error' in r ? String(r.error) : '') : String(r);
    }
    if ('text' in v) return String(v.text);
  }
  return String(v);
}

/** Worksheets that unpack to more than this (together) are read as streams (xlsx-stream.ts) rather than whole. */
export const STREAM_SHEET_BYTES = 4 * 1024 * 1024;

/**
 * Reads every worksheet of an .xlsx file into tables of text cells with Excel row numbers. The file is measured
 * first (checkXlsx: unpacked size, rows, columns and cells, as streams), so that only a workbook that fits is
 * read whole; a larger or hostile one is refused with a Swedish message before it takes memory or time.
 */
export async function readWorkbook(
  bytes: Uint8Array,
  fileName: string,
  limits: XlsxLimits = XLSX_LIMITS,
  streamAbove = STREAM_SHEET_BYTES,
): Promise<Table[]> {
  const shape = await checkXlsx(bytes, fileName, limits);
  // A package another tool wrote (absolute part names, prefixed elements) is rewritten into Excel's spelling
  // first; the sizes measured above still hold, since only names and prefixes change.
  bytes = (await repairXlsx(bytes)) ?? bytes;
  let sheetBytes = 0;
  for (const sheet of shape.sheets.values()) sheetBytes += sheet.bytes;
  if (sheetBytes > streamAbove) return readWorkbookStreamed(bytes, fileName);
  // Loaded on demand: exceljs is large, and CSV imports (the big ones) never need it.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(new Uint8Array(bytes).buffer); // a copy: exceljs wants a whole ArrayBuffer
  } catch {
    throw new ImportFileError(
      `Filen ${fileName} kunde inte läsas som Excel-arbetsbok (.xlsx): arbetsbokens delar går inte att tolka. Öppna den i Excel och spara den som .xlsx igen.`,
    );
  }
  return wb.worksheets.map((ws) => {
    const rows: TableRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cleanText(cellText(cell));
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= '';
      while (cells.length > 0 && cells.at(-1) === '') cells.pop();
      if (cells.length > 0) rows.push({ line, cells });
    });
    return { name: ws.name, rows };
  });
}

export function isXlsx(bytes: Uint8Array): boolean {
  // Zip container ("PK\x03\x04"): .xlsx; anything else is read as text.
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** An OLE2 compound file (D0 CF 11 E0 A1 B1 1A E1): an old binary .xls (BIFF) workbook. */
export function isXls(bytes: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && sig.every((b, i) => bytes[i] === b);
}
