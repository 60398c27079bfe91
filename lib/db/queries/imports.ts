import { and, asc, desc, eq, notExists, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { imports, indicators, observationRevisions, observations, regions, sources } from '../schema';

export function listImports(db: Db, limit = 200) {
  return db
    .select({ imp: imports, sourceName: sources.name })
    .from(imports)
    .leftJoin(sources, eq(sources.id, imports.sourceId))
    .orderBy(desc(imports.createdAt), desc(imports.id))
    .limit(limit);
}

export async function getImport(db: Db, id: number) {
  const [row] = await db
    .select({ imp: imports, sourceName: sources.name })
    .from(imports)
    .leftJoin(sources, eq(sources.id, imports.sourceId))
    .where(eq(imports.id, id));
  return row ?? null;
}

/** What an import did, value by value, with indicator and region names (one query). */
export function listRevisions(db: Db, importId: number, limit = 2000) {
  return db
    .select({ rev: observationRevisions, indicatorName: indicators.name, regionName: regions.name })
    .from(observationRevisions)
    .leftJoin(indicators, eq(indicators.id, observationRevisions.indicatorId))
    .leftJoin(regions, eq(regions.code, observationRevisions.regionCode))
    .where(eq(observationRevisions.importId, importId))
    .orderBy(asc(observationRevisions.id))
    .limit(limit);
}

/** Values an import added that are still as it wrote them (replacements are in the revisions instead). */
export function listAddedByImport(db: Db, importId: number, limit = 2000) {
  return db
    .select({ obs: observations, indicatorName: indicators.name, regionName: regions.name })
    .from(observations)
    .leftJoin(indicators, eq(indicators.id, observations.indicatorId))
    .leftJoin(regions, eq(regions.code, observations.regionCode))
    .where(
      and(
        eq(observations.importId, importId),
        notExists(
          db
            .select({ one: sql`1` })
            .from(observationRevisions)
            .where(
              and(
                eq(observationRevisions.importId, importId),
                eq(observationRevisions.action, 'update'),
                eq(observationRevisions.indicatorId, observations.indicatorId),
                eq(observationRevisions.regionCode, observations.regionCode),
                eq(observationRevisions.period, observations.period),
                eq(observationRevisions.sex, observations.sex),
                eq(observationRevisions.grp, observations.grp),
                eq(observationRevisions.site, observations.site),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(observations.id))
    .limit(limit);
}
