import type { ObservationInput } from './observation-input';

/**
 * The observation record, defined once: every column an import or the seed writes, with its SQL name and type, the
 * schema's field name, and its value taken from an ObservationInput. The staging table, its column lists, the merge
 * SQL and the seed's writes are derived from this list; a unit test checks it against `observations` in schema.ts.
 * Not listed: the bookkeeping columns id, is_example, import_id and updated_at.
 */
export interface ObservationColumn<F extends string = string> {
  /** Column name in SQL. */
  name: string;
  /** The schema's field name. */
  field: F;
  /** SQL type, as `getSQLType()` names it. */
  type: string;
  notNull: boolean;
  /** Part of the natural key (indicator × region × period × sex × grp × site). */
  key: boolean;
  /** A difference makes an incoming row a change (period kind and dates follow from the label, so they are not compared). */
  compared: boolean;
  value: (o: ObservationInput) => unknown;
}

const col = <F extends string>(
  name: string,
  field: F,
  type: string,
  role: 'key' | 'derived' | 'compared',
  notNull: boolean,
  value: (o: ObservationInput) => unknown,
): ObservationColumn<F> => ({ name, field, type, notNull, key: role === 'key', compared: role === 'compared', value });

export const OBSERVATION_COLUMNS = [
  col('indicator_id', 'indicatorId', 'text', 'key', true, (o) => o.indicatorId),
  col('region_code', 'regionCode', 'text', 'key', true, (o) => o.regionCode),
  col('period', 'period', 'text', 'key', true, (o) => o.period.label),
  col('period_kind', 'periodKind', 'period_kind', 'derived', true, (o) => o.period.kind),
  col('period_start', 'periodStart', 'date', 'derived', true, (o) => o.period.start),
  col('period_end', 'periodEnd', 'date', 'derived', true, (o) => o.period.end),
  col('reference_year', 'referenceYear', 'integer', 'compared', false, (o) => o.referenceYear ?? null),
  col('sex', 'sex', 'sex', 'key', true, (o) => o.sex ?? 'T'),
  col('grp', 'grp', 'text', 'key', true, (o) => o.grp ?? ''),
  col('site', 'site', 'text', 'key', true, (o) => o.site ?? ''),
  col('value', 'value', 'double precision', 'compared', false, (o) => o.value),
  col('ci_low', 'ciLow', 'double precision', 'compared', false, (o) => o.ciLow ?? null),
  col('ci_high', 'ciHigh', 'double precision', 'compared', false, (o) => o.ciHigh ?? null),
  col('n', 'n', 'integer', 'compared', false, (o) => o.n ?? null),
  col('numerator', 'numerator', 'double precision', 'compared', false, (o) => o.numerator ?? null),
  col('denominator', 'denominator', 'double precision', 'compared', false, (o) => o.denominator ?? null),
  col('response_rate', 'responseRate', 'double precision', 'compared', false, (o) => o.responseRate ?? null),
  col('status', 'status', 'observation_status', 'compared', false, (o) => o.status ?? null),
  col('note', 'note', 'text', 'compared', false, (o) => o.note ?? null),
  col('detail', 'detail', 'jsonb', 'compared', false, (o) => o.detail ?? null),
] as const;

export type ObservationField = (typeof OBSERVATION_COLUMNS)[number]['field'];

/** Columns of the natural key, in SQL. */
export const OBSERVATION_KEY = OBSERVATION_COLUMNS.filter((c) => c.key).map((c) => c.name);
/** Columns whose difference makes an incoming row a change, in SQL. */
export const OBSERVATION_COMPARED = OBSERVATION_COLUMNS.filter((c) => c.compared).map((c) => c.name);
/** The fields besides the key: the state a revision records and an undo restores. */
export const OBSERVATION_STATE = OBSERVATION_COLUMNS.filter((c) => !c.key);
