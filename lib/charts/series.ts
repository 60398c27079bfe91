/** A row of a chart over time: one period, one value per region key. */
export type SeriesRow = { period: string; start: string } & Record<string, number | string | null>;

export interface PointInput {
  period: string;
  periodStart: string;
  key: string;
  value: number | null;
  /** An invented example value: drawn hollow and named in tooltips and tables. */
  example?: boolean;
}

/** The row field that marks a region's value in that row as example data. */
export const exampleKey = (key: string) => `${key}__example`;

/** Whether a chart row's value for a line is an invented example value. */
export const isExampleValue = (row: Record<string, unknown> | undefined, key: string) => Boolean(row?.[exampleKey(key)]);

/** A line's name with "(exempeldata)" when the value is invented: for tooltips and tables. */
export const withExampleMark = (name: string, example: boolean) => (example ? `${name} (exempeldata)` : name);

/** Merges per-region points into chart rows ordered by period start; gaps stay null (never 0). */
export function mergeSeries(points: PointInput[], keys: string[]): SeriesRow[] {
  const byPeriod = new Map<string, SeriesRow>();
  for (const p of points) {
    let row = byPeriod.get(p.period);
    if (!row) {
      row = { period: p.period, start: p.periodStart, ...Object.fromEntries(keys.map((k) => [k, null])) } as SeriesRow;
      byPeriod.set(p.period, row);
    }
    if (keys.includes(p.key)) {
      row[p.key] = p.value;
      if (p.example) row[exampleKey(p.key)] = 1;
    }
  }
  return [...byPeriod.values()].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.period.localeCompare(b.period)));
}
