import type { Db } from '../db/client';
import { describeDbError } from '../db/errors';
import { analyzeFile, sha256Hex, DEFAULT_MAX_BYTES } from './analyze';
import { commitImport, diffAgainstDb } from './commit';
import { ImportFileError, type ImportIssue } from './issues';
import { loadImportContext } from './load-context';

/** The one JSON object `npm run import -- --json` prints. */
export interface CliReport {
  source: string | null;
  file: string;
  sha256: string | null;
  rows: number;
  observations: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errors: ImportIssue[];
  committed: boolean;
}

export function maxImportBytes(): number {
  const mb = Number(process.env.IMPORT_MAX_MB ?? '');
  return Number.isFinite(mb) && mb > 0 ? mb * 1024 * 1024 : DEFAULT_MAX_BYTES;
}

/** Files above this size (IMPORT_STREAM_MB, default 8) are streamed, in the generic format, instead of read whole. */
export function streamThreshold(): number {
  const mb = Number(process.env.IMPORT_STREAM_MB ?? '');
  return (Number.isFinite(mb) && mb >= 0 && process.env.IMPORT_STREAM_MB !== '' && process.env.IMPORT_STREAM_MB !== undefined ? mb : 8) * 1024 * 1024;
}

/** Analyse, then commit (or only diff, for a dry run). Never throws for bad input: errors are data. */
export async function runImport(
  db: Db,
  input: { fileName: string; bytes: Uint8Array; source?: string; sheet?: string; dryRun: boolean; user: string },
): Promise<CliReport> {
  const base: CliReport = {
    source: input.source ?? null, file: input.fileName, sha256: sha256Hex(input.bytes), rows: 0, observations: 0,
    inserted: 0, updated: 0, unchanged: 0, errors: [], committed: false,
  };
  try {
    const ctx = await loadImportContext(db);
    const a = await analyzeFile(input, ctx, maxImportBytes());
    const report: CliReport = { ...base, source: a.adapter.id, rows: a.rows, observations: a.observations.length, errors: a.issues };
    if (a.issues.length > 0) return report;
    if (input.dryRun) {
      const d = await diffAgainstDb(db, a.observations, 0);
      return { ...report, inserted: d.inserted, updated: d.updated, unchanged: d.unchanged };
    }
    const c = await commitImport(db, a, { createdBy: input.user });
    return { ...report, inserted: c.inserted, updated: c.updated, unchanged: c.unchanged, committed: true };
  } catch (err) {
    if (err instanceof ImportFileError) return { ...base, errors: err.issues };
    return { ...base, errors: [{ row: null, column: null, value: null, message: `Importen avbröts: ${describeDbError(err)}. Inget skrevs.` }] };
  }
}
