import { parsePeriod, type Period } from '../../periods';
import type { AdapterResult, ParsedObservation, SourceAdapter } from '../adapter';
import type { ImportContext } from '../context';
import { RowReader } from '../fields';
import { issue, type ImportIssue } from '../issues';
import { headerKey, type Table } from '../table';
import {
  BRA_LAGESBILD_PROVENANCE,
  CRIME_VARIABLES,
  isRespondentsVariable,
  matchCrimeVariable,
  matchNtuVariable,
  ntuKey,
  PREVIOUS_YEAR,
  type CrimeVariable,
} from './bra-variables';
import { ciOrCountKind, ntuKommunAdapter, ntuObservation, parseNtuTitle, parseWide, periodAtEnd } from './ntu-kommun';

/*
 * Brå's "Indikatorer för kommuners lägesbild", in the two shapes a coordinator has:
 *
 * 1. The workbook (`Hedemora.xlsx`, one per kommun), read whole: one sheet per NTU variable and measure
 *    (share; "KI (95 %) undre gräns"; "… övre gräns"; titles "<variabel>, enligt NTU 2017–2025. <enhet>"),
 *    a sheet "Antal svarande i NTU.", and one sheet per reported-crime variable ("(anmälda brott)" in the
 *    sheet name, header `Antal 2017 … Antal per 100 000 inv 2024`). Rows: the kommun, its län, Hela landet.
 * 2. The long table Region Dalarna publishes of those workbooks: `kalla;variabel;enhet;geografi;ar;varde`.
 *
 * Both become one observation per NTU variable × geography × survey year (share, 95 % KI, respondents) and
 * two per crime variable × geography × year (count; rate with the count and the population behind it).
 * Self-reported utsatthet is published by the year it refers to (the year before the survey): the period is
 * the survey year and the reference year is kept. Variables the catalogue does not know are listed, not refused.
 */

const LONG_HEADER = ['kalla', 'variabel', 'enhet', 'geografi', 'ar', 'varde'] as const;
type LongColumn = (typeof LONG_HEADER)[number];

const EXPECTS =
  'Brås "Indikatorer för kommuners lägesbild": hela arbetsboken (NTU-blad och blad med "(anmälda brott)"), ' +
  'ett blad med anmälda brott, eller den långa tabellen med kolumnerna kalla;variabel;enhet;geografi;ar;varde';

type Measure = 'value' | 'ciLow' | 'ciHigh' | 'n';

interface NtuCell {
  row: number;
  sheet?: string;
  value?: { value: number | null; status: ParsedObservation['status'] };
  ciLow?: number | null;
  ciHigh?: number | null;
  /** Respondents given beside the value on its own sheet (older layout), before the shared "Antal svarande" sheet. */
  n?: number | null;
}

/** Collects NTU parts (share, limits, respondents) and crime parts from any shape, then builds observations. */
class Collector {
  readonly ntu = new Map<string, NtuCell & { id: string; region: string; period: Period }>();
  readonly respondents = new Map<string, number>();
  readonly crime = new Map<
    string,
    {
      v: CrimeVariable;
      region: string;
      year: number;
      sheet?: string;
      count?: Cell;
      rate?: Cell;
      rows: { count?: number; rate?: number };
    }
  >();
  readonly unknown = new Map<string, Set<string>>();
  /** Values already reported as unreadable: their KI need no second message. */
  readonly failed = new Set<string>();

  /** One part of an NTU value; `period` is the survey period (for utsatthet: the year after the one asked about). */
  ntuPart(id: string, region: string, period: Period, measure: Measure, value: Cell, row: number, sheet?: string) {
    if (measure === 'n') {
      if (value.value !== null) this.respondents.set(`${region}|${period.label}`, value.value);
      return;
    }
    const key = `${id}|${region}|${period.label}`;
    const cell = this.ntu.get(key) ?? { id, region, period, row, sheet };
    if (measure === 'value') Object.assign(cell, { value, row, sheet });
    else cell[measure] = value.value;
    this.ntu.set(key, cell);
  }

  ntuN(id: string, region: string, period: Period, n: number) {
    const cell = this.ntu.get(`${id}|${region}|${period.label}`);
    if (cell) cell.n = n;
  }

  crimePart(v: CrimeVariable, region: string, year: number, measure: 'count' | 'rate', value: Cell, row: number, sheet?: string) {
    const key = `${v.count}|${region}|${year}`;
    const entry = this.crime.get(key) ?? { v, region, year, sheet, rows: {} };
    entry[measure] = value;
    entry.rows[measure] = row;
    this.crime.set(key, entry);
  }

  skip(name: string, where: string) {
    const set = this.unknown.get(name) ?? new Set<string>();
    set.add(where);
    this.unknown.set(name, set);
  }

  build(issues: ImportIssue[]): { observations: ParsedObservation[]; notes: string[] } {
    const observations: ParsedObservation[] = [];
    for (const c of this.ntu.values()) {
      if (!c.value) {
        if (this.failed.has(`${c.id}|${c.region}|${c.period.label}`)) continue;
        issues.push({
          ...issue(c.row, 'värde', null, `KI finns men andelen saknas för ${c.id} ${c.region} ${c.period.label}`),
          sheet: c.sheet,
        });
        continue;
      }
      const label = { period: c.period, methodBreak: c.period.start < '2017-01-01' };
      const obs = ntuObservation(c.row, c.id, c.region, label, 0, c.value.value, c.value.status);
      obs.ciLow = c.ciLow ?? null;
      obs.ciHigh = c.ciHigh ?? null;
      obs.n = c.n ?? this.respondents.get(`${c.region}|${c.period.label}`) ?? null;
      if (c.sheet) obs.sheet = c.sheet;
      observations.push(obs);
    }
    // The population of a geography and year, from the total (the largest count, so the least rounding).
    const population = new Map<string, number>();
    for (const e of this.crime.values()) {
      if (e.v.count !== CRIME_VARIABLES[0]!.count) continue;
      const n = e.count?.value;
      const r = e.rate?.value;
      if (n && r) population.set(`${e.region}|${e.year}`, Math.round((n / r) * 100_000));
    }
    for (const e of this.crime.values()) {
      const period = parsePeriod(String(e.year))!;
      const base = { regionCode: e.region, period, ...(e.sheet ? { sheet: e.sheet } : {}) };
      if (e.count) observations.push({ ...base, row: e.rows.count!, indicatorId: e.v.count, value: e.count.value, status: e.count.status });
      if (e.rate) {
        const pop =
          population.get(`${e.region}|${e.year}`) ??
          (e.count?.value && e.rate.value ? Math.round((e.count.value / e.rate.value) * 100_000) : null);
        observations.push({
          ...base,
          row: e.rows.rate!,
          indicatorId: e.v.rate,
          value: e.rate.value,
          status: e.rate.status,
          numerator: e.count?.value ?? null,
          denominator: e.count?.value !== null && e.count?.value !== undefined ? pop : null,
        });
      }
    }
    const notes = [...this.unknown].map(
      ([name, where]) => `Variabeln "${name}" (${[...where].join(', ')}) finns inte i katalogen och hoppades över.`,
    );
    return { observations, notes };
  }
}

type Cell = { value: number | null; status: ParsedObservation['status'] };

function regionOf(ctx: ImportContext, cache: Map<string, ReturnType<ImportContext['regions']['resolve']>>, name: string) {
  let r = cache.get(name);
  if (!r) {
    r = ctx.regions.resolve(name);
    cache.set(name, r);
  }
  return r;
}

function measureOf(enhet: string): Measure {
  const k = ciOrCountKind(enhet);
  return k === 'ciLow' || k === 'ciHigh' || k === 'n' ? k : 'value';
}

/* ---------- the long table ---------- */

function longIndex(table: Table): Record<LongColumn, number> | null {
  const keys = (table.rows[0]?.cells ?? []).map((c) => headerKey(c.replace(/^\uFEFF/, '')));
  const index = Object.fromEntries(LONG_HEADER.map((h) => [h, keys.indexOf(h)])) as Record<LongColumn, number>;
  return LONG_HEADER.every((h) => index[h] >= 0) ? index : null;
}

function parseLong(table: Table, ctx: ImportContext): AdapterResult {
  const index = longIndex(table)!;
  const issues: ImportIssue[] = [];
  const col = new Collector();
  const regions = new Map<string, ReturnType<ImportContext['regions']['resolve']>>();
  const data = table.rows.slice(1);
  for (const row of data) {
    const cell = (c: LongColumn) => row.cells[index[c]] ?? '';
    const r = new RowReader(row.line);
    const variabel = cell('variabel');
    const region = regionOf(ctx, regions, cell('geografi'));
    if (!region.ok) {
      issues.push(issue(row.line, 'geografi', cell('geografi'), region.message));
      continue;
    }
    const year = /^\d{4}$/.test(cell('ar').trim())
      ? Number(cell('ar').trim())
      : r.fail('ar', cell('ar'), 'förväntade ett årtal, t.ex. 2024');
    const value = cell('varde') === '' ? null : r.valueOrMarker('varde', cell('varde'), 'zero');
    if (year === null || value === null) {
      // An unreadable share is reported once; its KI rows then need no message of their own.
      const v = matchNtuVariable(variabel);
      if (year !== null && v && measureOf(cell('enhet')) === 'value') {
        col.failed.add(`${v.id}|${region.code}|${year + (PREVIOUS_YEAR.has(v.id) ? 1 : 0)}`);
      }
      issues.push(...r.issues);
      continue;
    }
    const isNtu = /trygghetsundersok|\bntu\b/.test(ntuKey(cell('kalla'))) || isRespondentsVariable(variabel);
    if (isNtu) {
      if (isRespondentsVariable(variabel)) {
        if (value.value !== null && !Number.isInteger(value.value)) r.fail('varde', cell('varde'), 'antal svarande ska vara ett heltal');
        else col.ntuPart('', region.code, yearPeriod(year), 'n', value, row.line);
      } else {
        const v = matchNtuVariable(variabel);
        if (!v) col.skip(variabel, 'NTU');
        // Utsatthet is published by the year it refers to; the survey took place the year after.
        else
          col.ntuPart(v.id, region.code, yearPeriod(year + (PREVIOUS_YEAR.has(v.id) ? 1 : 0)), measureOf(cell('enhet')), value, row.line);
      }
    } else {
      const v = matchCrimeVariable(variabel);
      const measure = /per 100 ?000/.test(ntuKey(cell('enhet'))) ? 'rate' : /^antal$/.test(ntuKey(cell('enhet'))) ? 'count' : null;
      if (!v) col.skip(variabel, 'anmälda brott');
      else if (!measure) r.fail('enhet', cell('enhet'), 'förväntade "Antal" eller "Antal per 100 000 inv" för anmälda brott');
      else col.crimePart(v, region.code, year, measure, value, row.line);
    }
    issues.push(...r.issues);
  }
  const built = col.build(issues);
  return { observations: built.observations, issues, rows: data.length, notes: built.notes, provenance: BRA_LAGESBILD_PROVENANCE };
}

/* ---------- sheets of the workbook ---------- */

const isCrimeSheet = (t: Table) => /\(anm[aä]lda brott\)/i.test(t.name) || crimeHeader(t) !== null;
const isNtuSheet = (t: Table) => {
  const title = t.rows[0]?.cells[0] ?? '';
  return (/enligt\s+NTU\b/i.test(title) && !/^Tabell\s/i.test(title)) || isRespondentsVariable(title);
};

/** The header row of a reported-crime sheet: cells like "Antal 2024" and "Antal per 100 000 inv 2024". */
function crimeHeader(t: Table): number | null {
  for (let i = 1; i < Math.min(t.rows.length, 6); i++) {
    const keys = t.rows[i]!.cells.map(ntuKey);
    if (keys.some((k) => /^antal \d{4}$/.test(k)) || keys.some((k) => /^antal per 100 ?000 inv\.? \d{4}$/.test(k))) return i;
  }
  return null;
}

function parseCrimeSheet(t: Table, ctx: ImportContext, col: Collector, issues: ImportIssue[]): number {
  const header = crimeHeader(t);
  const title = t.rows[0]?.cells[0] ?? '';
  if (header === null) {
    issues.push({
      ...issue(t.rows[0]?.line ?? 1, null, t.name, 'bladet med anmälda brott saknar rubrikraden "Antal 2017 … Antal per 100 000 inv 2024"'),
      sheet: t.name,
    });
    return 0;
  }
  const variable = title.replace(/\s+i kommunen\b.*$/i, '').replace(/[.,\s]+$/, '');
  const v = matchCrimeVariable(variable) ?? matchCrimeVariable(t.name.replace(/\(anm[aä]lda brott\)/i, '').trim());
  if (!v) {
    col.skip(variable || t.name, `bladet "${t.name}"`);
    return 0;
  }
  const columns = t.rows[header]!.cells.flatMap((label, index) => {
    const p = index > 0 ? periodAtEnd(label) : null;
    const k = ntuKey(label);
    const measure = /per 100 ?000/.test(k) ? ('rate' as const) : /^antal\b/.test(k) ? ('count' as const) : null;
    return p && measure && p.period.kind === 'year' ? [{ index, label, year: Number(p.period.label), measure }] : [];
  });
  let rows = 0;
  const regions = new Map<string, ReturnType<ImportContext['regions']['resolve']>>();
  for (const row of t.rows.slice(header + 1)) {
    if (row.cells.slice(1).every((c) => c === '')) continue; // a note such as "Källa: Brå"
    rows++;
    const region = regionOf(ctx, regions, row.cells[0] ?? '');
    if (!region.ok) {
      issues.push({
        ...issue(
          row.line,
          t.rows[header]!.cells[0] || 'geografi',
          row.cells[0] ?? '',
          `${region.message} (förväntade kommunen, länet eller Hela landet)`,
        ),
        sheet: t.name,
      });
      continue;
    }
    const r = new RowReader(row.line);
    for (const c of columns) {
      const raw = row.cells[c.index] ?? '';
      const value = raw === '' ? null : r.valueOrMarker(c.label, raw, 'zero');
      if (value) col.crimePart(v, region.code, c.year, c.measure, value, row.line, t.name);
    }
    issues.push(...r.issues.map((i) => ({ ...i, sheet: t.name })));
  }
  return rows;
}

function parseNtuSheet(t: Table, ctx: ImportContext, col: Collector, issues: ImportIssue[]): number {
  const titleText = t.rows[0]?.cells[0] ?? '';
  const title = parseNtuTitle(titleText);
  const respondents = isRespondentsVariable(title.variable) || isRespondentsVariable(titleText);
  const v = respondents ? null : matchNtuVariable(title.variable);
  if (!respondents && !v) {
    col.skip(title.variable, `bladet "${t.name}"`);
    return 0;
  }
  const headerRow = t.rows.findIndex((r, i) => i > 0 && i < 6 && periodAtEnd(r.cells[1] ?? '') !== null);
  if (headerRow < 0) {
    // Another NTU layout (a block per geography, years as rows): the single-sheet reader knows it.
    const single = ntuKommunAdapter.parse(t, ctx);
    issues.push(...single.issues.map((i) => ({ ...i, sheet: t.name })));
    for (const o of single.observations) {
      const cell = { value: o.value, status: o.status ?? null };
      col.ntuPart(o.indicatorId, o.regionCode, o.period, 'value', cell, o.row, t.name);
      for (const m of ['ciLow', 'ciHigh'] as const)
        if (o[m] != null) col.ntuPart(o.indicatorId, o.regionCode, o.period, m, { value: o[m], status: null }, o.row, t.name);
      if (o.n != null) col.ntuN(o.indicatorId, o.regionCode, o.period, o.n);
    }
    return single.rows;
  }
  const measure: Measure = respondents ? 'n' : measureOf(title.unit ?? '');
  const id = v?.id ?? '';
  // Column labels as published: utsatthet by the year it refers to, everything else by survey year.
  const parsed = parseWide(t, headerRow, id || 'ntu_antal_svarande', { ...title, variableYears: null }, ctx);
  const shift = PREVIOUS_YEAR.has(id) ? 1 : 0;
  const surveyPeriod = (p: Period) =>
    shift === 0
      ? p
      : parsePeriod(
          p.kind === 'year' ? String(Number(p.label) + 1) : `${Number(p.start.slice(0, 4)) + 1}–${Number(p.end.slice(0, 4)) + 1}`,
        )!;
  issues.push(...parsed.issues.map((i) => ({ ...i, sheet: t.name })));
  if (measure === 'value') {
    for (const i of parsed.issues) {
      const region = ctx.regions.resolve(t.rows.find((r) => r.line === i.row)?.cells[0] ?? '');
      const p = periodAtEnd(i.column ?? '');
      if (region.ok && p) col.failed.add(`${id}|${region.code}|${surveyPeriod(p.period).label}`);
    }
  }
  for (const o of parsed.observations) {
    if (measure === 'n' && o.value !== null && !Number.isInteger(o.value)) {
      issues.push({ ...issue(o.row, o.period.label, String(o.value), 'antal svarande ska vara ett heltal'), sheet: t.name });
      continue;
    }
    const period = surveyPeriod(o.period);
    col.ntuPart(id, o.regionCode, period, measure, { value: o.value, status: o.status ?? null }, o.row, t.name);
    // A sheet in the older layout carries its KI and respondents in rows under each geography.
    for (const m of ['ciLow', 'ciHigh'] as const) {
      if (measure === 'value' && o[m] !== null && o[m] !== undefined)
        col.ntuPart(id, o.regionCode, period, m, { value: o[m], status: null }, o.row, t.name);
    }
    if (measure === 'value' && o.n !== null && o.n !== undefined) col.ntuN(id, o.regionCode, period, o.n);
  }
  return parsed.rows;
}

const yearPeriod = (year: number) => parsePeriod(String(year))!;

function parseSheets(tables: Table[], ctx: ImportContext): AdapterResult {
  const issues: ImportIssue[] = [];
  const col = new Collector();
  let rows = 0;
  const skipped: string[] = [];
  for (const t of tables) {
    if (t.rows.length === 0) continue;
    if (isCrimeSheet(t)) rows += parseCrimeSheet(t, ctx, col, issues);
    else if (isNtuSheet(t)) rows += parseNtuSheet(t, ctx, col, issues);
    else skipped.push(t.name);
  }
  const built = col.build(issues);
  const notes = [...built.notes];
  if (skipped.length > 0) notes.push(`Bladen ${skipped.map((s) => `"${s}"`).join(', ')} är inte lägesbildsblad och lästes inte.`);
  const read = tables.filter((t) => t.rows.length > 0 && !skipped.includes(t.name)).length;
  notes.unshift(`${read} blad lästes i en import.`);
  return { observations: built.observations, issues, rows, notes, provenance: BRA_LAGESBILD_PROVENANCE };
}

export const braLagesbildAdapter: SourceAdapter = {
  id: 'bra_lagesbild',
  label: 'Brå – Indikatorer för kommuners lägesbild',
  sourceId: null,
  expects: EXPECTS,

  detect(table) {
    if (longIndex(table)) return { score: 1, missing: [] };
    if (isCrimeSheet(table) && crimeHeader(table) !== null) return { score: 1, missing: [] };
    const keys = (table.rows[0]?.cells ?? []).map((c) => headerKey(c));
    const found = LONG_HEADER.filter((h) => keys.includes(h));
    return {
      score: found.length >= 3 ? found.length / (LONG_HEADER.length + 1) : 0,
      missing: LONG_HEADER.filter((h) => !keys.includes(h)),
      matched: found.length,
    };
  },

  parse(table, ctx) {
    return longIndex(table) ? parseLong(table, ctx) : parseSheets([table], ctx);
  },

  /** A workbook with two or more lägesbild sheets is read whole, in one import. */
  detectWorkbook(tables) {
    const sheets = tables.filter((t) => t.rows.length > 0 && (isCrimeSheet(t) || isNtuSheet(t)));
    return sheets.length >= 2;
  },

  parseWorkbook(tables, ctx) {
    return parseSheets(tables, ctx);
  },
};
