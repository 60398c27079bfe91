import type { ObservationStatus } from '../../db/enums';
import { parsePeriod, type Period } from '../../periods';
import type { AdapterResult, ParsedObservation, SourceAdapter } from '../adapter';
import { cell, columnLabel, matchColumns, type ColumnSpec } from '../columns';
import type { ImportContext } from '../context';
import { RowReader } from '../fields';
import { issue, type ImportIssue } from '../issues';
import type { Table } from '../table';
import { parseNumber } from '../values';

type Key = 'code' | 'kommun' | 'plant' | 'date' | 'season' | 'substance' | 'unit' | 'value' | 'flag' | 'report' | 'note';

export const RISE_COLUMNS: ColumnSpec<Key>[] = [
  // One of kommunkod and kommun is enough (detect checks that); both are in the template.
  { key: 'code', names: ['kommunkod', 'kommun_kod', 'kommun kod', 'municipality_code', 'municipality code'], required: false },
  { key: 'kommun', names: ['kommun', 'kommunnamn', 'municipality'], required: false },
  {
    key: 'plant',
    names: ['reningsverk', 'avloppsreningsverk', 'arv', 'treatment_plant', 'treatment plant', 'plant', 'site'],
    required: false,
  },
  {
    key: 'date',
    names: ['provdatum', 'provtagningsdatum', 'datum', 'sample_date', 'sampling_date', 'sample date', 'date'],
    required: true,
  },
  { key: 'season', names: ['säsong', 'provsäsong', 'provsasong', 'season'], required: false },
  { key: 'substance', names: ['substans', 'ämne', 'substance'], required: true },
  { key: 'unit', names: ['enhet', 'unit'], required: true },
  { key: 'value', names: ['värde', 'varde', 'value'], required: true },
  { key: 'flag', names: ['flagga', 'flag'], required: false },
  { key: 'report', names: ['rapportnummer', 'rapport', 'rapportnr', 'report', 'report_number', 'report number'], required: false },
  { key: 'note', names: ['kommentar', 'note'], required: false },
];

/** Header of `data-imports/templates/avlopp-rise.csv`. */
export const RISE_TEMPLATE_HEADER = 'kommunkod;kommun;reningsverk;provdatum;säsong;substans;enhet;värde;flagga;rapportnummer;kommentar';

/** The only unit imported as the indicator value (data-sources.md §2.2: the default comparable unit). */
export const RISE_LOAD_UNIT = 'Total halt (mg) per 1000 inv. & 24 h';
/** Other RISE units: never the value; kept in `detail.otherUnits` of the sample's load observation. */
export const RISE_OTHER_UNITS = ['Doser per 1000 inv. & 24 h', 'Doser totalt', 'Halt (μg/m3)'] as const;
export type RiseOtherUnit = (typeof RISE_OTHER_UNITS)[number];

export type UnitClass = { kind: 'load' } | { kind: 'other'; unit: RiseOtherUnit } | { kind: 'ambiguous' } | { kind: 'unknown' };

const words = (raw: string) =>
  raw
    .toLocaleLowerCase('sv-SE')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[µμ]/g, 'u')
    .replace(/(\d)[\s\u00a0\u202f]+(?=\d{3}\b)/g, '$1') // "1 000" → "1000"
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/**
 * Classifies a unit label. "Total halt (mg) per 1000 inv. & 24 h" and close spellings ("mg/1000 inv/dygn",
 * "mg per 1000 inhabitants per day") are the load; doses and concentrations are other units; a label that
 * mixes a concentration with "per 1 000 invånare" ("mikrogram/kubikmeter vatten per 1 000 invånare") is
 * ambiguous and never mapped. A Greek μ lost in a Windows-1252 re-save ("Halt (?g/m3)") is still read.
 */
export function classifyUnit(raw: string): UnitClass {
  const w = words(raw);
  const has = (...xs: string[]) => xs.some((x) => w.includes(x));
  const perPop = has('1000') && has('inv', 'invanare', 'inhabitants', 'inh', 'pop', 'population', 'capita', 'personer');
  const perDay = has('24', '24h', 'dygn', 'dag', 'day', 'd');
  const microMass = has('ug', 'mikrogram', 'microgram', 'g') && !has('mg', 'milligram');
  const volume = has('m3', 'kubikmeter');
  if ((microMass || volume) && perPop) return { kind: 'ambiguous' };
  if (has('doser', 'dos', 'doses')) {
    if (perPop && perDay) return { kind: 'other', unit: 'Doser per 1000 inv. & 24 h' };
    if (has('totalt', 'total') && !perPop) return { kind: 'other', unit: 'Doser totalt' };
    return { kind: 'unknown' };
  }
  if (has('mg', 'milligram') && perPop && perDay) return { kind: 'load' };
  if (microMass && volume) return { kind: 'other', unit: 'Halt (μg/m3)' };
  return { kind: 'unknown' };
}

/** Substance keywords → indicator; "metamfetamin" is tested before "amfetamin", which it contains. */
const SUBSTANCES: [RegExp, string][] = [
  [/metamfetamin|methamphetamin|metamfetamine/, 'avlopp_metamfetamin'],
  [/amfetamin|amphetamin/, 'avlopp_amfetamin'],
  [/kokain|cocain|bensoylekgonin|benzoylecgonin|bensoylecgonin|benzoylekgonin/, 'avlopp_kokain'],
  [/cannabis|thc/, 'avlopp_cannabis'],
  [/mdma|ecstasy/, 'avlopp_mdma'],
  [/tramadol/, 'avlopp_tramadol'],
];
export const KNOWN_SUBSTANCES = 'amfetamin, metamfetamin, kokain (bensoylekgonin), cannabis (THC), MDMA, tramadol';

export function substanceIndicator(raw: string): string | null {
  const s = raw
    .toLocaleLowerCase('sv-SE')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  return SUBSTANCES.find(([re]) => re.test(s))?.[1] ?? null;
}

export type Season = 'vår' | 'sommar' | 'höst' | 'vinter';
const SEASON_WORDS: Record<string, Season> = {
  var: 'vår',
  varen: 'vår',
  spring: 'vår',
  sommar: 'sommar',
  sommaren: 'sommar',
  summer: 'sommar',
  host: 'höst',
  hosten: 'höst',
  autumn: 'höst',
  fall: 'höst',
  vinter: 'vinter',
  vintern: 'vinter',
  winter: 'vinter',
};
/** RISE's seasons as months; vinter = December of the same year (data-sources.md §2.2). */
export const SEASON_MONTHS: Record<Season, number[]> = { vår: [3, 4, 5], sommar: [6, 7, 8], höst: [9, 10, 11], vinter: [12] };
const SEASON_TEXT: Record<Season, string> = {
  vår: 'mars–maj',
  sommar: 'juni–augusti',
  höst: 'september–november',
  vinter: 'december samma år',
};

export function seasonOfMonth(month: number): Season | null {
  return (Object.keys(SEASON_MONTHS) as Season[]).find((s) => SEASON_MONTHS[s].includes(month)) ?? null;
}

const pad2 = (s: string) => s.padStart(2, '0');

/** Sampling date: "2024-04-16", "2024-4-16", "2024-04-16 00:00", "16.04.2024", "20240416" → a date period. */
export function readSampleDate(r: RowReader, column: string, raw: string): Period | null {
  if (raw === '') return r.fail(column, raw, 'provdatum saknas: ange datum som ÅÅÅÅ-MM-DD, t.ex. 2024-04-16');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(raw);
  let iso: string | null = null;
  if (m) iso = `${m[1]}-${pad2(m[2]!)}-${pad2(m[3]!)}`;
  else if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(raw))) iso = `${m[3]}-${pad2(m[2]!)}-${pad2(m[1]!)}`;
  else if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw))) iso = `${m[1]}-${m[2]}-${m[3]}`;
  if (!iso) return r.fail(column, raw, 'okänt datumformat: ange ÅÅÅÅ-MM-DD (2024-04-16) eller DD.MM.ÅÅÅÅ (16.04.2024)');
  const p = parsePeriod(iso);
  return p ?? r.fail(column, raw, 'ogiltigt datum (finns inte i kalendern)');
}

/** Season checked against the date; an empty cell takes the season of the month (none in January–February). */
export function readSeason(r: RowReader, column: string, raw: string, date: Period | null): Season | null | undefined {
  const month = date ? Number(date.start.slice(5, 7)) : null;
  const year = date ? date.start.slice(0, 4) : null;
  if (raw === '') return month === null ? null : seasonOfMonth(month);
  const m = /^(\p{L}+)\s*(\d{4})?$/u.exec(raw.trim());
  const season = m
    ? SEASON_WORDS[
        m[1]!
          .toLocaleLowerCase('sv-SE')
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
      ]
    : undefined;
  if (!season) {
    r.fail(column, raw, 'okänd säsong: ange vår, sommar, höst eller vinter (eller lämna tomt)');
    return undefined;
  }
  if (month === null) return season;
  if (m![2] && m![2] !== year) {
    r.fail(column, raw, `året i säsongen stämmer inte med provdatumet ${date!.label}`);
    return undefined;
  }
  if (!SEASON_MONTHS[season].includes(month)) {
    const actual = seasonOfMonth(month);
    r.fail(
      column,
      raw,
      `säsongen ${season} stämmer inte med provdatumet ${date!.label}: ${season} = ${SEASON_TEXT[season]}` +
        (actual ? `; datumet hör till ${actual}` : '; januari–februari hör inte till någon säsong (vinter = december samma år)') +
        '. Rätta datumet eller säsongen',
    );
    return undefined;
  }
  return season;
}

type Flag = 'below_loq' | 'not_detected';
const FLAGS: Record<string, Flag> = {
  under_lloq: 'below_loq',
  under_loq: 'below_loq',
  '<lloq': 'below_loq',
  '<loq': 'below_loq',
  below_loq: 'below_loq',
  '<lod': 'below_loq',
  ej_detekterad: 'not_detected',
  ej_detekterat: 'not_detected',
  not_detected: 'not_detected',
  nd: 'not_detected',
  'n.d.': 'not_detected',
};
const flagKey = (raw: string) =>
  raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
    .replace(/^<_?/, '<');
const EMPTY_VALUE = new Set(['', 'na', 'n/a', '-', '–']);

export interface Measurement {
  value: number | null;
  status: ObservationStatus | null;
  /** A number written on a flagged row (often the quantification limit); never used as the value. */
  labValue: number | null;
}

/** värde + flagga → a value, or null with below_loq/not_detected; a flagged value is never 0. */
export function readMeasurement(r: RowReader, valueCol: string, rawValue: string, flagCol: string, rawFlag: string): Measurement | null {
  let flag: Flag | null = null;
  if (rawFlag !== '') {
    flag = FLAGS[flagKey(rawFlag)] ?? null;
    if (!flag) {
      r.fail(flagCol, rawFlag, 'okänd flagga: ange under_LLOQ eller ej_detekterad (tom = uppmätt värde)');
      // The value cell is checked too (every problem of a row is listed): a number, "<0,5", a flag or empty.
      const v = rawValue.trim();
      const bare = /^<\s*(.+)$/.exec(v)?.[1] ?? v;
      if (v !== '' && !FLAGS[flagKey(v)] && !EMPTY_VALUE.has(v.toLowerCase()) && !parseNumber(bare).ok)
        r.fail(valueCol, rawValue, 'förväntade ett tal, "<" och ett tal, eller tom cell');
      return null;
    }
  }
  let v = rawValue.trim();
  // Flags and "<0,5" written in the value cell itself.
  const inValue = FLAGS[flagKey(v)];
  if (inValue) {
    flag ??= inValue;
    v = '';
  }
  const lt = /^<\s*(.+)$/.exec(v);
  if (lt) {
    flag ??= 'below_loq';
    v = lt[1]!;
  }
  if (flag) {
    if (EMPTY_VALUE.has(v.toLowerCase())) return { value: null, status: flag, labValue: null };
    const p = parseNumber(v);
    if (!p.ok || p.percent || p.value < 0) return r.fail(valueCol, rawValue, 'förväntade ett tal ≥ 0 eller tom cell (raden har en flagga)');
    return { value: null, status: flag, labValue: p.value };
  }
  if (EMPTY_VALUE.has(v.toLowerCase())) {
    return r.fail(
      valueCol,
      rawValue,
      'värdet saknas: ange ett tal, eller flaggan under_LLOQ / ej_detekterad om ämnet inte kunde kvantifieras',
    );
  }
  const p = parseNumber(v);
  if (!p.ok) return r.fail(valueCol, rawValue, p.message);
  if (p.percent) return r.fail(valueCol, rawValue, 'ett procentvärde är ingen mängd: ange mg per 1000 invånare och dygn');
  if (p.value < 0) return r.fail(valueCol, rawValue, 'värdet kan inte vara negativt');
  if (p.value === 0) {
    return r.fail(
      valueCol,
      rawValue,
      '0 utan flagga: ange flaggan under_LLOQ (under kvantifieringsgränsen) eller ej_detekterad i stället för 0',
    );
  }
  return { value: p.value, status: null, labValue: null };
}

/** Kommun from kommunkod (a lost leading zero restored: "180" → 0180), else from the name; both must agree. */
export function readKommun(
  r: RowReader,
  ctx: ImportContext,
  codeCol: string,
  rawCode: string,
  nameCol: string,
  rawName: string,
): string | null {
  if (rawCode === '' && rawName === '')
    return r.fail(codeCol, '', 'kommunkod och kommun saknas: ange kommunkoden (t.ex. 2083) eller kommunens namn');
  let byCode: string | null = null;
  if (rawCode !== '') {
    if (!/^\d{1,4}$/.test(rawCode)) return r.fail(codeCol, rawCode, 'kommunkoden ska vara fyra siffror, t.ex. 2083');
    const code = rawCode.padStart(4, '0');
    const info = ctx.regions.get(code);
    if (!info || info.kind !== 'kommun')
      return r.fail(codeCol, rawCode, 'okänd kommunkod: ange kommunens fyra siffror, t.ex. 2083 för Hedemora');
    byCode = code;
  }
  if (rawName === '') return byCode;
  const named = ctx.regions.resolve(rawName);
  if (byCode) {
    if (named.ok && named.code !== byCode) {
      const other = ctx.regions.get(named.code);
      return r.fail(
        codeCol,
        rawCode,
        `kommunkoden ${byCode} (${ctx.regions.get(byCode)!.name}) stämmer inte med kommunnamnet ${rawName} (${other?.name ?? ''} ${named.code}): rätta den ena`,
      );
    }
    return byCode; // the name is only a label when the code is known
  }
  if (!named.ok) return r.fail(nameCol, rawName, named.message);
  if (ctx.regions.get(named.code)?.kind !== 'kommun')
    return r.fail(nameCol, rawName, 'ange en kommun (avloppsanalyser gäller en kommuns reningsverk)');
  return named.code;
}

export interface OtherUnitValue {
  unit: RiseOtherUnit;
  value: number | null;
  status: ObservationStatus | null;
}

/** A row in another unit than the load: not imported as a value. */
export interface SkippedRow {
  row: number;
  unit: RiseOtherUnit;
  /** Row of the load observation whose `detail.otherUnits` keeps it; null when the file has none. */
  keptOnRow: number | null;
}

export interface RiseResult extends AdapterResult {
  skipped: SkippedRow[];
}

/**
 * Reads a RISE-style lab table (template or Region Dalarna's long table). One observation per kommun ×
 * reningsverk × provdatum × substans in the load unit; rows in other units are attached to that
 * observation's detail (or counted in `skipped`) and never produce values or issues of their own.
 */
export function parseRiseTable(table: Table, ctx: ImportContext): RiseResult {
  const m = matchColumns(table, RISE_COLUMNS);
  const label = (k: Key) =>
    columnLabel(
      m,
      RISE_COLUMNS.find((s) => s.key === k)!,
    );
  const issues: ImportIssue[] = [];
  const observations: ParsedObservation[] = [];
  const others: { row: number; key: string; unit: RiseOtherUnit; m: Measurement }[] = [];
  const byKey = new Map<string, ParsedObservation>();
  const data = table.rows.slice(1);
  for (const row of data) {
    const r = new RowReader(row.line);
    const get = (k: Key) => cell(row, m, k);
    const unit = classifyUnit(get('unit'));
    if (unit.kind === 'ambiguous') {
      r.fail(
        label('unit'),
        get('unit'),
        `enheten är tvetydig (halt per kubikmeter eller mängd per 1 000 invånare?) och kan inte mappas automatiskt: ange enheten som labbet redovisar, t.ex. ${RISE_LOAD_UNIT}`,
      );
    } else if (unit.kind === 'unknown') {
      r.fail(
        label('unit'),
        get('unit'),
        `okänd enhet: ${RISE_LOAD_UNIT} importeras som värde (${RISE_OTHER_UNITS.join(', ')} sparas som tilläggsuppgift)`,
      );
    }
    const regionCode = readKommun(r, ctx, label('code'), get('code'), label('kommun'), get('kommun'));
    const date = readSampleDate(r, label('date'), get('date'));
    const season = readSeason(r, label('season'), get('season'), date);
    const substance = get('substance');
    const indicatorId = substanceIndicator(substance);
    const indicator = indicatorId ? ctx.indicators.get(indicatorId) : undefined;
    if (!indicator) {
      r.fail(
        label('substance'),
        substance,
        `${substance === '' ? 'substans saknas' : 'okänd substans'}: kända substanser är ${KNOWN_SUBSTANCES}`,
      );
    }
    const meas = readMeasurement(r, label('value'), get('value'), label('flag'), get('flag'));
    const site = get('plant');
    const ok =
      r.issues.length === 0 && regionCode !== null && date !== null && season !== undefined && indicator !== undefined && meas !== null;
    const key = ok ? [regionCode, site, date.label, indicator.id].join('\u001f') : '';
    if (unit.kind === 'other') {
      // Not a value of the indicator: its problems are not the user's to fix; attach it if it reads.
      if (ok) others.push({ row: row.line, key, unit: unit.unit, m: meas });
      else others.push({ row: row.line, key: '', unit: unit.unit, m: { value: null, status: null, labValue: null } });
      continue;
    }
    if (!ok) {
      issues.push(...r.issues);
      continue;
    }
    const report = get('report');
    const obs: ParsedObservation = {
      row: row.line,
      indicatorId: indicator.id,
      regionCode,
      period: date,
      sex: 'T',
      grp: '',
      site,
      value: meas.value,
      status: meas.status,
      note: get('note') || null,
      detail: {
        season,
        report: report || null,
        substance,
        ...(meas.labValue !== null ? { labValue: meas.labValue } : {}),
      },
    };
    observations.push(obs);
    if (!byKey.has(key)) byKey.set(key, obs);
  }
  const skipped: SkippedRow[] = [];
  for (const o of others) {
    const target = o.key ? byKey.get(o.key) : undefined;
    if (target) {
      const detail = target.detail!;
      const list = (detail.otherUnits ??= []) as OtherUnitValue[];
      list.push({ unit: o.unit, value: o.m.value, status: o.m.status });
    }
    skipped.push({ row: o.row, unit: o.unit, keptOnRow: target?.row ?? null });
  }
  if (observations.length === 0 && issues.length === 0 && skipped.length > 0) {
    const units = [...new Set(skipped.map((s) => s.unit))].join(', ');
    issues.push(
      issue(
        null,
        label('unit'),
        null,
        `Inga rader med enheten ${RISE_LOAD_UNIT}: ${skipped.length} rader i andra enheter (${units}) importeras inte som värden.`,
      ),
    );
  }
  return { observations, issues, rows: data.length, skipped };
}

/** Wastewater lab results (RISE) typed into the project's template or Region Dalarna's long table. */
export const riseAdapter: SourceAdapter = {
  id: 'rise',
  label: 'Avloppsanalys – RISE-labbresultat (mall)',
  sourceId: 'rise',
  expects: `kolumnerna ${RISE_TEMPLATE_HEADER} (kommunkod eller kommun, provdatum, substans, enhet och värde krävs)`,

  detect(table) {
    const m = matchColumns(table, RISE_COLUMNS);
    const required = RISE_COLUMNS.filter((s) => s.required);
    const found = required.length - m.missing.length;
    const hasKommun = m.index.code !== undefined || m.index.kommun !== undefined;
    const missing = [...(hasKommun ? [] : ['kommunkod']), ...m.missing.map((s) => s.names[0]!)];
    return { score: (found + (hasKommun ? 1 : 0)) / (required.length + 1), missing, matched: Object.keys(m.index).length };
  },

  parse: parseRiseTable,
};
