import { cleanCell, parseCsv } from '../csv';

/** EUDA metabolite label (lower-cased) → our indicator id. */
export const EUDA_INDICATORS: Record<string, string> = {
  amphetamine: 'euda_ref_amfetamin',
  cocaine: 'euda_ref_kokain',
  cannabis: 'euda_ref_cannabis',
  mdma: 'euda_ref_mdma',
  methamphetamine: 'euda_ref_metamfetamin',
  ketamine: 'euda_ref_ketamin',
};

/** Which published mean a row becomes; '' is the daily mean, the series goals use. */
export const EUDA_MEANS = [
  { column: 'Daily mean', grp: '' },
  { column: 'Weekday mean', grp: 'vardag' },
  { column: 'Weekend mean', grp: 'helg' },
] as const;

const DAYS = ['Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Monday', 'Tuesday'] as const;

export interface EudaSite {
  siteId: string;
  country: string;
  city: string;
  location: string | null;
  population: number | null;
}

export interface EudaObservation {
  indicatorId: string;
  siteId: string;
  year: number;
  grp: string;
  /** Null when the published mean is 0: below the limit of quantification. */
  value: number | null;
  status: 'below_loq' | null;
  days: Record<string, number | null>;
}

function num(v: string | undefined): number | null {
  const s = cleanCell(v);
  if (s === '' || s === 'N/A') return null;
  // An Excel re-save under Swedish settings writes decimal commas.
  const n = Number(s.includes(',') && !s.includes('.') ? s.replace(',', '.') : s);
  if (!Number.isFinite(n)) throw new Error(`Ogiltigt tal: "${s}"`);
  return n;
}

export function parseEudaSites(text: string): EudaSite[] {
  return parseCsv(text).map((r) => {
    const location = cleanCell(r.Location);
    return {
      siteId: cleanCell(r.SiteID),
      country: cleanCell(r.Country),
      city: cleanCell(r.City),
      location: location === '' || location === 'N/A' ? null : location,
      population: num(r.Population),
    };
  });
}

/**
 * Reads ww2025-all-data.csv. The published means are taken as they are (never recomputed:
 * 2021 uses other day windows, and missing days make them irreproducible).
 */
export function parseEudaData(text: string, filter: (country: string, siteId: string) => boolean): EudaObservation[] {
  return parseCsv(text).flatMap((r) => eudaRecord(r, filter));
}

/** The observations of one data row (header-keyed), or none when the filter or metabolite excludes it. Throws on a bad number. */
export function eudaRecord(r: Record<string, string | undefined>, filter: (country: string, siteId: string) => boolean): EudaObservation[] {
  const country = cleanCell(r.Country);
  const siteId = cleanCell(r['Site ID']);
  if (!filter(country, siteId)) return [];
  const indicatorId = EUDA_INDICATORS[cleanCell(r.Metabolite).toLowerCase()];
  if (!indicatorId) return [];
  const year = Number(cleanCell(r.Year));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Error(`Ogiltigt år: "${cleanCell(r.Year)}"`);
  const days = Object.fromEntries(DAYS.map((d) => [d.toLowerCase(), num(r[d])]));
  const out: EudaObservation[] = [];
  for (const { column, grp } of EUDA_MEANS) {
    const v = num(r[column]);
    if (v === null) continue; // an empty mean is simply not published
    out.push({ indicatorId, siteId, year, grp, value: v === 0 ? null : v, status: v === 0 ? 'below_loq' : null, days });
  }
  return out;
}
