import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedObservation } from '@/lib/import/adapter';
import { analyzeFile, type Analysis } from '@/lib/import/analyze';
import { braLagesbildAdapter } from '@/lib/import/sources/bra-lagesbild';
import { CRIME_VARIABLES, matchCrimeVariable, matchNtuVariable, PREVIOUS_YEAR } from '@/lib/import/sources/bra-variables';
import type { Table } from '@/lib/import/table';
import { readWorkbook } from '@/lib/import/xlsx';
import { fixture, importContextFromFiles } from '../helpers/import-context';

/*
 * Brå's "Indikatorer för kommuners lägesbild": the long table shipped in data-imports/bra (13 209 published
 * values) and workbooks rebuilt from it in Brå's per-kommun layout (test/fixtures/import/bra-lagesbild, made by
 * scripts/build-bra-workbook.ts). Every published value is checked against where it must land, reading the
 * CSV independently of the adapter.
 */

const ctx = importContextFromFiles();
const CSV = path.resolve(import.meta.dirname, '../../data-imports/bra/bra-kommunindikatorer-dalarna.csv');
type Raw = { kalla: string; variabel: string; enhet: string; geografi: string; ar: string; varde: string };
const raw = Papa.parse<Raw>(fs.readFileSync(CSV, 'utf8'), { header: true, delimiter: ';', skipEmptyLines: true }).data;
const CODE: Record<string, string> = {
  Hedemora: '2083',
  Avesta: '2084',
  'Dalarnas län': '20',
  'Hela landet': '00',
  Falun: '2080',
  Borlänge: '2081',
};

let long: Analysis;
const find = (obs: ParsedObservation[], id: string, region: string, period: string) =>
  obs.filter((o) => o.indicatorId === id && o.regionCode === region && o.period.label === period);

beforeAll(async () => {
  long = await analyzeFile({ fileName: 'bra-kommunindikatorer-dalarna.csv', bytes: new Uint8Array(fs.readFileSync(CSV)) }, ctx);
});

describe('the long table (kalla;variabel;enhet;geografi;ar;varde)', () => {
  it('is recognised, read without a problem, and names its publication', () => {
    expect(long.adapter.id).toBe('bra_lagesbild');
    expect(long.issues).toEqual([]);
    expect(long.rows).toBe(raw.length);
    expect(long.provenance).toMatchObject({ publisher: 'Brå', publication: 'Indikatorer för kommuners lägesbild' });
    expect(long.notes).toEqual([]);
  });

  it('covers all 15 kommuner of Dalarna, the län and riket', () => {
    const regions = new Set(long.observations.map((o) => o.regionCode));
    expect(regions.size).toBe(17);
    expect(regions.has('20') && regions.has('00') && regions.has('2083')).toBe(true);
  });

  it('every published value lands where it belongs (share, KI limits, respondents, count, rate)', () => {
    const byKey = new Map(long.observations.map((o) => [`${o.indicatorId}|${o.regionCode}|${o.period.label}`, o]));
    const region = (g: string) => ctx.regions.resolve(g);
    let checked = 0;
    for (const r of raw) {
      const reg = region(r.geografi);
      expect(reg.ok, r.geografi).toBe(true);
      if (!reg.ok) continue;
      const value = Number(r.varde);
      const year = Number(r.ar);
      if (r.variabel.startsWith('Antal svarande')) {
        const ntu = long.observations.filter(
          (o) =>
            o.regionCode === reg.code &&
            o.period.label === r.ar &&
            !o.indicatorId.startsWith('bra_') &&
            o.indicatorId !== 'kolada_anm_brott_100k',
        );
        expect(ntu.length, `${r.geografi} ${r.ar}`).toBeGreaterThan(0);
        for (const o of ntu) expect(o.n).toBe(value);
      } else if (r.kalla.startsWith('Nationella')) {
        const v = matchNtuVariable(r.variabel)!;
        const survey = PREVIOUS_YEAR.has(v.id) ? year + 1 : year;
        const o = byKey.get(`${v.id}|${reg.code}|${survey}`)!;
        expect(o, `${v.id} ${r.geografi} ${survey}`).toBeDefined();
        const field = r.enhet.includes('undre') ? 'ciLow' : r.enhet.includes('övre') ? 'ciHigh' : 'value';
        expect(o[field]).toBeCloseTo(value, 9);
        if (PREVIOUS_YEAR.has(v.id)) expect(o.referenceYear).toBe(year);
      } else {
        const v = matchCrimeVariable(r.variabel)!;
        if (r.enhet === 'Antal') {
          expect(byKey.get(`${v.count}|${reg.code}|${r.ar}`)!.value).toBe(value);
          expect(byKey.get(`${v.rate}|${reg.code}|${r.ar}`)!.numerator).toBe(value);
        } else {
          expect(byKey.get(`${v.rate}|${reg.code}|${r.ar}`)!.value).toBe(value);
        }
      }
      checked++;
    }
    expect(checked).toBe(13_209);
  });

  it('Hedemora 2025, problem med öppen narkotikahandel: 6 %, KI 4–9, n 98 (as Brå publishes it)', () => {
    const [o] = find(long.observations, 'ntu_problem_narkotikahandel', '2083', '2025');
    expect(o).toMatchObject({ value: 6, ciLow: 4, ciHigh: 9, n: 98, referenceYear: null });
  });

  it('a rate carries its count and the population behind it, taken from the total', () => {
    const total = raw.filter((r) => r.geografi === 'Hedemora' && r.ar === '2024' && r.variabel === 'Totalt antal anmälda brott');
    const count = Number(total.find((r) => r.enhet === 'Antal')!.varde);
    const rate = Number(total.find((r) => r.enhet !== 'Antal')!.varde);
    const [vnr] = find(long.observations, 'bra_anm_vnr_kvinnor_100k', '2083', '2024');
    expect(vnr!.denominator).toBe(Math.round((count / rate) * 100_000));
    // The rate and count/population agree to the published rounding.
    expect(Math.abs((vnr!.numerator! / vnr!.denominator!) * 100_000 - vnr!.value!)).toBeLessThan(1);
  });

  it('every crime variable has a count and a rate indicator in the catalogue, and so has every NTU variable', () => {
    for (const v of CRIME_VARIABLES) {
      expect(ctx.indicators.get(v.count)?.unitKind, v.count).toBe('count');
      expect(ctx.indicators.get(v.rate)?.unitKind, v.rate).toBe('per_100k');
    }
    for (const id of new Set(long.observations.map((o) => o.indicatorId))) expect(ctx.indicators.has(id), id).toBe(true);
  });

  it('an unknown geography or year is located by row and column; an unknown variable is listed, not refused', async () => {
    const text =
      'kalla;variabel;enhet;geografi;ar;varde\n' +
      'Anmälda brott;Bilbrott;Antal;Hedemorra;2024;50\n' +
      'Anmälda brott;Bilbrott;Antal;Hedemora;tjugo;50\n' +
      'Anmälda brott;Cykelbrott;Antal;Hedemora;2024;5\n' +
      'Anmälda brott;Bilbrott;Antal;Hedemora;2023;41\n';
    const a = await analyzeFile({ fileName: 'lang.csv', bytes: new TextEncoder().encode(text) }, ctx);
    expect(a.issues.map((i) => [i.row, i.column, i.value])).toEqual([
      [2, 'geografi', 'Hedemorra'],
      [3, 'ar', 'tjugo'],
    ]);
    expect(a.issues[0]!.message).toMatch(/Hedemora \(2083\)/);
    expect(a.notes.join(' ')).toMatch(/"Cykelbrott"/);
    expect(find(a.observations, 'bra_anm_bilbrott', '2083', '2023')[0]?.value).toBe(41);
  });
});

describe('the workbook, read whole (one sheet per variable and measure)', () => {
  let wb: Analysis;
  beforeAll(async () => {
    wb = await analyzeFile({ fileName: 'Hedemora.xlsx', bytes: fixture('bra-lagesbild/Hedemora.xlsx') }, ctx);
  });

  it('reads every sheet in one import with one preview and no problem', () => {
    expect(wb.adapter.id).toBe('bra_lagesbild');
    expect(wb.issues).toEqual([]);
    expect(wb.sheets.length).toBe(new Set(raw.map((r) => `${r.variabel}|${r.kalla.startsWith('Nat') ? r.enhet : ''}`)).size);
    expect(wb.notes[0]).toMatch(new RegExp(`^${wb.sheets.length} blad lästes i en import`));
  });

  it('gives exactly the values the long table gives for the kommun, its län and riket', () => {
    const key = (o: ParsedObservation) =>
      JSON.stringify([
        o.indicatorId,
        o.regionCode,
        o.period.label,
        o.value,
        o.ciLow ?? null,
        o.ciHigh ?? null,
        o.n ?? null,
        o.referenceYear ?? null,
        o.numerator ?? null,
        o.denominator ?? null,
      ]);
    const expected = long.observations
      .filter((o) => ['2083', '20', '00'].includes(o.regionCode))
      .map(key)
      .sort();
    expect(wb.observations.map(key).sort()).toEqual(expected);
  });

  it("another kommun's workbook (Avesta) lands on Avesta", async () => {
    const a = await analyzeFile({ fileName: 'Avesta.xlsx', bytes: fixture('bra-lagesbild/Avesta.xlsx') }, ctx);
    expect(a.issues).toEqual([]);
    expect(new Set(a.observations.map((o) => o.regionCode))).toEqual(new Set(['2084', '20', '00']));
  });

  describe('edited copies of the workbook', () => {
    let tables: Table[];
    beforeAll(async () => {
      tables = await readWorkbook(fixture('bra-lagesbild/Hedemora.xlsx'), 'Hedemora.xlsx');
    });
    const edit = (f: (t: Table) => Table | null) => tables.map((t) => f(t) ?? t);
    const setCell = (t: Table, line: number, col: number, value: string): Table => ({
      ...t,
      rows: t.rows.map((r) => (r.line === line ? { ...r, cells: r.cells.map((c, i) => (i === col ? value : c)) } : r)),
    });

    it('a kommun outside Dalarna is matched by name, like everywhere else', () => {
      const rename: Record<string, string> = { Hedemora: 'Kiruna', 'Dalarnas län': 'Norrbottens län' };
      const moved = tables.map((t) => ({
        ...t,
        rows: t.rows.map((r) => ({ ...r, cells: r.cells.map((c, i) => (i === 0 && rename[c] ? rename[c] : c)) })),
      }));
      const res = braLagesbildAdapter.parseWorkbook!(moved, ctx);
      expect(res.issues).toEqual([]);
      expect(new Set(res.observations.map((o) => o.regionCode))).toEqual(new Set(['2584', '25', '00']));
    });

    it('an unknown variable is listed by name with its sheet; the other sheets are still read', () => {
      const target = tables.find((t) => /klotter/i.test(t.rows[0]?.cells[0] ?? '') && !/KI/.test(t.name))!;
      const title =
        'Problem med nedskräpning i det egna bostadsområdet, enligt NTU 2017–2025. Andel (%) i befolkningen (16-84 år) som upplever problem i stor utsträckning.';
      const res = braLagesbildAdapter.parseWorkbook!(
        edit((t) => (t === target ? setCell(t, 1, 0, title) : null)),
        ctx,
      );
      expect(res.notes!.join(' ')).toContain(`"Problem med nedskräpning i det egna bostadsområdet" (bladet "${target.name}")`);
      expect(res.observations.some((o) => o.indicatorId === 'ntu_problem_narkotikahandel')).toBe(true);
      // Its KI sheets now have no share to belong to: each such value is an issue on its sheet.
      expect(res.issues.length).toBeGreaterThan(0);
      expect(res.issues.every((i) => i.sheet && /KI/.test(i.sheet) && /andelen saknas/.test(i.message))).toBe(true);
    });

    it('a value that is not a number is located by sheet, row and column', () => {
      const target = tables.find((t) => /narkotikahandel/i.test(t.rows[0]?.cells[0] ?? '') && !/KI/.test(t.name))!;
      const line = target.rows.find((r) => r.cells[0] === 'Hedemora')!.line;
      const col = target.rows[1]!.cells.indexOf('2025');
      const res = braLagesbildAdapter.parseWorkbook!(
        edit((t) => (t === target ? setCell(t, line, col, 'sex') : null)),
        ctx,
      );
      expect(res.issues).toHaveLength(1);
      expect(res.issues[0]).toMatchObject({ sheet: target.name, row: line, column: '2025', value: 'sex' });
    });

    it('a crime sheet read on its own is recognised', () => {
      const crime = tables.find((t) => /anmälda brott/.test(t.name) && /^Narkotikabrott/.test(t.rows[0]?.cells[0] ?? ''))!;
      expect(braLagesbildAdapter.detect(crime).score).toBe(1);
      const res = braLagesbildAdapter.parse(crime, ctx);
      expect(res.issues).toEqual([]);
      expect(new Set(res.observations.map((o) => o.indicatorId))).toEqual(
        new Set(['bra_anm_narkotikabrott', 'bra_anm_narkotikabrott_100k']),
      );
    });
  });
});

it('CODE table of the test agrees with the region names', () => {
  for (const [name, code] of Object.entries(CODE)) expect(ctx.regions.resolve(name)).toEqual({ ok: true, code });
});
