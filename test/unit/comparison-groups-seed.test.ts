import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildComparisonGroups } from '@/lib/seed/comparison-groups';

const skr = fs.readFileSync('data-imports/kolada/skr-kommungrupp.csv', 'utf8');
const liknande = fs.readFileSync('data-imports/kolada/liknande-kommuner-hedemora.csv', 'utf8');
const KOMMUNER = new Map([
  ['2083', 'Hedemora'],
  ['2061', 'Smedjebacken'],
  ['0380', 'Uppsala'],
]);

describe("reading Kolada's comparison groups", () => {
  it('reads SKR groups without "(ovägt medel)" and Kolada\'s groups with owner and year from the title', () => {
    const all = new Map(
      skr
        .split('\n')
        .slice(1)
        .filter(Boolean)
        .map((l) => l.split('","'))
        .map(([code, name]) => [code!.replace(/"/g, ''), name!]),
    );
    const g = buildComparisonGroups(skr, liknande, all);
    expect(g.groups.find((x) => x.id === 'G92789')).toMatchObject({
      kind: 'skr_kommungrupp',
      title: 'Pendlingskommun nära mindre tätort',
      ownerCode: null,
      year: 2023,
    });
    expect(g.groups.find((x) => x.id === 'G37393')).toMatchObject({ kind: 'kolada_liknande', ownerCode: '2083', year: 2025 });
    expect(g.members.filter((m) => m.groupId === 'G37393')).toHaveLength(7);
  });

  it('refuses an unknown kommun code, saying file, row and column', () => {
    const bad =
      '"kommun_kod","kommun_namn","kolada_group_id","kolada_group_title"\n"2083","Hedemora","G92789","X (ovägt medel)"\n"9999","Ingenstans","G92789","X (ovägt medel)"\n';
    expect(() => buildComparisonGroups(bad, '"group_id","group_title","member_id","member_title"\n', KOMMUNER)).toThrow(
      'kolada/skr-kommungrupp.csv, rad 3: okänd kommunkod "9999" (kolumn kommun_kod',
    );
  });

  it('refuses a "liknande kommuner" title that names no known kommun', () => {
    const bad = '"group_id","group_title","member_id","member_title"\n"G1","Liknande kommuner, Atlantis, 2025","0380","Uppsala"\n';
    expect(() => buildComparisonGroups('"kommun_kod","kommun_namn","kolada_group_id","kolada_group_title"\n', bad, KOMMUNER)).toThrow(
      /liknande-kommuner-hedemora.csv, rad 2: titeln "Liknande kommuner, Atlantis, 2025" namnger ingen känd kommun/,
    );
  });
});
