import type { Db } from '../db/client';
import type { ObservationStatus } from '../db/enums';
import { listSiteSeries, type ObservationRow } from '../db/queries/observations';
import { listObservations } from '../db/queries/indicators';
import { breakdownLabel } from './breakdown';
import { getCurrentPlan, getRegionWithParent, listAreas, listGoalLinks, listGoals } from '../db/queries/plan';
import type { Direction, IndicatorType, UnitKind } from '../catalogue/catalogue-file';
import { mergeSeries, type SeriesRow } from '../charts/series';
import { revisionStatus, type RevisionStatus } from '../plan/status';
import { RIKET_CODE } from '../regions/codes';
import { buildSiteReferences, referenceIdFor, type SiteReference } from './site-reference';
import { assessIndicator, type Assessment } from './assess';
import { provenanceLabel, provenanceLabels } from '../provenance';
import { loadPopulation } from './population';
import type { VerdictLabel } from '../stats/types';
import { REGION_KEYS, type RegionKey } from '../vocabulary';

export { REGION_KEYS, type RegionKey };

export interface RegionRef {
  key: RegionKey;
  code: string;
  name: string;
}

export interface LatestValue {
  value: number | null;
  period: string;
  ciLow: number | null;
  ciHigh: number | null;
  n: number | null;
  status: ObservationStatus | null;
  isExample: boolean;
  /** Publisher and publication (or file) the value comes from. */
  source: string;
}

export interface OverviewIndicator {
  id: string;
  name: string;
  unit: string;
  unitKind: UnitKind;
  decimals: number;
  direction: Direction;
  type: IndicatorType;
  role: 'primary' | 'supporting' | 'context';
  sourceName: string;
  /** Where the shown values come from ("Brå, Indikatorer för kommuners lägesbild"); empty when there are none. */
  sources: string[];
  measuredGeography: string;
  /** Levels the source publishes (e.g. ['lan', 'riket'] when it has no kommun value). */
  publishedLevels: string[];
  comparable: boolean;
  latest: Record<RegionKey, LatestValue | null>;
  series: SeriesRow[];
  hasExample: boolean;
  /** Real per-site measurements: the indicator's own (EUDA reference series) or its reference's. */
  siteReference: SiteReference | null;
  assessment: Assessment;
}

export interface OverviewGoal {
  code: string;
  text: string;
  indicators: OverviewIndicator[];
  /** How many of the goal's indicators (ctx excluded) carry each verdict label. */
  rollup: { label: VerdictLabel; count: number }[];
}

export const VERDICT_ORDER: VerdictLabel[] = [
  'Målet uppnått',
  'Säkerställd förbättring',
  'Tecken på förbättring (ej säkerställd)',
  'Oförändrat',
  'Tecken på försämring (ej säkerställd)',
  'Säkerställd försämring',
  'Underlag saknas',
];

/**
 * Change verdicts by label, and beside them how many indicators meet their target: an indicator that meets
 * its target and has a säkerställd worsening counts in both (statistics.md §7 rule 3).
 */
export function rollup(indicators: Pick<OverviewIndicator, 'assessment'>[]): OverviewGoal['rollup'] {
  return VERDICT_ORDER.map((label) => ({
    label,
    count: indicators.filter((i) =>
      label === 'Målet uppnått' ? i.assessment.verdict.target?.met === true : i.assessment.verdict.label === label,
    ).length,
  })).filter((r) => r.count > 0);
}

export interface OverviewArea {
  code: string;
  title: string;
  lagesbildSummary: string;
  goals: OverviewGoal[];
}

export interface Overview {
  plan: {
    title: string;
    kommunName: string;
    decidedDate: string;
    decidedBy: string;
    decisionParagraph: string;
    diarienummer: string;
    reviseBy: string;
    basedOnLagesbild: string;
    revision: RevisionStatus;
  };
  regions: RegionRef[];
  areas: OverviewArea[];
  hasExample: boolean;
}

type SourcedRow = ObservationRow & { source: string };

function latestOf(rows: SourcedRow[]): LatestValue | null {
  const last = rows.at(-1);
  if (!last) return null;
  return {
    value: last.value,
    period: last.period,
    ciLow: last.ciLow,
    ciHigh: last.ciHigh,
    n: last.n,
    status: last.status,
    isExample: last.isExample,
    source: last.source,
  };
}

/**
 * Everything the overview page shows, in a fixed number of queries whatever the plan's size. With `areaCode`, only
 * that priority area (an area's detail page): no other area's observations are read.
 */
export async function loadOverview(db: Db, today: Date, opts: { areaCode?: string; kommunCode?: string } = {}): Promise<Overview | null> {
  const plan = await getCurrentPlan(db, opts.kommunCode);
  if (!plan) return null;
  const geo = await getRegionWithParent(db, plan.kommunCode);
  if (!geo?.parent) return null;
  const regions: RegionRef[] = [
    { key: 'kommun', code: geo.region.code, name: geo.region.shortName },
    { key: 'lan', code: geo.parent.code, name: geo.parent.name },
    { key: 'riket', code: RIKET_CODE, name: 'Sverige' },
  ];
  const keyOf = new Map(regions.map((r) => [r.code, r.key]));

  const [allAreas, allGoals] = await Promise.all([listAreas(db, plan.id), listGoals(db, plan.id, 'overall')]);
  const areas = opts.areaCode === undefined ? allAreas : allAreas.filter((a) => a.code === opts.areaCode);
  const areaIds = new Set(areas.map((a) => a.id));
  const goals = allGoals.filter((g) => areaIds.has(g.areaId));
  const links = await listGoalLinks(
    db,
    goals.map((g) => g.id),
  );
  const indicatorIds = [...new Set(links.map((l) => l.indicator.id))];
  const siteIds = [...new Set(indicatorIds.flatMap((id) => [id, referenceIdFor(id)]).filter((id): id is string => id !== null))];
  const [obs, siteRows, population] = await Promise.all([
    // Each link's own breakdown (kön, grupp) is the series that counts for its goal: usually the total.
    listObservations(db, {
      indicatorIds,
      regionCodes: regions.map((r) => r.code),
      site: '',
      series: links.map((l) => ({ indicatorId: l.indicator.id, sex: l.link.sex, grp: l.link.grp })),
    }).then((rows) => rows.map((r): SourcedRow => ({ ...r.obs, source: provenanceLabel(r.provenance) }))),
    listSiteSeries(db, siteIds),
    loadPopulation(db, geo.region.code, geo.parent.code),
  ]);
  const siteRefs = buildSiteReferences(siteRows);

  const byIndicator = new Map<string, SourcedRow[]>();
  for (const o of obs) {
    const list = byIndicator.get(o.indicatorId) ?? [];
    list.push(o);
    byIndicator.set(o.indicatorId, list);
  }

  const indicatorView = (l: (typeof links)[number]): OverviewIndicator => {
    const rows = (byIndicator.get(l.indicator.id) ?? []).filter((o) => o.sex === l.link.sex && o.grp === l.link.grp);
    const subgroup = l.link.sex !== 'T' || l.link.grp !== '';
    const of = (code: string) => rows.filter((o) => o.regionCode === code);
    const assessment = assessIndicator({
      indicator: l.indicator,
      source: l.source,
      link: l.link,
      decidedDate: plan.decidedDate,
      kommun: of(regions[0]!.code),
      lan: of(regions[1]!.code),
      riket: of(regions[2]!.code),
      names: { lan: regions[1]!.name, riket: regions[2]!.name },
      kommunCode: regions[0]!.code,
      today,
      subgroup,
      population,
    });
    const latest = Object.fromEntries(regions.map((r) => [r.key, latestOf(rows.filter((o) => o.regionCode === r.code))])) as Record<
      RegionKey,
      LatestValue | null
    >;
    return {
      id: l.indicator.id,
      name: subgroup ? `${l.indicator.name} (${breakdownLabel({ sex: l.link.sex, grp: l.link.grp, site: '' })})` : l.indicator.name,
      unit: l.indicator.unit,
      unitKind: l.indicator.unitKind,
      decimals: l.indicator.decimals,
      direction: l.indicator.direction,
      type: l.indicator.type,
      role: l.link.role,
      sourceName: l.source.name,
      sources: provenanceLabels(rows.map((o) => o.source)),
      measuredGeography: l.indicator.measuredGeography,
      publishedLevels: l.indicator.publishedLevels,
      comparable: l.source.comparable,
      latest,
      series: mergeSeries(
        rows.map((o) => ({
          period: o.period,
          periodStart: o.periodStart,
          key: keyOf.get(o.regionCode)!,
          value: o.value,
          example: o.isExample,
        })),
        [...REGION_KEYS],
      ),
      hasExample: rows.some((o) => o.isExample),
      siteReference: siteRefs.get(l.indicator.id) ?? siteRefs.get(referenceIdFor(l.indicator.id) ?? '') ?? null,
      assessment,
    };
  };

  const overviewAreas: OverviewArea[] = areas.map((a) => ({
    code: a.code,
    title: a.title,
    lagesbildSummary: a.lagesbildSummary,
    goals: goals
      .filter((g) => g.areaId === a.id)
      .map((g) => {
        const inds = links.filter((l) => l.link.goalId === g.id).map(indicatorView);
        return { code: g.code, text: g.text, indicators: inds, rollup: rollup(inds) };
      }),
  }));

  return {
    plan: {
      title: plan.title,
      kommunName: geo.region.name,
      decidedDate: plan.decidedDate,
      decidedBy: plan.decidedBy,
      decisionParagraph: plan.decisionParagraph,
      diarienummer: plan.diarienummer,
      reviseBy: plan.reviseBy,
      basedOnLagesbild: plan.basedOnLagesbild,
      revision: revisionStatus(plan.reviseBy, today),
    },
    regions,
    areas: overviewAreas,
    hasExample: obs.some((o) => o.isExample),
  };
}
