import 'server-only';
import { getImport, listAddedByImport, listImports, listRevisions } from '../db/queries/imports';
import type { ParsedObservation } from '../import/adapter';
import { commitImport, diffAgainstDb, undoImport } from '../import/commit';
import { loadImportContext } from '../import/load-context';
import { runImport, type ImportInput } from '../import/run';
import { withServerDb } from './door';
import { getDb } from '../server-db';

export const getImportHistory = withServerDb(listImports);

export const getImportDetail = withServerDb(async (db, id: number) => {
  const imp = await getImport(db, id);
  if (!imp) return null;
  const [revisions, added] = await Promise.all([listRevisions(db, id), imp.imp.kind === 'upload' ? listAddedByImport(db, id) : []]);
  return { ...imp, revisions, added };
});

export const getImportContext = withServerDb(loadImportContext);
export const getImportDiff = withServerDb((db, observations: ParsedObservation[]) => diffAgainstDb(db, observations));
export const saveImport = withServerDb(commitImport);
export const saveImportUndo = withServerDb(undoImport);

/** One import run (preview or commit) on the server's database handle: the same path as the CLI and the stream. */
export async function saveImportRun(input: ImportInput) {
  return runImport(await getDb(), input);
}
