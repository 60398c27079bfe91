import type { observations } from '../db/schema';
import { chartRows, type ChartRow } from '../charts/indicator-series';
import { methodBreak } from './stat-points';

type Obs = typeof observations.$inferSelect;

export interface SeriesSpec {
  key: string;
  name: string;
  rows: Obs[];
}

export interface ChartData {
  rows: ChartRow[];
  annotations: {
    baseline: string | null;
    target: number | null;
    breaks: { period: string; label: string }[];
    actions: { period: string; label: string }[];
  };
}

/** Every series' observations as the rows of the table beside a chart: region name, period, value, KI, n, status. */
export function seriesTable(series: SeriesSpec[]) {
  return series.flatMap((s) =>
    s.rows.map((o) => ({
      region: s.name,
      period: o.period,
      value: o.value,
      ciLow: o.ciLow,
      ciHigh: o.ciHigh,
      n: o.n,
      status: o.status,
      example: o.isExample,
      note: o.note,
    })),
  );
}

/** Chart rows with KI bands, and the marks a reader needs: baseline, target, method breaks, start of the åtgärder. */
export function indicatorChart(
  series: SeriesSpec[],
  opts: {
    sourceId: string;
    baseline: string | null;
    target: number | null;
    /** Start dates of the åtgärder that work on the indicator (from lib/followup/actions.ts). */
    actions: { start: string; label: string }[];
  },
): ChartData {
  const rows = chartRows(
    series.flatMap((s) =>
      s.rows.map((o) => ({
        period: o.period,
        start: o.periodStart,
        key: s.key,
        value: o.value,
        low: o.ciLow,
        high: o.ciHigh,
        example: o.isExample,
      })),
    ),
    series.map((s) => s.key),
  );
  const breakAt = methodBreak(rows, opts.sourceId);
  // The first period that begins after an åtgärd started is the first that can show its effect. Several actions
  // starting before the same period share one mark.
  const actionMarks = new Map<string, string[]>();
  for (const a of opts.actions) {
    const row = rows.find((r) => r.start >= a.start);
    if (row) actionMarks.set(row.period, [...(actionMarks.get(row.period) ?? []), a.label]);
  }
  return {
    rows,
    annotations: {
      baseline: opts.baseline && rows.some((r) => r.period === opts.baseline) ? opts.baseline : null,
      target: opts.target,
      breaks: breakAt !== null ? [{ period: rows[breakAt]!.period, label: 'Metodbyte NTU 2017' }] : [],
      actions: [...actionMarks].map(([period, labels]) => ({ period, label: labels.join(', ') })),
    },
  };
}
