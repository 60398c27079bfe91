import { parseCsv } from '../csv';
import { RIKET_CODE } from '../regions/codes';
import { normalizeRegionName } from '../regions/normalize';

export interface RegionRow {
  code: string;
  kind: 'riket' | 'lan' | 'kommun';
  name: string;
  shortName: string;
  parentCode: string | null;
}

const RIKET_ALIASES = ['riket', 'sverige', 'hela landet', 'hela riket'];
/** Spellings files use that normalisation alone does not reach. */
const KNOWN_VARIANTS: Record<string, string> = { falu: '2080' };

/** Builds the region rows and their alias keys from SCB's län and kommun lists. */
export function buildRegions(lanCsv: string, kommunCsv: string): { regions: RegionRow[]; aliases: Map<string, string> } {
  const regions: RegionRow[] = [{ code: RIKET_CODE, kind: 'riket', name: 'Riket', shortName: 'Sverige', parentCode: null }];
  const aliases = new Map<string, string>(RIKET_ALIASES.map((a) => [a, RIKET_CODE]));
  const lanShort: [string, string][] = [];
  for (const r of parseCsv(lanCsv)) {
    const code = r.lanskod!.padStart(2, '0');
    regions.push({ code, kind: 'lan', name: r.lan!, shortName: r.lan_kort!, parentCode: RIKET_CODE });
    aliases.set(normalizeRegionName(r.lan!), code);
    lanShort.push([normalizeRegionName(r.lan_kort!), code]);
  }
  for (const r of parseCsv(kommunCsv)) {
    const code = r.kommunkod!.padStart(4, '0');
    regions.push({ code, kind: 'kommun', name: r.kommun!, shortName: r.kommun!, parentCode: r.lanskod!.padStart(2, '0') });
    aliases.set(normalizeRegionName(r.kommun!), code);
  }
  // A bare "Stockholm" or "Gotland" is the kommun; a län's short name only where no kommun has it.
  for (const [key, code] of lanShort) if (!aliases.has(key)) aliases.set(key, code);
  for (const [key, code] of Object.entries(KNOWN_VARIANTS)) aliases.set(key, code);
  return { regions, aliases };
}
