import { describe, expect, it } from 'vitest';
import { sparkGeometry, SPARK_HEIGHT, SPARK_WIDTH } from '@/lib/charts/sparkline';

/** The points of an SVG path made only of M and L commands. */
function points(d: string): [number, number][] {
  return [...d.matchAll(/[ML]([\d.]+) ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

describe('sparkGeometry', () => {
  it('draws the lowest value at the bottom, the highest at the top, evenly spaced across the box', () => {
    const values = [12, 30, 21, 25];
    const g = sparkGeometry(values);
    const pts = points(g.d);
    expect(pts).toHaveLength(values.length);
    const ys = pts.map(([, y]) => y);
    // SVG y grows downwards: the highest value has the smallest y.
    expect(Math.max(...ys)).toBe(ys[values.indexOf(12)]);
    expect(Math.min(...ys)).toBe(ys[values.indexOf(30)]);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ys)).toBeLessThanOrEqual(SPARK_HEIGHT);
    const xs = pts.map(([x]) => x);
    const steps = xs.slice(1).map((x, i) => +(x - xs[i]!).toFixed(1));
    expect(new Set(steps.map((s) => Math.round(s))).size).toBe(1);
    expect(xs[0]).toBeGreaterThanOrEqual(0);
    expect(xs.at(-1)).toBeLessThanOrEqual(SPARK_WIDTH);
    // The end point sits on the line's last point.
    expect([Number(g.cx), Number(g.cy)]).toEqual(pts.at(-1));
  });

  it('keeps the order of values: a rising series ends higher than it starts', () => {
    const pts = points(sparkGeometry([1, 2, 3, 4, 5]).d);
    for (let i = 1; i < pts.length; i++) expect(pts[i]![1]).toBeLessThan(pts[i - 1]![1]);
  });

  it('draws a flat series across the middle', () => {
    const pts = points(sparkGeometry([7, 7, 7]).d);
    expect(new Set(pts.map(([, y]) => y))).toEqual(new Set([SPARK_HEIGHT / 2]));
  });

  it('refuses an empty series', () => {
    expect(() => sparkGeometry([])).toThrow();
  });
});
