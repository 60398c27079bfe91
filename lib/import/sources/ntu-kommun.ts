import { parsePeriod, type Period } from '../../periods';
import type { ParsedObservation, SourceAdapter } from '../adapter';
import type { ImportContext } from '../context';
import { RowReader } from '../fields';
import { issue, type ImportIssue } from '../issues';
import { type Table, type TableRow } from '../table';
import { KNOWN_VARIABLES_TEXT, matchNtuVariable, ntuKey, PREVIOUS_YEAR } from './bra-variables';
import { missingMarker, parseNumber } from '../values';

/*
 * NTU sheets of Brå's "Indikatorer för kommuners lägesbild" (one workbook per kommun, e.g. Hedemora.xlsx).
 * The real file has not been seen (data-sources.md §1.1, "Inferred"); two layouts are read.
 *
 * Both layouts: the first non-empty row holds the title in column A,
 *   "<variabel> [<YYYY–YYYY>], enligt NTU <YYYY–YYYY>. <enhet>"  (hyphen or en dash; merged cells are fine).
 * The variable is mapped to an indicator by Swedish keywords (NTU_VARIABLES). When the title carries two year
 * ranges ("utsatthet … 2016–2023, enligt NTU 2017–2024") and the period labels start before the NTU range,
 * the labels are reference years and are moved to the survey axis (+1 for utsatthet).
 *
 * Layout A, "wide" (the layout of Region Dalarna's older reader):
 *   row 1  title
 *   row 2  header: column A anything ("geografi" or empty), then one column per period. A period column's label
 *          ends in a year or a pooled period: "2024", "2017–2018", "2017-2018", "Andel 2019", "2016*" (asterisk =
 *          before the 2017 method change). Column B must be such a column. The header may also be row 3–5 when
 *          rows in between are notes.
 *   rows   a geography row (Hedemora / Hedemora kommun, Dalarnas län, Hela landet) followed by optional rows that
 *          belong to the geography row above, recognised by column A:
 *            "KI nedre" | "KI undre" | "KI lägre" | "KI låg"   lower 95 % limit per period column
 *            "KI övre"  | "KI hög"                               upper limit
 *            "KI ±…" | "KI (±)" | "KI halvbredd" | "Felmarginal" half-width: limits = value ∓ h
 *            "KI" | "Konfidensintervall"                        text "21,3–29,5" (also "21.3-29.5", "(21,3; 29,5)")
 *                                                              or "±4,1" in each cell
 *            "Antal svarande i NTU" (trailing period allowed)    n
 *   A row with text in column A only ("Källa: Brå") is a footnote and skipped.
 *
 * Layout B, "block" (Region Dalarna's current reader, hamta_bra_kommunindikatorer.R):
 *   row 1  title
 *   row r  geography names, each over its block of columns (merged or only in the block's first column)
 *   row r+1 header: column A "År" (or empty); per geography a block "Andel" (or "Antal"), "KI undre", "KI övre"
 *          (the KI forms above are accepted as column names, "Antal svarande i NTU" as an n column)
 *   rows   column A a year or pooled period label (as above), then the block values.
 *
 * Values: number (decimal comma or point, "38%"), ".." / "XX" → null with status suppressed, "." → not
 * applicable, "-" → 0 (Brå convention); empty cell → no observation. Utsatthet gets referenceYear = survey end
 * year − 1 (detail.referencePeriod = survey period − 1); other variables referenceYear null. Period = survey
 * period. Old-method periods carry the note "Före metodbytet 2017".
 */

export const NTU_BREAK_NOTE = 'Före metodbytet 2017';
export { matchNtuVariable, ntuKey, NTU_VARIABLES, type NtuVariable } from './bra-variables';

const DASH = '[-–—‐‑]';

export interface NtuTitle {
  /** The title without year ranges, "enligt NTU …" and unit. */
  variable: string;
  /** Years in the variable part ("utsatthet … 2016–2023"). */
  variableYears: [number, number] | null;
  /** Years after "enligt NTU". */
  surveyYears: [number, number] | null;
  unit: string | null;
}

const RANGE_AT_END = new RegExp(`\\s+(\\d{4})(?:\\s*${DASH}\\s*(\\d{4}))?$`);

export function parseNtuTitle(title: string): NtuTitle {
  const text = title.replace(/\s+/g, ' ').trim();
  const m = new RegExp(`^(.*?),?\\s+enligt NTU\\s+(\\d{4})(?:\\s*${DASH}\\s*(\\d{4}))?\\.?\\s*(.*)$`, 'i').exec(text);
  let head = m ? m[1]! : text;
  const surveyYears: [number, number] | null = m ? [Number(m[2]), Number(m[3] ?? m[2])] : null;
  const unit = m && m[4] ? m[4].trim() : null;
  let variableYears: [number, number] | null = null;
  const r = RANGE_AT_END.exec(head);
  if (r) {
    variableYears = [Number(r[1]), Number(r[2] ?? r[1])];
    head = head.slice(0, r.index);
  }
  return {
    variable: head
      .replace(/\s*\(\d+(, ?\d+)*\)/g, '')
      .replace(/[\s.,]+$/, '')
      .trim(),
    variableYears,
    surveyYears,
    unit,
  };
}

export interface LabelPeriod {
  period: Period;
  /** The label carried an asterisk: measured before the 2017 method change. */
  methodBreak: boolean;
}

/** A label that ends in a year or a pooled period: "2024", "2017–2018", "Andel 2019", "2016*". */
export function periodAtEnd(label: string): LabelPeriod | null {
  const m = new RegExp(`(?:^|[^\\d])(\\d{4})(\\*)?(?:\\s*${DASH}\\s*(\\d{4})(\\*)?)?\\s*$`).exec(label.trim());
  if (!m) return null;
  const period = parsePeriod(m[3] ? `${m[1]}–${m[3]}` : m[1]!);
  return period ? { period, methodBreak: Boolean(m[2] || m[4]) } : null;
}

/** A cell that is only a period label (the first column of the block layout). */
export function periodCell(label: string): LabelPeriod | null {
  return new RegExp(`^\\d{4}\\*?(\\s*${DASH}\\s*\\d{4}\\*?)?$`).test(label.trim()) ? periodAtEnd(label) : null;
}

function shiftPeriod(p: Period, years: number): Period {
  if (years === 0) return p;
  const a = Number(p.start.slice(0, 4)) + years;
  const b = Number(p.end.slice(0, 4)) + years;
  return parsePeriod(a === b ? String(a) : `${a}–${b}`)!;
}

/**
 * How many years to add to the file's period labels to reach the survey (NTU) axis: non-zero only when the
 * title has a variable range behind the NTU range and a label starts before the NTU range.
 */
export function surveyShift(title: NtuTitle, periods: Period[]): number {
  const { variableYears: v, surveyYears: s } = title;
  if (!v || !s || periods.length === 0) return 0;
  const d = s[0] - v[0];
  if (d <= 0 || s[1] - v[1] !== d) return 0;
  const first = Math.min(...periods.map((p) => Number(p.start.slice(0, 4))));
  return first < s[0] && first >= v[0] ? d : 0;
}

/** The fields every NTU observation shares: survey period, reference year and method-break note. */
export function ntuObservation(
  row: number,
  indicatorId: string,
  regionCode: string,
  label: LabelPeriod,
  shift: number,
  value: number | null,
  status: ParsedObservation['status'],
): ParsedObservation {
  const period = shiftPeriod(label.period, shift);
  const previous = PREVIOUS_YEAR.has(indicatorId);
  return {
    row,
    indicatorId,
    regionCode,
    period,
    referenceYear: previous ? Number(period.end.slice(0, 4)) - 1 : null,
    value,
    status,
    ciLow: null,
    ciHigh: null,
    n: null,
    note: label.methodBreak ? NTU_BREAK_NOTE : null,
    detail: previous ? { referencePeriod: shiftPeriod(period, -1).label } : null,
  };
}

/** What a row label (layout A) or column label (layout B) says the cells hold. */
export type NtuMeasure = 'value' | 'ciLow' | 'ciHigh' | 'ciHalf' | 'ciText' | 'n';

export function ciOrCountKind(label: string): NtuMeasure | null {
  const k = ntuKey(label);
  if (/^antal svarande/.test(k)) return 'n';
  if (/^felmarginal/.test(k)) return 'ciHalf';
  if (!/^(ki|konfidensintervall)(\b|$|[^a-z])/.test(k)) return null;
  if (/\b(nedre|undre|lagre|lag|min)\b/.test(k)) return 'ciLow';
  if (/\b(ovre|hog|max)\b/.test(k)) return 'ciHigh';
  if (/±|\+\/-|\bhalv/.test(k)) return 'ciHalf';
  return 'ciText';
}

const round = (x: number) => Number(x.toPrecision(12));
const CI_PAIR = new RegExp(`^[([]?\\s*(\\d[\\d\\s.,]*?%?)\\s*(?:${DASH}|;|till)\\s*(\\d[\\d\\s.,]*?%?)\\s*[)\\]]?$`);
const CI_HALF = /^(?:±|\+\/-|\+-)\s*(.+)$/;

/**
 * Puts one KI or n cell on its observation. Markers ("..") leave the field empty; anything unreadable is an
 * issue on the reader and returns false (the caller then drops the observation, as the generic template drops
 * a row with an issue).
 */
export function applyMeasure(
  r: RowReader,
  obs: ParsedObservation,
  kind: Exclude<NtuMeasure, 'value'>,
  column: string,
  raw: string,
): boolean {
  if (raw === '' || missingMarker(raw) !== null) return true;
  if (kind === 'n') {
    obs.n = r.integer(column, raw);
    return obs.n !== null;
  }
  if (kind === 'ciLow' || kind === 'ciHigh') {
    obs[kind] = r.number(column, raw);
    return obs[kind] !== null;
  }
  const pair = kind === 'ciText' ? CI_PAIR.exec(raw) : null;
  if (pair) {
    const lo = parseNumber(pair[1]!);
    const hi = parseNumber(pair[2]!);
    if (!lo.ok || !hi.ok) {
      r.fail(column, raw, 'konfidensintervallet kunde inte läsas: skriv nedre–övre, t.ex. 21,3–29,5');
      return false;
    }
    obs.ciLow = lo.value;
    obs.ciHigh = hi.value;
    return true;
  }
  const half = CI_HALF.exec(raw);
  if (kind === 'ciText' && !half) {
    r.fail(column, raw, 'konfidensintervallet kunde inte läsas: skriv nedre–övre (t.ex. 21,3–29,5) eller ±halvbredd (t.ex. ±4,1)');
    return false;
  }
  const h = parseNumber(half ? half[1]! : raw);
  if (!h.ok || h.value < 0) {
    r.fail(column, raw, 'halvbredden för konfidensintervallet ska vara ett tal ≥ 0, t.ex. ±4,1');
    return false;
  }
  if (obs.value !== null) {
    obs.ciLow = round(obs.value - h.value);
    obs.ciHigh = round(obs.value + h.value);
  }
  return true;
}

/** Reads a value cell; null when the cell is empty (no observation) or unreadable (issue recorded). */
export function readValue(r: RowReader, column: string, raw: string): { value: number | null; status: ParsedObservation['status'] } | null {
  // "-" is zero in Brå's tables (data-sources.md §3).
  return raw === '' ? null : r.valueOrMarker(column, raw, 'zero');
}

/** The title's variable as an indicator, or an issue naming the title and the known variables. */
export function resolveVariable(titleRow: TableRow, variableText: string, ctx: ImportContext, issues: ImportIssue[]): string | null {
  const title = titleRow.cells[0] ?? '';
  if (/^antal svarande/.test(ntuKey(variableText))) {
    issues.push(
      issue(
        titleRow.line,
        'rubrik',
        title,
        'bladet innehåller antal svarande i NTU, inte en indikator: importera bladet för variabeln (antalet svarande läses från raderna "Antal svarande i NTU" där)',
      ),
    );
    return null;
  }
  const v = matchNtuVariable(variableText);
  if (!v) {
    issues.push(issue(titleRow.line, 'rubrik', title, `okänd NTU-variabel "${variableText}": kända variabler är ${KNOWN_VARIABLES_TEXT}`));
    return null;
  }
  if (!ctx.indicators.has(v.id)) {
    issues.push(issue(titleRow.line, 'rubrik', title, `indikatorn ${v.id} för "${v.name}" finns inte i katalogen`));
    return null;
  }
  return v.id;
}

const hasNtuTitle = (t: Table) => {
  const title = t.rows[0]?.cells[0] ?? '';
  return /enligt\s+NTU\b/i.test(title) && !/^Tabell\s/i.test(title);
};

type Layout = { kind: 'wide'; header: number } | { kind: 'block'; header: number };

/** Layout A: the first of rows 2–5 whose column B ends in a period. Layout B: an "Andel"/"Antal" header row. */
function findLayout(table: Table): Layout | null {
  const rows = table.rows;
  for (let i = 2; i < Math.min(rows.length - 1, 6); i++) {
    const cells = rows[i]!.cells;
    const measures = cells.slice(1).filter((c) => /^(andel|antal|procent|varde)\b/.test(ntuKey(c)) && ciOrCountKind(c) !== 'n');
    if (measures.length > 0 && periodCell(rows[i + 1]!.cells[0] ?? '')) return { kind: 'block', header: i };
  }
  for (let i = 1; i < Math.min(rows.length, 5); i++) {
    const cells = rows[i]!.cells;
    if (/^(kon|region)$/.test(ntuKey(cells[0] ?? '')) || /^(region|lan)$/.test(ntuKey(cells[1] ?? ''))) return null;
    if (periodAtEnd(cells[1] ?? '')) return { kind: 'wide', header: i };
  }
  return null;
}

const onlyFirstCell = (row: TableRow) => row.cells.slice(1).every((c) => c === '');

export function parseWide(table: Table, headerIndex: number, indicatorId: string, title: NtuTitle, ctx: ImportContext) {
  const header = table.rows[headerIndex]!;
  const geoLabel = header.cells[0] || 'geografi';
  const columns: { index: number; label: string; period: LabelPeriod }[] = [];
  header.cells.forEach((label, index) => {
    const p = index > 0 ? periodAtEnd(label) : null;
    if (p) columns.push({ index, label, period: p });
  });
  const shift = surveyShift(
    title,
    columns.map((c) => c.period.period),
  );
  const observations: ParsedObservation[] = [];
  const issues: ImportIssue[] = [];
  const data = table.rows.slice(headerIndex + 1);
  let current: { name: string; byColumn: Map<number, ParsedObservation>; failed: Set<number> } | null = null;
  let failedGeography = false;
  let rows = 0;
  const rejected = new Set<ParsedObservation>();
  for (const row of data) {
    const first = row.cells[0] ?? '';
    if (onlyFirstCell(row)) continue; // footnote such as "Källa: Brå"
    rows++;
    const r = new RowReader(row.line);
    const kind = ciOrCountKind(first);
    if (kind && kind !== 'value') {
      if (!current) {
        if (!failedGeography)
          r.fail(geoLabel, first, 'raden med KI eller antal svarande ska stå under raden för sin geografi (kommun, län eller Hela landet)');
      } else {
        for (const c of columns) {
          const raw = row.cells[c.index] ?? '';
          const obs = current.byColumn.get(c.index);
          if (obs) {
            if (!applyMeasure(r, obs, kind, c.label, raw)) rejected.add(obs);
          } else if (raw !== '' && missingMarker(raw) === null && !current.failed.has(c.index)) {
            r.fail(c.label, raw, `${first} finns men värdet för ${current.name} saknas i raden ovanför`);
          }
        }
      }
      issues.push(...r.issues);
      continue;
    }
    const region = ctx.regions.resolve(first);
    if (!region.ok) {
      issues.push(issue(row.line, geoLabel, first, `${region.message} (förväntade kommunen, länet eller Hela landet)`));
      current = null;
      failedGeography = true;
      continue;
    }
    failedGeography = false;
    current = { name: first, byColumn: new Map(), failed: new Set() };
    for (const c of columns) {
      const raw = row.cells[c.index] ?? '';
      const v = readValue(r, c.label, raw);
      if (!v) {
        if (raw !== '') current.failed.add(c.index); // reported once, on the value; its KI rows stay quiet
        continue;
      }
      const obs = ntuObservation(row.line, indicatorId, region.code, c.period, shift, v.value, v.status);
      current.byColumn.set(c.index, obs);
      observations.push(obs);
    }
    issues.push(...r.issues);
  }
  return { observations: observations.filter((o) => !rejected.has(o)), issues, rows };
}

function parseBlock(table: Table, headerIndex: number, indicatorId: string, title: NtuTitle, ctx: ImportContext) {
  const header = table.rows[headerIndex]!;
  const geoRow = table.rows[headerIndex - 1]!;
  const periodLabel = header.cells[0] || 'år';
  const observations: ParsedObservation[] = [];
  const issues: ImportIssue[] = [];
  // Geography per column: the nearest name at or left of the column (merged cells repeat it anyway).
  const blocks = new Map<string, { code: string | null; columns: { index: number; label: string; kind: NtuMeasure }[] }>();
  let geo = '';
  for (let j = 1; j < header.cells.length; j++) {
    geo = geoRow.cells[j] || geo;
    const label = header.cells[j] ?? '';
    const kind: NtuMeasure | null = ciOrCountKind(label) ?? (/^(andel|antal|procent|varde)\b/.test(ntuKey(label)) ? 'value' : null);
    if (!kind || !geo) continue;
    let block = blocks.get(geo);
    if (!block) {
      const region = ctx.regions.resolve(geo);
      if (!region.ok) issues.push(issue(geoRow.line, label, geo, `${region.message} (förväntade kommunen, länet eller Hela landet)`));
      block = { code: region.ok ? region.code : null, columns: [] };
      blocks.set(geo, block);
    }
    block.columns.push({ index: j, label: `${label} (${geo})`, kind });
  }
  const data = table.rows.slice(headerIndex + 1);
  const periods = data.map((row) => periodCell(row.cells[0] ?? '')).filter((p): p is LabelPeriod => p !== null);
  const shift = surveyShift(
    title,
    periods.map((p) => p.period),
  );
  let rows = 0;
  for (const row of data) {
    if (onlyFirstCell(row)) continue;
    rows++;
    const r = new RowReader(row.line);
    const first = row.cells[0] ?? '';
    const period = periodCell(first);
    if (!period) {
      issues.push(
        issue(
          row.line,
          periodLabel,
          first,
          'okänd period: förväntade ett år (2024), en period (2021–2022) eller ett år med asterisk (2016*)',
        ),
      );
      continue;
    }
    for (const block of blocks.values()) {
      if (!block.code) continue;
      const valueCol = block.columns.find((c) => c.kind === 'value');
      const v = valueCol ? readValue(r, valueCol.label, row.cells[valueCol.index] ?? '') : null;
      if (!v) continue;
      const obs = ntuObservation(row.line, indicatorId, block.code, period, shift, v.value, v.status);
      let ok = true;
      for (const c of block.columns) if (c.kind !== 'value') ok = applyMeasure(r, obs, c.kind, c.label, row.cells[c.index] ?? '') && ok;
      if (ok) observations.push(obs);
    }
    issues.push(...r.issues);
  }
  return { observations, issues, rows };
}

const EXPECTS =
  'ett NTU-blad ur Brås "Indikatorer för kommuners lägesbild": rad 1 rubrik "<variabel>, enligt NTU <år–år>. <enhet>", ' +
  'rad 2 geografi och en kolumn per år eller period (2017–2018 …), rader för kommunen, länet och Hela landet ' +
  '(med raderna KI nedre/KI övre och Antal svarande i NTU under varje geografi)';

export const ntuKommunAdapter: SourceAdapter = {
  id: 'ntu_kommun',
  label: 'NTU – Brå:s indikatorer för kommuners lägesbild',
  sourceId: 'ntu',
  expects: EXPECTS,

  detect(table) {
    const missing: string[] = [];
    const titleOk = hasNtuTitle(table);
    if (!titleOk) missing.push('rubrik i rad 1 med "enligt NTU"');
    const layoutOk = findLayout(table) !== null;
    if (!layoutOk) missing.push('rubrikrad med år eller perioder (rad 2: geografi, 2017–2018, 2019–2020 …)');
    // Period columns alone are in any wide table: only the NTU title is a column-level match.
    return { score: (titleOk ? 0.5 : 0) + (layoutOk ? 0.5 : 0), missing, matched: titleOk ? 2 : 0 };
  },

  parse(table, ctx) {
    const titleRow = table.rows[0];
    const layout = findLayout(table);
    if (!titleRow || !layout) {
      return {
        observations: [],
        issues: [issue(titleRow?.line ?? null, null, null, `bladet har inte NTU-kommunformatet: förväntade ${EXPECTS}`)],
        rows: 0,
      };
    }
    const title = parseNtuTitle(titleRow.cells[0] ?? '');
    const issues: ImportIssue[] = [];
    const indicatorId = resolveVariable(titleRow, title.variable, ctx, issues);
    const dataRows = table.rows.slice(layout.header + 1).filter((r) => !onlyFirstCell(r)).length;
    if (!indicatorId) return { observations: [], issues, rows: dataRows };
    const result =
      layout.kind === 'wide'
        ? parseWide(table, layout.header, indicatorId, title, ctx)
        : parseBlock(table, layout.header, indicatorId, title, ctx);
    return { observations: result.observations, issues: [...issues, ...result.issues], rows: result.rows };
  },
};
