import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { observations, regions } from '../schema';

export type ObservationRow = typeof observations.$inferSelect;

/**
 * A series is real or example, never both: example values count only while their series (indicator × region ×
 * kön × grupp × plats) has no real value. Every read of observations for pages, verdicts, exports and the API
 * goes through this, so one real import removes the invented points of its series everywhere at once.
 */
export const unsupersededExample = sql`not (${observations.isExample} and exists (
  select 1 from observations r where r.indicator_id = ${observations.indicatorId} and r.region_code = ${observations.regionCode}
    and r.sex = ${observations.sex} and r.grp = ${observations.grp} and r.site = ${observations.site} and not r.is_example))`;

/** Per-site series (e.g. EUDA treatment plants) with the name of the kommun each site lies in. */
export function listSiteSeries(db: Db, indicatorIds: string[]) {
  if (indicatorIds.length === 0) return Promise.resolve([]);
  return db
    .select({ obs: observations, regionName: regions.name })
    .from(observations)
    .innerJoin(regions, eq(regions.code, observations.regionCode))
    .where(and(inArray(observations.indicatorId, indicatorIds), eq(observations.grp, ''), ne(observations.site, ''), unsupersededExample))
    .orderBy(asc(observations.indicatorId), asc(observations.periodStart), asc(regions.name));
}
