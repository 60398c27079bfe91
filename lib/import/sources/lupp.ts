import type { ObservationStatus } from '../../db/enums';
import { parsePeriod, type Period } from '../../periods';
import type { ParsedObservation, SourceAdapter } from '../adapter';
import { cell, columnLabel, matchColumns, type ColumnSpec } from '../columns';
import { RowReader } from '../fields';
import { issue, type ImportIssue } from '../issues';
import { missingMarker, parseNumber } from '../values';

type Key = 'year' | 'region' | 'grade' | 'sex' | 'indicator' | 'share' | 'n' | 'responseRate' | 'note';

export const LUPP_COLUMNS: ColumnSpec<Key>[] = [
  { key: 'year', names: ['år', 'year', 'enkätår'], required: true },
  { key: 'region', names: ['region'], required: true },
  { key: 'grade', names: ['årskurs', 'grade'], required: true },
  { key: 'sex', names: ['kön', 'sex', 'gender'], required: true },
  { key: 'indicator', names: ['indikator', 'indicator'], required: true },
  { key: 'share', names: ['andel', 'andel (%)', 'share'], required: true },
  { key: 'n', names: ['antal_svarande', 'antal svarande', 'n', 'respondents'], required: true },
  { key: 'responseRate', names: ['svarsfrekvens', 'svarsfrekvens (%)', 'response_rate', 'response rate'], required: false },
  { key: 'note', names: ['kommentar', 'note'], required: false },
];

/** Header of `data-imports/templates/lupp.csv`. */
export const LUPP_TEMPLATE_HEADER = 'år;region;årskurs;kön;indikator;andel;antal_svarande;svarsfrekvens;kommentar';

/** Lower case, no accents, letters and digits only: "Gymnasiet år 2" → "gymnasietar2". */
export function compactKey(raw: string): string {
  return raw
    .toLocaleLowerCase('sv-SE')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '');
}

const GRADES: Record<string, string> = {
  ak8: 'åk 8',
  arskurs8: 'åk 8',
  grade8: 'åk 8',
  year8: 'åk 8',
  '8': 'åk 8',
  ak08: 'åk 8',
  gy2: 'gy 2',
  gy02: 'gy 2',
  gyar2: 'gy 2',
  gyak2: 'gy 2',
  gymnasiet2: 'gy 2',
  gymnasietar2: 'gy 2',
  gymnasietak2: 'gy 2',
  gymnasiear2: 'gy 2',
  gymnasietarskurs2: 'gy 2',
  ar2gymnasiet: 'gy 2',
  ar2pagymnasiet: 'gy 2',
  gymnasium2: 'gy 2',
  // Both årskurser together.
  '': '',
  totalt: '',
  total: '',
  alla: '',
  samtliga: '',
  bada: '',
  badaarskurserna: '',
  ak8gy2: '',
  ak8ochgy2: '',
  all: '',
};

/** "åk 8", "gy 2", or "" for both together; null (issue recorded) when unknown. */
export function readGrade(r: RowReader, column: string, raw: string): string | null {
  const g = GRADES[compactKey(raw)];
  return g ?? r.fail(column, raw, 'okänd årskurs: ange åk 8 eller gy 2 (tom cell = båda årskurserna tillsammans)');
}

/** A survey year ("2021"); Lupp and Svenskt Näringsliv report single years only. */
export function readYear(r: RowReader, column: string, raw: string): Period | null {
  if (raw === '') return r.fail(column, raw, 'året saknas: ange enkätåret, t.ex. 2021');
  const p = parsePeriod(raw);
  if (!p || p.kind !== 'year') return r.fail(column, raw, 'okänt år: ange enkätåret med fyra siffror, t.ex. 2021');
  return p;
}

export interface ShareCell {
  value: number | null;
  status: ObservationStatus | null;
  /** Written with "%" ("38 %"): certainly a percentage, never a fraction. */
  percentSign: boolean;
}

/**
 * A percentage 0–100 ("12,5", "12,5 %", "38%"); ".." and "XX" → null + suppressed, "." → not_applicable.
 * `required` false: an empty cell gives null without a status. Undefined when the cell is wrong (issue recorded).
 */
export function readPercent(r: RowReader, column: string, raw: string, what: string, required: boolean): ShareCell | undefined {
  if (raw === '') {
    if (!required) return { value: null, status: null, percentSign: false };
    r.fail(column, raw, `${what} saknas: ange procent (t.ex. 12,5) eller .. om värdet inte redovisas (för få svar)`);
    return undefined;
  }
  const marker = missingMarker(raw, 'invalid');
  if (marker === 'zero') return { value: 0, status: null, percentSign: false };
  if (marker) return { value: null, status: marker, percentSign: false };
  const p = parseNumber(raw);
  if (!p.ok) {
    r.fail(column, raw, p.message);
    return undefined;
  }
  if (p.value < 0 || p.value > 100) {
    r.fail(column, raw, `${what} ska anges i procent mellan 0 och 100`);
    return undefined;
  }
  return { value: p.value, status: null, percentSign: p.percent };
}

export interface PercentCellRef {
  row: number;
  raw: string;
  cell: ShareCell;
}

/**
 * data-sources.md §8 rule 3: a percent column whose values are all ≤ 1, none written with "%", and at least
 * one strictly between 0 and 1, was probably written as fractions (0,38 for 38 %). Returns one issue per
 * such cell; the rows are not imported.
 */
export function fractionIssues(column: string, cells: PercentCellRef[]): ImportIssue[] {
  const numeric = cells.filter((c) => c.cell.value !== null);
  if (numeric.length === 0 || numeric.some((c) => c.cell.percentSign || c.cell.value! > 1)) return [];
  if (!numeric.some((c) => c.cell.value! > 0 && c.cell.value! < 1)) return [];
  return numeric.map((c) =>
    issue(c.row, column, c.raw, 'alla värden i kolumnen är ≤ 1 och ser ut som andelar (0,38): ange procent, t.ex. 38 för 38 %'),
  );
}

interface Pending {
  obs: ParsedObservation;
  share: PercentCellRef;
  rate: PercentCellRef;
}

/** Lupp (MUCF) results typed from the PDF reports into the project's template, one row per value. */
export const luppAdapter: SourceAdapter = {
  id: 'lupp',
  label: 'Lupp (mall)',
  sourceId: 'lupp',
  expects: `kolumnerna ${LUPP_TEMPLATE_HEADER} (svarsfrekvens och kommentar får saknas)`,

  detect(table) {
    const m = matchColumns(table, LUPP_COLUMNS);
    return { score: m.score, missing: m.missing.map((s) => s.names[0]!), matched: Object.keys(m.index).length };
  },

  parse(table, ctx) {
    const m = matchColumns(table, LUPP_COLUMNS);
    const label = (k: Key) =>
      columnLabel(
        m,
        LUPP_COLUMNS.find((s) => s.key === k)!,
      );
    const luppIds = [...ctx.indicators.values()]
      .filter((i) => i.sourceId === 'lupp')
      .map((i) => i.id)
      .sort();
    const issues: ImportIssue[] = [];
    const pending: Pending[] = [];
    const data = table.rows.slice(1);
    for (const row of data) {
      const r = new RowReader(row.line);
      const get = (k: Key) => cell(row, m, k);
      const period = readYear(r, label('year'), get('year'));
      const region = ctx.regions.resolve(get('region'));
      if (!region.ok) r.fail(label('region'), get('region'), region.message);
      const grp = readGrade(r, label('grade'), get('grade'));
      const rawSex = get('sex');
      const sex = /annan|annat|ickebin|vill inte/i.test(rawSex)
        ? r.fail(label('sex'), rawSex, 'kan inte lagras som egen kategori: ange Totalt, tjejer eller killar (svaren ingår i Totalt)')
        : r.sex(label('sex'), rawSex);
      const indicatorId = get('indicator').toLowerCase();
      const indicator = ctx.indicators.get(indicatorId);
      if (!indicator || indicator.sourceId !== 'lupp') {
        r.fail(
          label('indicator'),
          get('indicator'),
          `${indicatorId === '' ? 'indikatorn saknas' : 'ingen Lupp-indikator'}: ange en av ${luppIds.join(', ')}`,
        );
      }
      const share = readPercent(r, label('share'), get('share'), 'andelen', true);
      let n: number | null = null;
      if (get('n') === '') r.fail(label('n'), '', 'antal svarande saknas: ange hur många som svarade på frågan (heltal)');
      else {
        n = r.integer(label('n'), get('n'));
        if (n === 0) r.fail(label('n'), get('n'), 'antal svarande måste vara minst 1');
      }
      const rate = readPercent(r, label('responseRate'), get('responseRate'), 'svarsfrekvensen', false);
      if (r.issues.length > 0 || !period || !region.ok || grp === null || !sex || !indicator || !share || n === null || !rate) {
        issues.push(...r.issues);
        continue;
      }
      pending.push({
        obs: {
          row: row.line,
          indicatorId: indicator.id,
          regionCode: region.code,
          period,
          sex,
          grp,
          value: share.value,
          n,
          responseRate: rate.value === null ? null : rate.value / 100,
          status: share.status,
          note: get('note') || null,
        },
        share: { row: row.line, raw: get('share'), cell: share },
        rate: { row: row.line, raw: get('responseRate'), cell: rate },
      });
    }
    const bad = [
      ...fractionIssues(
        label('share'),
        pending.map((p) => p.share),
      ),
      ...fractionIssues(
        label('responseRate'),
        pending.map((p) => p.rate),
      ),
    ];
    issues.push(...bad);
    const badRows = new Set(bad.map((i) => i.row));
    const observations = pending.filter((p) => !badRows.has(p.obs.row)).map((p) => p.obs);
    return { observations, issues: issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)), rows: data.length };
  },
};
