import type { UnitKind } from '../catalogue/catalogue-file';
import { formatNumber } from '../format';

/** The unit an axis states, short enough for a phone: every value axis names its unit. */
export const AXIS_UNIT: Record<UnitKind, string> = {
  percent: 'Procent',
  per_100k: 'Per 100 000 invånare',
  per_1000: 'Per 1 000 invånare',
  count: 'Antal',
  mg_per_1000_day: 'mg per 1 000 inv. och dygn',
  index: 'Index',
  months: 'Månader',
};

/**
 * An axis tick in sv-SE without needless decimals: whole ticks have none ("20", not "20,0"), others at most the
 * indicator's own precision, large ones none.
 */
export function axisTick(v: number, decimals: number): string {
  if (!Number.isFinite(v)) return '';
  if (Number.isInteger(v) || Math.abs(v) >= 100) return formatNumber(v, 0);
  // Trim trailing zeros: 2,50 → 2,5.
  for (let d = 1; d < Math.max(1, decimals); d++) if (Math.abs(Math.round(v * 10 ** d) - v * 10 ** d) < 1e-9) return formatNumber(v, d);
  return formatNumber(v, Math.max(1, decimals));
}

export interface RefMark {
  period: string;
  label: string;
  kind: 'baseline' | 'action' | 'break';
}

/**
 * Reference-line labels that never sit on each other: marks at the same period are merged into one label
 * ("T1, T2 startar"), and each label gets its own row from the top (breaks from the bottom); a label on a line in
 * the right half of the chart is written to the left of its line, so it stays inside the plot.
 */
export function placeMarks(marks: RefMark[], periods: string[]): (RefMark & { row: number; anchor: 'start' | 'end' })[] {
  const merged: RefMark[] = [];
  for (const m of marks) {
    const same = merged.find((x) => x.period === m.period && x.kind === m.kind);
    if (!same) merged.push({ ...m });
    else if (m.kind === 'action' && / startar$/.test(same.label) && / startar$/.test(m.label)) {
      same.label = `${same.label.replace(/ startar$/, '')}, ${m.label.replace(/ startar$/, '')} startar`;
    } else if (!same.label.split(' · ').includes(m.label)) same.label = `${same.label} · ${m.label}`;
  }
  const index = (p: string) => periods.indexOf(p);
  const top = merged
    .filter((m) => m.kind !== 'break')
    .sort((a, b) => (a.kind === 'baseline' ? -1 : b.kind === 'baseline' ? 1 : index(a.period) - index(b.period)));
  const bottom = merged.filter((m) => m.kind === 'break');
  const anchor = (p: string): 'start' | 'end' => (periods.length > 1 && index(p) > (periods.length - 1) / 2 ? 'end' : 'start');
  return [
    ...top.map((m, row) => ({ ...m, row, anchor: anchor(m.period) })),
    ...bottom.map((m, row) => ({ ...m, row, anchor: anchor(m.period) })),
  ];
}

function decimalsOf(step: number): number {
  for (let d = 0; d <= 6; d++) {
    const scaled = step * 10 ** d;
    if (Math.abs(Math.round(scaled) - scaled) < 1e-6) return d;
  }
  return 6;
}

/**
 * About five ticks at round steps (1, 2, 2.5 or 5 × 10^k) covering lo…hi, the first at or below lo and the last at or
 * above hi (a share stops at 100), and the decimals their labels need. One rule for every chart: the browser's
 * (recharts' `niceTicks="snap125"`), the server-drawn SVG of reports and the lägesbild, the ranked bars and bands.
 */
export function niceTicks(lo: number, hi: number, percent = false): { ticks: number[]; decimals: number } {
  if (hi <= lo) hi = lo + (lo === 0 ? 1 : Math.abs(lo) * 0.1);
  const raw = (hi - lo) / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  const step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * mag;
  const start = Math.floor(lo / step + 1e-9) * step;
  let end = Math.ceil(hi / step - 1e-9) * step;
  if (percent && end > 100 && hi <= 100) end = 100;
  const ticks: number[] = [];
  for (let i = 0; start + i * step <= end + step * 1e-6; i++) ticks.push(Number((start + i * step).toFixed(10)));
  if (ticks[ticks.length - 1]! < end - step * 1e-6) ticks.push(end);
  return { ticks, decimals: decimalsOf(step) };
}
