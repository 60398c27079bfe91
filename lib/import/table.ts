import Papa from 'papaparse';
import { ImportFileError } from './issues';

export interface TableRow {
  /** 1-based line in the file (Excel row number for workbooks). */
  line: number;
  cells: string[];
}

/** A sheet or a CSV file as rows of trimmed text cells; empty rows removed, line numbers kept. */
export interface Table {
  name: string;
  rows: TableRow[];
  delimiter?: string;
  /** Parsed document for JSON sources (Kolada API responses); rows are empty then. */
  json?: unknown;
}

const TRIM = /^[\s\u00a0\u202f]+|[\s\u00a0\u202f]+$/g;
export const cleanText = (s: string | null | undefined) => (s ?? '').replace(TRIM, '');

/** Parses delimited text; the separator is `;`, `,`, tab or `|`, read from a `sep=` line or guessed. */
export function parseDelimited(text: string, name: string): Table {
  let body = text;
  let offset = 0;
  let delimiter: string | undefined;
  const sep = /^sep=(.)\r?\n/i.exec(body);
  if (sep) {
    delimiter = sep[1];
    body = body.slice(sep[0].length);
    offset = 1;
  }
  delimiter ??= guessDelimiter(body);
  const result = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false });
  const fatal = result.errors.find((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes');
  if (fatal) {
    throw new ImportFileError(`Filen ${name} kunde inte läsas som CSV: citattecken stämmer inte på rad ${(fatal.row ?? 0) + 1 + offset}.`);
  }
  const rows: TableRow[] = [];
  result.data.forEach((cells, i) => {
    const clean = cells.map(cleanText);
    while (clean.length > 0 && clean.at(-1) === '') clean.pop(); // Excel's trailing ";;;"
    if (clean.length > 0) rows.push({ line: i + 1 + offset, cells: clean });
  });
  return { name, rows, delimiter };
}

const CANDIDATES = [';', '\t', ',', '|'];

/**
 * The separator that occurs in the header (outside quotes) and gives the header's field count on the
 * first data rows. Papaparse's own guess picks "," for Swedish files with decimal commas, so it is not used.
 */
export function guessDelimiter(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 21);
  const header = lines[0] ?? '';
  const outsideQuotes = header.replace(/"[^"]*"/g, '');
  let best = { delimiter: ';', score: -1 };
  for (const d of CANDIDATES) {
    if (!outsideQuotes.includes(d)) continue;
    const parsed = Papa.parse<string[]>(lines.join('\n'), { delimiter: d }).data;
    const width = (cells: string[]) => {
      let n = cells.length;
      while (n > 1 && cells[n - 1] === '') n--; // trailing ";;;" from Excel
      return n;
    };
    const headerWidth = width(parsed[0] ?? []);
    const rows = parsed.slice(1);
    const consistent = rows.filter((r) => width(r) <= headerWidth && r.length >= headerWidth - 0).length;
    const score = rows.length === 0 ? headerWidth : consistent / rows.length + headerWidth / 1000;
    if (score > best.score) best = { delimiter: d, score };
  }
  // A title line above the header (PxWeb, Brå's and MUCF's exports) says nothing about the separator: when the
  // first line's choice fits few rows, take the separator that gives the most rows of one width (two or more).
  if (best.score < 0.5) {
    let modal = { delimiter: best.delimiter, rows: 0 };
    for (const d of CANDIDATES) {
      const counts = new Map<number, number>();
      for (const r of Papa.parse<string[]>(lines.join('\n'), { delimiter: d }).data) {
        if (r.length >= 2) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
      }
      const rows = Math.max(0, ...counts.values());
      if (rows > modal.rows) modal = { delimiter: d, rows };
    }
    if (modal.rows >= 2) return modal.delimiter;
  }
  return best.delimiter;
}

/** Lower-cased, accent-insensitive header key: "Ki_låg" → "ki_lag", "Per 100 000 inv." → "per 100 000 inv.". */
export function headerKey(h: string): string {
  return cleanText(h)
    .toLocaleLowerCase('sv-SE')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ');
}
