import { createHash } from 'node:crypto';
import { formatNumber } from '../format';
import type { AdapterResult, ParsedObservation, Provenance, SourceAdapter } from './adapter';
import type { ImportContext } from './context';
import { decodeText, type TextEncoding } from './decode';
import { ImportFileError, issue, type ImportIssue } from './issues';
import { loadKoladaKpis } from './kolada-kpis';
import { applyMapping, findHeader, guessMapping, headerSignature, mappingGaps, type ColumnMapping } from './mapping';
import { ADAPTERS, getAdapter } from './registry';
import type { SavedMapping } from './saved-mappings';
import { eudaCompanion } from './sources/euda';
import { parseDelimited, type Table } from './table';
import { validateObservations } from './validate';
import { isXls, isXlsx, readWorkbook } from './xlsx';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export interface AnalyzeInput {
  fileName: string;
  bytes: Uint8Array;
  /** Adapter id chosen by the user; otherwise recognised from the header. */
  source?: string;
  /** Worksheet chosen by the user when a workbook has several candidates. */
  sheet?: string;
  /** A column mapping chosen by the user (upload page or `--map`): the file is read with it, whatever its header. */
  mapping?: ColumnMapping;
  /** Mappings saved earlier, by header signature: applied when no adapter recognises the file. */
  savedMappings?: Map<string, SavedMapping>;
}

/** The mapping a file was read with, shown in the preview (and changeable there). */
export interface AppliedMapping {
  signature: string;
  headers: string[];
  mapping: ColumnMapping;
  /** given = chosen for this upload (saved on commit); saved = found under the file's header signature. */
  origin: 'given' | 'saved';
  savedBy?: string;
  savedAt?: string;
}

/** What the upload page needs to offer a mapping for a file no adapter recognises. */
export interface MappingOffer {
  signature: string;
  sheet: string | null;
  headers: string[];
  /** The first data rows, as text, so the user sees what each column holds. */
  sample: string[][];
  suggestion: ColumnMapping;
  gaps: string[];
}

/** A file that no adapter recognises but that is nearly a long table: the user maps its columns. */
export class MappingNeededError extends ImportFileError {
  constructor(
    message: string,
    readonly offer: MappingOffer,
    sheets?: string[],
  ) {
    super(message, undefined, sheets);
  }
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
  mapping: AppliedMapping | null;
  summary: { indicators: string[]; regions: string[]; periods: string[]; breakdowns: string[] };
  /** Names beside the ids: people read indicator and region names, codes only beside them. */
  names: { indicators: Record<string, string>; regions: Record<string, string> };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function readTables(
  input: AnalyzeInput,
): Promise<{ tables: Table[]; format: 'csv' | 'xlsx' | 'json'; encoding: TextEncoding | null }> {
  if (isXls(input.bytes)) {
    throw new ImportFileError(
      `Filen ${input.fileName} är en äldre Excel-fil (.xls). Öppna den i Excel och spara som .xlsx (Arkiv → Spara som → Excel-arbetsbok), eller som CSV UTF-8, och ladda upp den igen.`,
    );
  }
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

interface Choice {
  match: { table: Table; adapter: SourceAdapter } | null;
  /** Why nothing matched (with the nearest source by the columns that do match). */
  message: string;
  pool: Table[];
}

function choose(input: AnalyzeInput, tables: Table[]): Choice {
  const nonEmpty = tables.filter((t) => t.rows.length > 0 || t.json !== undefined);
  if (nonEmpty.length === 0) throw new ImportFileError(`Filen ${input.fileName} innehåller inga rader.`);
  let pool = nonEmpty;
  if (input.sheet) {
    const t = tables.find((x) => x.name === input.sheet);
    if (!t)
      throw new ImportFileError(`Bladet "${input.sheet}" finns inte. Arbetsboken har bladen: ${tables.map((x) => x.name).join(', ')}.`);
    pool = [t];
  }
  const forced = input.source ? getAdapter(input.source) : undefined;
  if (input.source && !forced) {
    throw new ImportFileError(`Okänd källa "${input.source}". Välj en av: ${ADAPTERS.map((a) => a.id).join(', ')}.`);
  }
  const adapters = forced ? [forced] : ADAPTERS;
  const matches: { table: Table; adapter: SourceAdapter }[] = [];
  // The nearest source is the one with the most columns that actually match (not the highest partial score:
  // a title-and-layout check that half-matches any wide table said "Närmast: NTU" for a Kolada file).
  let nearest: { adapter: SourceAdapter; matched: number; score: number; missing: string[] } | null = null;
  for (const table of pool) {
    for (const adapter of adapters) {
      const d = adapter.detect(table);
      if (d.score >= 1) {
        matches.push({ table, adapter });
        break; // registry order: the most specific adapter first, the generic template last
      }
      const matched = d.matched ?? 0;
      if (matched > 0 && (!nearest || matched > nearest.matched || (matched === nearest.matched && d.score > nearest.score))) {
        nearest = { adapter, matched, score: d.score, missing: d.missing };
      }
    }
  }
  const sheets = [...new Set(matches.map((m) => m.table))];
  if (sheets.length > 1) {
    const message = `Arbetsboken har flera blad som kan importeras: ${sheets.map((t) => `"${t.name}"`).join(', ')}. Välj vilket blad som ska läsas.`;
    throw new ImportFileError(
      message,
      undefined,
      sheets.map((t) => t.name),
    );
  }
  if (matches.length > 0) return { match: matches[0]!, message: '', pool };
  for (const table of pool) {
    const companion = eudaCompanion(table);
    if (companion) throw new ImportFileError(companion);
  }
  const tried = adapters.map((a) => a.label).join('; ');
  const near =
    nearest && nearest.matched >= 2
      ? ` Närmast: ${nearest.adapter.label} (${nearest.matched} kolumner känns igen)${nearest.missing.length ? `, men ${nearest.missing.map((m) => `"${m}"`).join(', ')} saknas` : ''}.`
      : '';
  const what = forced
    ? `Filen har inte formatet för ${forced.label}: förväntade ${forced.expects}.`
    : `Okänt filformat: rubrikraden känns inte igen. Provade: ${tried}.`;
  return { match: null, message: `${what}${near}`, pool };
}

/** Reads one table with a mapping (given, or saved under its header signature). */
function mapped(
  table: Table,
  mapping: ColumnMapping,
  origin: AppliedMapping['origin'],
  ctx: ImportContext,
  saved?: SavedMapping,
): { parsed: AdapterResult; applied: AppliedMapping } {
  const h = findHeader(table);
  const parsed = applyMapping(table, mapping, ctx, { kpis: loadKoladaKpis() });
  const applied: AppliedMapping = { signature: h ? headerSignature(h) : '', headers: h?.headers ?? [], mapping, origin };
  if (saved) Object.assign(applied, { savedBy: saved.updatedBy, savedAt: saved.updatedAt });
  return { parsed, applied };
}

export const MAPPING_ADAPTER = { id: 'kolumnmappning', label: 'Egen kolumnmappning', sourceId: null } as const;

/** Reads, recognises, maps and validates a file. Pure apart from reading the bytes given; writes nothing. */
export async function analyzeFile(input: AnalyzeInput, ctx: ImportContext, maxBytes = DEFAULT_MAX_BYTES): Promise<Analysis> {
  if (input.bytes.length > maxBytes) {
    throw new ImportFileError(
      `Filen ${input.fileName} är ${formatNumber(input.bytes.length / 1048576, 1)} MB; största tillåtna storlek är ${formatNumber(maxBytes / 1048576, 0)} MB.`,
    );
  }
  if (input.bytes.length === 0) throw new ImportFileError(`Filen ${input.fileName} är tom.`);
  const { tables, format, encoding } = await readTables(input);
  const whole = format === 'xlsx' && !input.mapping ? chooseWorkbook(input, tables) : null;
  let adapter: Pick<SourceAdapter, 'id' | 'label' | 'sourceId'>;
  let parsed: AdapterResult;
  let table: Table | null = null;
  let applied: AppliedMapping | null = null;
  if (whole?.parseWorkbook) {
    adapter = whole;
    parsed = whole.parseWorkbook(tables, ctx);
  } else if (input.mapping && format !== 'json') {
    const pool = tables.filter((t) => t.rows.length > 0);
    table = input.sheet ? (tables.find((t) => t.name === input.sheet) ?? null) : (pool[0] ?? null);
    if (!table)
      throw new ImportFileError(input.sheet ? `Bladet "${input.sheet}" finns inte.` : `Filen ${input.fileName} innehåller inga rader.`);
    adapter = MAPPING_ADAPTER;
    ({ parsed, applied } = mapped(table, input.mapping, 'given', ctx));
  } else {
    const choice = choose(input, tables);
    if (choice.match) {
      ({ table, adapter } = choice.match);
      parsed = choice.match.adapter.parse(table, ctx);
    } else {
      const candidates = choice.pool.filter((t) => t.json === undefined && findHeader(t));
      const withSaved = candidates
        .map((t) => ({ t, saved: input.savedMappings?.get(headerSignature(findHeader(t)!)) }))
        .find((c) => c.saved);
      if (withSaved?.saved && !input.source) {
        table = withSaved.t;
        adapter = MAPPING_ADAPTER;
        ({ parsed, applied } = mapped(table, withSaved.saved.mapping, 'saved', ctx, withSaved.saved));
      } else {
        const offered = input.source ? undefined : candidates[0];
        const h = offered ? findHeader(offered) : null;
        if (!offered || !h || offered.rows.length < h.index + 2) throw new ImportFileError(choice.message);
        const suggestion = guessMapping(h);
        const offer: MappingOffer = {
          signature: headerSignature(h),
          sheet: format === 'xlsx' ? offered.name : null,
          headers: h.headers,
          sample: offered.rows.slice(h.index + 1, h.index + 6).map((r) => r.cells),
          suggestion,
          gaps: mappingGaps(suggestion),
        };
        throw new MappingNeededError(
          `${choice.message} Du kan i stället ange vilken kolumn som är vad (kolumnmappning: på sidan Importera, eller med --indicator och --map på kommandoraden).`,
          offer,
          format === 'xlsx' && tables.length > 1 ? tables.filter((t) => t.rows.length > 0).map((t) => t.name) : undefined,
        );
      }
    }
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
    mapping: applied,
    summary: {
      indicators: uniq(obs.map((o) => o.indicatorId)),
      regions: uniq(obs.map((o) => o.regionCode)),
      periods: uniq(obs.map((o) => o.period.label)),
      breakdowns: uniq(
        obs
          .flatMap((o) => [o.sex && o.sex !== 'T' ? `kön ${o.sex}` : '', o.grp ? `grupp ${o.grp}` : '', o.site ? `plats ${o.site}` : ''])
          .filter(Boolean),
      ),
    },
    names: {
      indicators: Object.fromEntries(uniq(obs.map((o) => o.indicatorId)).map((id) => [id, ctx.indicators.get(id)?.name ?? id])),
      regions: Object.fromEntries(uniq(obs.map((o) => o.regionCode)).map((code) => [code, ctx.regions.get(code)?.name ?? code])),
    },
  };
}
