import type { Db } from '../db/client';
import { getIndicator, listGoalsOfIndicator, listIndicators, listObservations, type SeriesFilter } from '../db/queries/indicators';
import { getCurrentPlan } from '../db/queries/plan';
import { toSwedishCsv } from '../export/csv';
import { provenanceLabel } from '../provenance';

/** Public API shapes: plain, stable field names (English), Swedish values as stored. */
export function indicatorJson(row: Awaited<ReturnType<typeof listIndicators>>[number]) {
  const { indicator: i, source: s } = row;
  return {
    id: i.id,
    name: i.name,
    nameEn: i.nameEn,
    definition: i.definition,
    question: i.question,
    unit: i.unit,
    unitKind: i.unitKind,
    direction: i.direction,
    type: i.type,
    decimals: i.decimals,
    breakdowns: i.breakdowns,
    cadence: i.cadence,
    measuredGeography: i.measuredGeography,
    publishedLevels: i.publishedLevels,
    caveats: i.caveats,
    source: { id: s.id, name: s.name, publisher: s.publisher, url: s.url, geography: s.geography, cadenceMonths: s.cadenceMonths },
  };
}

export async function apiIndicators(db: Db) {
  return (await listIndicators(db)).map(indicatorJson);
}

/**
 * One indicator and the goals of a kommun's plan in force that use it (by default the installation's first kommun's;
 * `kommunCode` null: a kommun without a plan, no goals).
 */
export async function apiIndicator(db: Db, id: string, kommunCode?: string | null) {
  const row = await getIndicator(db, id);
  if (!row) return null;
  const plan = kommunCode === null ? null : await getCurrentPlan(db, kommunCode);
  const goals = plan ? await listGoalsOfIndicator(db, id, plan.id) : [];
  return {
    ...indicatorJson(row),
    goals: goals.map((g) => ({ code: g.goal.code, text: g.goal.text, role: g.link.role, baselinePeriod: g.link.baselinePeriod })),
  };
}

export async function apiObservations(db: Db, f: SeriesFilter) {
  const rows = await listObservations(db, f);
  return rows.map(({ obs: o, regionName, provenance }) => ({
    indicator: o.indicatorId,
    region: o.regionCode,
    regionName,
    period: o.period,
    periodStart: o.periodStart,
    periodEnd: o.periodEnd,
    referenceYear: o.referenceYear,
    sex: o.sex,
    group: o.grp,
    site: o.site,
    value: o.value,
    ciLow: o.ciLow,
    ciHigh: o.ciHigh,
    n: o.n,
    numerator: o.numerator,
    denominator: o.denominator,
    responseRate: o.responseRate,
    status: o.status,
    note: o.note,
    example: o.isExample,
    source: provenanceLabel(provenance),
    importId: o.importId,
  }));
}

export type ApiObservation = Awaited<ReturnType<typeof apiObservations>>[number];

export const OBSERVATION_CSV_HEADER = [
  'indikator',
  'region',
  'regionnamn',
  'period',
  'referensår',
  'kön',
  'grupp',
  'plats',
  'värde',
  'ki_låg',
  'ki_hög',
  'n',
  'täljare',
  'nämnare',
  'svarsfrekvens',
  'status',
  'kommentar',
  'exempeldata',
  'källa',
  'import',
];

export function observationsCsv(rows: ApiObservation[]): string {
  return toSwedishCsv(
    OBSERVATION_CSV_HEADER,
    rows.map((r) => [
      r.indicator,
      r.region,
      r.regionName,
      r.period,
      r.referenceYear,
      r.sex,
      r.group,
      r.site,
      r.value,
      r.ciLow,
      r.ciHigh,
      r.n,
      r.numerator,
      r.denominator,
      r.responseRate,
      r.status,
      r.note,
      r.example ? 'ja' : 'nej',
      r.source,
      r.importId,
    ]),
  );
}

export function csvResponse(body: string, fileName: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
