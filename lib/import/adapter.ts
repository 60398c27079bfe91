import type { ObservationInput } from '../db/observation-input';
import type { ImportContext } from './context';
import type { ImportIssue } from './issues';
import type { Table } from './table';

export interface ParsedObservation extends ObservationInput {
  /** File row the value came from, for messages and the preview. */
  row: number;
  /** Worksheet the value came from, when a workbook is read whole. */
  sheet?: string;
}

/** Who published the values, stored with the import and shown beside the series it wrote. */
export interface Provenance {
  publication: string;
  publisher: string;
  url: string | null;
}

export interface AdapterResult {
  observations: ParsedObservation[];
  issues: ImportIssue[];
  /** Data rows read (header and title rows excluded). */
  rows: number;
  /** Things the user should know that are not errors ("12 rader utanför Sverige hoppades över"). */
  notes?: string[];
  /** The publication the file is (when the layout identifies it). */
  provenance?: Provenance;
}

/**
 * One module per source. `detect` reads only the first rows (header/title) and returns how well the
 * table matches (0 = not this source, 1 = certain) with what is missing and how many of its columns the header has
 * (`matched`, which ranks the "nearest source" when a file is refused); `parse` maps rows to observations.
 * Adapters are pure: no database, no Next.js.
 */
export interface SourceAdapter {
  id: string;
  /** Swedish name shown in the UI: "Brå anmälda brott (kommun-CSV)". */
  label: string;
  /** Row in `sources` the data comes from (null for the generic template, whose rows name indicators). */
  sourceId: string | null;
  /** What the adapter expects, for "unknown header" messages. */
  expects: string;
  detect(table: Table): { score: number; missing: string[]; matched?: number };
  parse(table: Table, ctx: ImportContext): AdapterResult;
  /** Adapters for publications spread over many sheets: whether this workbook is one, read whole in one import. */
  detectWorkbook?(tables: Table[]): boolean;
  parseWorkbook?(tables: Table[], ctx: ImportContext): AdapterResult;
}
