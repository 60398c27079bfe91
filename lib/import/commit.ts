import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { ObservationInput } from '../db/observation-input';
import { upsertObservations } from '../db/observations';
import { goalIndicators, goals, imports, observationRevisions, observations } from '../db/schema';
import type { ParsedObservation } from './adapter';
import type { Analysis } from './analyze';
import { ImportFileError } from './issues';

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

/**
 * Writes an analysed file in one transaction: the import record, a revision per new or changed value
 * (with the values it replaced), and the observations. A file with any problem is refused whole.
 */
export async function commitImport(db: Db, analysis: Analysis, opts: { createdBy: string }): Promise<CommitResult> {
  if (analysis.issues.length > 0) {
    throw new ImportFileError(`Filen ${analysis.fileName} har ${analysis.issues.length} fel och importerades inte. Rätta felen och försök igen.`, analysis.issues);
  }
  return db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    const [rec] = await tx.insert(imports).values({
      kind: 'upload', sourceId: analysis.adapter.sourceId, fileName: analysis.fileName, sha256: analysis.sha256,
      createdBy: opts.createdBy, rows: analysis.rows, observations: analysis.observations.length,
      adapter: analysis.adapter.id, encoding: analysis.encoding, sheet: analysis.sheet,
    }).returning({ id: imports.id });
    const importId = rec!.id;
    const totals = { inserted: 0, updated: 0, unchanged: 0 };
    for (let i = 0; i < analysis.observations.length; i += CHUNK) {
      const batch = analysis.observations.slice(i, i + CHUNK);
      // Lock the rows this batch may change, so a concurrent import cannot slip between read and write.
      const existing = await existingFor(tx, batch, true);
      const revisions = [];
      for (const o of batch) {
        const old = existing.get(inputKey(o));
        const next = incomingState(o, importId);
        if (old && !differs(stateOf(old), next)) continue;
        revisions.push({
          importId, indicatorId: o.indicatorId, regionCode: o.regionCode, period: o.period.label, sex: o.sex ?? 'T',
          grp: o.grp ?? '', site: o.site ?? '', action: old ? ('update' as const) : ('insert' as const),
          before: old ? stateOf(old) : null, after: next,
        });
      }
      if (revisions.length > 0) await tx.insert(observationRevisions).values(revisions);
      const c = await upsertObservations(tx, batch, { importId, isExample: false, mode: 'replace' });
      totals.inserted += c.inserted;
      totals.updated += c.updated;
      totals.unchanged += c.unchanged;
    }
    await tx.update(imports).set(totals).where(eq(imports.id, importId));
    return { importId, ...totals };
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
    const revs = await tx.select().from(observationRevisions)
      .where(and(eq(observationRevisions.importId, importId), inArray(observationRevisions.action, ['insert', 'update'])))
      .orderBy(asc(observationRevisions.id));
    let restored = 0;
    let removed = 0;
    const conflicts: string[] = [];
    const plan: { rev: (typeof revs)[number]; current: ObservationRow }[] = [];
    for (const rev of revs) {
      const [current] = await tx.select().from(observations).where(and(
        eq(observations.indicatorId, rev.indicatorId), eq(observations.regionCode, rev.regionCode), eq(observations.period, rev.period),
        eq(observations.sex, rev.sex), eq(observations.grp, rev.grp), eq(observations.site, rev.site))).for('update');
      if (!current || current.importId !== importId) {
        conflicts.push(`${rev.indicatorId} ${rev.regionCode} ${rev.period}`);
        continue;
      }
      plan.push({ rev, current });
    }
    if (conflicts.length > 0) {
      throw new UndoConflictError(
        `${conflicts.length} värden från importen har ändrats av senare importer (t.ex. ${conflicts.slice(0, 3).join('; ')}). Ångra de senare importerna först.`,
      );
    }
    for (const { rev, current } of plan) {
      if (rev.action === 'insert' || !rev.before) {
        await tx.delete(observations).where(eq(observations.id, current.id));
        removed++;
      } else {
        await tx.update(observations).set({ ...(rev.before as Partial<ObservationRow>), updatedAt: sql`now()` }).where(eq(observations.id, current.id));
        restored++;
      }
      await tx.insert(observationRevisions).values({
        importId, indicatorId: rev.indicatorId, regionCode: rev.regionCode, period: rev.period, sex: rev.sex, grp: rev.grp,
        site: rev.site, action: 'undo', before: stateOf(current), after: rev.before ?? { removed: true },
      });
    }
    await tx.update(imports).set({ undoneAt: sql`now()`, undoneBy: opts.by }).where(eq(imports.id, importId));
    return { restored, removed };
  });
}
