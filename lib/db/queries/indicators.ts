import { and, asc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { goalIndicators, goals, imports, indicators, observations, regions, sources } from '../schema';
import { unsupersededExample } from './observations';

export function listIndicators(db: Db) {
  return db
    .select({ indicator: indicators, source: sources })
    .from(indicators)
    .innerJoin(sources, eq(sources.id, indicators.sourceId))
    .orderBy(asc(indicators.id));
}

export async function getIndicator(db: Db, id: string) {
  const [row] = await db
    .select({ indicator: indicators, source: sources })
    .from(indicators)
    .innerJoin(sources, eq(sources.id, indicators.sourceId))
    .where(eq(indicators.id, id));
  return row ?? null;
}

/** Goals that use an indicator, with the link's role and baseline. */
/** The goals that use an indicator: of every plan, or of one plan (`planId`). */
export function listGoalsOfIndicator(db: Db, id: string, planId?: number) {
  return db
    .select({ goal: goals, link: goalIndicators })
    .from(goalIndicators)
    .innerJoin(goals, eq(goals.id, goalIndicators.goalId))
    .where(planId === undefined ? eq(goalIndicators.indicatorId, id) : and(eq(goalIndicators.indicatorId, id), eq(goals.planId, planId)))
    .orderBy(asc(goals.code));
}

export interface SeriesFilter {
  indicatorIds: string[];
  regionCodes?: string[];
  sex?: 'T' | 'K' | 'M';
  grp?: string;
  site?: string;
  /** Exact series (indicator × kön × grupp): only these, e.g. the breakdown each goal link counts. */
  series?: { indicatorId: string; sex: 'T' | 'K' | 'M'; grp: string }[];
  from?: string;
  to?: string;
}

/** The provenance of an observation: the import that wrote it (publication, publisher, file). */
export const provenanceColumns = {
  publication: imports.publication,
  publisher: imports.publisher,
  retrieved: imports.retrieved,
  fileName: imports.fileName,
  kind: imports.kind,
  createdAt: imports.createdAt,
};

/** Observations with their region names and provenance, in time order (one query, any number of indicators/regions). */
export function listObservations(db: Db, f: SeriesFilter) {
  const where: SQL[] = [inArray(observations.indicatorId, f.indicatorIds), unsupersededExample];
  if (f.regionCodes) where.push(inArray(observations.regionCode, f.regionCodes));
  if (f.sex) where.push(eq(observations.sex, f.sex));
  if (f.grp !== undefined) where.push(eq(observations.grp, f.grp));
  if (f.site !== undefined) where.push(eq(observations.site, f.site));
  if (f.series && f.series.length > 0) {
    where.push(
      sql`(${observations.indicatorId}, ${observations.sex}, ${observations.grp}) in (${sql.join(
        f.series.map((x) => sql`(${x.indicatorId}, ${x.sex}::sex, ${x.grp})`),
        sql`, `,
      )})`,
    );
  }
  if (f.from) where.push(gte(observations.periodEnd, f.from));
  if (f.to) where.push(lte(observations.periodStart, f.to));
  return db
    .select({ obs: observations, regionName: regions.name, provenance: provenanceColumns })
    .from(observations)
    .innerJoin(regions, eq(regions.code, observations.regionCode))
    .innerJoin(imports, eq(imports.id, observations.importId))
    .where(and(...where))
    .orderBy(
      asc(observations.indicatorId),
      asc(observations.periodStart),
      asc(observations.regionCode),
      asc(observations.sex),
      asc(observations.grp),
      asc(observations.site),
    );
}

/** The breakdowns an indicator has data for: kön × grupp × plats combinations with a count. */
export function listBreakdowns(db: Db, indicatorId: string) {
  return db
    .select({ sex: observations.sex, grp: observations.grp, site: observations.site, n: sql<number>`count(*)::int` })
    .from(observations)
    .where(eq(observations.indicatorId, indicatorId))
    .groupBy(observations.sex, observations.grp, observations.site)
    .orderBy(observations.sex, observations.grp, observations.site);
}
