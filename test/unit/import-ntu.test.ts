import { describe, expect, it } from 'vitest';
import type { ParsedObservation } from '@/lib/import/adapter';
import { GENERIC_TEMPLATE_HEADER, genericAdapter } from '@/lib/import/sources/generic';
import { matchNtuVariable, NTU_BREAK_NOTE, NTU_VARIABLES, ntuKommunAdapter, parseNtuTitle } from '@/lib/import/sources/ntu-kommun';
import { ntuLanAdapter } from '@/lib/import/sources/ntu-lan';
import { parseDelimited, type Table } from '@/lib/import/table';
import { validateObservations } from '@/lib/import/validate';
import { readWorkbook } from '@/lib/import/xlsx';
import { fixture, importContextFromFiles } from '@/test/helpers/import-context';
import {
  ANMALDA,
  buildWorkbooks,
  FORTROENDE,
  KOMMUN_PERIODS,
  LAN_OTRYGGHET,
  LAN_SUPPRESSED,
  LAN_YEARS,
  ORO,
  OTRYGGHET,
  UTSATTHET,
  type Cell,
  type WideSheet,
} from '@/test/fixtures/import/ntu/make-fixtures';

const ctx = importContextFromFiles();

/** Expected codes, written out here rather than taken from the resolver under test. */
const CODE: Record<string, string> = { Hedemora: '2083', 'Hedemora kommun': '2083', 'Dalarnas län': '20', 'Hela landet': '00' };
const SEX = { Totalt: 'T', Kvinnor: 'K', Män: 'M' } as const;

async function sheets(file: string): Promise<Table[]> {
  return readWorkbook(fixture(`ntu/${file}`), file);
}

async function sheet(file: string, name: string): Promise<Table> {
  const t = (await sheets(file)).find((s) => s.name === name);
  if (!t) throw new Error(`no sheet ${name} in ${file}`);
  return t;
}

/** An in-memory sheet: rows are Excel rows 1, 2, 3 … */
function table(rows: string[][], name = 'Blad1'): Table {
  return { name, rows: rows.map((cells, i) => ({ line: i + 1, cells })) };
}

function find(obs: ParsedObservation[], region: string, period: string, sex?: string): ParsedObservation {
  const o = obs.filter((x) => x.regionCode === region && x.period.label === period && (sex === undefined || x.sex === sex));
  expect(o, `${region} ${period} ${sex ?? ''}`).toHaveLength(1);
  return o[0]!;
}

const isNum = (c: Cell): c is number => typeof c === 'number';

/** A copy of the sheet with one existing cell replaced. */
function setCell(t: Table, line: number, col: number, value: string): Table {
  const copy = structuredClone(t);
  const row = copy.rows.find((r) => r.line === line);
  if (!row || row.cells[col] === undefined) throw new Error(`no cell ${line}:${col}`);
  row.cells[col] = value;
  return copy;
}

/** Every value cell of a layout-A sheet lands with its KI and n. */
function expectWideValues(obs: ParsedObservation[], s: WideSheet, indicatorId: string): void {
  expect(obs).toHaveLength(s.geos.length * s.periods.length);
  for (const g of s.geos) {
    s.periods.forEach((period, i) => {
      const o = find(obs, CODE[g.name]!, period);
      expect(o.indicatorId).toBe(indicatorId);
      expect(o.sex ?? 'T').toBe('T');
      const v = g.values[i]!;
      if (isNum(v)) {
        expect(o.value).toBe(v);
        expect(o.status ?? null).toBeNull();
        if (s.ciForm === 'half') {
          const h = g.half![i] as number;
          expect(o.ciLow).toBeCloseTo(v - h, 9);
          expect(o.ciHigh).toBeCloseTo(v + h, 9);
        } else {
          expect(o.ciLow).toBe(g.ciLow![i]);
          expect(o.ciHigh).toBe(g.ciHigh![i]);
        }
      } else {
        expect(o.value).toBeNull();
        expect(o.status).toBe('suppressed');
        expect(o.ciLow ?? null).toBeNull();
        expect(o.ciHigh ?? null).toBeNull();
      }
      expect(o.n).toBe(g.n[i]);
    });
  }
}

describe('fixtures', () => {
  it('the committed .xlsx files are what make-fixtures.ts builds now', async () => {
    const built = buildWorkbooks();
    expect(Object.keys(built).sort()).toEqual([
      'hedemora-otrygghet.xlsx',
      'hedemora-tva-blad.xlsx',
      'hedemora-utsatthet.xlsx',
      'lan-otrygghet.xlsx',
    ]);
    for (const [name, wb] of Object.entries(built)) {
      const fresh = await readWorkbook(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), name);
      expect(await sheets(name), `${name} is stale: run npx tsx test/fixtures/import/ntu/make-fixtures.ts`).toEqual(fresh);
    }
  });
});

describe('ntu_kommun adapter: hedemora-otrygghet.xlsx (wide layout, KI nedre/övre rows)', () => {
  it('has the documented id, label and source', () => {
    expect(ntuKommunAdapter.id).toBe('ntu_kommun');
    expect(ntuKommunAdapter.label).toBe('NTU – Brå:s indikatorer för kommuners lägesbild');
    expect(ntuKommunAdapter.sourceId).toBe('ntu');
  });

  it('recognises the sheet with certainty', async () => {
    const t = await sheet('hedemora-otrygghet.xlsx', OTRYGGHET.sheet);
    expect(ntuKommunAdapter.detect(t)).toMatchObject({ score: 1, missing: [] });
  });

  it('lands every value with its KI pair and n on kommun 2083, län 20 and riket 00', async () => {
    const t = await sheet('hedemora-otrygghet.xlsx', OTRYGGHET.sheet);
    const res = ntuKommunAdapter.parse(t, ctx);
    expect(res.issues).toEqual([]);
    expectWideValues(res.observations, OTRYGGHET, 'ntu_otrygg_kvall');
    expect(new Set(res.observations.map((o) => o.regionCode))).toEqual(new Set(['2083', '20', '00']));
    // 3 geographies × (value, KI nedre, KI övre, n); the footnote is not a data row.
    expect(res.rows).toBe(12);
  });

  it('keeps the pooled periods as range labels with an en dash', async () => {
    const res = ntuKommunAdapter.parse(await sheet('hedemora-otrygghet.xlsx', OTRYGGHET.sheet), ctx);
    const labels = [...new Set(res.observations.map((o) => o.period.label))].sort();
    expect(labels).toEqual([...KOMMUN_PERIODS].sort());
    for (const o of res.observations) {
      expect(o.period.label).toMatch(/^\d{4}–\d{4}$/);
      expect(o.period.kind).toBe('range');
    }
    const p = find(res.observations, '2083', '2023–2024').period;
    expect([p.start, p.end]).toEqual(['2023-01-01', '2024-12-31']);
  });

  it('turns ".." into null with status suppressed and keeps the n of that period', async () => {
    const res = ntuKommunAdapter.parse(await sheet('hedemora-otrygghet.xlsx', OTRYGGHET.sheet), ctx);
    const i = OTRYGGHET.geos[0]!.values.indexOf('..');
    expect(i).toBeGreaterThanOrEqual(0);
    const o = find(res.observations, '2083', OTRYGGHET.periods[i]!);
    expect(o).toMatchObject({ value: null, status: 'suppressed', ciLow: null, ciHigh: null, n: OTRYGGHET.geos[0]!.n[i] });
  });

  it('places each observation on its geography row and leaves referenceYear and note empty for otrygghet', async () => {
    const t = await sheet('hedemora-otrygghet.xlsx', OTRYGGHET.sheet);
    const res = ntuKommunAdapter.parse(t, ctx);
    for (const g of OTRYGGHET.geos) {
      const line = t.rows.find((r) => r.cells[0] === g.name)!.line;
      for (const o of res.observations.filter((x) => x.regionCode === CODE[g.name])) expect(o.row).toBe(line);
    }
    for (const o of res.observations) {
      expect(o.referenceYear).toBeNull();
      expect(o.note).toBeNull();
    }
  });

  it('passes the shared validation (KI contains the value, shares within 0–100)', async () => {
    const res = ntuKommunAdapter.parse(await sheet('hedemora-otrygghet.xlsx', OTRYGGHET.sheet), ctx);
    const checked = validateObservations(res.observations, ctx);
    expect(checked.issues).toEqual([]);
    expect(checked.observations).toHaveLength(res.observations.length);
  });
});

describe('ntu_kommun adapter: hedemora-utsatthet.xlsx (KI ± half-width, two year axes)', () => {
  it('lands values, ± half-width KI and n (label with trailing period); XX is suppressed', async () => {
    const t = await sheet('hedemora-utsatthet.xlsx', UTSATTHET.sheet);
    expect(ntuKommunAdapter.detect(t).score).toBe(1);
    const res = ntuKommunAdapter.parse(t, ctx);
    expect(res.issues).toEqual([]);
    expectWideValues(res.observations, UTSATTHET, 'ntu_utsatt_person');
    const i = UTSATTHET.geos[0]!.values.indexOf('XX');
    expect(find(res.observations, '2083', UTSATTHET.periods[i]!)).toMatchObject({ value: null, status: 'suppressed' });
  });

  it('keeps the survey period and sets referenceYear = survey end year − 1', async () => {
    const res = ntuKommunAdapter.parse(await sheet('hedemora-utsatthet.xlsx', UTSATTHET.sheet), ctx);
    for (const period of UTSATTHET.periods) {
      const end = Number(period.slice(-4));
      const start = Number(period.slice(0, 4));
      for (const code of ['2083', '20', '00']) {
        const o = find(res.observations, code, period);
        expect(o.referenceYear).toBe(end - 1);
        expect(o.detail).toEqual({ referencePeriod: `${start - 1}–${end - 1}` });
      }
    }
    // Columns already on the NTU axis (2017–2018 …) are not shifted although the title says "2016–2023".
    expect(find(res.observations, '2083', '2023–2024').referenceYear).toBe(2023);
  });
});

describe('ntu_kommun adapter: hedemora-tva-blad.xlsx (a workbook with two NTU sheets)', () => {
  it('finds exactly the two NTU sheets, so the user must choose one; the anmälda-brott sheet is not NTU', async () => {
    const all = await sheets('hedemora-tva-blad.xlsx');
    expect(all.map((s) => s.name)).toEqual([ANMALDA.sheet, ORO.sheet, FORTROENDE.sheet]);
    const certain = all.filter((s) => ntuKommunAdapter.detect(s).score >= 1).map((s) => s.name);
    expect(certain).toEqual([ORO.sheet, FORTROENDE.sheet]);
    const anm = ntuKommunAdapter.detect(all[0]!);
    expect(anm.score).toBeLessThan(1);
    expect(anm.missing.join(' ')).toContain('enligt NTU');
    for (const s of all) expect(ntuLanAdapter.detect(s).score).toBeLessThan(1);
  });

  it('reads KI written as text "nedre–övre" with decimal comma, and "Hedemora kommun"', async () => {
    const res = ntuKommunAdapter.parse(await sheet('hedemora-tva-blad.xlsx', ORO.sheet), ctx);
    expect(res.issues).toEqual([]);
    expectWideValues(res.observations, ORO, 'ntu_oro_samhalle');
  });

  it('reads the block layout: years down column A, Andel / KI undre / KI övre per geography', async () => {
    const t = await sheet('hedemora-tva-blad.xlsx', FORTROENDE.sheet);
    const res = ntuKommunAdapter.parse(t, ctx);
    expect(res.issues).toEqual([]);
    expect(res.observations).toHaveLength(FORTROENDE.geos.length * FORTROENDE.years.length);
    expect(res.rows).toBe(FORTROENDE.years.length);
    for (const g of FORTROENDE.geos) {
      FORTROENDE.years.forEach((year, y) => {
        const o = find(res.observations, CODE[g.name]!, year);
        expect(o).toMatchObject({
          indicatorId: 'ntu_fortroende',
          value: g.values[y],
          ciLow: g.ciLow[y],
          ciHigh: g.ciHigh[y],
          referenceYear: null,
        });
        expect(o.period.kind).toBe('year');
        expect(o.row).toBe(t.rows.find((r) => r.cells[0] === year)!.line);
      });
    }
    expect(validateObservations(res.observations, ctx).issues).toEqual([]);
  });
});

describe('ntu_lan adapter: lan-otrygghet.xlsx', () => {
  it('has the documented id, label and source, and recognises only the table sheet', async () => {
    expect([ntuLanAdapter.id, ntuLanAdapter.label, ntuLanAdapter.sourceId]).toEqual(['ntu_lan', 'NTU – länstabell (Brå)', 'ntu']);
    const [toc, data] = await sheets('lan-otrygghet.xlsx');
    expect(toc!.name).toBe('Tabellförteckning');
    expect(ntuLanAdapter.detect(toc!).score).toBeLessThan(1);
    expect(ntuLanAdapter.detect(data!)).toMatchObject({ score: 1, missing: [] });
  });

  it('lands every cell: 21 län + Hela landet × Totalt/Kvinnor/Män × years', async () => {
    const t = await sheet('lan-otrygghet.xlsx', LAN_OTRYGGHET.sheet);
    const res = ntuLanAdapter.parse(t, ctx);
    expect(res.issues).toEqual([]);
    expect(res.rows).toBe(LAN_OTRYGGHET.rows.length);
    expect(res.observations).toHaveLength(LAN_OTRYGGHET.rows.length * LAN_YEARS.length);
    const codes = new Set(res.observations.map((o) => o.regionCode));
    expect(codes.size).toBe(22);
    expect(codes.has('00') && codes.has('20')).toBe(true);
    for (const c of codes) expect(c).toMatch(/^\d{2}$/);
    LAN_OTRYGGHET.rows.forEach((r, idx) => {
      const sheetRow = t.rows[2 + idx]!; // after the title and header rows
      expect(sheetRow.cells[1]).toBe(r.region);
      const rows = res.observations.filter((o) => o.row === sheetRow.line);
      expect(rows).toHaveLength(LAN_YEARS.length);
      LAN_YEARS.forEach((year, y) => {
        const o = rows.find((x) => x.period.label === year)!;
        const v = r.values[y]!;
        expect(o).toMatchObject({
          indicatorId: 'ntu_otrygg_kvall',
          regionCode: CODE[r.region] ?? o.regionCode,
          sex: SEX[r.kon],
          value: isNum(v) ? v : null,
          status: isNum(v) ? null : 'suppressed',
        });
      });
    });
    expect(find(res.observations, '20', '2024', 'T').value).toBe(
      LAN_OTRYGGHET.rows.find((r) => r.kon === 'Totalt' && r.region === 'Dalarnas län')!.values.at(-1),
    );
  });

  it('fills kön down: rows without kön take the kön of their block', async () => {
    const res = ntuLanAdapter.parse(await sheet('lan-otrygghet.xlsx', LAN_OTRYGGHET.sheet), ctx);
    const filled = LAN_OTRYGGHET.rows.filter((r) => r.konCell === '');
    expect(filled.length).toBeGreaterThan(0);
    for (const kon of ['Kvinnor', 'Män'] as const) {
      const r = LAN_OTRYGGHET.rows.find((x) => x.kon === kon && x.region === 'Dalarnas län')!;
      expect(r.konCell).toBe('');
      expect(find(res.observations, '20', '2024', SEX[kon]).value).toBe(r.values.at(-1));
    }
    expect(res.observations.filter((o) => o.sex === 'K')).toHaveLength(22 * LAN_YEARS.length);
    expect(res.observations.filter((o) => o.sex === 'M')).toHaveLength(22 * LAN_YEARS.length);
  });

  it('pairs the two KI columns with the latest year only, and not with the year columns', async () => {
    const res = ntuLanAdapter.parse(await sheet('lan-otrygghet.xlsx', LAN_OTRYGGHET.sheet), ctx);
    const latest = LAN_YEARS.at(-1)!;
    for (const r of LAN_OTRYGGHET.rows) {
      const code = r.region === 'Hela landet' ? '00' : r.region === 'Dalarnas län' ? '20' : null;
      if (!code) continue;
      const o = find(res.observations, code, latest, SEX[r.kon]);
      expect([o.ciLow, o.ciHigh]).toEqual([r.ciLow, r.ciHigh]);
      const earlier = find(res.observations, code, LAN_YEARS[0]!, SEX[r.kon]);
      expect([earlier.ciLow, earlier.ciHigh]).toEqual([null, null]);
    }
    expect(res.observations.filter((o) => o.ciLow !== null)).toHaveLength(
      LAN_OTRYGGHET.rows.length - LAN_SUPPRESSED.filter(([, , y]) => y === latest).length,
    );
    expect(res.observations.some((o) => o.period.label.includes('Konfidens'))).toBe(false);
    expect(validateObservations(res.observations, ctx).issues).toEqual([]);
  });

  it('turns ".." into null with status suppressed, KI too', async () => {
    const res = ntuLanAdapter.parse(await sheet('lan-otrygghet.xlsx', LAN_OTRYGGHET.sheet), ctx);
    expect(LAN_SUPPRESSED.length).toBeGreaterThan(0);
    expect(res.observations.filter((o) => o.status === 'suppressed')).toHaveLength(LAN_SUPPRESSED.length);
    const jamtland = res.observations.find((o) => o.regionCode === '23' && o.sex === 'M' && o.period.label === '2024')!;
    expect(LAN_SUPPRESSED).toContainEqual(['Män', 'Jämtlands län', '2024']);
    expect(jamtland).toMatchObject({ value: null, status: 'suppressed', ciLow: null, ciHigh: null });
  });
});

describe('detect keeps the layouts apart', () => {
  const csv = parseDelimited(`${GENERIC_TEMPLATE_HEADER}\nntu_otrygg_kvall;2083;2023–2024;;;23,5;17,8;29,2;236;;\n`, 'mall.csv');

  it('a generic template CSV is neither NTU layout', () => {
    expect(genericAdapter.detect(csv).score).toBe(1);
    expect(ntuKommunAdapter.detect(csv).score).toBeLessThan(1);
    expect(ntuLanAdapter.detect(csv).score).toBeLessThan(1);
  });

  it('the län table is not a kommun sheet although its title says "enligt NTU" and row 2 has years', async () => {
    const lan = await sheet('lan-otrygghet.xlsx', LAN_OTRYGGHET.sheet);
    expect(lan.rows[0]!.cells[0]).toContain('enligt NTU');
    expect(ntuKommunAdapter.detect(lan).score).toBeLessThan(1);
  });

  it('kommun sheets (both layouts) are not län tables', async () => {
    for (const [file, name] of [
      ['hedemora-otrygghet.xlsx', OTRYGGHET.sheet],
      ['hedemora-utsatthet.xlsx', UTSATTHET.sheet],
      ['hedemora-tva-blad.xlsx', FORTROENDE.sheet],
    ] as const) {
      const t = await sheet(file, name);
      expect(ntuLanAdapter.detect(t).score, name).toBeLessThan(1);
      expect(genericAdapter.detect(t).score, name).toBeLessThan(1);
    }
  });

  it('a Tabellsamling sheet ("Tabell 4A.1", years, but no Kön/Region columns) is not a län table', () => {
    const t = table([
      ['Tabell 4A.1. Otrygghet vid utevistelse sent på kvällen i det egna bostadsområdet, enligt NTU 2007–2025.'],
      ['', '2016*', '2017', '2018', 'Konfidensintervall 2018'],
      ['Samtliga 16-84 år', '22,1', '28,6', '27,4', '26,9–27,9'],
    ]);
    const d = ntuLanAdapter.detect(t);
    expect(d.score).toBeLessThan(1);
    expect(d.missing).toEqual(['kolumnerna Kön och Region (rad 2)']);
    expect(ntuKommunAdapter.detect(t).score).toBeLessThan(1);
  });

  it('an NTU title alone, without period columns, is not enough', () => {
    const t = table([[OTRYGGHET.title], ['Geografi', 'Andel'], ['Hedemora', '21,7']]);
    const d = ntuKommunAdapter.detect(t);
    expect(d.score).toBe(0.5);
    expect(d.missing).toHaveLength(1);
  });
});

describe('located Swedish issues', () => {
  it('a non-numeric value names its row and period column, and only that value is lost', async () => {
    const t = await sheet('hedemora-otrygghet.xlsx', OTRYGGHET.sheet);
    const line = t.rows.find((r) => r.cells[0] === 'Hedemora')!.line;
    const col = OTRYGGHET.periods.indexOf('2021–2022') + 1;
    const res = ntuKommunAdapter.parse(setCell(t, line, col, 'ca 20'), ctx);
    expect(res.issues).toHaveLength(1);
    expect(res.issues[0]).toEqual({ row: line, column: '2021–2022', value: 'ca 20', message: 'förväntade ett tal' });
    expect(res.observations.some((o) => o.regionCode === '2083' && o.period.label === '2021–2022')).toBe(false);
    expect(res.observations).toHaveLength(OTRYGGHET.geos.length * OTRYGGHET.periods.length - 1);
  });

  it('a non-numeric KI limit names the KI row and drops that observation', async () => {
    const t = await sheet('hedemora-otrygghet.xlsx', OTRYGGHET.sheet);
    const line = t.rows.find((r) => r.cells[0] === 'Dalarnas län')!.line + 2; // the KI övre row below Dalarnas län
    expect(t.rows.find((r) => r.line === line)!.cells[0]).toBe('KI övre');
    const res = ntuKommunAdapter.parse(setCell(t, line, 2, 'okänt'), ctx);
    expect(res.issues).toEqual([{ row: line, column: OTRYGGHET.periods[1], value: 'okänt', message: 'förväntade ett tal' }]);
    expect(res.observations.some((o) => o.regionCode === '20' && o.period.label === OTRYGGHET.periods[1])).toBe(false);
  });

  it('an unknown variable title is one issue on row 1 that names the title and lists the known variables', async () => {
    const t = await sheet('hedemora-otrygghet.xlsx', OTRYGGHET.sheet);
    const title =
      'Förtroende för polisens sätt att bedriva sitt arbete, enligt NTU 2017–2024. Andel (%) i befolkningen (16–84 år) med stort förtroende.';
    const res = ntuKommunAdapter.parse(setCell(t, 1, 0, title), ctx);
    expect(res.observations).toEqual([]);
    expect(res.issues).toHaveLength(1);
    const i = res.issues[0]!;
    expect([i.row, i.column, i.value]).toEqual([1, 'rubrik', title]);
    expect(i.message).toContain('okänd NTU-variabel "Förtroende för polisens sätt att bedriva sitt arbete"');
    for (const v of NTU_VARIABLES) expect(i.message).toContain(v.name);
  });

  it('an unknown geography is located on its row; its KI rows add no further issues', async () => {
    const t = await sheet('hedemora-otrygghet.xlsx', OTRYGGHET.sheet);
    const line = t.rows.find((r) => r.cells[0] === 'Hedemora')!.line;
    const res = ntuKommunAdapter.parse(setCell(t, line, 0, 'Hedemorra'), ctx);
    expect(res.issues).toHaveLength(1);
    expect(res.issues[0]).toMatchObject({ row: line, column: 'Geografi', value: 'Hedemorra' });
    expect(res.issues[0]!.message).toContain('Hedemora (2083)');
    expect(res.observations.some((o) => o.regionCode === '2083')).toBe(false);
  });

  it('a KI row above every geography row is an issue', () => {
    const t = table([[OTRYGGHET.title], ['Geografi', '2023–2024'], ['KI nedre', '17,8'], ['Hedemora', '23,5']]);
    const res = ntuKommunAdapter.parse(t, ctx);
    expect(res.issues).toHaveLength(1);
    expect(res.issues[0]).toMatchObject({ row: 3, column: 'Geografi', value: 'KI nedre' });
    expect(res.observations).toHaveLength(1);
  });

  it('a KI cell that is neither "nedre–övre" nor "±h" is an issue', () => {
    const t = table([[ORO.title], ['Geografi', '2023–2024'], ['Hedemora', '41,5'], ['KI', '6,3']]);
    const res = ntuKommunAdapter.parse(t, ctx);
    expect(res.issues).toHaveLength(1);
    expect(res.issues[0]).toMatchObject({ row: 4, column: '2023–2024', value: '6,3' });
    expect(res.issues[0]!.message).toContain('konfidensintervallet');
    expect(res.observations).toEqual([]);
  });

  it('the "Antal svarande i NTU." sheet is explained, not imported', () => {
    const t = table([['Antal svarande i NTU.'], ['Geografi', '2023–2024'], ['Hedemora', '236']]);
    const res = ntuKommunAdapter.parse(t, ctx);
    expect(res.observations).toEqual([]);
    expect(res.issues[0]).toMatchObject({ row: 1, column: 'rubrik' });
    expect(res.issues[0]!.message).toContain('antal svarande');
  });

  it('län table: a non-numeric value, an unknown kön and an unknown table name are located', async () => {
    const t = await sheet('lan-otrygghet.xlsx', LAN_OTRYGGHET.sheet);
    const dalarna = t.rows.find((r) => r.cells[1] === 'Dalarnas län')!.line; // in the Totalt block
    const col = LAN_OTRYGGHET.header.indexOf('2020');
    const bad = ntuLanAdapter.parse(setCell(t, dalarna, col, '2O,1'), ctx);
    expect(bad.issues).toEqual([{ row: dalarna, column: '2020', value: '2O,1', message: 'förväntade ett tal' }]);
    expect(bad.observations).toHaveLength(LAN_OTRYGGHET.rows.length * LAN_YEARS.length - 1);

    const kvinnor = t.rows.find((r) => r.cells[0] === 'Kvinnor')!.line;
    const kon = ntuLanAdapter.parse(setCell(t, kvinnor, 0, 'Båda'), ctx);
    expect(kon.issues).toHaveLength(1);
    expect(kon.issues[0]).toMatchObject({ row: kvinnor, column: 'Kön', value: 'Båda' });
    expect(kon.observations.some((o) => o.sex === 'K')).toBe(false);

    const unknown = ntuLanAdapter.parse(
      setCell(t, 1, 0, 'Tabell R7.2. Förtroende för polisens sätt att bedriva sitt arbete 2017–2024, enligt NTU 2017–2024. Andel (%).'),
      ctx,
    );
    expect(unknown.observations).toEqual([]);
    expect(unknown.issues).toHaveLength(1);
    expect(unknown.issues[0]).toMatchObject({ row: 1, column: 'rubrik' });
    expect(unknown.issues[0]!.message).toContain('"Förtroende för polisens sätt att bedriva sitt arbete"');
  });
});

describe('periods, method break and year axes', () => {
  it('an asterisk year is the year with the note "Före metodbytet 2017"', () => {
    const t = table([[OTRYGGHET.title], ['Geografi', '2016*', '2017'], ['Hela landet', '22,1', '28,6']]);
    const res = ntuKommunAdapter.parse(t, ctx);
    expect(res.issues).toEqual([]);
    expect(find(res.observations, '00', '2016')).toMatchObject({ value: 22.1, note: NTU_BREAK_NOTE });
    expect(find(res.observations, '00', '2017')).toMatchObject({ value: 28.6, note: null });
    expect(NTU_BREAK_NOTE).toBe('Före metodbytet 2017');

    const lan = table([
      ['Tabell R4.1. Otrygghet vid utevistelse sent på kvällen'],
      ['Kön', 'Region', '2016*', '2017'],
      ['Totalt', 'Hela landet', '22,1', '28,6'],
    ]);
    expect(find(ntuLanAdapter.parse(lan, ctx).observations, '00', '2016')).toMatchObject({ note: NTU_BREAK_NOTE, sex: 'T' });
  });

  it('pooled labels with a hyphen become en-dash ranges', () => {
    const t = table([[OTRYGGHET.title], ['', 'Andel 2019-2020', '2021 - 2022'], ['Hedemora', '21,7', '20,3']]);
    const res = ntuKommunAdapter.parse(t, ctx);
    expect(res.observations.map((o) => o.period.label)).toEqual(['2019–2020', '2021–2022']);
  });

  it('utsatthet labelled by reference year (title "2016–2023, enligt NTU 2017–2024") is moved to the survey year', () => {
    const t = table([[UTSATTHET.title], ['Geografi', '2016', '2017'], ['Hedemora', '19,2', '18,6']]);
    const res = ntuKommunAdapter.parse(t, ctx);
    expect(res.observations.map((o) => [o.period.label, o.referenceYear, o.value])).toEqual([
      ['2017', 2016, 19.2],
      ['2018', 2017, 18.6],
    ]);
  });

  it('the block layout shifts reference-year rows the same way', () => {
    const t = table([
      [UTSATTHET.title],
      ['', 'Hedemora', '', ''],
      ['År', 'Andel', 'KI undre', 'KI övre'],
      ['2016', '19,2', '13,9', '24,5'],
    ]);
    const res = ntuKommunAdapter.parse(t, ctx);
    expect(res.issues).toEqual([]);
    expect(res.observations).toHaveLength(1);
    expect(res.observations[0]).toMatchObject({ period: { label: '2017' }, referenceYear: 2016, value: 19.2, ciLow: 13.9, ciHigh: 24.5 });
  });

  it('reads titles with hyphen or en dash and both year ranges', () => {
    expect(parseNtuTitle(UTSATTHET.title)).toEqual({
      variable: 'Självrapporterad utsatthet för något brott mot enskild person',
      variableYears: [2016, 2023],
      surveyYears: [2017, 2024],
      unit: 'Andel (%) utsatta i befolkningen (16–84 år).',
    });
    const t = parseNtuTitle(
      'Otrygghet vid utevistelse sent på kvällen i det egna bostadsområdet, enligt NTU 2017-2024. Andel (%) i befolkningen.',
    );
    expect([t.variable, t.variableYears, t.surveyYears]).toEqual([
      'Otrygghet vid utevistelse sent på kvällen i det egna bostadsområdet',
      null,
      [2017, 2024],
    ]);
  });

  it('maps the Swedish variable names to indicators and rejects look-alikes', () => {
    const cases: [string, string | null][] = [
      ['Otrygghet vid utevistelse sent på kvällen i det egna bostadsområdet', 'ntu_otrygg_kvall'],
      ['Oro över brottslig-heten i samhället', 'ntu_oro_samhalle'],
      ['Självrapporterad utsatthet för något brott mot enskild person', 'ntu_utsatt_person'],
      ['Förtroende för rättsväsendet som helhet', 'ntu_fortroende'],
      ['Andel som upplever problem med öppen narkotikahandel i bostadsområdet i stor utsträckning', 'ntu_problem_narkotikahandel'],
      ['Självrapporterad utsatthet för misshandel', 'ntu_utsatt_misshandel'],
      ['Oro för att utsättas för misshandel', 'ntu_oro_misshandel'],
      ['Oro för att utsättas för stöld av/skadegörelse på bil (bland hushåll som ägde bil)', 'ntu_oro_bilbrott'],
      [
        'Oro för att utsättas för bostadsinbrott enligt NTU. Andel (%) i befolkningen (16–84 år) som oroar sig ganska/mycket ofta.',
        'ntu_oro_bostadsinbrott',
      ],
      ['Problem med gäng som uppehåller sig i det egna bostadsområdet', 'ntu_problem_gang'],
      ['Problem med övrig störande körning i det egna bostadsområdet', 'ntu_problem_storande_korning'],
      ['Självrapporterad utsatthet för cykelstöld bland cykelägare', 'ntu_utsatt_cykelstold'],
      ['Förtroende för polisens sätt att bedriva sitt arbete', null],
      ['Oro för att utsättas för bedrägeri via internet', null],
      ['Problem med nedskräpning i det egna bostadsområdet', null],
    ];
    for (const [name, id] of cases) expect(matchNtuVariable(name)?.id ?? null, name).toBe(id);
    for (const v of NTU_VARIABLES) expect(ctx.indicators.has(v.id), v.id).toBe(true);
  });
});
