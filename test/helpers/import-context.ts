import fs from 'node:fs';
import path from 'node:path';
import { indicatorsFileSchema } from '@/lib/catalogue/catalogue-file';
import { RegionResolver, type ImportContext } from '@/lib/import/context';
import { buildRegions } from '@/lib/seed/regions';

const root = path.resolve(import.meta.dirname, '../..');
const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');

/** The same context an import gets from the database, built from the seed files without one. */
export function importContextFromFiles(): ImportContext {
  const { regions, aliases } = buildRegions(read('data-imports/regions/lan.csv'), read('data-imports/regions/kommuner.csv'));
  const inds = indicatorsFileSchema.parse(JSON.parse(read('data-imports/catalogue/indicators.json')));
  return {
    indicators: new Map(
      inds.map((i) => [i.id, { id: i.id, name: i.name, unitKind: i.unitKind, type: i.type, decimals: i.decimals, sourceId: i.sourceId }]),
    ),
    regions: new RegionResolver(regions, aliases),
  };
}

export function fixture(rel: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(root, 'test/fixtures/import', rel)));
}
