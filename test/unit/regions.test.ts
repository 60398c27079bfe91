import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeRegionName, regionNameKeys } from '@/lib/regions/normalize';
import { buildRegions, type RegionRow } from '@/lib/seed/regions';
import { lines, readRepoFile } from './_fixtures';

const lanCsv = readRepoFile('data-imports/regions/lan.csv');
const kommunCsv = readRepoFile('data-imports/regions/kommuner.csv');

/** The two reference files read with a plain split (no commas occur inside names). */
function splitCsv(text: string): string[][] {
  return lines(text)
    .slice(1)
    .map((l) => l.split(','));
}
const lanRows = splitCsv(lanCsv); // [lanskod, lan, lan_kort]
const kommunRows = splitCsv(kommunCsv); // [kommunkod, kommun, lanskod]

let regions: RegionRow[];
let aliases: Map<string, string>;

/** How a file's region name is looked up: the first candidate key that is a known alias. */
function resolve(name: string): string | null {
  for (const key of regionNameKeys(name)) {
    const code = aliases.get(key);
    if (code !== undefined) return code;
  }
  return null;
}

function kommunCode(name: string): string {
  const row = kommunRows.find((r) => r[1] === name);
  if (!row) throw new Error(`${name} is not in kommuner.csv`);
  return row[0]!;
}

beforeAll(() => {
  ({ regions, aliases } = buildRegions(lanCsv, kommunCsv));
});

describe('the reference files themselves', () => {
  it('have 21 län and 290 kommuner, three fields each', () => {
    expect(lanRows).toHaveLength(21);
    expect(kommunRows).toHaveLength(290);
    for (const r of [...lanRows, ...kommunRows]) expect(r).toHaveLength(3);
  });
});

describe('buildRegions', () => {
  it('gives 1 riket + 21 län + 290 kommuner', () => {
    expect(regions.filter((r) => r.kind === 'riket')).toHaveLength(1);
    expect(regions.filter((r) => r.kind === 'lan')).toHaveLength(lanRows.length);
    expect(regions.filter((r) => r.kind === 'kommun')).toHaveLength(kommunRows.length);
    expect(regions).toHaveLength(1 + 21 + 290);
  });

  it('riket is "00" with no parent', () => {
    const riket = regions.find((r) => r.kind === 'riket')!;
    expect(riket.code).toBe('00');
    expect(riket.parentCode).toBeNull();
  });

  it('Hedemora is kommun 2083 in Dalarnas län (20)', () => {
    const hedemora = regions.find((r) => r.code === '2083');
    expect(hedemora).toMatchObject({ kind: 'kommun', name: 'Hedemora', parentCode: '20' });
    expect(regions.find((r) => r.code === '20')).toMatchObject({ kind: 'lan', name: 'Dalarnas län', parentCode: '00' });
  });

  it('codes are unique, zero-padded, and every parent exists', () => {
    const codes = regions.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    const lanCodes = new Set(regions.filter((r) => r.kind === 'lan').map((r) => r.code));
    for (const r of regions) {
      if (r.kind === 'lan') {
        expect(r.code).toMatch(/^\d{2}$/);
        expect(r.parentCode).toBe('00');
      }
      if (r.kind === 'kommun') {
        expect(r.code).toMatch(/^\d{4}$/);
        expect(lanCodes.has(r.parentCode!)).toBe(true);
        // SCB kommun codes start with their län code.
        expect(r.code.slice(0, 2)).toBe(r.parentCode);
      }
    }
  });

  it('every kommun row matches its line in kommuner.csv (code, name, län)', () => {
    for (const [code, name, lan] of kommunRows) {
      expect(regions.find((r) => r.code === code)).toMatchObject({ kind: 'kommun', name, parentCode: lan });
    }
  });
});

describe('resolving names through the alias map', () => {
  it.each([
    ['Hedemora', '2083'],
    ['Hedemora kommun', '2083'],
    ['HEDEMORA KOMMUN', '2083'],
    ['hedemora', '2083'],
    ['Hedemora\u00a0kommun', '2083'],
    ['\u00a0Hedemora\u00a0', '2083'],
    ['  Hedemora kommun  ', '2083'],
    ['Hedemora\u202fkommun', '2083'],
    ['Hedemora   kommun', '2083'],
    ['Säters kommun', '2082'],
    ['Säter', '2082'],
    ['Falu kommun', '2080'],
    ['Falun', '2080'],
    ['Falun kommun', '2080'],
    ['Malung\u2013Sälen', '2023'],
    ['Malung-Sälen', '2023'],
    ['Malung - Sälen', '2023'],
    ['Malung-Sälens kommun', '2023'],
    ['Region Gotland', '0980'],
    ['Gotlands kommun', '0980'],
    ['Malmö stad', '1280'],
    ['Göteborgs stad', '1480'],
    ['Stockholms stad', '0180'],
    ['Hela landet', '00'],
    ['HELA RIKET', '00'],
    ['Riket', '00'],
    ['Sverige', '00'],
    ['Dalarnas län', '20'],
    ['Dalarna', '20'],
    ['DALARNAS LÄN', '20'],
    ['Dalarnas\u00a0län', '20'],
    ['Stockholms län', '01'],
    ['Gotlands län', '09'],
    ['Västra Götalands län', '14'],
    ['Stockholm', '0180'], // the kommun, not the län
  ])('%j → %s', (name, code) => {
    expect(resolve(name)).toBe(code);
  });

  it("Arjeplogs kommun resolves to Arjeplog's code in kommuner.csv", () => {
    const expected = kommunCode('Arjeplog');
    expect(expected).toBe('2506');
    expect(resolve('Arjeplogs kommun')).toBe(expected);
    expect(resolve('Arjeplog')).toBe(expected);
  });

  it.each([
    ['Borås', 'Borås'],
    ['Borås kommun', 'Borås'],
    ['Borås stad', 'Borås'],
    ['BORÅS', 'Borås'],
    ['Hofors', 'Hofors'],
    ['Hofors kommun', 'Hofors'],
  ])('a name really ending in s keeps its s: %j', (name, kommun) => {
    expect(resolve(name)).toBe(kommunCode(kommun));
  });

  it('the bare short name of a län resolves to the kommun where a kommun has that name', () => {
    // Uppsala, Jönköping, Kalmar, Örebro, Gotland and Stockholm are both a kommun and a län short name.
    for (const [lanCode, , short] of lanRows) {
      const kommun = kommunRows.find((r) => r[1] === short);
      expect(resolve(short!)).toBe(kommun ? kommun[0] : lanCode);
    }
  });

  it('every kommun name in kommuner.csv resolves to its own code', () => {
    const wrong = kommunRows
      .filter(([code, name]) => resolve(name!) !== code)
      .map(([code, name]) => `${name} (${code}) → ${resolve(name!)}`);
    expect(wrong).toEqual([]);
  });

  it('every kommun name also resolves with " kommun" appended', () => {
    const wrong = kommunRows.filter(([code, name]) => resolve(`${name} kommun`) !== code).map(([, name]) => name);
    expect(wrong).toEqual([]);
  });

  it('every län name in lan.csv resolves to its own code', () => {
    const wrong = lanRows.filter(([code, name]) => resolve(name!) !== code).map(([code, name]) => `${name} (${code})`);
    expect(wrong).toEqual([]);
  });

  it.each(['Atlantis', 'Dalarnas region', 'Norge', ''])('an unknown name %j resolves to nothing', (name) => {
    expect(resolve(name)).toBeNull();
  });
});

describe('normalizeRegionName / regionNameKeys', () => {
  it.each([
    ['Hedemora kommun', 'hedemora'],
    ['HELA RIKET', 'hela riket'],
    ['Malung\u2013Sälen', 'malung-sälen'],
    ['Malung \u2014 Sälen', 'malung-sälen'],
    ['Region Gotland', 'gotland'],
    ['Malmö stad', 'malmö'],
    ['\u00a0Säters\u00a0kommun\u00a0', 'säters'],
    ['Dalarnas län', 'dalarnas län'],
    ['ÖREBRO', 'örebro'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeRegionName(input)).toBe(expected);
  });

  it('NFD input (decomposed å/ä/ö) normalises like NFC', () => {
    expect(normalizeRegionName('Säter'.normalize('NFD'))).toBe('säter');
  });

  it('tries the literal name first, then without a genitive s', () => {
    expect(regionNameKeys('Säters kommun')).toEqual(['säters', 'säter']);
    expect(regionNameKeys('Borås')[0]).toBe('borås');
    expect(regionNameKeys('Hedemora')).toEqual(['hedemora']);
  });

  it('does not strip the s of "län"-names', () => {
    expect(regionNameKeys('Dalarnas län')).toEqual(['dalarnas län']);
  });
});
