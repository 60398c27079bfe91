import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { ObservationInput } from '../db/observation-input';
import { goalIndicators, goals, imports, observationRevisions, observations } from '../db/schema';
import type { ParsedObservation } from './adapter';
import type { Analysis } from './analyze';
import { ImportFileError } from './issues';
import { createStaging, mergeStaging, stageRows } from './stage';

type ObservationRow = typeof observations.$inferSelect;

/** The columns an import writes and an undo restores: everything but the key and bookkeeping. */
const STATE_FIELDS = [
  'periodKind', 'periodStart', 'periodEnd', 'referenceYear', 'value', 'ciLow', 'ciHigh', 'n', 'numerator', 'denominator',
  'responseRate', 'status', 'note', 'detail', 'isExample', 'importId',
] as const;
type State = Partial<Record<(typeof STATE_FIELDS)[number], unknown>>;

/** Fields that decide whether an incoming value differs from the stored one. */
const COMPARED = STATE_FIELDS.filter((f) => f !== 'importId' && f !== 'periodKind' && f !== 'periodStart' && f !== 'periodEnd');

function stable(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

function stateOf(row: ObservationRow): State {
  return Object.fromEntries(STATE_FIELDS.map((f) => [f, row[f]]));
}

function incomingState(o: ObservationInput, importId: number | null): State {
  return {
    periodKind: o.period.kind, periodStart: o.period.start, periodEnd: o.period.end, referenceYear: o.referenceYear ?? null,
    value: o.value, ciLow: o.ciLow ?? null, ciHigh: o.ciHigh ?? null, n: o.n ?? null, numerator: o.numerator ?? null,
    denominator: o.denominator ?? null, responseRate: o.responseRate ?? null, status: o.status ?? null, note: o.note ?? null,
    detail: o.detail ?? null, isExample: false, importId,
  };
}

const differs = (a: State, b: State) => COMPARED.some((f) => stable(a[f]) !== stable(b[f]));

const keyOf = (o: { indicatorId: string; regionCode: string; period: string; sex: string; grp: string; site: string }) =>
  [o.indicatorId, o.regionCode, o.period, o.sex, o.grp, o.site].join('\u001f');
const inputKey = (o: ObservationInput) =>
  keyOf({ indicatorId: o.indicatorId, regionCode: o.regionCode, period: o.period.label, sex: o.sex ?? 'T', grp: o.grp ?? '', site: o.site ?? '' });

const CHUNK = 500;

/**
 * Stored rows for a batch of natural keys, in one query: the keys travel as one JSON parameter
 * (a long row-constructor IN list is slow on PGlite and silently matched nothing past a few hundred keys).
 */
async function existingFor(db: Db, batch: ObservationInput[], forUpdate: boolean): Promise<Map<string, ObservationRow>> {
  const keys = JSON.stringify(batch.map((o) => ({ i: o.indicatorId, r: o.regionCode, p: o.period.label, s: o.sex ?? 'T', g: o.grp ?? '', t: o.site ?? '' })));
  const q = db.select().from(observations).where(sql`exists (
    select 1 from jsonb_to_recordset(${keys}::jsonb) as k(i text, r text, p text, s text, g text, t text)
    where ${observations.indicatorId} = k.i and ${observations.regionCode} = k.r and ${observations.period} = k.p
      and ${observations.sex} = k.s::sex and ${observations.grp} = k.g and ${observations.site} = k.t)`);
  const rows = forUpdate ? await q.for('update') : await q;
  return new Map(rows.map((r) => [keyOf(r), r]));
}

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

/** What committing would do, computed without writing anything. */
export async function diffAgainstDb(db: Db, obs: ParsedObservation[], limit = 1000): Promise<Diff> {
  const diff: Diff = { inserted: 0, updated: 0, unchanged: 0, changes: [], affectedGoals: [] };
  for (let i = 0; i < obs.length; i += CHUNK) {
    const batch = obs.slice(i, i + CHUNK);
    const existing = await existingFor(db, batch, false);
    for (const o of batch) {
      const old = existing.get(inputKey(o));
      const next = incomingState(o, null);
      if (old && !differs(stateOf(old), next)) {
        diff.unchanged++;
        continue;
      }
      if (old) diff.updated++;
      else diff.inserted++;
      if (diff.changes.length < limit) {
        diff.changes.push({
          row: o.row, indicatorId: o.indicatorId, regionCode: o.regionCode, period: o.period.label, sex: o.sex ?? 'T',
          grp: o.grp ?? '', site: o.site ?? '', kind: old ? 'changed' : 'new',
          before: old ? { value: old.value, status: old.status, isExample: old.isExample } : null,
          after: { value: o.value, status: o.status ?? null },
        });
      }
    }
  }
  const ids = [...new Set(obs.map((o) => o.indicatorId))];
  if (ids.length > 0) {
    const rows = await db.selectDistinct({ code: goals.code, text: goals.text }).from(goalIndicators)
      .innerJoin(goals, eq(goals.id, goalIndicators.goalId)).where(inArray(goalIndicators.indicatorId, ids)).orderBy(asc(goals.code));
    diff.affectedGoals = rows;
  }
  return diff;
}

export interface CommitResult {
  importId: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

/** The import record an upload writes first; its id marks every value it sets. */
export async function createImportRecord(tx: Db, a: Pick<Analysis, 'fileName' | 'sha256' | 'rows' | 'encoding' | 'sheet'> & { adapter: { id: string; sourceId: string | null }; observations: number }, createdBy: string): Promise<number> {
  const [rec] = await tx.insert(imports).values({
    kind: 'upload', sourceId: a.adapter.sourceId, fileName: a.fileName, sha256: a.sha256, createdBy, rows: a.rows,
    observations: a.observations, adapter: a.adapter.id, encoding: a.encoding, sheet: a.sheet,
  }).returning({ id: imports.id });
  return rec!.id;
}

/**
 * Writes an analysed file in one transaction: the import record, a revision for every value it
 * replaces (with the old state), and the observations. A file with any problem is refused whole.
 */
export async function commitImport(db: Db, analysis: Analysis, opts: { createdBy: string }): Promise<CommitResult> {
  if (analysis.issues.length > 0) {
    throw new ImportFileError(`Filen ${analysis.fileName} har ${analysis.issues.length} fel och importerades inte. Rätta felen och försök igen.`, analysis.issues);
  }
  return db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    const importId = await createImportRecord(tx, { ...analysis, observations: analysis.observations.length }, opts.createdBy);
    await createStaging(tx);
    await stageRows(tx, analysis.observations);
    const counts = await mergeStaging(tx, importId, analysis.observations.length);
    await tx.update(imports).set(counts).where(eq(imports.id, importId));
    return { importId, ...counts };
  });
}

export class UndoConflictError extends Error {}

/**
 * Undoes an import exactly: values it created are removed, values it replaced are restored as they were
 * (including example flags and the import that had written them). Refused when a later import has since
 * changed one of its values: undo that one first.
 */
export async function undoImport(db: Db, importId: number, opts: { by: string }): Promise<{ restored: number; removed: number }> {
  return db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    const [rec] = await tx.select().from(imports).where(eq(imports.id, importId)).for('update');
    if (!rec) throw new UndoConflictError(`Importen ${importId} finns inte.`);
    if (rec.kind !== 'upload') throw new UndoConflictError('Grunddata och exempeldata kan inte ångras.');
    if (rec.undoneAt) throw new UndoConflictError(`Importen ${importId} är redan ångrad.`);
    // A later import that replaced one of this import's values recorded it (importId) as the state before.
    const later = await tx.select({ importId: observationRevisions.importId, indicatorId: observationRevisions.indicatorId,
      regionCode: observationRevisions.regionCode, period: observationRevisions.period })
      .from(observationRevisions).innerJoin(imports, eq(imports.id, observationRevisions.importId))
      .where(and(eq(observationRevisions.action, 'update'), sql`${observationRevisions.before}->>'importId' = ${String(importId)}`, isNull(imports.undoneAt)))
      .limit(3);
    if (later.length > 0) {
      throw new UndoConflictError(
        `Värden från importen har ändrats av senare importer (t.ex. ${later.map((l) => `${l.indicatorId} ${l.regionCode} ${l.period} i import ${l.importId}`).join('; ')}). Ångra de senare importerna först.`,
      );
    }
    const revs = await tx.select().from(observationRevisions)
      .where(and(eq(observationRevisions.importId, importId), eq(observationRevisions.action, 'update')))
      .orderBy(asc(observationRevisions.id));
    let restored = 0;
    for (const rev of revs) {
      const res = await tx.update(observations).set({ ...(rev.before as Partial<ObservationRow>), updatedAt: sql`now()` }).where(and(
        eq(observations.indicatorId, rev.indicatorId), eq(observations.regionCode, rev.regionCode), eq(observations.period, rev.period),
        eq(observations.sex, rev.sex), eq(observations.grp, rev.grp), eq(observations.site, rev.site), eq(observations.importId, importId),
      )).returning({ id: observations.id });
      restored += res.length;
    }
    // What is still marked with this import and was not a replacement, it created.
    const removed = (await tx.delete(observations).where(eq(observations.importId, importId)).returning({ id: observations.id })).length;
    await tx.insert(observationRevisions).values({
      importId, indicatorId: '*', regionCode: '*', period: '*', sex: 'T', grp: '', site: '', action: 'undo',
      before: null, after: { restored, removed, by: opts.by },
    });
    await tx.update(imports).set({ undoneAt: sql`now()`, undoneBy: opts.by }).where(eq(imports.id, importId));
    return { restored, removed };
  });
}
