import type { SourceAdapter } from '../adapter';
import { loadKoladaKpis } from '../kolada-kpis';
import { applyMapping, findHeader, guessMapping } from '../mapping';

const has = (keys: string[], names: string[]) => names.some((n) => keys.includes(n));
const KPI = ['kpi', 'kpi_id', 'nyckeltal', 'nyckeltals-id', 'kpi_title'];
const AREA = ['municipality_id', 'municipality', 'kommun', 'region', 'kommun/region', 'kommun/landsting', 'kommun/lan'];
const YEAR = ['year', 'period', 'ar'];
const VALUE = ['value', 'varde', 'visat varde'];
/** A header that is a year (`2023`): a table with one column per year, as Kolada's website lays out a KPI over time. */
const isYearColumn = (k: string) => /^(19|20)\d{2}$/.test(k);
const SEX_COLUMNS = ['t', 'k', 'm'];

/**
 * Kolada values as a table: an rKolada file (`get_values()` written with write_csv/write.csv2 or saved as
 * .xlsx: `kpi, municipality_id, year, count, gender, value, municipality, municipality_type`), long or wide
 * with one column per gender (`T`, `K`, `M`), and Kolada's website export (real 2012 downloads: `Nyckeltal`,
 * `Kommun/Landsting`, `År`, `Visat Värde`, the KPI's title of the day; inferred: one column per year, an optional
 * `Kön`; see test/fixtures/import/statdb/README.md for what is and is not known of that layout). The KPI id or title is mapped to
 * the catalogue through data-imports/kolada-kpis.json; `municipality_id` is Kolada's (`0020` = län 20,
 * `0000` = riket); Kolada's `-` is bortfall, never zero.
 */
export const koladaFileAdapter: SourceAdapter = {
  id: 'kolada_fil',
  label: 'Kolada (tabell: rKolada eller export, csv/xlsx)',
  sourceId: 'kolada',
  expects: 'kolumnerna kpi, municipality_id (eller municipality), year och value, eller kolumner T/K/M per kön',

  detect(table) {
    const h = findHeader(table);
    if (!h) return { score: 0, missing: ['kpi', 'municipality_id', 'year', 'value'] };
    const missing: string[] = [];
    if (!has(h.keys, KPI)) missing.push('kpi');
    if (!has(h.keys, AREA)) missing.push('municipality_id');
    // Years as columns stand for both the year and the value column.
    const yearColumns = h.keys.filter(isYearColumn).length > 0;
    if (!has(h.keys, YEAR) && !yearColumns) missing.push('year');
    if (
      !has(h.keys, VALUE) &&
      !yearColumns &&
      !SEX_COLUMNS.every((s) => h.keys.includes(s)) &&
      !SEX_COLUMNS.slice(0, 1).every((s) => h.keys.includes(s))
    )
      missing.push('value');
    // Without a KPI column, region/year/value prove little: the generic template has them too.
    return {
      score: (4 - missing.length) / 4,
      missing,
      matched: missing.includes('kpi') ? Math.min(2, 3 - missing.length) : 4 - missing.length,
    };
  },

  parse(table, ctx) {
    const h = findHeader(table)!;
    const mapping = guessMapping(h);
    return applyMapping(table, { ...mapping, dash: 'missing' }, ctx, { kpis: loadKoladaKpis(), label: 'Kolada' });
  },
};
