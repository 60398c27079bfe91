import { headerKey, type Table, type TableRow } from './table';

export interface ColumnSpec<K extends string = string> {
  key: K;
  /** Accepted header names (any case, accents optional): Swedish first, then English aliases. */
  names: string[];
  required: boolean;
}

export interface HeaderMatch<K extends string> {
  /** Header row the columns were found on. */
  headerRow: TableRow | null;
  index: Partial<Record<K, number>>;
  missing: ColumnSpec<K>[];
  score: number;
}

/** Finds the named columns in the first row of a table (the template formats). */
export function matchColumns<K extends string>(table: Table, specs: ColumnSpec<K>[]): HeaderMatch<K> {
  const headerRow = table.rows[0] ?? null;
  const keys = (headerRow?.cells ?? []).map(headerKey);
  const index: Partial<Record<K, number>> = {};
  for (const spec of specs) {
    const names = spec.names.map(headerKey);
    const i = keys.findIndex((k) => names.includes(k));
    if (i >= 0) index[spec.key] = i;
  }
  const required = specs.filter((s) => s.required);
  const missing = required.filter((s) => index[s.key] === undefined);
  const score = required.length === 0 ? 0 : (required.length - missing.length) / required.length;
  return { headerRow, index, missing, score };
}

/** The header's own spelling of a column (for messages), or its first accepted name. */
export function columnLabel<K extends string>(m: HeaderMatch<K>, spec: ColumnSpec<K>): string {
  const i = m.index[spec.key];
  return (i !== undefined ? m.headerRow?.cells[i] : undefined) || spec.names[0]!;
}

export function cell<K extends string>(row: TableRow, m: HeaderMatch<K>, key: K): string {
  const i = m.index[key];
  return i === undefined ? '' : (row.cells[i] ?? '');
}
