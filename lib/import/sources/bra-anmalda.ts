import { parsePeriod, type Period } from '../../periods';
import { normalizeRegionName } from '../../regions/normalize';
import type { ParsedObservation, SourceAdapter } from '../adapter';
import { RowReader } from '../fields';
import { issue, type ImportIssue } from '../issues';
import { headerKey, type Table, type TableRow } from '../table';
import { parseNumber } from '../values';

/**
 * The Brå file holds "anmälda brott totalt" per kommun. The catalogue has one series for that total,
 * `kolada_anm_brott_100k` ("Anmälda brott totalt, antal/100 000 inv (N07540)", source Kolada/Brå): Kolada's
 * N07540 is Brå's total under another name, so the CSV lands on the same indicator instead of a second,
 * near-identical series. (The indicator's catalogue source is `kolada`; the import record says `bra_anmalda`.)
 */
export const BRA_TOTAL_INDICATOR = 'kolada_anm_brott_100k';

/** data-sources.md §3, from 2023: `Kommun;Antal;Per 100 000 inv.` */
export const BRA_HEADER = ['Kommun', 'Antal', 'Per 100 000 inv.'] as const;

const KOMMUN = BRA_HEADER[0];
const ANTAL = BRA_HEADER[1];
const PER_100K = BRA_HEADER[2];

/** Header spellings accepted per column (compared with `headerKey`: lower case, no accents). */
const HEADER_TESTS: Record<(typeof BRA_HEADER)[number], (key: string) => boolean> = {
  [KOMMUN]: (k) => k === 'kommun',
  [ANTAL]: (k) => k === 'antal',
  [PER_100K]: (k) => /^per 100 ?000 inv(\.|anare)?$/.test(k),
};

/** Rows looked at by `detect` for the headerless 2021 layout. */
const SNIFF_ROWS = 5;

type Layout = { kind: 'header'; index: [number, number, number] } | { kind: 'headerless' } | null;

const keyOf = (cell: string) => headerKey(cell.replace(/^\uFEFF/, ''));

function headerIndex(row: TableRow | undefined): { index: (number | undefined)[]; missing: string[] } {
  const keys = (row?.cells ?? []).map(keyOf);
  const index = BRA_HEADER.map((col) => {
    const i = keys.findIndex(HEADER_TESTS[col]);
    return i >= 0 ? i : undefined;
  });
  return { index, missing: BRA_HEADER.filter((_, i) => index[i] === undefined) };
}

const isCount = (raw: string) => {
  const r = parseNumber(raw);
  return r.ok && !r.percent && Number.isInteger(r.value) && r.value >= 0;
};

/** 2021: no header, rows like `Ale kommun;2731;8547` (name, integer, integer). */
function headerlessShape(rows: TableRow[]): { shaped: boolean; kommunSuffix: boolean } {
  const first = rows.slice(0, SNIFF_ROWS);
  if (first.length === 0) return { shaped: false, kommunSuffix: false };
  const shaped = first.every(
    (r) => r.cells.length === 3 && !isCount(r.cells[0]!) && r.cells[0] !== '' && isCount(r.cells[1]!) && isCount(r.cells[2]!),
  );
  const suffixed = first.filter((r) => / kommun$/i.test(r.cells[0] ?? '')).length;
  return { shaped, kommunSuffix: suffixed * 2 > first.length };
}

function layoutOf(table: Table): Layout {
  if (table.json !== undefined) return null;
  const h = headerIndex(table.rows[0]);
  if (h.missing.length === 0) return { kind: 'header', index: h.index as [number, number, number] };
  const s = headerlessShape(table.rows);
  return s.shaped && s.kommunSuffix ? { kind: 'headerless' } : null;
}

/**
 * The year is not in the file, only in Brå's file name ("Anmälda brott kommunerna 2024.csv",
 * "anmalda_brott_kommuner_2021.csv"): a four-digit 20xx standing alone in the base name.
 */
export function yearFromFileName(fileName: string): { year: number } | { error: string } {
  let base = fileName.split(/[\\/]/).pop() ?? fileName;
  // A name saved straight from the download link ("…kommunerna%202023.csv") is URL-encoded.
  if (/%[0-9a-f]{2}/i.test(base)) {
    try {
      base = decodeURIComponent(base);
    } catch {
      // not valid percent-encoding: keep the name as it is
    }
  }
  const years = [...new Set([...base.matchAll(/(?<!\d)(20\d{2})(?!\d)/g)].map((m) => Number(m[1])))];
  if (years.length === 1) return { year: years[0]! };
  if (years.length === 0) {
    return {
      error: `året står inte i filen, bara i Brås filnamn: filnamnet "${base}" måste innehålla året (t.ex. "Anmälda brott kommunerna 2024.csv")`,
    };
  }
  return {
    error: `filnamnet "${base}" innehåller flera årtal (${years.join(', ')}): byt namn på filen så att bara statistikåret står i namnet`,
  };
}

/**
 * Brå's file also lists stadsdelar of Stockholm, Göteborg and Malmö as extra rows. Rule: a name that is
 * not a region and starts with one of the three city names (genitive s allowed) followed by a separator
 * (space, dash, comma, colon, slash) and more text, or ends in "(Stockholm)" etc., is a stadsdel. The
 * project stores kommun, län and riket only, and the city's own kommun row carries its total, so these
 * rows are skipped without an error. Anything else that is unknown ("Stockholmm") stays an error.
 */
export function stadsdelCity(name: string): string | null {
  const key = normalizeRegionName(name);
  for (const city of ['stockholm', 'göteborg', 'malmö']) {
    if (new RegExp(`^${city}s?(\\s*[-,:/]\\s*|\\s+)\\S`).test(key) || key.endsWith(`(${city})`)) return city;
  }
  return null;
}

const CITY_LABEL: Record<string, string> = { stockholm: 'Stockholm', göteborg: 'Göteborg', malmö: 'Malmö' };

/** Brå anmälda brott, the open yearly kommun CSV (data-sources.md §3), also after an Excel re-save. */
export const braAnmaldaAdapter: SourceAdapter = {
  id: 'bra_anmalda',
  label: 'Brå anmälda brott (kommun-CSV)',
  sourceId: 'bra_anmalda',
  expects:
    `rubrikraden ${BRA_HEADER.join(';')} (eller, som i 2021 års fil, rader utan rubrik: "Ale kommun;2731;8547"), ` +
    'och statistikåret i filnamnet (t.ex. "Anmälda brott kommunerna 2024.csv")',

  detect(table) {
    if (table.json !== undefined) return { score: 0, missing: [...BRA_HEADER] };
    const h = headerIndex(table.rows[0]);
    if (h.missing.length === 0) return { score: 1, missing: [] };
    const s = headerlessShape(table.rows);
    if (s.shaped) {
      // Three columns of name, integer, integer: 2021's layout when the names end in " kommun".
      return s.kommunSuffix ? { score: 1, missing: [] } : { score: 0.5, missing: [...BRA_HEADER] };
    }
    return {
      score: (BRA_HEADER.length - h.missing.length) / BRA_HEADER.length,
      missing: h.missing,
      matched: BRA_HEADER.length - h.missing.length,
    };
  },

  parse(table, ctx) {
    const issues: ImportIssue[] = [];
    const observations: ParsedObservation[] = [];
    const layout = layoutOf(table);
    if (!layout) {
      issues.push(issue(null, null, null, `Filen har inte Brås layout: förväntade ${braAnmaldaAdapter.expects}.`));
      return { observations, issues, rows: table.rows.length };
    }
    const [iKommun, iAntal, iRate] = layout.kind === 'header' ? layout.index : [0, 1, 2];
    const labels = layout.kind === 'header' ? layout.index.map((i) => table.rows[0]!.cells[i]!.replace(/^\uFEFF/, '')) : [...BRA_HEADER];
    const [lKommun, lAntal, lRate] = labels as [string, string, string];
    const data = layout.kind === 'header' ? table.rows.slice(1) : table.rows;

    // Without a year no observation can be made; the rows are still checked so every problem shows at once.
    const y = yearFromFileName(table.name);
    let period: Period | null = null;
    if ('error' in y) issues.push(issue(null, null, null, `Året saknas: ${y.error}.`));
    else period = parsePeriod(String(y.year));
    const indicator = ctx.indicators.get(BRA_TOTAL_INDICATOR);
    if (!indicator)
      issues.push(issue(null, null, null, `Indikatorn ${BRA_TOTAL_INDICATOR} finns inte i katalogen; filen kan inte importeras.`));

    const skipped = new Map<string, number>();
    const width = Math.max(iKommun, iAntal, iRate) + 1;
    for (const row of data) {
      const r = new RowReader(row.line);
      const cell = (i: number) => row.cells[i] ?? '';
      if (row.cells.length > width) {
        r.fail(
          `kolumn ${width + 1}`,
          row.cells.slice(width).join(';'),
          `förväntade ${width} kolumner (${labels.join(';')}); raden har ${row.cells.length}`,
        );
      }
      const name = cell(iKommun);
      let regionCode: string | null = null;
      if (name === '') {
        r.fail(lKommun, name, 'kommunnamnet saknas');
      } else if (/^\d+$/.test(name)) {
        r.fail(lKommun, name, 'förväntade ett kommunnamn (Brås fil har inga kommunkoder)');
      } else {
        const region = ctx.regions.resolve(name);
        if (region.ok) {
          regionCode = region.code;
        } else {
          const city = stadsdelCity(name);
          if (city) {
            skipped.set(city, (skipped.get(city) ?? 0) + 1);
            continue;
          }
          r.fail(lKommun, name, `okänd kommun: namnet finns inte i kommunlistan. ${ctx.regions.suggest(name)}`.trim());
        }
      }
      // Brå's tables write "-" for zero and ".." for sekretess (data-sources.md §3, §8 rule 4).
      const antal = r.valueOrMarker(lAntal, cell(iAntal), 'zero');
      if (antal?.value !== null && antal?.value !== undefined && (!Number.isInteger(antal.value) || antal.value < 0)) {
        r.fail(lAntal, cell(iAntal), 'förväntade ett heltal ≥ 0 (antal anmälda brott)');
      }
      if (cell(iAntal) === '') r.fail(lAntal, '', 'antalet saknas');
      const rate = r.valueOrMarker(lRate, cell(iRate), 'zero');
      if (cell(iRate) === '') r.fail(lRate, '', 'värdet per 100 000 invånare saknas');
      if (r.issues.length > 0 || !antal || !rate || regionCode === null) {
        issues.push(...r.issues);
        continue;
      }
      if (!period || !indicator) continue;
      observations.push({
        row: row.line,
        indicatorId: indicator.id,
        regionCode,
        period,
        sex: 'T',
        grp: '',
        value: rate.value,
        numerator: antal.value,
        // Left null on purpose: Brå rounds "Per 100 000 inv." (the published 2023 lines, 7810 and 10100, look
        // like three significant figures), so Antal / rate × 100 000 gives the population only to within about
        // ±0,5 % (±150 people for a kommun of 30 000). That is not the population Brå divided by; the
        // denominator comes from SCB's population table, not from this file.
        denominator: null,
        status: rate.status,
        note: null,
        detail: { name },
      });
    }
    const notes: string[] = [];
    const nSkipped = [...skipped.values()].reduce((a, b) => a + b, 0);
    if (nSkipped > 0) {
      const cities = Object.keys(CITY_LABEL)
        .filter((c) => skipped.has(c))
        .map((c) => CITY_LABEL[c])
        .join(', ');
      notes.push(
        `${nSkipped} ${nSkipped === 1 ? 'rad' : 'rader'} för stadsdelar (${cities}) hoppades över: Trygghetsläget lagrar kommun, län och riket, och kommunens egen rad har totalen.`,
      );
    }
    return { observations, issues, rows: data.length, notes };
  },
};
