import { createHash } from 'node:crypto';
import { z } from 'zod';
import { SEXES } from '../db/enums';
import { formatNumber } from '../format';
import type { AdapterResult, ParsedObservation } from './adapter';
import type { ImportContext, IndicatorInfo } from './context';
import { RowReader } from './fields';
import { issue, type ImportIssue } from './issues';
import type { KoladaKpiTable } from './kolada-kpis';
import { normalizeGroupLabel, parseSexLabel, parseStatPeriod, resolveRegionLabel, slashYearSuggestion } from './labels';
import { ROLES, ROLE_LABELS, type Role } from './mapping-roles';
import { headerKey, type Table, type TableRow } from './table';

/**
 * A column mapping: how a table that is nearly our long format (one value per row, or one per column in a wide
 * table) becomes observations. Columns are named by their header text as the file writes it. It is what the
 * upload page's mapping form and `npm run import -- --map …` produce, and what is saved under the file's
 * header signature (import_mappings) so the next file of the same layout is read the same way.
 */
export { ROLES, ROLE_LABELS, type Role } from './mapping-roles';

/** CLI spellings of the roles (`--map "region=Boendekommun;ki_låg=Nedre"`). */
const ROLE_ALIASES: Record<string, Role> = {
  region: 'region',
  period: 'period',
  ar: 'period',
  value: 'value',
  varde: 'value',
  cilow: 'ciLow',
  ci_low: 'ciLow',
  ki_lag: 'ciLow',
  cihigh: 'ciHigh',
  ci_high: 'ciHigh',
  ki_hog: 'ciHigh',
  n: 'n',
  sex: 'sex',
  kon: 'sex',
  group: 'group',
  grupp: 'group',
  status: 'status',
  kpi: 'kpi',
  nyckeltal: 'kpi',
  indikator: 'kpi',
};

const wideColumnSchema = z.object({
  column: z.string().min(1),
  indicator: z.string().min(1).optional(),
  period: z.string().min(1).optional(),
  sex: z.enum(SEXES).optional(),
});

export const columnMappingSchema = z.object({
  /** One catalogue indicator for every value in the file (unless a kpi column or wide columns name their own). */
  indicator: z.string().min(1).optional(),
  columns: z.partialRecord(z.enum(ROLES), z.string().min(1)),
  /** A wide table: one value per listed column, each with its own indicator, period or sex. */
  wide: z.array(wideColumnSchema).max(200).optional(),
  /** Multiplies value and KI: 100 turns a share written as 0.046 into 4.6 (%). */
  scale: z.number().positive().max(1e6).optional(),
  /** What a bare "-" means in the value column: Brå writes it for zero, Kolada for bortfall. */
  dash: z.enum(['zero', 'missing']).optional(),
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** Where the header row is and what it says. */
export interface HeaderInfo {
  index: number;
  row: TableRow;
  headers: string[];
  keys: string[];
}

/**
 * The header row of a table that may start with a title and notes (PxWeb's quoted title line, Socialstyrelsen's
 * title rows): the first row of at least two non-empty cells that is followed by a row of at least two.
 */
export function findHeader(table: Table, maxScan = 25): HeaderInfo | null {
  const filled = (r: TableRow) => r.cells.filter((c) => c !== '').length;
  for (let i = 0; i < Math.min(table.rows.length, maxScan); i++) {
    const row = table.rows[i]!;
    const next = table.rows[i + 1];
    if (filled(row) >= 2 && (!next || filled(next) >= 2)) {
      return { index: i, row, headers: row.cells, keys: row.cells.map(headerKey) };
    }
  }
  return null;
}

/** The header's signature: what a saved mapping is found by (header texts, case and accents ignored, in order). */
export function headerSignature(h: Pick<HeaderInfo, 'keys'>): string {
  return createHash('sha256')
    .update(h.keys.filter((k) => k !== '').join('\u001f'))
    .digest('hex')
    .slice(0, 32);
}

// ---------------------------------------------------------------------------------------------------------
// Guessing: which column plays which role, from its name (the user confirms or changes it).

const NAMES: Record<Exclude<Role, 'ciLow' | 'ciHigh'>, string[]> = {
  region: [
    'region',
    'kommun',
    'lan',
    'municipality_id',
    'municipality',
    'omrade',
    'geografi',
    'region/kommun',
    'kommun/region',
    'kommun/landsting',
    'kommunnamn',
    'kommunkod',
    'boendekommun',
    'hemkommun',
  ],
  period: ['period', 'ar', 'year', 'tid', 'lasar', 'undersokningsar', 'matar', 'arsperiod'],
  value: [
    'varde',
    'value',
    'visat varde',
    'andel',
    'andel (%)',
    'andel (procent)',
    'andel i procent',
    'procent',
    'andel procent',
    'antal',
    'varde (%)',
  ],
  n: ['n', 'antal svarande', 'antal svar', 'respondents', 'antal individer', 'antal_svarande', 'svarande'],
  sex: ['kon', 'sex', 'gender'],
  group: ['grupp', 'group', 'arskurs', 'skolar', 'alder', 'aldersgrupp', 'aldersklass', 'skolform', 'stadium'],
  status: ['status', 'flagga'],
  kpi: ['kpi', 'kpi_id', 'nyckeltal', 'nyckeltals-id', 'nyckeltal id', 'kpi_title', 'indikator', 'indicator'],
};

const isCi = (k: string, side: 'low' | 'high') => {
  const ci = /(^|\W)(ki|ci)(\W|$)|konfidens|interval/.test(k) || /^(nedre|undre|ovre|lower|upper)/.test(k);
  const low = /nedre|undre|lower|lag|low/.test(k);
  const high = /ovre|upper|hog|high/.test(k);
  return ci && (side === 'low' ? low && !high : high && !low);
};

/** Kolada/rKolada's sex columns in a wide table, and year columns in a PxWeb table. */
const SEX_COLUMN: Record<string, 'T' | 'K' | 'M'> = { t: 'T', k: 'K', m: 'M', totalt: 'T', kvinnor: 'K', man: 'M' };

export function guessMapping(h: HeaderInfo): ColumnMapping {
  const columns: ColumnMapping['columns'] = {};
  const used = new Set<number>();
  const take = (role: Role, i: number) => {
    if (i >= 0 && !used.has(i) && columns[role] === undefined) {
      columns[role] = h.headers[i]!;
      used.add(i);
    }
  };
  // A code column beats a name column for the region (rKolada writes both municipality_id and municipality).
  take('region', h.keys.indexOf('municipality_id'));
  for (const role of ['kpi', 'region', 'period', 'sex', 'group', 'n', 'status'] as const) {
    for (const name of NAMES[role]) take(role, h.keys.indexOf(name));
  }
  h.keys.forEach((k, i) => {
    if (isCi(k, 'low')) take('ciLow', i);
    if (isCi(k, 'high')) take('ciHigh', i);
  });
  for (const name of NAMES.value) take('value', h.keys.indexOf(name));
  if (columns.value === undefined) {
    // Headers such as "Andel (%) som ..." or "Värde, procent".
    h.keys.forEach((k, i) => {
      if (/^(andel|varde|value|procent)\b/.test(k) && !isCi(k, 'low') && !isCi(k, 'high')) take('value', i);
    });
  }
  const mapping: ColumnMapping = { columns };
  if (columns.value === undefined) {
    const wide: NonNullable<ColumnMapping['wide']> = [];
    h.headers.forEach((header, i) => {
      if (used.has(i) || header === '') return;
      const sex = SEX_COLUMN[h.keys[i]!];
      if (sex) wide.push({ column: header, sex });
      else if (parseStatPeriod(header)) wide.push({ column: header, period: parseStatPeriod(header)!.label });
    });
    if (wide.length > 0) mapping.wide = wide;
  }
  return mapping;
}

/** The roles a mapping must have before it can be applied, as Swedish words (empty = complete). */
export function mappingGaps(m: ColumnMapping): string[] {
  const gaps: string[] = [];
  if (!m.columns.region) gaps.push('vilken kolumn som är region');
  const wide = m.wide ?? [];
  if (!m.columns.period && !(wide.length > 0 && wide.every((w) => w.period))) gaps.push('vilken kolumn som är period');
  if (!m.columns.value && wide.length === 0) gaps.push('vilken kolumn som är värdet');
  if (!m.indicator && !m.columns.kpi && !(wide.length > 0 && wide.every((w) => w.indicator))) gaps.push('indikatorn');
  return gaps;
}

// ---------------------------------------------------------------------------------------------------------
// The CLI's `--map "region=Boendekommun;period=År;value=andel;grupp=Undersökning"`.

export function parseMapArg(arg: string): { columns: ColumnMapping['columns']; errors: string[] } {
  const columns: ColumnMapping['columns'] = {};
  const errors: string[] = [];
  for (const part of arg
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0) {
      errors.push(`"${part}": skriv roll=kolumn, t.ex. region=Boendekommun`);
      continue;
    }
    const role = ROLE_ALIASES[headerKey(part.slice(0, eq)).replace(/\s+/g, '_')];
    const column = part.slice(eq + 1).trim();
    if (!role)
      errors.push(
        `okänd roll "${part.slice(0, eq)}": använd ${Object.keys(ROLE_ALIASES)
          .filter((k) => !k.includes('_') || k.startsWith('ki'))
          .join(', ')}`,
      );
    else if (!column) errors.push(`rollen ${part.slice(0, eq)} saknar kolumnnamn`);
    else columns[role] = column;
  }
  return { columns, errors };
}

// ---------------------------------------------------------------------------------------------------------
// Applying a mapping.

export interface ApplyOptions {
  kpis?: KoladaKpiTable;
  /** Source name for notes ("Kolada", "PxWeb"). */
  label?: string;
}

/** `pooledYears` > 1: a Kolada moving mean, whose year Y is stored as the window (Y − n + 1)–Y (as the live fetch does). */
type Resolved = { indicator: IndicatorInfo; scale: number; pooledYears?: number } | { skip: string } | { error: string };

/** An indicator named in a file: catalogue id, Kolada KPI id or title (kolada-kpis.json), or catalogue name. */
function resolveIndicator(raw: string, ctx: ImportContext, kpis: KoladaKpiTable | undefined): Resolved {
  const s = raw.trim();
  if (s === '') return { error: 'indikatorn saknas' };
  const byId = ctx.indicators.get(s);
  if (byId) return { indicator: byId, scale: 1 };
  const kpi = kpis?.find(s);
  if (kpi) {
    if (!kpi.indicator) return { skip: `${kpi.kpi} ${kpi.title}${kpi.note ? ` (${kpi.note})` : ''}` };
    const ind = ctx.indicators.get(kpi.indicator);
    return ind
      ? { indicator: ind, scale: kpi.scale ?? 1, pooledYears: kpi.pooledYears }
      : { error: `indikatorn ${kpi.indicator} (för ${kpi.kpi}) finns inte i katalogen` };
  }
  const key = headerKey(s);
  for (const ind of ctx.indicators.values()) if (headerKey(ind.name) === key) return { indicator: ind, scale: 1 };
  if (/^[A-Z]\d{5}\b/.test(s)) return { skip: `${s} (inte i data-imports/kolada-kpis.json)` };
  return { error: 'okänd indikator: använd ett id ur katalogen, ett Kolada-id ur data-imports/kolada-kpis.json eller indikatorns namn' };
}

/** Kolada's "Alla kommuner (ovägt medel)" (also "Alla kommuner, ovägt medel"), as its website export writes the comparison row. */
const isUnweightedMean = (label: string) => headerKey(label).includes('ovagt medel');

const fmt = (v: number) => formatNumber(v, 2).replace(/,?0+$/, '');

/**
 * Reads a table with a mapping. Every problem in a row is reported (not only the first); rows of fewer than two
 * filled cells after the header are notes and footers (PxWeb's "Källa: …", Socialstyrelsen's "Uppgifterna …")
 * and are skipped with a note.
 */
export function applyMapping(table: Table, mapping: ColumnMapping, ctx: ImportContext, opts: ApplyOptions = {}): AdapterResult {
  const observations: ParsedObservation[] = [];
  const issues: ImportIssue[] = [];
  const notes: string[] = [];
  const h = findHeader(table);
  if (!h) return { observations, issues: [issue(null, null, null, 'Hittar ingen rubrikrad med minst två kolumner.')], rows: 0 };
  const col = (name: string | undefined): number | undefined => {
    if (name === undefined) return undefined;
    const i = h.keys.indexOf(headerKey(name));
    return i >= 0 ? i : -1;
  };
  const idx: Partial<Record<Role, number>> = {};
  for (const role of ROLES) {
    const i = col(mapping.columns[role]);
    if (i === -1)
      issues.push(
        issue(
          h.row.line,
          ROLE_LABELS[role],
          mapping.columns[role]!,
          `kolumnen "${mapping.columns[role]}" finns inte i rubrikraden (${h.headers.filter(Boolean).join(', ')})`,
        ),
      );
    else if (i !== undefined) idx[role] = i;
  }
  const wide = (mapping.wide ?? []).map((w) => ({ ...w, index: col(w.column) }));
  for (const w of wide) {
    if (w.index === -1) issues.push(issue(h.row.line, null, w.column, `kolumnen "${w.column}" finns inte i rubrikraden`));
  }
  const gaps = mappingGaps(mapping);
  if (gaps.length > 0) issues.push(issue(null, null, null, `Kolumnmappningen är inte komplett: ange ${gaps.join(', ')}.`));
  let fixed: Resolved | null = null;
  if (mapping.indicator) {
    fixed = resolveIndicator(mapping.indicator, ctx, opts.kpis);
    if ('error' in fixed) issues.push(issue(null, 'indikator', mapping.indicator, fixed.error));
  }
  const wideIndicators = new Map<string, Resolved>();
  for (const w of wide) {
    if (!w.indicator) continue;
    const r = resolveIndicator(w.indicator, ctx, opts.kpis);
    if ('error' in r) issues.push(issue(null, w.column, w.indicator, r.error));
    wideIndicators.set(w.column, r);
  }
  // The mapping itself is wrong: say so (with the data rows counted, so the file is not called empty).
  if (issues.length > 0) return { observations, issues, rows: Math.max(1, table.rows.length - h.index - 1) };

  const label = (role: Role) => h.headers[idx[role]!] ?? ROLE_LABELS[role];
  const skipped = new Map<string, number>();
  const means = new Map<string, number>();
  let footers = 0;
  let rows = 0;
  const scaleAll = mapping.scale ?? 1;
  const dash = mapping.dash ?? 'missing';
  const data = table.rows.slice(h.index + 1);
  for (const row of data) {
    if (row.cells.filter((c) => c !== '').length < 2) {
      footers++;
      continue;
    }
    rows++;
    const get = (role: Role) => (idx[role] === undefined ? '' : (row.cells[idx[role]!] ?? ''));
    // Kolada's comparison rows ("Alla kommuner (ovägt medel)"): a mean of the kommuner's values, not riket's value.
    if (isUnweightedMean(get('region'))) {
      means.set(get('region'), (means.get(get('region')) ?? 0) + 1);
      continue;
    }
    const r = new RowReader(row.line);
    const region = resolveRegionLabel(ctx.regions, get('region'));
    if (!region.ok) r.fail(label('region'), get('region'), region.message);
    let period = null as ReturnType<typeof parseStatPeriod>;
    if (idx.period !== undefined) {
      period = parseStatPeriod(get('period'));
      if (!period)
        r.fail(
          label('period'),
          get('period'),
          get('period') === '' ? 'perioden saknas' : 'okänd period: ange år (2024), period (2019–2022) eller läsår (2026/27)',
        );
    }
    const sexRaw = get('sex');
    const sex = parseSexLabel(sexRaw);
    if (sex === undefined)
      r.fail(label('sex'), sexRaw, 'okänt kön: förväntade Totalt, Kvinnor, Män (även T/K/M, tjejer/killar, flickor/pojkar)');
    const grp = normalizeGroupLabel(get('group'));
    const n = idx.n === undefined ? null : r.integer(label('n'), get('n'));
    const status = idx.status === undefined ? null : r.status(label('status'), get('status'));
    let rowIndicator: Resolved | null = fixed;
    if (idx.kpi !== undefined) {
      rowIndicator = resolveIndicator(get('kpi'), ctx, opts.kpis);
      if ('error' in rowIndicator) r.fail(label('kpi'), get('kpi'), rowIndicator.error);
    }
    const ciLowRaw = get('ciLow');
    const ciHighRaw = get('ciHigh');
    const ciLow = idx.ciLow === undefined ? null : r.valueOrMarker(label('ciLow'), ciLowRaw, dash);
    const ciHigh = idx.ciHigh === undefined ? null : r.valueOrMarker(label('ciHigh'), ciHighRaw, dash);

    const cells: { column: string; raw: string; resolved: Resolved | null; period: typeof period; sex: typeof sex }[] = [];
    if (wide.length > 0) {
      for (const w of wide) {
        const wPeriod = w.period ? parseStatPeriod(w.period) : period;
        cells.push({
          column: w.column,
          raw: row.cells[w.index!] ?? '',
          resolved: wideIndicators.get(w.column) ?? rowIndicator,
          period: wPeriod,
          sex: w.sex ?? sex,
        });
      }
    } else {
      cells.push({ column: label('value'), raw: get('value'), resolved: rowIndicator, period, sex });
    }
    const parsed = cells.map((c) => ({ ...c, v: r.valueOrMarker(c.column, c.raw, dash) }));
    if (r.issues.length > 0 || !region.ok) {
      issues.push(...r.issues);
      continue;
    }
    for (const c of parsed) {
      if (!c.v || !c.period || !c.sex || !c.resolved || 'error' in c.resolved) continue;
      if ('skip' in c.resolved) {
        skipped.set(c.resolved.skip, (skipped.get(c.resolved.skip) ?? 0) + 1);
        continue;
      }
      // An empty cell (or R's NA) in a wide table: no value for that column, as when Kolada has no K/M split.
      if (wide.length > 0 && (c.raw === '' || c.raw.toUpperCase() === 'NA')) continue;
      const scale = scaleAll * c.resolved.scale;
      const sc = (x: number | null | undefined) => (x === null || x === undefined ? null : +(x * scale).toPrecision(12));
      const pooled = c.resolved.pooledYears ?? 1;
      const window =
        pooled > 1 && c.period.kind === 'year' ? parseStatPeriod(`${Number(c.period.label) - pooled + 1}–${c.period.label}`) : null;
      const o: ParsedObservation = {
        row: row.line,
        indicatorId: c.resolved.indicator.id,
        regionCode: region.code,
        period: window ?? c.period,
        sex: c.sex,
        grp,
        value: sc(c.v.value),
        status: status ?? c.v.status,
        n,
        ciLow: wide.length > 0 ? null : sc(ciLow?.value),
        ciHigh: wide.length > 0 ? null : sc(ciHigh?.value),
        note: null,
      };
      if (o.value === null && !o.status) o.status = 'missing';
      observations.push(o);
    }
  }
  for (const [what, count] of skipped) {
    notes.push(
      `${formatNumber(count)} ${count === 1 ? 'värde' : 'värden'} för ${what} hoppades över: nyckeltalet har ingen indikator i katalogen (data-imports/kolada-kpis.json).`,
    );
  }
  for (const [what, count] of means) {
    notes.push(
      `${formatNumber(count)} ${count === 1 ? 'rad' : 'rader'} för "${what}" lästes inte: Koladas ovägda medelvärde av kommunerna är inte rikets värde (riket heter "Riket").`,
    );
  }
  if (footers > 0)
    notes.push(`${formatNumber(footers)} ${footers === 1 ? 'rad' : 'rader'} med noter eller fotnoter under tabellen lästes inte som data.`);
  if (scaleAll !== 1) notes.push(`Värden och konfidensintervall multiplicerades med ${fmt(scaleAll)}.`);
  const slash = data.map((r) => (idx.period === undefined ? '' : (r.cells[idx.period] ?? ''))).find((p) => slashYearSuggestion(p));
  if (slash) notes.push(`Läsår som ${slash} lästes som ${slashYearSuggestion(slash)}.`);
  return { observations, issues, rows, notes };
}
