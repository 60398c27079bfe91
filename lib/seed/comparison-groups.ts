import { parseCsv } from '../csv';
import type { ComparisonGroupKind } from '../vocabulary';

export interface ComparisonGroupRow {
  id: string;
  kind: ComparisonGroupKind;
  title: string;
  ownerCode: string | null;
  year: number | null;
  source: string;
}

export interface ComparisonGroupsSeed {
  groups: ComparisonGroupRow[];
  members: { groupId: string; regionCode: string }[];
}

/** Kolada's titles carry no year; the group sizes fit SKR's 2023 edition (data-imports/kolada/README). */
const SKR_SOURCE = 'Kolada: SKR:s kommungruppsindelning 2023';
const LIKNANDE_SOURCE = 'Kolada: liknande kommuner';

function bad(file: string, row: number, what: string): Error {
  return new Error(`${file}, rad ${row}: ${what}`);
}

/**
 * Reads SKR's kommungrupp (one row per kommun) and Kolada's "liknande kommuner" groups (one row per member)
 * into group and member rows. Members must be known kommuner (`kommunCodes`); the owner of a "liknande
 * kommuner" group is the kommun named in its title ("Liknande kommuner, övergripande, Hedemora, 2025").
 */
export function buildComparisonGroups(skrCsv: string, liknandeCsv: string, kommuner: ReadonlyMap<string, string>): ComparisonGroupsSeed {
  const byName = new Map([...kommuner].map(([code, name]) => [name.toLowerCase(), code]));
  const groups = new Map<string, ComparisonGroupRow>();
  const members: ComparisonGroupsSeed['members'] = [];
  parseCsv(skrCsv).forEach((r, i) => {
    const code = (r.kommun_kod ?? '').padStart(4, '0');
    const id = r.kolada_group_id ?? '';
    if (!kommuner.has(code))
      throw bad(
        'kolada/skr-kommungrupp.csv',
        i + 2,
        `okänd kommunkod "${r.kommun_kod}" (kolumn kommun_kod, väntat en av SCB:s 290 kommunkoder)`,
      );
    if (!/^G\d+$/.test(id))
      throw bad('kolada/skr-kommungrupp.csv', i + 2, `ogiltigt grupp-id "${id}" (kolumn kolada_group_id, väntat G följt av siffror)`);
    const title = (r.kolada_group_title ?? '').replace(/\s*\(ovägt medel\)\s*$/, '').trim();
    if (!groups.has(id)) groups.set(id, { id, kind: 'skr_kommungrupp', title, ownerCode: null, year: 2023, source: SKR_SOURCE });
    members.push({ groupId: id, regionCode: code });
  });
  parseCsv(liknandeCsv).forEach((r, i) => {
    const id = r.group_id ?? '';
    const code = (r.member_id ?? '').padStart(4, '0');
    if (!/^G\d+$/.test(id)) throw bad('kolada/liknande-kommuner-hedemora.csv', i + 2, `ogiltigt grupp-id "${id}" (kolumn group_id)`);
    if (!kommuner.has(code))
      throw bad('kolada/liknande-kommuner-hedemora.csv', i + 2, `okänd kommunkod "${r.member_id}" (kolumn member_id)`);
    const title = (r.group_title ?? '').trim();
    if (!groups.has(id)) {
      const m = /,\s*([^,]+),\s*(\d{4})\s*$/.exec(title);
      const owner = m ? (byName.get(m[1]!.trim().toLowerCase()) ?? null) : null;
      if (!owner)
        throw bad(
          'kolada/liknande-kommuner-hedemora.csv',
          i + 2,
          `titeln "${title}" namnger ingen känd kommun och inget år (väntat "…, <kommun>, <år>")`,
        );
      groups.set(id, { id, kind: 'kolada_liknande', title, ownerCode: owner, year: Number(m![2]), source: LIKNANDE_SOURCE });
    }
    members.push({ groupId: id, regionCode: code });
  });
  return { groups: [...groups.values()], members };
}
