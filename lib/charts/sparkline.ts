/** A sparkline's drawing: the line's SVG path and its last point, in a box of `width` × `height` px. */
export interface SparkGeometry {
  d: string;
  cx: string;
  cy: string;
}

export const SPARK_WIDTH = 96;
export const SPARK_HEIGHT = 28;
const PAD = 3;

/**
 * Computed on the server so that a page sends the few characters of the path rather than every value (the overview's
 * summary table is a client component: its props travel in the page's payload beside the HTML).
 * A flat series sits in the middle; otherwise the lowest value at the bottom and the highest at the top.
 */
export function sparkGeometry(values: readonly number[], width = SPARK_WIDTH, height = SPARK_HEIGHT): SparkGeometry {
  if (values.length === 0) throw new Error('sparkGeometry: no values');
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const x = (i: number) => PAD + (i * (width - 2 * PAD)) / Math.max(1, values.length - 1);
  const y = (v: number) => (max === min ? height / 2 : height - PAD - ((v - min) * (height - 2 * PAD)) / span);
  const d = values.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)} ${y(v).toFixed(1)}`).join('');
  const last = values.length - 1;
  return { d, cx: x(last).toFixed(1), cy: y(values[last]!).toFixed(1) };
}
