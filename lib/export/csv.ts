/**
 * CSV that opens correctly in Swedish Excel: UTF-8 with BOM, semicolons, decimal comma, CRLF, and no cell
 * that Excel would run as a formula (a leading = + - @ tab or CR gets an apostrophe, OWASP's advice).
 */
export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cellText(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  // Numbers are written as Excel reads them under Swedish settings; negative numbers are data, not formulas.
  if (typeof v === 'number') return Number.isFinite(v) ? String(v).replace('.', ',') : '';
  const safe = neutralise(v);
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toSwedishCsv(header: string[], rows: CsvCell[][]): string {
  return `\uFEFF${[header.map(cellText), ...rows.map((r) => r.map(cellText))].map((r) => r.join(';')).join('\r\n')}\r\n`;
}
