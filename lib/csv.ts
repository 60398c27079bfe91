import Papa from 'papaparse';

/** Parses a small CSV held in memory into header-keyed rows (reference files, not user uploads). */
export function parseCsv(text: string, delimiter?: string): Record<string, string>[] {
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    delimiter,
    transformHeader: (h) => h.trim(),
  });
  if (result.errors.length > 0) {
    const e = result.errors[0]!;
    throw new Error(`CSV-fel på rad ${(e.row ?? 0) + 2}: ${e.message}`);
  }
  return result.data;
}

/** Trims spaces including no-break spaces (EUDA's site table has U+00A0 padding). */
export function cleanCell(v: string | undefined): string {
  return (v ?? '').replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, '');
}
