import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../client';
import { observations, regions } from '../schema';

export type ObservationRow = typeof observations.$inferSelect;

/** Total-population series (sex T, no group, the region itself) for many indicators and regions at once. */
export function listTotalSeries(db: Db, indicatorIds: string[], regionCodes: string[]): Promise<ObservationRow[]> {
  if (indicatorIds.length === 0 || regionCodes.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(observations)
    .where(and(
      inArray(observations.indicatorId, indicatorIds),
      inArray(observations.regionCode, regionCodes),
      eq(observations.sex, 'T'),
      eq(observations.grp, ''),
      eq(observations.site, ''),
    ))
    .orderBy(asc(observations.indicatorId), asc(observations.periodStart));
}

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
