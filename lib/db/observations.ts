import { sql } from 'drizzle-orm';
import type { Db } from './client';
import { OBSERVATION_STATE, type ObservationField } from './observation-columns';
import type { ObservationInput } from './observation-input';
import { observations } from './schema';

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

const VALUE_FIELDS = [...OBSERVATION_STATE.map((c) => c.field), 'isExample' as const];

const CHUNK = 500;

function toRow(o: ObservationInput, importId: number, isExample: boolean) {
  return {
    indicatorId: o.indicatorId,
    regionCode: o.regionCode,
    period: o.period.label,
    periodKind: o.period.kind,
    periodStart: o.period.start,
    periodEnd: o.period.end,
    referenceYear: o.referenceYear ?? null,
    sex: o.sex ?? 'T',
    grp: o.grp ?? '',
    site: o.site ?? '',
    value: o.value,
    ciLow: o.ciLow ?? null,
    ciHigh: o.ciHigh ?? null,
    n: o.n ?? null,
    numerator: o.numerator ?? null,
    denominator: o.denominator ?? null,
    responseRate: o.responseRate ?? null,
    status: o.status ?? null,
    note: o.note ?? null,
    detail: o.detail ?? null,
    isExample,
    importId,
  } satisfies Record<ObservationField | 'isExample' | 'importId', unknown>; // every column of OBSERVATION_COLUMNS
}

const target = [observations.indicatorId, observations.regionCode, observations.period, observations.sex, observations.grp, observations.site];

/**
 * Writes observations by natural key. `replace` updates rows whose values differ (and only those, so a
 * re-load counts as unchanged); `keep` never touches an existing row — used for example data, which
 * must not overwrite real values.
 */
export async function upsertObservations(
  db: Db,
  rows: ObservationInput[],
  opts: { importId: number; isExample: boolean; mode: 'replace' | 'keep' },
): Promise<WriteCounts> {
  const counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
  for (let i = 0; i < rows.length; i += CHUNK) {
    const values = rows.slice(i, i + CHUNK).map((o) => toRow(o, opts.importId, opts.isExample));
    if (opts.mode === 'keep') {
      const written = await db.insert(observations).values(values).onConflictDoNothing({ target }).returning({ id: observations.id });
      counts.inserted += written.length;
      counts.unchanged += values.length - written.length;
      continue;
    }
    const cols = VALUE_FIELDS.map((f) => sql.identifier(observations[f].name));
    const current = sql.join(cols.map((c) => sql`${observations}.${c}`), sql`, `);
    const incoming = sql.join(cols.map((c) => sql`excluded.${c}`), sql`, `);
    const written = await db
      .insert(observations)
      .values(values)
      .onConflictDoUpdate({
        target,
        set: {
          ...Object.fromEntries(VALUE_FIELDS.map((f) => [f, sql`excluded.${sql.identifier(observations[f].name)}`])),
          importId: sql`excluded.import_id`,
          updatedAt: sql`now()`,
        },
        setWhere: sql`(${current}) is distinct from (${incoming})`,
      })
      // xmax = 0 only on a freshly inserted tuple: tells inserts from updates in one statement.
      .returning({ inserted: sql<boolean>`(xmax = 0)` });
    const ins = written.filter((w) => w.inserted).length;
    counts.inserted += ins;
    counts.updated += written.length - ins;
    counts.unchanged += values.length - written.length;
  }
  return counts;
}
