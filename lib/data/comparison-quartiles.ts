/**
 * Median and quartiles of a group's values by linear interpolation between order statistics (Hyndman & Fan type
 * 7, as R's default and Excel's KVARTIL.INK): the band on the charts is the middle 50 % (q1–q3).
 */
export function quartiles(values: readonly number[]): { q1: number; median: number; q3: number } | null {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const at = (p: number) => {
    const h = (v.length - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.ceil(h);
    return v[lo]! + (h - lo) * (v[hi]! - v[lo]!);
  };
  return { q1: at(0.25), median: at(0.5), q3: at(0.75) };
}
