import { beforeAll, describe, expect, it } from 'vitest';
import { EUDA_INDICATORS, parseEudaData, parseEudaSites, type EudaObservation, type EudaSite } from '@/lib/euda/parse';
import { lines, readRepoFile, readSharedFile } from './_fixtures';

const dataCsv = readRepoFile('data-imports/euda/ww2025-all-data.csv');
const sitesCsv = readRepoFile('data-imports/euda/ww2025-site-info-table.csv');

/**
 * The raw data file read independently: no field contains a comma (data-sources.md §2.1 shows the layout),
 * so a plain split gives the 15 columns. Quotes are removed from strings.
 */
const HEADER = lines(dataCsv)[0]!
  .split(',')
  .map((h) => h.replaceAll('"', ''));
const rawRows = lines(dataCsv)
  .slice(1)
  .map((l) => {
    const cells = l.split(',').map((c) => c.replaceAll('"', ''));
    return Object.fromEntries(HEADER.map((h, i) => [h, cells[i] ?? ''])) as Record<string, string>;
  });
const rawSwedish = rawRows.filter((r) => r.Country === 'SE');

// domain.md §4: EUDA reference indicators are named euda_ref_<Swedish substance>.
const SUBSTANCE_ID: Record<string, string> = {
  amphetamine: 'euda_ref_amfetamin',
  cocaine: 'euda_ref_kokain',
  cannabis: 'euda_ref_cannabis',
  mdma: 'euda_ref_mdma',
  methamphetamine: 'euda_ref_metamfetamin',
  ketamine: 'euda_ref_ketamin',
};
// data-sources.md §2.1: "SE001 Gothenburg, SE002 Gävle, …, SE012 Växjö".
const SITE_ID: Record<string, string> = {
  Gothenburg: 'SE001',
  Gävle: 'SE002',
  Karlstad: 'SE003',
  Sandviken: 'SE004',
  'Stockholm (2)': 'SE005',
  Stockholm: 'SE005',
  Söderhamn: 'SE008',
  Trollhättan: 'SE009',
  Umea: 'SE010',
  Uppsala: 'SE011',
  Växjö: 'SE012',
};

let swedish: EudaObservation[];

function find(siteId: string, indicatorId: string, year: number, grp = ''): EudaObservation[] {
  return swedish.filter((o) => o.siteId === siteId && o.indicatorId === indicatorId && o.year === year && o.grp === grp);
}

/** The published daily-mean table in domain.md §5 ("Wastewater, EUDA 2025 release"). */
function domainTable(): { site: string; substance: string; year: number; value: number | null }[] {
  const doc = readSharedFile('docs/domain.md').split('\n');
  const start = doc.findIndex((l) => l.startsWith('**Wastewater, EUDA 2025 release**'));
  expect(start).toBeGreaterThan(0);
  const first = doc.findIndex((l, i) => i > start && l.startsWith('|'));
  const end = doc.findIndex((l, i) => i > first && !l.startsWith('|'));
  const [header, separator, ...rows] = doc.slice(first, end).map((l) =>
    l
      .split('|')
      .map((c) => c.trim())
      .filter(Boolean),
  );
  expect(header!.slice(0, 2)).toEqual(['Site', 'Substance']);
  expect(separator!.every((c) => /^-+$/.test(c))).toBe(true);
  const years = header!.slice(2).map(Number);
  const body: { site: string; substance: string; year: number; value: number | null }[] = [];
  for (const cells of rows) {
    years.forEach((year, i) => {
      const cell = cells[i + 2]!;
      body.push({ site: cells[0]!, substance: cells[1]!, year, value: cell === '–' ? null : Number(cell) });
    });
  }
  return body;
}

beforeAll(() => {
  swedish = parseEudaData(dataCsv, (country) => country === 'SE');
});

describe('parseEudaData on ww2025-all-data.csv (Swedish rows)', () => {
  it('the raw file has the size data-sources.md §2.1 states', () => {
    expect(rawRows).toHaveLength(4376);
    expect(HEADER).toHaveLength(15);
    for (const line of lines(dataCsv)) expect(line.split(',')).toHaveLength(15);
  });

  it('one daily-mean observation per Swedish source line', () => {
    expect(rawSwedish.length).toBeGreaterThan(100);
    expect(swedish.filter((o) => o.grp === '')).toHaveLength(rawSwedish.length);
  });

  it('one observation per non-empty published mean', () => {
    const cells = rawSwedish.reduce((sum, r) => sum + ['Weekday mean', 'Weekend mean', 'Daily mean'].filter((c) => r[c] !== '').length, 0);
    expect(swedish).toHaveLength(cells);
  });

  it('only Swedish sites, and all ten of them', () => {
    const sites = new Set(swedish.map((o) => o.siteId));
    expect([...sites].sort()).toEqual([...new Set(Object.values(SITE_ID))].sort());
  });

  it('every metabolite maps to its euda_ref indicator', () => {
    expect(EUDA_INDICATORS).toEqual(SUBSTANCE_ID);
    for (const r of rawSwedish) {
      const id = SUBSTANCE_ID[r.Metabolite!.toLowerCase()]!;
      expect(find(r['Site ID']!, id, Number(r.Year))).toHaveLength(1);
    }
  });

  it.each([
    ['SE002', 'cocaine', 2024, 77.08],
    ['SE012', 'amphetamine', 2022, 154.0],
    ['SE005', 'cocaine', 2020, 323.34],
    ['SE004', 'amphetamine', 2022, 695.71],
  ])('%s %s %d daily mean = %d (domain.md §5)', (site, substance, year, value) => {
    const [o] = find(site, SUBSTANCE_ID[substance]!, year);
    expect(o).toBeDefined();
    expect(o!.value).toBeCloseTo(value, 2);
    expect(o!.status).toBeNull();
  });

  it('every figure in the domain.md §5 wastewater table matches (– = no observation)', () => {
    const table = domainTable();
    expect(table.length).toBe(8 * 6);
    for (const { site, substance, year, value } of table) {
      const found = find(SITE_ID[site]!, SUBSTANCE_ID[substance]!, year);
      if (value === null) expect(found, `${site} ${substance} ${year}`).toHaveLength(0);
      else {
        expect(found, `${site} ${substance} ${year}`).toHaveLength(1);
        expect(found[0]!.value).toBeCloseTo(value, 2);
      }
    }
  });

  it.each([
    // domain.md §5 "Also:" line, MDMA 2024.
    ['SE002', 16.14],
    ['SE005', 23.35],
    ['SE003', 6.55],
  ])('MDMA 2024 at %s = %d', (site, value) => {
    expect(find(site, 'euda_ref_mdma', 2024)[0]!.value).toBeCloseTo(value, 2);
  });

  it.each(['SE009', 'SE012'])('MDMA 2024 at %s is 0 in the source → null with below_loq, never 0', (site) => {
    const raw = rawSwedish.find((r) => r['Site ID'] === site && r.Metabolite === 'MDMA' && r.Year === '2024')!;
    expect(raw['Daily mean']).toBe('0');
    const all = swedish.filter((o) => o.siteId === site && o.indicatorId === 'euda_ref_mdma' && o.year === 2024);
    expect(all.map((o) => o.grp).sort()).toEqual(['', 'helg', 'vardag']);
    for (const o of all) {
      expect(o.value).toBeNull();
      expect(o.status).toBe('below_loq');
    }
  });

  it('no observation carries the value 0 or NaN; every 0 in the source is below_loq', () => {
    for (const o of swedish) {
      expect(o.value).not.toBe(0);
      if (o.value !== null) expect(Number.isFinite(o.value)).toBe(true);
      expect(o.value === null).toBe(o.status === 'below_loq');
    }
    const zeroCells = rawSwedish.reduce(
      (sum, r) => sum + ['Weekday mean', 'Weekend mean', 'Daily mean'].filter((c) => r[c] === '0').length,
      0,
    );
    expect(swedish.filter((o) => o.status === 'below_loq')).toHaveLength(zeroCells);
  });

  it('weekday (vardag), weekend (helg) and daily means are the published columns, for every Swedish line', () => {
    const cols = [
      ['Weekday mean', 'vardag'],
      ['Weekend mean', 'helg'],
      ['Daily mean', ''],
    ] as const;
    for (const r of rawSwedish) {
      const id = SUBSTANCE_ID[r.Metabolite!.toLowerCase()]!;
      for (const [col, grp] of cols) {
        const found = find(r['Site ID']!, id, Number(r.Year), grp);
        if (r[col] === '') expect(found).toHaveLength(0);
        else if (Number(r[col]) === 0) expect(found[0]!.value).toBeNull();
        else expect(found[0]!.value).toBe(Number(r[col]));
      }
    }
  });

  it('Gävle 2024 amphetamine: vardag 513.69, helg 521.72, daily 518.28 (data-sources.md §2.1 sample line)', () => {
    expect(find('SE002', 'euda_ref_amfetamin', 2024, 'vardag')[0]!.value).toBe(513.69);
    expect(find('SE002', 'euda_ref_amfetamin', 2024, 'helg')[0]!.value).toBe(521.72);
    expect(find('SE002', 'euda_ref_amfetamin', 2024, '')[0]!.value).toBe(518.28);
  });

  it('day values are kept, an empty day is null (Sandviken 2022 has no Wednesday)', () => {
    const raw = rawSwedish.find((r) => r['Site ID'] === 'SE004' && r.Metabolite === 'amphetamine' && r.Year === '2022')!;
    expect(raw.Wednesday).toBe('');
    const [o] = find('SE004', 'euda_ref_amfetamin', 2022);
    expect(o!.days.wednesday).toBeNull();
    for (const d of ['Thursday', 'Friday', 'Saturday', 'Sunday', 'Monday', 'Tuesday']) {
      expect(o!.days[d.toLowerCase()]).toBe(Number(raw[d]));
    }
  });

  it('the filter receives the site id too', () => {
    const gavle = parseEudaData(dataCsv, (_c, site) => site === 'SE002');
    expect(new Set(gavle.map((o) => o.siteId))).toEqual(new Set(['SE002']));
    expect(gavle.filter((o) => o.grp === '')).toHaveLength(rawRows.filter((r) => r['Site ID'] === 'SE002').length);
  });

  it('the whole file parses: daily mean always present, weekday/weekend empty in 4 rows, 345 zero daily means', () => {
    const all = parseEudaData(dataCsv, () => true);
    expect(all.filter((o) => o.grp === '')).toHaveLength(4376);
    expect(all.filter((o) => o.grp === 'vardag')).toHaveLength(4376 - 4);
    expect(all.filter((o) => o.grp === 'helg')).toHaveLength(4376 - 4);
    expect(all.filter((o) => o.grp === '' && o.status === 'below_loq')).toHaveLength(345);
  });
});

describe('parseEudaSites on ww2025-site-info-table.csv', () => {
  let sites: EudaSite[];
  const site = (id: string) => sites.find((s) => s.siteId === id)!;
  beforeAll(() => {
    sites = parseEudaSites(sitesCsv);
  });

  it('reads all 217 sites, despite a latitude padded with U+00A0', () => {
    expect(sitesCsv).toContain('\u00a0');
    expect(sites).toHaveLength(lines(sitesCsv).length - 1);
    expect(sites).toHaveLength(217);
    expect(site('FR003')).toMatchObject({ country: 'FR', city: 'Bordeaux I' });
  });

  it('Population "2e+05" (SE011 Uppsala) is 200000', () => {
    expect(sitesCsv).toMatch(/"SE011".*,2e\+05,/);
    expect(site('SE011')).toMatchObject({ city: 'Uppsala', population: 200000 });
  });

  it('Växjö\'s location " Sundets ARV" is trimmed', () => {
    expect(site('SE012').location).toBe('Sundets ARV');
    expect(site('SE012').city).toBe('Växjö');
  });

  it.each(['SE003', 'SE009'])('"N/A" location of %s is null', (id) => {
    expect(site(id).location).toBeNull();
  });

  it('Gävle: Duvbacken ARV, 88 668 inhabitants', () => {
    expect(site('SE002')).toEqual({ siteId: 'SE002', country: 'SE', city: 'Gävle', location: 'Duvbacken ARV', population: 88668 });
  });

  it('the ten Swedish sites', () => {
    expect(
      sites
        .filter((s) => s.country === 'SE')
        .map((s) => s.siteId)
        .sort(),
    ).toEqual([...new Set(Object.values(SITE_ID))].sort());
  });

  it('no location has surrounding whitespace; every population is a positive finite number', () => {
    for (const s of sites) {
      if (s.location !== null) expect(s.location).toBe(s.location.replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, ''));
      expect(s.location).not.toBe('N/A');
      expect(s.population === null || (Number.isFinite(s.population) && s.population > 0)).toBe(true);
    }
  });

  it('scientific-notation populations all parse to their value', () => {
    for (const l of lines(sitesCsv).slice(1)) {
      const m = /^"([A-Z]{2}\d{3})".*,(\d(?:\.\d+)?e\+\d+),"/.exec(l);
      if (m) expect(site(m[1]!).population).toBe(Number(m[2]));
    }
  });
});
