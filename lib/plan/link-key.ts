/** A goal ↔ indicator link in an address or a token: "T-M1~ntu_otrygg_kvall" (goal codes and indicator ids hold no "~"). */
export function linkKey(goalCode: string, indicatorId: string): string {
  return `${goalCode}~${indicatorId}`;
}

export function parseLinkKey(v: unknown): { goalCode: string; indicatorId: string } | null {
  if (typeof v !== 'string') return null;
  const i = v.indexOf('~');
  if (i < 1 || i === v.length - 1) return null;
  return { goalCode: v.slice(0, i), indicatorId: v.slice(i + 1) };
}
