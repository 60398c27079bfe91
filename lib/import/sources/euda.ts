import { eudaRecord, EUDA_INDICATORS } from '../../euda/parse';
import { SWEDISH_SITE_KOMMUN } from '../../euda/sites';
import { parsePeriod } from '../../periods';
import type { ParsedObservation, SourceAdapter } from '../adapter';
import { issue, type ImportIssue } from '../issues';
import { headerKey, type Table } from '../table';

const HEADER = ['Year', 'Metabolite', 'Site ID', 'Country', 'City', 'Weekday mean', 'Weekend mean', 'Daily mean'];
const NUMBER_COLUMNS = [
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
  'Monday',
  'Tuesday',
  'Weekday mean',
  'Weekend mean',
  'Daily mean',
];

/**
 * EUDA/SCORE `ww2025-all-data.csv` (also after a Swedish Excel re-save). The published daily, weekday and
 * weekend means are imported as they are; Swedish sites land on their kommun with the Site ID as `site`.
 */
export const eudaAdapter: SourceAdapter = {
  id: 'euda',
  label: 'EUDA/SCORE avloppsdata (ww…-all-data.csv)',
  sourceId: 'euda',
  expects: `kolumnerna ${HEADER.join(', ')} och veckodagarna`,

  detect(table) {
    const keys = (table.rows[0]?.cells ?? []).map(headerKey);
    const missing = HEADER.filter((h) => !keys.includes(headerKey(h)));
    return { score: (HEADER.length - missing.length) / HEADER.length, missing, matched: HEADER.length - missing.length };
  },

  parse(table) {
    const header = table.rows[0]!.cells;
    const observations: ParsedObservation[] = [];
    const issues: ImportIssue[] = [];
    let abroad = 0;
    const data = table.rows.slice(1);
    for (const row of data) {
      const record = Object.fromEntries(header.map((h, i) => [h, row.cells[i] ?? '']));
      const metabolite = (record.Metabolite ?? '').toLowerCase();
      // Every problem of the row, not only the first: the substance, the year and each number.
      const rowIssues: ImportIssue[] = [];
      if (!(metabolite in EUDA_INDICATORS)) {
        rowIssues.push(
          issue(row.line, 'Metabolite', record.Metabolite ?? '', `okänd substans: förväntade ${Object.keys(EUDA_INDICATORS).join(', ')}`),
        );
      }
      const year = (record.Year ?? '').trim();
      if (!/^\d{4}$/.test(year)) rowIssues.push(issue(row.line, 'Year', year, 'förväntade ett år med fyra siffror'));
      for (const column of NUMBER_COLUMNS) {
        const raw = (record[column] ?? '').trim();
        if (
          raw !== '' &&
          raw !== 'N/A' &&
          !Number.isFinite(Number(raw.includes(',') && !raw.includes('.') ? raw.replace(',', '.') : raw))
        ) {
          rowIssues.push(issue(row.line, column, raw, 'förväntade ett tal med decimalpunkt eller decimalkomma'));
        }
      }
      if (rowIssues.length > 0) {
        issues.push(...rowIssues);
        continue;
      }
      try {
        const obs = eudaRecord(record, (_country, siteId) => siteId in SWEDISH_SITE_KOMMUN);
        if (obs.length === 0) abroad++;
        for (const o of obs) {
          observations.push({
            row: row.line,
            indicatorId: o.indicatorId,
            regionCode: SWEDISH_SITE_KOMMUN[o.siteId]!,
            period: parsePeriod(String(o.year))!,
            grp: o.grp,
            site: o.siteId,
            value: o.value,
            status: o.status,
            detail: { days: o.days, city: record.City ?? null },
          });
        }
      } catch (err) {
        issues.push(issue(row.line, null, null, `${(err as Error).message}: förväntade tal med decimalpunkt eller decimalkomma`));
      }
    }
    const notes = abroad > 0 ? [`${abroad} rader gäller reningsverk utanför Sverige och importerades inte.`] : [];
    return { observations, issues, rows: data.length, notes };
  },
};

/**
 * EUDA publishes companion files beside the data file (site info, changes since last year, aggregated trends);
 * they hold no values to import. Recognised by their own headers, they are told which file to use instead.
 */
export function eudaCompanion(table: Table): string | null {
  const keys = (table.rows[0]?.cells ?? []).map(headerKey);
  const has = (...ks: string[]) => ks.every((k) => keys.includes(k));
  const use =
    'Ladda upp EUDA:s datafil ww2025-all-data.csv (…-all-data.csv i samma utgåva) i stället: den har värdena per år, substans och plats.';
  if (has('value_current', 'value_previous', 'change_percent'))
    return `Filen ${table.name} är EUDA:s förändringsfil (changes: förändring mot föregående år) och innehåller inte själva mätvärdena per år. ${use}`;
  if (has('siteid', 'latitude', 'longitude', 'population'))
    return `Filen ${table.name} är EUDA:s platsförteckning (site info: reningsverk, koordinater, befolkning) och innehåller inga mätvärden. ${use}`;
  if (keys[0] === 'metabolite' && keys.slice(1).some((k) => /^\d{4}$/.test(k)))
    return `Filen ${table.name} är EUDA:s sammanvägda trender (aggregated trends: ett medelvärde per substans och år för alla platser) och har inga värden per plats. ${use}`;
  return null;
}
