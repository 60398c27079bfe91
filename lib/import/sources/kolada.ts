import type { ObservationStatus, Sex } from '../../db/enums';
import { koladaKpiMap, KOLADA_KPIS_FILE, type KoladaKpi } from '../kolada-kpis';
import { parsePeriod } from '../../periods';
import type { ParsedObservation, SourceAdapter } from '../adapter';
import { issue, type ImportIssue } from '../issues';
import { missingMarker, parseNumber, parseStatus } from '../values';

/**
 * Kolada nyckeltal → catalogue indicator, from data-imports/kolada-kpis.json (a kommun extends that file);
 * other KPI ids are reported, not imported.
 */
export function koladaKpiIndicators(kpis: Map<string, KoladaKpi> = koladaKpiMap()): Record<string, string> {
  return Object.fromEntries([...kpis.values()].map((k) => [k.kpi, k.indicator]));
}

const knownKpis = (kpis: Map<string, KoladaKpi>) => [...kpis.values()].map((k) => `${k.kpi} (${k.indicator})`).join(', ');

/** Fields of one data record (v2 and v3 alike: kpi × municipality × period, with one value per gender). */
const RECORD_FIELDS = ['kpi', 'municipality', 'period', 'values'] as const;
const SNIFF_RECORDS = 5;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : '');
/** v3 marks withdrawn values with `isdeleted` (on the record; accepted on a gender value too). */
const isDeleted = (v: unknown): boolean =>
  v === true || v === 1 || (typeof v === 'string' && ['true', '1'].includes(v.trim().toLowerCase()));

/**
 * The list of data records: `values` in both documented versions (v2 README, v3 as rKolada reads it);
 * `data` and a bare top-level array are accepted defensively, since v3's field names are not verified
 * (data-sources.md §4, §9).
 */
function recordList(json: unknown): { list: unknown[]; path: string } | null {
  if (Array.isArray(json)) return { list: json, path: '' };
  if (!isObject(json)) return null;
  for (const key of ['values', 'data']) {
    const v = json[key];
    if (Array.isArray(v)) return { list: v, path: key };
  }
  return null;
}

/** Which record fields are present; a flat record (gender and value on the record itself) counts as having values. */
function recordMissing(rec: unknown): string[] {
  if (!isObject(rec)) return [...RECORD_FIELDS];
  const has = (f: (typeof RECORD_FIELDS)[number]) => {
    if (f === 'municipality') return text(rec.municipality ?? rec.municipality_id) !== '';
    if (f === 'period') return text(rec.period ?? rec.year) !== '';
    if (f === 'values') return Array.isArray(rec.values) || 'value' in rec;
    return text(rec[f]) !== '';
  };
  return RECORD_FIELDS.filter((f) => !has(f));
}

/** Kolada's area ids: "0000" = riket ("00"), "00xx" = län xx, other four-digit ids = kommun codes. */
export function koladaRegionCode(id: string): string | null {
  if (!/^\d{4}$/.test(id)) return null;
  if (id === '0000') return '00';
  return id.startsWith('00') ? id.slice(2) : id;
}

/** Kolada's value in the indicator's unit, without binary noise (0.1 × 100 is 10, not 10.000000000000002). */
const scaled = (v: number, scale: number) => (scale === 1 ? v : Number((v * scale).toPrecision(12)));

const SEXES: Record<string, Sex> = { T: 'T', K: 'K', M: 'M' };

/**
 * Kolada API data responses as saved JSON (data-sources.md §4). v2:
 * `{"values":[{"kpi","municipality","period","values":[{"count","gender","status","value"}]}],"count","next_page"}`;
 * v3: the same records with `isdeleted` (dropped) and `next_url` pagination. `row` in issues and observations
 * is the 1-based position of the record in `values`; the column gives the JSON path (`values[3].values[1]`).
 */
export const koladaAdapter: SourceAdapter = {
  id: 'kolada',
  label: 'Kolada (API-svar, JSON)',
  sourceId: 'kolada',
  expects:
    'ett JSON-svar från Koladas API (/v2/data eller /v3/data): {"values":[{"kpi","municipality","period","values":[{"gender","status","value"}]}]} ' +
    `för nyckeltalen i data-imports/${KOLADA_KPIS_FILE}`,

  detect(table) {
    if (table.json === undefined) return { score: 0, missing: ['JSON-svar från Kolada'] };
    const found = recordList(table.json);
    if (!found) return { score: 0, missing: ['values'] };
    if (found.list.length === 0) {
      // An empty answer is still recognisably Kolada's: {"values":[]} (with count/next_* when paged).
      return found.path === 'values' ? { score: 1, missing: [] } : { score: 0.5, missing: [...RECORD_FIELDS] };
    }
    const missing = new Set<string>();
    for (const rec of found.list.slice(0, SNIFF_RECORDS)) for (const m of recordMissing(rec)) missing.add(m);
    return {
      score: (RECORD_FIELDS.length - missing.size) / RECORD_FIELDS.length,
      missing: [...missing],
      matched: RECORD_FIELDS.length - missing.size,
    };
  },

  parse(table, ctx) {
    const observations: ParsedObservation[] = [];
    const issues: ImportIssue[] = [];
    const notes: string[] = [];
    const found = recordList(table.json);
    if (!found) {
      issues.push(issue(null, null, null, `Filen är inte ett Kolada-svar: förväntade ${koladaAdapter.expects}.`));
      return { observations, issues, rows: 0, notes };
    }
    let kpis: Map<string, KoladaKpi>;
    try {
      kpis = koladaKpiMap();
    } catch (err) {
      issues.push(issue(null, null, null, (err as Error).message));
      return { observations, issues, rows: 0, notes };
    }
    const unknownKpis = new Map<string, { row: number; values: number }>();
    const missingIndicators = new Set<string>();
    let rows = 0;
    let deleted = 0;

    found.list.forEach((rec, i) => {
      const row = i + 1;
      const path = `${found.path}[${i}]`;
      if (!isObject(rec)) {
        rows++;
        issues.push(issue(row, path, null, 'förväntade en post med kpi, municipality, period och values'));
        return;
      }
      const entries: { value: unknown; path: string }[] = Array.isArray(rec.values)
        ? rec.values.map((v, j) => ({ value: v, path: `${path}.values[${j}]` }))
        : 'value' in rec
          ? [{ value: rec, path }]
          : [];
      rows += Math.max(entries.length, 1);
      if (isDeleted(rec.isdeleted)) {
        deleted += entries.length;
        return;
      }
      if (entries.length === 0) {
        issues.push(issue(row, `${path}.values`, null, 'posten saknar values (värden per kön)'));
        return;
      }

      const kpi = text(rec.kpi);
      const entry = kpis.get(kpi.toUpperCase());
      const indicatorId = entry?.indicator;
      if (!entry || !indicatorId) {
        const u = unknownKpis.get(kpi) ?? { row, values: 0 };
        u.values += entries.length;
        unknownKpis.set(kpi, u);
        return;
      }
      const indicator = ctx.indicators.get(indicatorId);
      if (!indicator) {
        if (!missingIndicators.has(indicatorId)) {
          issues.push(issue(row, `${path}.kpi`, kpi, `indikatorn ${indicatorId} (för ${kpi}) finns inte i katalogen`));
          missingIndicators.add(indicatorId);
        }
        return;
      }

      const areaId = text(rec.municipality ?? rec.municipality_id);
      let regionCode: string | null = null;
      if (areaId === '') {
        issues.push(issue(row, `${path}.municipality`, '', 'municipality (kommun-, läns- eller riks-id) saknas'));
      } else if (/^G/i.test(areaId)) {
        issues.push(
          issue(
            row,
            `${path}.municipality`,
            areaId,
            'kommungrupper (G…) importeras inte: hämta värden för enskilda kommuner, län (00xx) eller riket (0000)',
          ),
        );
      } else {
        const code = koladaRegionCode(areaId);
        if (code === null) {
          issues.push(
            issue(
              row,
              `${path}.municipality`,
              areaId,
              'förväntade Koladas id med fyra siffror: kommun (2083), län (0020) eller riket (0000)',
            ),
          );
        } else if (!ctx.regions.get(code)) {
          issues.push(issue(row, `${path}.municipality`, areaId, `okänt område: ${code} finns inte i region-listan`));
        } else {
          regionCode = code;
        }
      }
      const periodRaw = text(rec.period ?? rec.year);
      // A moving mean (pooledYears > 1) is stored as the window that ends in Kolada's year.
      const period = !/^\d{4}$/.test(periodRaw)
        ? null
        : entry.pooledYears > 1
          ? parsePeriod(`${Number(periodRaw) - entry.pooledYears + 1}–${periodRaw}`)
          : parsePeriod(periodRaw);
      if (!period) issues.push(issue(row, `${path}.period`, periodRaw, 'förväntade ett år (t.ex. 2024)'));
      if (regionCode === null || !period) return;

      for (const e of entries) {
        if (!isObject(e.value)) {
          issues.push(issue(row, e.path, null, 'förväntade {"gender","status","value"}'));
          continue;
        }
        const v = e.value;
        if (e.path !== path && isDeleted(v.isdeleted)) {
          deleted++;
          continue;
        }
        const genderRaw = text(v.gender);
        const sex = SEXES[genderRaw.toUpperCase()];
        if (!sex) {
          issues.push(issue(row, `${e.path}.gender`, genderRaw, 'okänt kön: Kolada skriver T (totalt), K (kvinnor) eller M (män)'));
          continue;
        }
        const statusRaw = text(v.status);
        let value: number | null;
        if (v.value === null || v.value === undefined) {
          value = null;
        } else if (typeof v.value === 'number' && Number.isFinite(v.value)) {
          value = scaled(v.value, entry.scale);
        } else {
          const n = typeof v.value === 'string' ? parseNumber(v.value) : null;
          if (!n?.ok) {
            issues.push(issue(row, `${e.path}.value`, text(v.value) || JSON.stringify(v.value), 'förväntade ett tal eller null'));
            continue;
          }
          value = scaled(n.value, entry.scale);
        }
        let status: ObservationStatus | null = null;
        let note: string | null = null;
        if (value === null) {
          // Kolada's symbols: "-" bortfall, "." ej tillämplig, ".." sekretess (§4); anything else is "missing".
          const marker = missingMarker(statusRaw, 'missing');
          status = marker && marker !== 'zero' ? marker : (parseStatus(statusRaw) ?? 'missing');
          note = statusRaw ? `Kolada: värde saknas (status "${statusRaw}")` : 'Kolada: värde saknas';
        } else if (statusRaw) {
          status = parseStatus(statusRaw) === 'preliminary' ? 'preliminary' : null;
          note = `Kolada-status: ${statusRaw}`;
        }
        observations.push({
          row,
          indicatorId: indicator.id,
          regionCode,
          period,
          sex,
          grp: '',
          value,
          status,
          note,
          detail: { kpi, municipality: areaId, ...(entry.scale !== 1 ? { scale: entry.scale } : {}) },
        });
      }
    });

    for (const [kpi, u] of unknownKpis) {
      issues.push(
        issue(
          u.row,
          `${found.path}[${u.row - 1}].kpi`,
          kpi,
          `okänt nyckeltal ${kpi || '(saknas)'} (${u.values} värden hoppades över): Trygghetsläget läser ${knownKpis(kpis)} (lägg till fler i data-imports/${KOLADA_KPIS_FILE})`,
        ),
      );
    }
    if (deleted > 0)
      notes.push(`${deleted} ${deleted === 1 ? 'värde' : 'värden'} markerade som borttagna i Kolada (isdeleted) hoppades över.`);
    if (isObject(table.json)) {
      const next = text(table.json.next_url) || text(table.json.next_page);
      if (next)
        notes.push(`Svaret är en sida av flera (nästa sida: ${next}). Hämta och ladda upp även de följande sidorna, annars saknas värden.`);
    }
    return { observations, issues, rows, notes };
  },
};
