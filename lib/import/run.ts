import fs from 'node:fs';
import type { DbHandle } from '../db/client';
import { describeDbError } from '../db/errors';
import { readEnv, type Env } from '../env';
import { analyzeFile, sha256Hex, DEFAULT_MAX_BYTES, type Analysis } from './analyze';
import type { Provenance } from './adapter';
import { commitImport, diffAgainstDb, refusedFile, type Actor, type Diff, type RetrievalInfo } from './commit';
import { ImportFileError } from './issues';
import { loadImportContext } from './load-context';
import type { ColumnMapping } from './mapping';
import type { CliReport } from './report';
import { loadSavedMappings, saveMapping } from './saved-mappings';
import { streamGenericImport } from './stream';

const MB = 1024 * 1024;

/** The size limits, from the validated environment: IMPORT_MAX_MB (a file read whole), IMPORT_STREAM_MB (streamed above). */
export function importLimits(env: Env = readEnv()): { maxBytes: number; streamAbove: number } {
  return { maxBytes: env.IMPORT_MAX_MB > 0 ? env.IMPORT_MAX_MB * MB : DEFAULT_MAX_BYTES, streamAbove: env.IMPORT_STREAM_MB * MB };
}

/** The file was not the one previewed (its checksum differs): nothing was written. */
export class FileChangedError extends ImportFileError {}

export interface ImportInput {
  fileName: string;
  /** The file: its bytes (an upload), or its path on disk (the CLI), which is streamed when large and in the generic format. */
  file: { bytes: Uint8Array } | { path: string };
  source?: string;
  sheet?: string;
  /** A column mapping chosen for this file (upload page, `--map`); saved under its header signature when committed. */
  mapping?: ColumnMapping;
  /** Only compare with the database; write nothing. */
  dryRun: boolean;
  user: string;
  /** Written to the change record (audit_log) with the commit. */
  audit?: Actor;
  /** Commit only if the file has this checksum (the one its preview showed). */
  sha256?: string;
  /** How many changes a dry run lists (the preview shows them). */
  changes?: number;
  /** A streamed file: called once, inside the transaction, when the first rows are staged. */
  onStaged?: () => void;
  /** Who published what was fetched (the Kolada fetch: "Kolada API v3"), when the bytes do not say it themselves. */
  provenance?: Provenance;
  /** When and from where it was retrieved, stored with the import record. */
  retrieval?: RetrievalInfo;
}

export interface ImportRun {
  report: CliReport;
  /** The analysed file (null when streamed, or when it could not be read at all). */
  analysis: Analysis | null;
  /** A dry run's comparison with the database (null otherwise, or when the file has errors). */
  diff: Diff | null;
  importId: number | null;
  /** Why the file was refused, when it was (report.errors lists the same issues). */
  refusal: ImportFileError | null;
  /** An unexpected failure (database down, a bug): report.errors says that the import was aborted. */
  failure: unknown;
}

function isStreamed(input: ImportInput, size: number, streamAbove: number): boolean {
  const name = input.fileName;
  return (
    !input.mapping && size > streamAbove && !name.endsWith('.xlsx') && !name.endsWith('.json') && (input.source ?? 'generic') === 'generic'
  );
}

/**
 * The one way a file is imported — by the upload route, the CLI and for large files the streamed path: analyse,
 * then commit (or, for a dry run, only compare). Never throws: a refused file and a failure are data.
 */
export async function runImport(handle: DbHandle, input: ImportInput): Promise<ImportRun> {
  const base: CliReport = {
    source: input.source ?? null,
    file: input.fileName,
    sha256: null,
    rows: 0,
    observations: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    errors: [],
    committed: false,
  };
  const run: ImportRun = { report: { ...base }, analysis: null, diff: null, importId: null, refusal: null, failure: null };
  try {
    const limits = importLimits();
    const ctx = await loadImportContext(handle.db);
    if ('path' in input.file && isStreamed(input, fs.statSync(input.file.path).size, limits.streamAbove)) {
      run.report = await streamGenericImport(handle, ctx, {
        file: input.file.path,
        fileName: input.fileName,
        dryRun: input.dryRun,
        user: input.user,
        onStaged: input.onStaged,
      });
      return run;
    }
    const bytes = 'bytes' in input.file ? input.file.bytes : new Uint8Array(fs.readFileSync(input.file.path));
    base.sha256 = run.report.sha256 = sha256Hex(bytes);
    const savedMappings = input.mapping ? undefined : await loadSavedMappings(handle.db);
    const a = await analyzeFile(
      { fileName: input.fileName, bytes, source: input.source, sheet: input.sheet, mapping: input.mapping, savedMappings },
      ctx,
      limits.maxBytes,
    );
    if (input.provenance) a.provenance = input.provenance;
    run.analysis = a;
    Object.assign(run.report, { source: a.adapter.id, rows: a.rows, observations: a.observations.length, errors: a.issues });
    if (!input.dryRun && input.sha256 !== undefined && input.sha256 !== a.sha256) {
      throw new FileChangedError('Filen har ändrats sedan förhandsgranskningen. Förhandsgranska den igen innan du bekräftar.');
    }
    if (a.issues.length > 0) {
      if (!input.dryRun) run.refusal = refusedFile(a);
      return run;
    }
    if (input.dryRun) {
      const d = await diffAgainstDb(handle.db, a.observations, input.changes ?? 0);
      run.diff = d;
      Object.assign(run.report, { inserted: d.inserted, updated: d.updated, unchanged: d.unchanged });
      return run;
    }
    const given = a.mapping?.origin === 'given' && a.mapping.signature ? a.mapping : null;
    const c = await commitImport(handle.db, a, {
      createdBy: input.user,
      audit: input.audit,
      retrieval: input.retrieval,
      // The mapping is saved in the import's own transaction: both are written, or neither.
      afterWrite: given
        ? (tx) =>
            saveMapping(tx, {
              signature: given.signature,
              headers: given.headers,
              mapping: given.mapping,
              fileName: a.fileName,
              by: input.user,
            })
        : undefined,
    });
    run.importId = c.importId;
    Object.assign(run.report, { inserted: c.inserted, updated: c.updated, unchanged: c.unchanged, committed: true });
    return run;
  } catch (err) {
    if (err instanceof ImportFileError) {
      run.refusal = err;
      run.report = { ...base, errors: err.issues };
      return run;
    }
    run.failure = err;
    run.report = {
      ...base,
      errors: [{ row: null, column: null, value: null, message: `Importen avbröts: ${describeDbError(err)}. Inget skrevs.` }],
    };
    return run;
  }
}
