import { exampleKey } from './series';

/** Chart rows for one indicator: per period, each region's value and its KI as a [low, high] band. */
export type ChartRow = { period: string; start: string } & Record<string, number | string | [number, number] | null>;

export interface ChartPoint {
  period: string;
  start: string;
  key: string;
  value: number | null;
  low: number | null;
  high: number | null;
  example?: boolean;
}

export function chartRows(points: ChartPoint[], keys: string[]): ChartRow[] {
  const rows = new Map<string, ChartRow>();
  for (const p of points) {
    let row = rows.get(p.period);
    if (!row) {
      row = { period: p.period, start: p.start } as ChartRow;
      for (const k of keys) {
        row[k] = null;
        row[`${k}_ki`] = null;
      }
      rows.set(p.period, row);
    }
    row[p.key] = p.value;
    row[`${p.key}_ki`] = p.value !== null && p.low !== null && p.high !== null ? [p.low, p.high] : null;
    if (p.example) row[exampleKey(p.key)] = 1;
  }
  return [...rows.values()].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}
