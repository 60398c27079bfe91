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
  annotations: { baseline: string | null; target: number | null; breaks: { period: string; label: string }[]; actions: { period: string; label: string }[] };
}

/** Chart rows with KI bands, and the marks a reader needs: baseline, target, method breaks, start of the åtgärder. */
export function indicatorChart(series: SeriesSpec[], opts: {
  sourceId: string; baseline: string | null; target: number | null; actionsStart: string | null; actionsLabel: string;
}): ChartData {
  const rows = chartRows(series.flatMap((s) => s.rows.map((o) => ({ period: o.period, start: o.periodStart, key: s.key, value: o.value, low: o.ciLow, high: o.ciHigh }))), series.map((s) => s.key));
  const breakAt = methodBreak(rows, opts.sourceId);
  // The first period that begins after the åtgärder started is the first that can show their effect.
  const actionsRow = opts.actionsStart ? rows.find((r) => r.start >= opts.actionsStart!) : undefined;
  return {
    rows,
    annotations: {
      baseline: opts.baseline && rows.some((r) => r.period === opts.baseline) ? opts.baseline : null,
      target: opts.target,
      breaks: breakAt !== null ? [{ period: rows[breakAt]!.period, label: 'Metodbyte NTU 2017' }] : [],
      actions: actionsRow ? [{ period: actionsRow.period, label: opts.actionsLabel }] : [],
    },
  };
}
