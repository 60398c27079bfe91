import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../client';
import { observations, regions } from '../schema';

export type ObservationRow = typeof observations.$inferSelect;

/** Per-site series (e.g. EUDA treatment plants) with the name of the kommun each site lies in. */
export function listSiteSeries(db: Db, indicatorIds: string[]) {
  if (indicatorIds.length === 0) return Promise.resolve([]);
  return db
    .select({ obs: observations, regionName: regions.name })
    .from(observations)
    .innerJoin(regions, eq(regions.code, observations.regionCode))
    .where(and(inArray(observations.indicatorId, indicatorIds), eq(observations.grp, ''), ne(observations.site, '')))
    .orderBy(asc(observations.indicatorId), asc(observations.periodStart), asc(regions.name));
}
