import { and, asc, eq, inArray } from 'drizzle-orm';
import { unsupersededExample } from '../../db/queries/observations';
import type { Db } from '../../db/client';
import { imports, indicators, observations, regions, sources, goalIndicators, goals, priorityAreas } from '../../db/schema';
import { provenanceColumns } from '../../db/queries/indicators';
import { provenanceLabel, provenanceLabels } from '../../provenance';
import { indicatorQuery, loadIndicatorView } from '../indicator-query';
import { loadOverview, type OverviewIndicator } from '../overview-query';
import { getCurrentPlan } from '../../db/queries/plan';
import { verdictWords } from './build-follow-up';
import type { LagesbildData, LagesbildIndicator } from '../../reports/types';
import { SEX_LABELS } from '../../vocabulary';

const SEX = SEX_LABELS;

/**
 * The analyst's lägesbild underlag: per priority area every indicator of its goals over the whole series, for the
 * kommun, the län, riket and the län's other kommuner, every breakdown, with the significance statements the
 * dashboard makes (its verdict sentence and the benchmarks).
 */
export async function buildLagesbild(db: Db, today = new Date(), kommunCode?: string): Promise<LagesbildData | null> {
  const overview = await loadOverview(db, today, { kommunCode });
  if (!overview) return null;
  const kommun = overview.regions.find((r) => r.key === 'kommun')!;
  const lan = overview.regions.find((r) => r.key === 'lan')!;
  const lanKommuner = await db.select({ code: regions.code }).from(regions).where(eq(regions.parentCode, lan.code));
  const codes = [...new Set([kommun.code, lan.code, '00', ...lanKommuner.map((k) => k.code)])];
  // Every indicator linked to any goal of the plan — the övergripande mål and the rows of the plan's tables.
  const plan = (await getCurrentPlan(db, kommunCode))!;
  const links = await db
    .select({ areaCode: priorityAreas.code, indicatorId: goalIndicators.indicatorId })
    .from(goalIndicators)
    .innerJoin(goals, eq(goals.id, goalIndicators.goalId))
    .innerJoin(priorityAreas, eq(priorityAreas.id, goals.areaId))
    .where(eq(goals.planId, plan.id))
    .orderBy(asc(priorityAreas.sort), asc(goals.kind), asc(goals.sort), asc(goalIndicators.sort));
  const ids = [...new Set(links.map((l) => l.indicatorId))];
  const [meta, rows] = await Promise.all([
    ids.length === 0
      ? []
      : db
          .select({ ind: indicators, sourceName: sources.name })
          .from(indicators)
          .innerJoin(sources, eq(sources.id, indicators.sourceId))
          .where(inArray(indicators.id, ids)),
    ids.length === 0
      ? []
      : db
          .select({ obs: observations, regionName: regions.name, provenance: provenanceColumns })
          .from(observations)
          .innerJoin(regions, eq(regions.code, observations.regionCode))
          .innerJoin(imports, eq(imports.id, observations.importId))
          .where(
            and(
              inArray(observations.indicatorId, ids),
              inArray(observations.regionCode, codes),
              eq(observations.site, ''),
              unsupersededExample,
            ),
          )
          .orderBy(
            asc(observations.indicatorId),
            asc(observations.periodStart),
            asc(observations.regionCode),
            asc(observations.sex),
            asc(observations.grp),
          ),
  ]);
  // The kommun first, then the län, riket, and the other kommuner by name.
  const order = (code: string) => (code === kommun.code ? 0 : code === lan.code ? 1 : code === '00' ? 2 : 3);
  return {
    kommun: kommun.name,
    generatedAt: today.toISOString(),
    areas: await Promise.all(
      overview.areas.map(async (area) => {
        const onOverview = new Map<string, OverviewIndicator>();
        for (const g of area.goals) for (const i of g.indicators) onOverview.set(i.id, i);
        const list: LagesbildIndicator[] = [];
        for (const id of [...new Set(links.filter((l) => l.areaCode === area.code).map((l) => l.indicatorId))]) {
          const m = meta.find((x) => x.ind.id === id);
          if (!m) continue;
          // Indicators of the plan's table rows are not on the overview: assess them as the indicator page does.
          const assessment =
            onOverview.get(id)?.assessment ?? (await loadIndicatorView(db, id, indicatorQuery.parse({}), today))?.assessment ?? null;
          const v = assessment?.verdict;
          const mine = rows.filter((r) => r.obs.indicatorId === id);
          const sources = provenanceLabels(mine.map((r) => provenanceLabel(r.provenance)));
          list.push({
            id,
            name: m.ind.name,
            areaTitle: area.title,
            unit: m.ind.unit,
            decimals: m.ind.decimals,
            source: sources.length > 0 ? `${m.sourceName}: ${sources.join('; ')}` : m.sourceName,
            definition: m.ind.definition,
            caveats: m.ind.caveats,
            statements:
              !assessment || !v
                ? []
                : [
                    ...(v.label ? [`${verdictWords(v)}: ${v.sentence}`] : [v.sentence]),
                    ...(v.pace && v.pace.label !== 'Kan inte beräknas' ? [`Takt: ${v.pace.text}`] : []),
                    ...assessment.benchmarks.map((b) => b.text),
                    ...(assessment.rank
                      ? [
                          `Plats ${assessment.rank.rank} av ${assessment.rank.of} kommuner i länet (${assessment.rank.period}); med hänsyn till osäkerheten mellan plats ${assessment.rank.low} och ${assessment.rank.high}.`,
                        ]
                      : []),
                  ],
            rows: mine
              .sort(
                (a, b) =>
                  a.obs.periodStart.localeCompare(b.obs.periodStart) ||
                  order(a.obs.regionCode) - order(b.obs.regionCode) ||
                  a.regionName.localeCompare(b.regionName, 'sv'),
              )
              .map(({ obs, regionName }) => ({
                regionCode: obs.regionCode,
                regionName,
                period: obs.period,
                sex: SEX[obs.sex as keyof typeof SEX] ?? obs.sex,
                group: obs.grp,
                value: obs.value,
                ciLow: obs.ciLow,
                ciHigh: obs.ciHigh,
                n: obs.n,
                status: obs.status,
                isExample: obs.isExample,
              })),
          });
        }
        return { code: area.code, title: area.title, indicators: list };
      }),
    ),
  };
}
