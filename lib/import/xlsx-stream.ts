import { ImportFileError } from './issues';
import { cleanText, type Table, type TableRow } from './table';
import { damaged, packedData, readDirectory, scanPart, type ZipEntry } from './xlsx-limits';

/*
 * Reads the worksheets of an .xlsx as streams: each sheet's XML is unpacked and parsed a piece at a time, and
 * only the text of its cells is kept (no cell objects, no XML tree). Used for large sheets, where reading the
 * workbook whole (exceljs) would take the server's memory and stall it for seconds. Gives the same tables as
 * readWorkbook's exceljs path: text as typed, stored formula results, percent formats as "38%", dates as
 * yyyy-mm-dd (a test compares the two).
 */

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
function unescapeXml(s: string): string {
  return s.includes('&')
    ? s.replace(ENTITY, (_, dec, hex, name) => (name ? NAMED[name]! : String.fromCodePoint(dec ? Number(dec) : parseInt(hex, 16))))
    : s;
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]!) : undefined;
}

/** The text of every <t> in a fragment (rich-text runs joined), without phonetic guides (<rPh>). */
function texts(fragment: string): string {
  let out = '';
  for (const m of fragment.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g))
    out += unescapeXml(m[1] ?? '');
  return out;
}

async function partText(bytes: Uint8Array, e: ZipEntry | undefined, fileName: string): Promise<string> {
  if (!e) return '';
  let text = '';
  await scanPart(
    packedData(bytes, e, fileName),
    e.method,
    Number.MAX_SAFE_INTEGER,
    (t, overlap) => {
      text += t.slice(overlap);
    },
    () => damaged(fileName),
  );
  return text;
}

const DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);
const PERCENT_FORMATS = new Set([9, 10]);

interface Styles {
  percent: boolean[];
  date: boolean[];
}

function readStyles(xml: string): Styles {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*>/g)) custom.set(Number(attr(m[0], 'numFmtId')), attr(m[0], 'formatCode') ?? '');
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const styles: Styles = { percent: [], date: [] };
  for (const m of xfs.matchAll(/<xf\b[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    const code = custom.get(id);
    // A custom format: strip quoted text, escapes and colours before looking for %, or for date/time letters.
    const bare = code?.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '') ?? '';
    styles.percent.push(code !== undefined ? bare.includes('%') : PERCENT_FORMATS.has(id));
    styles.date.push(code !== undefined ? /[dmyhs]/i.test(bare) && !bare.includes('%') : DATE_FORMATS.has(id));
  }
  return styles;
}

function columnIndex(ref: string | undefined): number | null {
  const m = ref ? /^([A-Z]{1,3})/.exec(ref) : null;
  if (!m) return null;
  let n = 0;
  for (const ch of m[1]!) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

function excelDate(serial: number, date1904: boolean): string {
  const ms = Math.round((serial - (date1904 ? -1462 : 0) - 25569) * 86400000);
  return new Date(ms).toISOString().slice(0, 10);
}

interface SheetContext {
  shared: string[];
  styles: Styles;
  date1904: boolean;
}

function cellValue(open: string, inner: string, ctx: SheetContext): string {
  const type = attr(open, 't') ?? 'n';
  const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(inner)?.[1];
  switch (type) {
    case 's':
      return v === undefined ? '' : (ctx.shared[Number(v)] ?? '');
    case 'inlineStr':
      return texts(/<is>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? '');
    case 'str':
    case 'e':
      return v === undefined ? '' : unescapeXml(v);
    case 'b':
      return v === undefined ? '' : v.trim() === '1' ? 'TRUE' : 'FALSE';
    case 'd':
      return v === undefined ? '' : unescapeXml(v).slice(0, 10);
    default: {
      if (v === undefined || v.trim() === '') return '';
      const n = Number(v);
      const style = Number(attr(open, 's') ?? 0);
      if (ctx.styles.date[style]) return excelDate(n, ctx.date1904);
      if (ctx.styles.percent[style]) return `${+(n * 100).toPrecision(12)}%`;
      return String(n);
    }
  }
}

const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

/** One row's XML larger than this is refused (no real sheet has one; parsing would only grow the buffer). */
const MAX_ROW_CHARS = 4 * 1024 * 1024;

/** Parses the complete <row> elements of `xml` into `rows`. */
function parseRows(xml: string, rows: TableRow[], ctx: SheetContext, last: { line: number }): void {
  ROW.lastIndex = 0;
  for (let m = ROW.exec(xml); m; m = ROW.exec(xml)) {
    const r = attr(`<row${m[1]}>`, 'r');
    const line = r ? Number(r) : last.line + 1;
    last.line = line;
    const cells: string[] = [];
    let next = 0;
    for (const c of (m[2] ?? '').matchAll(CELL)) {
      const open = `<c${c[1]}>`;
      const col = columnIndex(attr(open, 'r')) ?? next;
      next = col + 1;
      cells[col] = cleanText(cellValue(open, c[2] ?? '', ctx));
    }
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    while (cells.length > 0 && cells.at(-1) === '') cells.pop();
    if (cells.length > 0) rows.push({ line, cells });
  }
}

function cellRef(ref: string): { row: number; col: number } | null {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  return m ? { row: Number(m[2]), col: columnIndex(m[1])! } : null;
}

/**
 * Merged cells (listed after the rows, in <mergeCells>) all show the value of their first cell, as Excel shows
 * them and exceljs reads them.
 */
function fillMerges(rows: TableRow[], tail: string): TableRow[] {
  const merges = [...tail.matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+\d+):([A-Z]+\d+)"/g)];
  if (merges.length === 0) return rows;
  const byLine = new Map(rows.map((r) => [r.line, r]));
  for (const m of merges) {
    const from = cellRef(m[1]!);
    const to = cellRef(m[2]!);
    if (!from || !to) continue;
    const value = byLine.get(from.row)?.cells[from.col] ?? '';
    if (value === '') continue;
    for (let line = from.row; line <= to.row; line++) {
      let row = byLine.get(line);
      if (!row) byLine.set(line, (row = { line, cells: [] }));
      for (let col = from.col; col <= to.col; col++) row.cells[col] = value;
      for (let i = 0; i < row.cells.length; i++) row.cells[i] ??= '';
    }
  }
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}

/** The worksheets of the workbook in tab order, with their part names. */
function sheetParts(workbook: string, rels: string): { name: string; part: string }[] {
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const target = attr(m[0], 'Target') ?? '';
    targets.set(attr(m[0], 'Id') ?? '', target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => ({
    name: attr(m[0], 'name') ?? '',
    part: targets.get(attr(m[0], 'r:id') ?? '') ?? '',
  }));
}

/** Reads every worksheet of an .xlsx (already measured by checkXlsx) as streams. */
export async function readWorkbookStreamed(bytes: Uint8Array, fileName: string): Promise<Table[]> {
  try {
    const entries = new Map(readDirectory(bytes, fileName).map((e) => [e.name, e]));
    const workbook = await partText(bytes, entries.get('xl/workbook.xml'), fileName);
    if (!workbook) throw damaged(fileName);
    const ctx: SheetContext = {
      shared: [...(await partText(bytes, entries.get('xl/sharedStrings.xml'), fileName)).matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map(
        (m) => texts(m[1] ?? ''),
      ),
      styles: readStyles(await partText(bytes, entries.get('xl/styles.xml'), fileName)),
      date1904: /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbook),
    };
    const tables: Table[] = [];
    for (const { name, part } of sheetParts(workbook, await partText(bytes, entries.get('xl/_rels/workbook.xml.rels'), fileName))) {
      const e = entries.get(part);
      if (!e) continue;
      const rows: TableRow[] = [];
      const last = { line: 0 };
      let pending = '';
      const take = (text: string) => {
        pending += text;
        // Only complete rows are parsed; the rest waits for the next piece.
        const end = pending.lastIndexOf('</row>');
        if (end < 0) {
          if (pending.length > MAX_ROW_CHARS)
            throw new ImportFileError(
              `Arbetsboken ${fileName} har en rad som är större än ${MAX_ROW_CHARS / 1048576} MB och kan inte läsas.`,
            );
          return;
        }
        parseRows(pending.slice(0, end + 6), rows, ctx, last);
        pending = pending.slice(end + 6);
      };
      await scanPart(
        packedData(bytes, e, fileName),
        e.method,
        Number.MAX_SAFE_INTEGER,
        (text, overlap) => take(text.slice(overlap)),
        () => damaged(fileName),
      );
      parseRows(pending, rows, ctx, last); // after the last </row>: at most self-closing (empty) rows
      tables.push({ name, rows: fillMerges(rows, pending) });
    }
    return tables;
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    throw damaged(fileName);
  }
}
