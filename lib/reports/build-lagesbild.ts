import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { indicators, observations, regions, sources } from '../db/schema';
import { loadOverview } from '../data/overview-query';
import type { LagesbildData, LagesbildIndicator } from './types';

const SEX = { T: 'Totalt', K: 'Kvinnor', M: 'Män' } as const;

/**
 * The analyst's lägesbild underlag: per priority area every indicator of its goals over the whole series, for the
 * kommun, the län, riket and the län's other kommuner, every breakdown, with the significance statements the
 * dashboard makes (its verdict sentence and the benchmarks).
 */
export async function buildLagesbild(db: Db, today = new Date()): Promise<LagesbildData | null> {
  const overview = await loadOverview(db, today);
  if (!overview) return null;
  const kommun = overview.regions.find((r) => r.key === 'kommun')!;
  const lan = overview.regions.find((r) => r.key === 'lan')!;
  const lanKommuner = await db.select({ code: regions.code }).from(regions).where(eq(regions.parentCode, lan.code));
  const codes = [...new Set([kommun.code, lan.code, '00', ...lanKommuner.map((k) => k.code)])];
  const ids = [...new Set(overview.areas.flatMap((a) => a.goals.flatMap((g) => g.indicators.map((i) => i.id))))];
  const [meta, rows] = await Promise.all([
    ids.length === 0 ? [] : db.select({ ind: indicators, sourceName: sources.name }).from(indicators).innerJoin(sources, eq(sources.id, indicators.sourceId)).where(inArray(indicators.id, ids)),
    ids.length === 0 ? [] : db.select({ obs: observations, regionName: regions.name }).from(observations)
      .innerJoin(regions, eq(regions.code, observations.regionCode))
      .where(and(inArray(observations.indicatorId, ids), inArray(observations.regionCode, codes), eq(observations.site, '')))
      .orderBy(asc(observations.indicatorId), asc(observations.periodStart), asc(observations.regionCode), asc(observations.sex), asc(observations.grp)),
  ]);
  // The kommun first, then the län, riket, and the other kommuner by name.
  const order = (code: string) => (code === kommun.code ? 0 : code === lan.code ? 1 : code === '00' ? 2 : 3);
  return {
    kommun: kommun.name,
    generatedAt: today.toISOString(),
    areas: overview.areas.map((area) => {
      const seen = new Set<string>();
      const list: LagesbildIndicator[] = [];
      for (const goal of area.goals) {
        for (const ind of goal.indicators) {
          if (seen.has(ind.id)) continue;
          seen.add(ind.id);
          const m = meta.find((x) => x.ind.id === ind.id);
          const v = ind.assessment.verdict;
          list.push({
            id: ind.id, name: ind.name, areaTitle: area.title, unit: ind.unit, decimals: ind.decimals, source: m?.sourceName ?? ind.sourceName,
            definition: m?.ind.definition ?? null, caveats: m?.ind.caveats ?? null,
            statements: [
              ...(v.label ? [`${v.label}${v.labelSuffix ? ` ${v.labelSuffix}` : ''}: ${v.sentence}`] : [v.sentence]),
              ...ind.assessment.benchmarks.map((b) => b.text),
              ...(ind.assessment.rank ? [`Plats ${ind.assessment.rank.rank} av ${ind.assessment.rank.of} kommuner i länet (${ind.assessment.rank.period}).`] : []),
            ],
            rows: rows.filter((r) => r.obs.indicatorId === ind.id)
              .sort((a, b) => a.obs.periodStart.localeCompare(b.obs.periodStart) || order(a.obs.regionCode) - order(b.obs.regionCode) || a.regionName.localeCompare(b.regionName, 'sv'))
              .map(({ obs, regionName }) => ({
                regionCode: obs.regionCode, regionName, period: obs.period, sex: SEX[obs.sex as keyof typeof SEX] ?? obs.sex, group: obs.grp,
                value: obs.value, ciLow: obs.ciLow, ciHigh: obs.ciHigh, n: obs.n, status: obs.status, isExample: obs.isExample,
              })),
          });
        }
      }
      return { code: area.code, title: area.title, indicators: list };
    }),
  };
}
