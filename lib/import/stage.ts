import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rowsOf } from '../db/tx';
import type { ObservationInput } from '../db/observation-input';
import { OBSERVATION_COLUMNS, OBSERVATION_COMPARED, OBSERVATION_KEY, OBSERVATION_STATE } from '../db/observation-columns';
import { issue, ImportFileError } from './issues';

/**
 * Imports go through a temporary staging table inside the import's transaction: rows are loaded there
 * (COPY on PostgreSQL for large files, batched INSERT otherwise), then checked and merged with set-based
 * SQL. Memory stays flat however large the file, and every import — small or streamed — uses this one path.
 */
export const STAGING_COLUMNS = ['row', ...OBSERVATION_COLUMNS.map((c) => c.name)];

const KEY = OBSERVATION_KEY;
/** Columns whose difference makes an incoming row a change (the rest is bookkeeping). */
const COMPARED = OBSERVATION_COMPARED;

export async function createStaging(tx: Db): Promise<void> {
  const columns = OBSERVATION_COLUMNS.map((c) => `${c.name} ${c.type}${c.notNull ? ' not null' : ''}`);
  // One transaction may write several files (the seed does): each starts from an empty staging table.
  await tx.execute(sql.raw('drop table if exists import_staging'));
  await tx.execute(sql.raw(`create temp table import_staging (row integer not null, ${columns.join(', ')}) on commit drop`));
}

/**
 * The one way observations are written: stage the rows, then merge them (an upload, a published file, the seed's
 * EUDA and example series alike). `example` rows are written only where no value exists yet and never replace one.
 */
export async function writeObservations(
  tx: Db,
  importId: number,
  rows: (ObservationInput & { row?: number })[],
  opts: MergeOptions = {},
): Promise<MergeCounts> {
  await createStaging(tx);
  // A file's rows keep their line numbers (a conflict names them); generated rows are numbered in order.
  await stageRows(
    tx,
    rows.map((o, i) => ({ ...o, row: o.row ?? i + 1 })),
  );
  return mergeStaging(tx, importId, rows.length, opts);
}

/** A staged row's values in STAGING_COLUMNS order, as COPY takes them (jsonb as JSON text). */
export function stagingValues(o: ObservationInput & { row: number }): unknown[] {
  return [
    o.row,
    ...OBSERVATION_COLUMNS.map((c) => {
      const v = c.value(o);
      return c.type === 'jsonb' && v !== null ? JSON.stringify(v) : v;
    }),
  ];
}

const RECORD_TYPES = ['row integer', ...OBSERVATION_COLUMNS.map((c) => `${c.name} ${c.type}`)].join(', ');

/**
 * Batched INSERT into staging (PGlite, and in-memory imports on PostgreSQL). Each batch travels as one JSON
 * parameter: thousands of separately bound, cast parameters are several times slower on PGlite.
 */
export async function stageRows(tx: Db, rows: (ObservationInput & { row: number })[], batch = 5000): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) {
    const records = rows
      .slice(i, i + batch)
      .map((o) => Object.fromEntries([['row', o.row], ...OBSERVATION_COLUMNS.map((c) => [c.name, c.value(o)])]));
    await tx.execute(sql`insert into import_staging (${sql.raw(STAGING_COLUMNS.join(', '))})
      select ${sql.raw(STAGING_COLUMNS.join(', '))} from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as x(${sql.raw(RECORD_TYPES)})`);
  }
}

const on = (a: string, b: string) => KEY.map((k) => `${a}.${k} = ${b}.${k}`).join(' and ');
const differs = (a: string, b: string) =>
  `(${COMPARED.map((c) => `${a}.${c}`).join(', ')}, ${a}.is_example) is distinct from (${COMPARED.map((c) => `${b}.${c}`).join(', ')}, false)`;

/** The observation state an undo restores, as stored in revisions (camelCase, as the schema names it). */
const stateJson = (t: string, isExample: string, importId: string) =>
  `jsonb_build_object(${OBSERVATION_STATE.map((c) => `'${c.field}', ${t}.${c.name}`).join(', ')}, 'isExample', ${isExample}, 'importId', ${importId})`;
const STATE_JSON = stateJson('o', 'o.is_example', 'o.import_id');

export interface MergeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface MergeOptions {
  /**
   * Example data (the seed's invented series): written with is_example only where the key has no value yet, never
   * replacing one, so it records no revisions.
   */
  example?: boolean;
}

/**
 * Checks the staged rows as a whole (one value per key), records what each changed value replaced, and
 * writes the observations. Throws ImportFileError — rolling the transaction back — on conflicting rows.
 */
export async function mergeStaging(tx: Db, importId: number, staged: number, opts: MergeOptions = {}): Promise<MergeCounts> {
  await lockObservationWrites(tx);
  const keyList = KEY.join(', ');
  // A key that occurs twice in the file would make PostgreSQL refuse the upsert (21000): only then is the file examined.
  const repeated = rowsOf(await tx.execute(sql.raw(`select 1 from import_staging group by ${keyList} having count(*) > 1 limit 1`)));
  const merge = opts.example ? insertAbsent : mergeOnce;
  if (repeated.length === 0) return merge(tx, importId, staged);
  const conflicts = rowsOf<{ first: number; other: number }>(
    await tx.execute(
      sql.raw(`
    select min(row) as first, max(row) as other from import_staging group by ${keyList}
    having count(distinct (value, ci_low, ci_high, n, status)) > 1 order by 1 limit 100`),
    ),
  );
  if (conflicts.length > 0) {
    const issues = conflicts.map((c) =>
      issue(
        Number(c.other),
        null,
        null,
        `samma indikator, region, period och grupp som rad ${c.first} men ett annat värde: filen får bara ha ett värde per nyckel`,
      ),
    );
    throw new ImportFileError(
      `Filen har ${issues.length}${issues.length === 100 ? '+' : ''} rader med motstridiga värden och importerades inte.`,
      issues,
    );
  }
  // Only identical repeats: they count once.
  const removed = rowsOf(
    await tx.execute(sql.raw(`delete from import_staging a using import_staging b where ${on('a', 'b')} and a.row > b.row returning 1`)),
  ).length;
  return merge(tx, importId, staged - removed);
}

/** The advisory lock every import merge and undo holds until its transaction ends (any constant; ours spells "TLIM"). */
const IMPORT_LOCK_KEY = 0x544c494d;

/**
 * Serialises the transactions that write observations through imports (merges and undos): the next one starts
 * only when the one before has committed, so its statements see that one's values and every revision records
 * as "before" the value it really replaced (and an undo sees every later import). Held until commit or rollback.
 */
export async function lockObservationWrites(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`);
}

async function mergeOnce(tx: Db, importId: number, staged: number): Promise<MergeCounts> {
  const id = String(Math.trunc(importId));
  const keyList = KEY.join(', ');
  const cols = OBSERVATION_COLUMNS.map((c) => c.name);
  const set = [...cols.filter((c) => !KEY.includes(c)), 'is_example', 'import_id'].map((c) => `${c} = excluded.${c}`).join(', ');
  // All parts of one statement see the same snapshot: `rev` reads the values before `up` replaces them.
  const [counts] = rowsOf<{ inserted: number; written: number; updated: number }>(
    await tx.execute(
      sql.raw(`
    with rev as (
      insert into observation_revisions (import_id, indicator_id, region_code, period, sex, grp, site, action, before, after)
      select ${id}, s.indicator_id, s.region_code, s.period, s.sex, s.grp, s.site, 'update', ${STATE_JSON}, ${stateJson('s', 'false', id)}
      from import_staging s join observations o on ${on('o', 's')} where ${differs('o', 's')}
      returning 1
    ), up as (
      insert into observations (${cols.join(', ')}, is_example, import_id)
      select ${cols.join(', ')}, false, ${id} from import_staging
      on conflict (${keyList}) do update set ${set}, updated_at = now()
      where ${differs('observations', 'excluded')}
      returning (xmax = 0) as inserted
    )
    select (select count(*) from up where inserted)::int as inserted, (select count(*) from up)::int as written,
      (select count(*) from rev)::int as updated`),
    ),
  );
  const inserted = Number(counts!.inserted);
  const updated = Number(counts!.written) - inserted;
  return { inserted, updated, unchanged: staged - inserted - updated };
}

/** Example rows: inserted where their key is free, otherwise left out (they never replace a value). */
async function insertAbsent(tx: Db, importId: number, staged: number): Promise<MergeCounts> {
  const cols = OBSERVATION_COLUMNS.map((c) => c.name).join(', ');
  const [counts] = rowsOf<{ inserted: number }>(
    await tx.execute(
      sql.raw(`
    with up as (
      insert into observations (${cols}, is_example, import_id)
      select ${cols}, true, ${String(Math.trunc(importId))} from import_staging
      on conflict (${KEY.join(', ')}) do nothing
      returning 1
    )
    select count(*)::int as inserted from up`),
    ),
  );
  const inserted = Number(counts!.inserted);
  return { inserted, updated: 0, unchanged: staged - inserted };
}

export interface StagedChange {
  row: number;
  indicatorId: string;
  regionCode: string;
  period: string;
  sex: string;
  grp: string;
  site: string;
  existed: boolean;
  value: number | null;
  status: string | null;
  oldValue: number | null;
  oldStatus: string | null;
  oldExample: boolean | null;
}

/** What merging the staged rows would do — by the same rule `mergeStaging` uses — without writing. */
export async function previewStaging(
  tx: Db,
  limit: number,
): Promise<{ inserted: number; updated: number; total: number; changes: StagedChange[] }> {
  const changed = `(o.id is null or ${differs('o', 's')})`;
  const [counts] = rowsOf<{ total: number; inserted: number; updated: number }>(
    await tx.execute(
      sql.raw(`
    select count(*)::int as total, count(*) filter (where o.id is null)::int as inserted,
      count(*) filter (where o.id is not null and ${differs('o', 's')})::int as updated
    from import_staging s left join observations o on ${on('o', 's')}`),
    ),
  );
  const changes = rowsOf<Record<string, unknown>>(
    await tx.execute(
      sql.raw(`
    select s.row, s.indicator_id, s.region_code, s.period, s.sex, s.grp, s.site, o.id is not null as existed, s.value, s.status,
      o.value as old_value, o.status as old_status, o.is_example as old_example
    from import_staging s left join observations o on ${on('o', 's')}
    where ${changed} order by s.row limit ${Math.max(0, Math.trunc(limit))}`),
    ),
  );
  return {
    total: Number(counts!.total),
    inserted: Number(counts!.inserted),
    updated: Number(counts!.updated),
    changes: changes.map((c) => ({
      row: Number(c.row),
      indicatorId: String(c.indicator_id),
      regionCode: String(c.region_code),
      period: String(c.period),
      sex: String(c.sex),
      grp: String(c.grp),
      site: String(c.site),
      existed: Boolean(c.existed),
      value: c.value === null ? null : Number(c.value),
      status: (c.status as string | null) ?? null,
      oldValue: c.old_value === null ? null : Number(c.old_value),
      oldStatus: (c.old_status as string | null) ?? null,
      oldExample: c.old_example === null ? null : Boolean(c.old_example),
    })),
  };
}
