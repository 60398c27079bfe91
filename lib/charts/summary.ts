import type { UnitKind } from '../catalogue/catalogue-file';
import { formatValue } from '../format';
import type { SeriesRow } from './series';

/**
 * The text alternative of a trend chart: first and latest value per region, stated without judging the
 * change (whether a change is real is decided by the statistics, not by the eye).
 */
export function summarizeSeries(
  rows: SeriesRow[],
  lines: { key: string; name: string }[],
  unit: { unitKind: UnitKind; decimals: number },
): string {
  const parts: string[] = [];
  for (const l of lines) {
    const points = rows.filter((r) => typeof r[l.key] === 'number');
    if (points.length === 0) {
      parts.push(`${l.name}: inga värden.`);
      continue;
    }
    const first = points[0]!;
    const last = points.at(-1)!;
    const fmt = (r: SeriesRow) => formatValue(r[l.key] as number, unit.unitKind, unit.decimals);
    parts.push(
      points.length === 1
        ? `${l.name}: ${fmt(last)} (${last.period}), ett mätvärde.`
        : `${l.name}: ${fmt(last)} (${last.period}), från ${fmt(first)} (${first.period}); ${points.length} mätvärden.`,
    );
  }
  return parts.join(' ');
}
