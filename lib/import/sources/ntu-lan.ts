import type { Sex } from '../../db/enums';
import type { ParsedObservation, SourceAdapter } from '../adapter';
import { RowReader } from '../fields';
import { issue, type ImportIssue } from '../issues';
import type { Table } from '../table';
import {
  applyMeasure,
  ntuKey,
  ntuObservation,
  parseNtuTitle,
  periodAtEnd,
  readValue,
  resolveVariable,
  surveyShift,
  type LabelPeriod,
  type NtuMeasure,
} from './ntu-kommun';

/*
 * One sheet of Brå's NTU län workbook (data-sources.md §1.2, "Inferred"; Region Dalarna reads it with
 * hamta_data/ntu_lan_bra.R). The contents sheet "Tabellförteckning" is not a data sheet.
 *
 *   row 1  "Tabell <id>. <name>", e.g. "Tabell R4.1. Otrygghet vid utevistelse sent på kvällen i det egna
 *          bostadsområdet 2017–2024, enligt NTU 2017–2024. Andel (%) …"; the name is mapped to an indicator as
 *          in the kommun file (NTU_VARIABLES).
 *   row 2  header: "Kön", "Region" (or "Län"), then one column per year or period ("2024", "2016*",
 *          "2017–2018"), then the KI columns: a header that starts with "KI" or "Konfidensintervall" or contains
 *          "intervall". Two KI columns are lower and upper limit (by the words nedre/undre/lägre/låg and
 *          övre/hög, else in that order); one KI column holds "21,3–29,5" or "±4,1". The KI belongs to the
 *          period named in its header ("Konfidensintervall (nedre) 2024"), else to the last period column.
 *   rows   kön ("Totalt", "Kvinnor", "Män") only on the first row of each block and filled down → sex T/K/M;
 *          region = one of the 21 län or "Hela landet". A row with text in column A only is a footnote.
 * Values, markers, year axes and notes as in the kommun file (see ntu-kommun.ts).
 */

const KI_HEADER = /^(ki\b|konfidens)|intervall/;

type Layout = {
  periods: { index: number; label: string; period: LabelPeriod }[];
  ci: { index: number; label: string; kind: Exclude<NtuMeasure, 'value' | 'n'>; forColumn: number }[];
};

function readHeader(cells: string[]): Layout {
  const periods: Layout['periods'] = [];
  const ciCols: { index: number; label: string }[] = [];
  cells.forEach((label, index) => {
    if (index < 2 || label === '') return;
    if (KI_HEADER.test(ntuKey(label))) ciCols.push({ index, label });
    else {
      const p = periodAtEnd(label);
      if (p) periods.push({ index, label, period: p });
    }
  });
  const last = periods.at(-1);
  const ci: Layout['ci'] = [];
  ciCols.forEach((c, i) => {
    const named = periodAtEnd(c.label.replace(/[^\d*]+$/, '')); // "Konfidensintervall 2024, nedre" → 2024
    const target = (named && periods.find((p) => p.period.period.label === named.period.label)) || last;
    if (!target) return;
    const k = ntuKey(c.label);
    const kind =
      ciCols.length === 1
        ? /±|\+\/-|\bhalv/.test(k)
          ? 'ciHalf'
          : 'ciText'
        : /\b(nedre|undre|lagre|lag)\b/.test(k)
          ? 'ciLow'
          : /\b(ovre|hog)\b/.test(k)
            ? 'ciHigh'
            : i % 2 === 0
              ? 'ciLow'
              : 'ciHigh';
    ci.push({ index: c.index, label: c.label, kind, forColumn: target.index });
  });
  return { periods, ci };
}

function checks(table: Table) {
  const title = table.rows[0]?.cells[0] ?? '';
  const header = table.rows[1]?.cells ?? [];
  return {
    title: /^Tabell\s+\S+/i.test(title),
    kon: /^kon$/.test(ntuKey(header[0] ?? '')) && /^(region|lan)$/.test(ntuKey(header[1] ?? '')),
    periods: readHeader(header).periods.length > 0,
  };
}

const EXPECTS =
  'ett blad ur Brås NTU-länstabell: rad 1 "Tabell <nr>. <namn>", rad 2 Kön, Region och en kolumn per år ' +
  '(KI i de två sista kolumnerna), kön bara på första raden i varje block (Totalt, Kvinnor, Män)';

export const ntuLanAdapter: SourceAdapter = {
  id: 'ntu_lan',
  label: 'NTU – länstabell (Brå)',
  sourceId: 'ntu',
  expects: EXPECTS,

  detect(table) {
    const c = checks(table);
    const missing: string[] = [];
    if (!c.title) missing.push('rubrik i rad 1 "Tabell <nr>. <namn>"');
    if (!c.kon) missing.push('kolumnerna Kön och Region (rad 2)');
    if (!c.periods) missing.push('en kolumn per år (rad 2)');
    return { score: [c.title, c.kon, c.periods].filter(Boolean).length / 3, missing, matched: (c.title ? 1 : 0) + (c.kon ? 2 : 0) };
  },

  parse(table, ctx) {
    const c = checks(table);
    const titleRow = table.rows[0];
    const header = table.rows[1];
    if (!titleRow || !header || !c.kon || !c.periods) {
      return {
        observations: [],
        issues: [issue(titleRow?.line ?? null, null, null, `bladet har inte formatet för NTU-länstabellen: förväntade ${EXPECTS}`)],
        rows: 0,
      };
    }
    const name = (titleRow.cells[0] ?? '').replace(/^Tabell\s+\S+?\.?\s+/i, '');
    const title = parseNtuTitle(name);
    const issues: ImportIssue[] = [];
    const data = table.rows.slice(2).filter((r) => r.cells.slice(1).some((x) => x !== '')); // footnotes: column A only
    const indicatorId = resolveVariable(titleRow, title.variable, ctx, issues);
    if (!indicatorId) return { observations: [], issues, rows: data.length };

    const layout = readHeader(header.cells);
    const shift = surveyShift(
      title,
      layout.periods.map((p) => p.period.period),
    );
    const konLabel = header.cells[0]!;
    const regionLabel = header.cells[1]!;
    const observations: ParsedObservation[] = [];
    let sex: Sex | null = null;
    let konSeen = false;
    for (const row of data) {
      const r = new RowReader(row.line);
      const konCell = row.cells[0] ?? '';
      if (konCell !== '') {
        // Kön stands on the first row of its block and is filled down; a wrong one is reported there once.
        sex = r.sex(konLabel, konCell);
        konSeen = true;
      } else if (!konSeen) {
        r.fail(konLabel, '', 'kön saknas: första raden i varje block ska ha Totalt, Kvinnor eller Män');
      }
      const regionName = row.cells[1] ?? '';
      const region = ctx.regions.resolve(regionName);
      if (!region.ok) r.fail(regionLabel, regionName, `${region.message} (förväntade ett län eller Hela landet)`);
      if (!sex || !region.ok) {
        issues.push(...r.issues);
        continue;
      }
      const byColumn = new Map<number, ParsedObservation>();
      for (const p of layout.periods) {
        const v = readValue(r, p.label, row.cells[p.index] ?? '');
        if (!v) continue;
        const obs = ntuObservation(row.line, indicatorId, region.code, p.period, shift, v.value, v.status);
        obs.sex = sex;
        byColumn.set(p.index, obs);
      }
      const rejected = new Set<ParsedObservation>();
      for (const k of layout.ci) {
        const raw = row.cells[k.index] ?? '';
        const obs = byColumn.get(k.forColumn);
        if (obs) {
          if (!applyMeasure(r, obs, k.kind, k.label, raw)) rejected.add(obs);
        }
      }
      observations.push(...[...byColumn.values()].filter((o) => !rejected.has(o)));
      issues.push(...r.issues);
    }
    return { observations, issues, rows: data.length };
  },
};
