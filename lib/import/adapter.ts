import type { ObservationInput } from '../db/observation-input';
import type { ImportContext } from './context';
import type { ImportIssue } from './issues';
import type { Table } from './table';

export interface ParsedObservation extends ObservationInput {
  /** File row the value came from, for messages and the preview. */
  row: number;
}

export interface AdapterResult {
  observations: ParsedObservation[];
  issues: ImportIssue[];
  /** Data rows read (header and title rows excluded). */
  rows: number;
  /** Things the user should know that are not errors ("12 rader utanför Sverige hoppades över"). */
  notes?: string[];
}

/**
 * One module per source. `detect` reads only the first rows (header/title) and returns how well the
 * table matches (0 = not this source, 1 = certain) with what is missing; `parse` maps rows to observations.
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
  detect(table: Table): { score: number; missing: string[] };
  parse(table: Table, ctx: ImportContext): AdapterResult;
}
