import type { Db } from '../db/client';
import { indicators, regionAliases, regions } from '../db/schema';
import { RegionResolver, type ImportContext } from './context';

/** The catalogue and region names an import validates against, read once per import. */
export async function loadImportContext(db: Db): Promise<ImportContext> {
  const [inds, regs, aliases] = await Promise.all([
    db
      .select({
        id: indicators.id,
        name: indicators.name,
        unitKind: indicators.unitKind,
        type: indicators.type,
        decimals: indicators.decimals,
        sourceId: indicators.sourceId,
      })
      .from(indicators),
    db.select({ code: regions.code, kind: regions.kind, name: regions.name }).from(regions),
    db.select().from(regionAliases),
  ]);
  return {
    indicators: new Map(inds.map((i) => [i.id, i])),
    regions: new RegionResolver(regs, new Map(aliases.map((a) => [a.alias, a.regionCode]))),
  };
}
