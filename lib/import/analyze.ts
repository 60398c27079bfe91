import { createHash } from 'node:crypto';
import { formatNumber } from '../format';
import type { AdapterResult, ParsedObservation, Provenance, SourceAdapter } from './adapter';
import type { ImportContext } from './context';
import { decodeText, type TextEncoding } from './decode';
import { ImportFileError, issue, type ImportIssue } from './issues';
import { ADAPTERS, getAdapter } from './registry';
import { parseDelimited, type Table } from './table';
import { validateObservations } from './validate';
import { isXlsx, readWorkbook } from './xlsx';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export interface AnalyzeInput {
  fileName: string;
  bytes: Uint8Array;
  /** Adapter id chosen by the user; otherwise recognised from the header. */
  source?: string;
  /** Worksheet chosen by the user when a workbook has several candidates. */
  sheet?: string;
}

export interface Analysis {
  fileName: string;
  sha256: string;
  size: number;
  format: 'csv' | 'xlsx' | 'json';
  encoding: TextEncoding | null;
  delimiter: string | null;
  /** The worksheet read; null for text files and for a workbook read whole (see `sheets`). */
  sheet: string | null;
  /** Every worksheet read, when a workbook is read whole in one import. */
  sheets: string[];
  provenance: Provenance | null;
  adapter: { id: string; label: string; sourceId: string | null };
  rows: number;
  observations: ParsedObservation[];
  issues: ImportIssue[];
  notes: string[];
  summary: { indicators: string[]; regions: string[]; periods: string[]; breakdowns: string[] };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function readTables(input: AnalyzeInput): Promise<{ tables: Table[]; format: 'csv' | 'xlsx' | 'json'; encoding: TextEncoding | null }> {
  if (isXlsx(input.bytes)) return { tables: await readWorkbook(input.bytes, input.fileName), format: 'xlsx', encoding: null };
  const { text, encoding } = decodeText(input.bytes, input.fileName);
  if (/^\s*[{[]/.test(text)) {
    try {
      return { tables: [{ name: input.fileName, rows: [], json: JSON.parse(text) }], format: 'json', encoding };
    } catch {
      throw new ImportFileError(`Filen ${input.fileName} ser ut som JSON men kunde inte tolkas som JSON.`);
    }
  }
  return { tables: [parseDelimited(text, input.fileName)], format: 'csv', encoding };
}

/** A publication spread over many sheets (Brå's lägesbild workbook) is read whole, unless one sheet is asked for. */
function chooseWorkbook(input: AnalyzeInput, tables: Table[]): SourceAdapter | null {
  if (input.sheet || tables.length < 2) return null;
  const candidates = input.source ? ADAPTERS.filter((a) => a.id === input.source) : ADAPTERS;
  return candidates.find((a) => a.detectWorkbook?.(tables)) ?? null;
}

function choose(input: AnalyzeInput, tables: Table[]): { table: Table; adapter: SourceAdapter } {
  const nonEmpty = tables.filter((t) => t.rows.length > 0 || t.json !== undefined);
  if (nonEmpty.length === 0) throw new ImportFileError(`Filen ${input.fileName} innehåller inga rader.`);
  let pool = nonEmpty;
  if (input.sheet) {
    const t = tables.find((x) => x.name === input.sheet);
    if (!t) throw new ImportFileError(`Bladet "${input.sheet}" finns inte. Arbetsboken har bladen: ${tables.map((x) => x.name).join(', ')}.`);
    pool = [t];
  }
  const forced = input.source ? getAdapter(input.source) : undefined;
  if (input.source && !forced) {
    throw new ImportFileError(`Okänd källa "${input.source}". Välj en av: ${ADAPTERS.map((a) => a.id).join(', ')}.`);
  }
  const adapters = forced ? [forced] : ADAPTERS;
  const matches: { table: Table; adapter: SourceAdapter }[] = [];
  let nearest: { adapter: SourceAdapter; score: number; missing: string[]; table: Table } | null = null;
  for (const table of pool) {
    for (const adapter of adapters) {
      const d = adapter.detect(table);
      if (d.score >= 1) {
        matches.push({ table, adapter });
        break; // registry order: the most specific adapter first, the generic template last
      }
      if (!nearest || d.score > nearest.score) nearest = { adapter, score: d.score, missing: d.missing, table };
    }
  }
  const sheets = [...new Set(matches.map((m) => m.table))];
  if (sheets.length > 1) {
    const message = `Arbetsboken har flera blad som kan importeras: ${sheets.map((t) => `"${t.name}"`).join(', ')}. Välj vilket blad som ska läsas.`;
    throw new ImportFileError(message, undefined, sheets.map((t) => t.name));
  }
  if (matches.length === 0) {
    const tried = adapters.map((a) => a.label).join('; ');
    const near = nearest && nearest.score > 0
      ? ` Närmast: ${nearest.adapter.label}${nearest.missing.length ? `, men kolumnerna ${nearest.missing.map((m) => `"${m}"`).join(', ')} saknas` : ''}.`
      : '';
    const what = forced ? `Filen har inte formatet för ${forced.label}: förväntade ${forced.expects}.` : `Okänt filformat: rubrikraden känns inte igen. Provade: ${tried}.`;
    throw new ImportFileError(`${what}${near}`);
  }
  return matches[0]!;
}

/** Reads, recognises, maps and validates a file. Pure apart from reading the bytes given; writes nothing. */
export async function analyzeFile(input: AnalyzeInput, ctx: ImportContext, maxBytes = DEFAULT_MAX_BYTES): Promise<Analysis> {
  if (input.bytes.length > maxBytes) {
    throw new ImportFileError(
      `Filen ${input.fileName} är ${formatNumber(input.bytes.length / 1048576, 1)} MB; största tillåtna storlek är ${formatNumber(maxBytes / 1048576, 0)} MB.`,
    );
  }
  if (input.bytes.length === 0) throw new ImportFileError(`Filen ${input.fileName} är tom.`);
  const { tables, format, encoding } = await readTables(input);
  const whole = format === 'xlsx' ? chooseWorkbook(input, tables) : null;
  let adapter: SourceAdapter;
  let parsed: AdapterResult;
  let table: Table | null = null;
  if (whole?.parseWorkbook) {
    adapter = whole;
    parsed = whole.parseWorkbook(tables, ctx);
  } else {
    ({ table, adapter } = choose(input, tables));
    parsed = adapter.parse(table, ctx);
  }
  if (parsed.rows === 0) throw new ImportFileError(`Filen ${input.fileName} har bara rubrikrad och inga datarader.`);
  const checked = validateObservations(parsed.observations, ctx);
  const issues = [...parsed.issues, ...checked.issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  if (checked.observations.length === 0 && issues.length === 0) {
    issues.push(issue(null, null, null, 'Filen innehöll inga värden att importera.'));
  }
  const uniq = (xs: string[]) => [...new Set(xs)].sort((a, b) => a.localeCompare(b, 'sv'));
  const obs = checked.observations;
  return {
    fileName: input.fileName,
    sha256: sha256Hex(input.bytes),
    size: input.bytes.length,
    format,
    encoding,
    delimiter: table?.delimiter ?? null,
    sheet: format === 'xlsx' && table ? table.name : null,
    sheets: format !== 'xlsx' ? [] : table ? [table.name] : tables.filter((t) => t.rows.length > 0).map((t) => t.name),
    provenance: parsed.provenance ?? null,
    adapter: { id: adapter.id, label: adapter.label, sourceId: adapter.sourceId },
    rows: parsed.rows,
    observations: obs,
    issues,
    notes: parsed.notes ?? [],
    summary: {
      indicators: uniq(obs.map((o) => o.indicatorId)),
      regions: uniq(obs.map((o) => o.regionCode)),
      periods: uniq(obs.map((o) => o.period.label)),
      breakdowns: uniq(obs.flatMap((o) => [o.sex && o.sex !== 'T' ? `kön ${o.sex}` : '', o.grp ? `grupp ${o.grp}` : '', o.site ? `plats ${o.site}` : '']).filter(Boolean)),
    },
  };
}
