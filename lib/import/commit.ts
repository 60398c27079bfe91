import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { writeAudit } from '../audit';
import type { Db } from '../db/client';
import { withTx } from '../db/tx';
import { goalIndicators, goals, imports, observationRevisions, observations } from '../db/schema';
import type { ParsedObservation } from './adapter';
import type { Analysis } from './analyze';
import { ImportFileError } from './issues';
import { createStaging, lockObservationWrites, previewStaging, stageRows, writeObservations } from './stage';

type ObservationRow = typeof observations.$inferSelect;

export interface Change {
  row: number;
  indicatorId: string;
  regionCode: string;
  period: string;
  sex: string;
  grp: string;
  site: string;
  kind: 'new' | 'changed';
  before: { value: number | null; status: string | null; isExample: boolean } | null;
  after: { value: number | null; status: string | null };
}

export interface Diff {
  inserted: number;
  updated: number;
  unchanged: number;
  /** New and changed observations, in file order (the preview shows the first ones). */
  changes: Change[];
  affectedGoals: { code: string; text: string }[];
}

class PreviewDone extends Error {
  constructor(readonly diff: Diff) {
    super('preview');
  }
}

/**
 * What committing would do, without writing anything: the rows are staged in a transaction that is always
 * rolled back, and compared by the same SQL rule the commit uses, so preview and commit cannot disagree.
 */
export async function diffAgainstDb(db: Db, obs: ParsedObservation[], limit = 1000): Promise<Diff> {
  const ids = [...new Set(obs.map((o) => o.indicatorId))];
  const affectedGoals =
    ids.length === 0
      ? []
      : await db
          .selectDistinct({ code: goals.code, text: goals.text })
          .from(goalIndicators)
          .innerJoin(goals, eq(goals.id, goalIndicators.goalId))
          .where(inArray(goalIndicators.indicatorId, ids))
          .orderBy(asc(goals.code));
  try {
    await withTx(db, async (tx) => {
      await createStaging(tx);
      await stageRows(tx, obs);
      const p = await previewStaging(tx, limit);
      throw new PreviewDone({
        inserted: p.inserted,
        updated: p.updated,
        unchanged: p.total - p.inserted - p.updated,
        affectedGoals,
        changes: p.changes.map((c) => ({
          row: c.row,
          indicatorId: c.indicatorId,
          regionCode: c.regionCode,
          period: c.period,
          sex: c.sex,
          grp: c.grp,
          site: c.site,
          kind: c.existed ? 'changed' : 'new',
          before: c.existed ? { value: c.oldValue, status: c.oldStatus, isExample: c.oldExample ?? false } : null,
          after: { value: c.value, status: c.status },
        })),
      });
    });
  } catch (err) {
    if (err instanceof PreviewDone) return err.diff;
    throw err;
  }
  throw new Error('unreachable: the preview transaction always ends with PreviewDone');
}

export interface CommitResult {
  importId: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Provenance beyond what the file itself tells: when and how a published file was retrieved. */
export interface RetrievalInfo {
  retrieved: string | null;
  note: string | null;
  url?: string | null;
}

type RecordInput = Pick<Analysis, 'fileName' | 'sha256' | 'rows' | 'encoding' | 'sheet'> &
  Partial<Pick<Analysis, 'sheets'>> & {
    adapter: { id: string; sourceId: string | null };
    observations: number;
    provenance?: Analysis['provenance'];
  };

/** The import record an upload (or the seed's load of a published file) writes first; its id marks every value it sets. */
export async function createImportRecord(
  tx: Db,
  a: RecordInput,
  createdBy: string,
  opts: { kind?: 'upload' | 'seed'; retrieval?: RetrievalInfo } = {},
): Promise<number> {
  const sheets = a.sheets ?? [];
  const sheet = a.sheet ?? (sheets.length > 1 ? `${sheets.length} blad` : (sheets[0] ?? null));
  const [rec] = await tx
    .insert(imports)
    .values({
      kind: opts.kind ?? 'upload',
      sourceId: a.adapter.sourceId,
      fileName: a.fileName,
      sha256: a.sha256,
      createdBy,
      rows: a.rows,
      observations: a.observations,
      adapter: a.adapter.id,
      encoding: a.encoding,
      sheet,
      publication: a.provenance?.publication ?? null,
      publisher: a.provenance?.publisher ?? null,
      sourceUrl: opts.retrieval?.url ?? a.provenance?.url ?? null,
      retrieved: opts.retrieval?.retrieved ?? null,
      provenanceNote: opts.retrieval?.note ?? null,
    })
    .returning({ id: imports.id });
  return rec!.id;
}

/**
 * Writes an analysed file in one transaction: the import record, a revision for every value it
 * replaces (with the old state), and the observations. A file with any problem is refused whole.
 */
/** Who acts, for the change record (audit_log) written in the same transaction as the change. */
export interface Actor {
  actorId: string | null;
  actor: string;
  ip?: string | null;
}

export async function commitImport(
  db: Db,
  analysis: Analysis,
  opts: { createdBy: string; audit?: Actor; kind?: 'upload' | 'seed'; retrieval?: RetrievalInfo; afterWrite?: (tx: Db) => Promise<void> },
): Promise<CommitResult> {
  if (analysis.issues.length > 0) throw refusedFile(analysis);
  return withTx(db, async (tx) => {
    const importId = await createImportRecord(tx, { ...analysis, observations: analysis.observations.length }, opts.createdBy, opts);
    const counts = await writeObservations(tx, importId, analysis.observations);
    await tx.update(imports).set(counts).where(eq(imports.id, importId));
    await opts.afterWrite?.(tx);
    if (opts.audit) {
      await writeAudit(tx, {
        ...opts.audit,
        action: 'import',
        targetType: 'import',
        targetId: importId,
        summary: `Importerade ${analysis.fileName} (${analysis.adapter.label}): ${counts.inserted} nya, ${counts.updated} ändrade, ${counts.unchanged} oförändrade värden.`,
        after: { file: analysis.fileName, sha256: analysis.sha256, ...counts },
      });
    }
    return { importId, ...counts };
  });
}

/** Why a file with problems is not written: it is refused whole. */
export function refusedFile(analysis: Analysis): ImportFileError {
  return new ImportFileError(
    `Filen ${analysis.fileName} har ${analysis.issues.length} fel och importerades inte. Rätta felen och försök igen.`,
    analysis.issues,
  );
}

export class UndoConflictError extends Error {}

/**
 * Undoes an import exactly: values it created are removed, values it replaced are restored as they were
 * (including example flags and the import that had written them). Refused when a later import has since
 * changed one of its values: undo that one first.
 */
export async function undoImport(
  db: Db,
  importId: number,
  opts: { by: string; audit?: Actor },
): Promise<{ restored: number; removed: number }> {
  return withTx(db, async (tx) => {
    await lockObservationWrites(tx); // no import merges while this one is checked and undone
    const [rec] = await tx.select().from(imports).where(eq(imports.id, importId)).for('update');
    if (!rec) throw new UndoConflictError(`Importen ${importId} finns inte.`);
    if (rec.kind !== 'upload') throw new UndoConflictError('Grunddata och exempeldata kan inte ångras.');
    if (rec.undoneAt) throw new UndoConflictError(`Importen ${importId} är redan ångrad.`);
    // A later import that replaced one of this import's values recorded it (importId) as the state before.
    const later = await tx
      .select({
        importId: observationRevisions.importId,
        indicatorId: observationRevisions.indicatorId,
        regionCode: observationRevisions.regionCode,
        period: observationRevisions.period,
      })
      .from(observationRevisions)
      .innerJoin(imports, eq(imports.id, observationRevisions.importId))
      .where(
        and(
          eq(observationRevisions.action, 'update'),
          sql`${observationRevisions.before}->>'importId' = ${String(importId)}`,
          isNull(imports.undoneAt),
        ),
      )
      .limit(3);
    if (later.length > 0) {
      throw new UndoConflictError(
        `Värden från importen har ändrats av senare importer (t.ex. ${later.map((l) => `${l.indicatorId} ${l.regionCode} ${l.period} i import ${l.importId}`).join('; ')}). Ångra de senare importerna först.`,
      );
    }
    const revs = await tx
      .select()
      .from(observationRevisions)
      .where(and(eq(observationRevisions.importId, importId), eq(observationRevisions.action, 'update')))
      .orderBy(asc(observationRevisions.id));
    let restored = 0;
    for (const rev of revs) {
      const res = await tx
        .update(observations)
        .set({ ...(rev.before as Partial<ObservationRow>), updatedAt: sql`now()` })
        .where(
          and(
            eq(observations.indicatorId, rev.indicatorId),
            eq(observations.regionCode, rev.regionCode),
            eq(observations.period, rev.period),
            eq(observations.sex, rev.sex),
            eq(observations.grp, rev.grp),
            eq(observations.site, rev.site),
            eq(observations.importId, importId),
          ),
        )
        .returning({ id: observations.id });
      restored += res.length;
    }
    // What is still marked with this import and was not a replacement, it created.
    const removed = (await tx.delete(observations).where(eq(observations.importId, importId)).returning({ id: observations.id })).length;
    await tx.insert(observationRevisions).values({
      importId,
      indicatorId: '*',
      regionCode: '*',
      period: '*',
      sex: 'T',
      grp: '',
      site: '',
      action: 'undo',
      before: null,
      after: { restored, removed, by: opts.by },
    });
    await tx
      .update(imports)
      .set({ undoneAt: sql`now()`, undoneBy: opts.by })
      .where(eq(imports.id, importId));
    if (opts.audit) {
      await writeAudit(tx, {
        ...opts.audit,
        action: 'import_undone',
        targetType: 'import',
        targetId: importId,
        summary: `Ångrade import ${importId} (${rec.fileName}): ${restored} värden återställda, ${removed} borttagna.`,
        before: { status: 'gäller' },
        after: { status: 'ångrad', restored, removed },
      });
    }
    return { restored, removed };
  });
}
