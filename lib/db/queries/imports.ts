import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { imports, indicators, observationRevisions, regions, sources } from '../schema';

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
