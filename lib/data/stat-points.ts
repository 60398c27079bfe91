import type { observations, indicators } from '../db/schema';
import type { IndicatorKind, StatPoint } from '../stats/types';

type Obs = typeof observations.$inferSelect;

export function toStatPoint(o: Obs): StatPoint {
  const detail = o.detail as { days?: Record<string, number | null>; deff?: unknown } | null;
  const days = detail?.days;
  return {
    period: o.period,
    start: o.periodStart,
    end: o.periodEnd,
    value: o.value,
    ciLow: o.ciLow,
    ciHigh: o.ciHigh,
    n: o.n,
    numerator: o.numerator,
    denominator: o.denominator,
    status: o.status,
    responseRate: o.responseRate,
    days: days ? Object.values(days) : null,
    site: o.site,
    grp: o.grp,
    // NTU changed method in 2017: a point from before it starts another series.
    seriesBreakBefore: false,
    // A design effect the source file gives (Lupp, NTU sub-groups) overrides the source default.
    deff: typeof detail?.deff === 'number' && detail.deff > 0 ? detail.deff : null,
    example: o.isExample,
    importId: o.importId,
  };
}

export function kindOf(i: typeof indicators.$inferSelect): IndicatorKind {
  const substance = i.id.startsWith('avlopp_') ? i.id.slice(7) : i.id.startsWith('euda_ref_') ? i.id.slice(9) : undefined;
  return { type: i.type, direction: i.direction, unitKind: i.unitKind, source: i.sourceId, substance };
}

/** Index of NTU's 2017 method change in a time-ordered series (first period starting in 2017 or later after an older one). */
export function methodBreak(points: { start: string }[], sourceId: string): number | null {
  if (sourceId !== 'ntu') return null;
  const i = points.findIndex((p) => p.start >= '2017-01-01');
  return i > 0 ? i : null;
}
