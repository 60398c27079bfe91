import type { ObservationStatus } from '../db/enums';

export interface SiteValue {
  siteId: string;
  place: string;
  period: string;
  value: number | null;
  status: ObservationStatus | null;
}

export interface SiteReference {
  indicatorId: string;
  /** Latest period any site reported, and each site's value in it. */
  period: string;
  sites: SiteValue[];
  min: number | null;
  max: number | null;
}

interface SiteRow {
  obs: { indicatorId: string; site: string; period: string; periodStart: string; value: number | null; status: ObservationStatus | null };
  regionName: string;
}

/** Real reference measurements (EUDA's Swedish SCORE sites) summarised for the latest period. */
export function buildSiteReferences(rows: SiteRow[]): Map<string, SiteReference> {
  const byIndicator = new Map<string, SiteRow[]>();
  for (const r of rows) byIndicator.set(r.obs.indicatorId, [...(byIndicator.get(r.obs.indicatorId) ?? []), r]);
  const out = new Map<string, SiteReference>();
  for (const [indicatorId, list] of byIndicator) {
    const latestStart = list.reduce((m, r) => (r.obs.periodStart > m ? r.obs.periodStart : m), '');
    const latest = list.filter((r) => r.obs.periodStart === latestStart);
    const values = latest.map((r) => r.obs.value).filter((v): v is number => v !== null);
    out.set(indicatorId, {
      indicatorId,
      period: latest[0]!.obs.period,
      sites: latest
        .map((r) => ({ siteId: r.obs.site, place: r.regionName, period: r.obs.period, value: r.obs.value, status: r.obs.status }))
        .sort((a, b) => a.place.localeCompare(b.place, 'sv')),
      min: values.length ? Math.min(...values) : null,
      max: values.length ? Math.max(...values) : null,
    });
  }
  return out;
}

/** The EUDA reference series for a kommun wastewater indicator: avlopp_kokain → euda_ref_kokain. */
export function referenceIdFor(indicatorId: string): string | null {
  return indicatorId.startsWith('avlopp_') ? `euda_ref_${indicatorId.slice('avlopp_'.length)}` : null;
}
