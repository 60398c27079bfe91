import type { SourceAdapter, ParsedObservation } from '../adapter';
import { cell, columnLabel, matchColumns, type ColumnSpec, type HeaderMatch } from '../columns';
import type { ImportContext } from '../context';
import type { TableRow } from '../table';
import { RowReader } from '../fields';
import { resolveRegionLabel } from '../labels';
import type { ImportIssue } from '../issues';

export type GenericKey = 'indicator' | 'region' | 'period' | 'sex' | 'group' | 'value' | 'ciLow' | 'ciHigh' | 'n' | 'status' | 'note';

export const GENERIC_COLUMNS: ColumnSpec<GenericKey>[] = [
  { key: 'indicator', names: ['indikator', 'indicator'], required: true },
  { key: 'region', names: ['region'], required: true },
  { key: 'period', names: ['period'], required: true },
  { key: 'sex', names: ['kön', 'sex'], required: false },
  { key: 'group', names: ['grupp', 'group'], required: false },
  { key: 'value', names: ['värde', 'value'], required: true },
  { key: 'ciLow', names: ['ki_låg', 'ci_low'], required: false },
  { key: 'ciHigh', names: ['ki_hög', 'ci_high'], required: false },
  { key: 'n', names: ['n'], required: false },
  { key: 'status', names: ['status'], required: false },
  { key: 'note', names: ['kommentar', 'note'], required: false },
];

const labelCache = new WeakMap<HeaderMatch<GenericKey>, Record<GenericKey, string>>();

/** The header's spelling of each column, worked out once per file rather than once per row. */
function labelsOf(m: HeaderMatch<GenericKey>): Record<GenericKey, string> {
  let labels = labelCache.get(m);
  if (!labels) {
    labels = Object.fromEntries(GENERIC_COLUMNS.map((s) => [s.key, columnLabel(m, s)])) as Record<GenericKey, string>;
    labelCache.set(m, labels);
  }
  return labels;
}

/** One data row of the generic format; shared by the in-memory adapter and the streaming CLI import. */
export function genericRow(
  row: TableRow,
  m: HeaderMatch<GenericKey>,
  ctx: ImportContext,
): { observation: ParsedObservation | null; issues: ImportIssue[] } {
  const labels = labelsOf(m);
  const label = (k: GenericKey) => labels[k];
  const r = new RowReader(row.line);
  const get = (k: GenericKey) => cell(row, m, k);
  const indicatorId = get('indicator');
  const indicator = ctx.indicators.get(indicatorId);
  if (!indicator)
    r.fail(
      label('indicator'),
      indicatorId,
      indicatorId === '' ? 'indikatorn saknas' : 'okänd indikator: använd ett id ur katalogen (t.ex. ntu_otrygg_kvall)',
    );
  const region = resolveRegionLabel(ctx.regions, get('region'));
  if (!region.ok) r.fail(label('region'), get('region'), region.message);
  const period = r.period(label('period'), get('period'));
  const sex = r.sex(label('sex'), get('sex'));
  const v = r.valueOrMarker(label('value'), get('value'));
  const ciLow = r.number(label('ciLow'), get('ciLow'));
  const ciHigh = r.number(label('ciHigh'), get('ciHigh'));
  const n = r.integer(label('n'), get('n'));
  const status = r.status(label('status'), get('status'));
  if (r.issues.length > 0 || !indicator || !region.ok || !period || !sex || !v || status === undefined) {
    return { observation: null, issues: r.issues };
  }
  return {
    observation: {
      row: row.line,
      indicatorId: indicator.id,
      regionCode: region.code,
      period,
      sex,
      grp: get('group'),
      value: v.value,
      ciLow,
      ciHigh,
      n,
      status: status ?? v.status,
      note: get('note') || null,
    },
    issues: [],
  };
}

export const GENERIC_TEMPLATE_HEADER = 'indikator;region;period;kön;grupp;värde;ki_låg;ki_hög;n;status;kommentar';

/** The project's long format: one observation per row, for the kommun's registers and anything else. */
export const genericAdapter: SourceAdapter = {
  id: 'generic',
  label: 'Generiskt format (Trygghetslägets mall)',
  sourceId: null,
  expects: `kolumnerna ${GENERIC_TEMPLATE_HEADER} (de fyra första av indikator, region, period, värde krävs)`,

  detect(table) {
    const m = matchColumns(table, GENERIC_COLUMNS);
    return { score: m.score, missing: m.missing.map((s) => s.names[0]!), matched: Object.keys(m.index).length };
  },

  parse(table, ctx) {
    const m = matchColumns(table, GENERIC_COLUMNS);
    const observations: ParsedObservation[] = [];
    const issues: ImportIssue[] = [];
    const data = table.rows.slice(1);
    for (const row of data) {
      const r = genericRow(row, m, ctx);
      if (r.observation) observations.push(r.observation);
      issues.push(...r.issues);
    }
    return { observations, issues, rows: data.length };
  },
};
