import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { observations, regions } from '../db/schema';
import { isFiniteNumber } from '../stats/points';

type Obs = typeof observations.$inferSelect;

/**
 * Brå's reported crime gives each kommun's and län's population by year (statistics.md §2.3): the count
 * divided by the rate per 100 000, or the rate row's own denominator. Only real values count: a made-up
 * population would decide a borderline benchmark.
 */
export const POPULATION_INDICATORS = { rate: 'kolada_anm_brott_100k', count: 'bra_anm_totalt' } as const;

export interface PopulationContext {
  /** Year → population, per region code. */
  byRegion: Map<string, Map<number, number>>;
  kommunCode: string;
  lanCode: string;
  /** Kommuner in the län: 1 = the kommun is its own län (Gotland). */
  lanKommuner: number;
}

/** Year → population for one region from the population indicators' rows (pure). */
export function populationByYear(rows: readonly Obs[], regionCode: string): Map<number, number> {
  const out = new Map<number, number>();
  const mine = rows.filter((o) => o.regionCode === regionCode && !o.isExample && o.sex === 'T' && o.grp === '' && o.site === '');
  for (const rate of mine.filter((o) => o.indicatorId === POPULATION_INDICATORS.rate)) {
    // Single years only: a pooled window has no one population.
    if (rate.periodStart.slice(0, 4) !== rate.periodEnd.slice(0, 4)) continue;
    const year = Number(rate.periodStart.slice(0, 4));
    const cnt = mine.find((o) => o.indicatorId === POPULATION_INDICATORS.count && o.period === rate.period);
    const x = isFiniteNumber(rate.numerator) ? rate.numerator : cnt && isFiniteNumber(cnt.value) ? cnt.value : null;
    if (isFiniteNumber(rate.denominator) && rate.denominator > 0) out.set(year, rate.denominator);
    else if (x !== null && isFiniteNumber(rate.value) && rate.value > 0) out.set(year, Math.round((x / rate.value) * 100_000));
  }
  return out;
}

/**
 * The kommun's share w of the län in a period's first year (the nearest year with both populations when that
 * year has none): 1 when the kommun is its own län, null when unknown (the benchmark then says so).
 */
export function lanShare(ctx: PopulationContext | null | undefined, period: string): number | null {
  if (!ctx) return null;
  if (ctx.lanKommuner === 1) return 1;
  const k = ctx.byRegion.get(ctx.kommunCode);
  const l = ctx.byRegion.get(ctx.lanCode);
  if (!k || !l) return null;
  const years = [...k.keys()].filter((y) => l.has(y));
  const first = /(\d{4})/.exec(period);
  if (years.length === 0 || !first) return null;
  const want = Number(first[1]);
  const year = years.reduce((best, y) => (Math.abs(y - want) < Math.abs(best - want) ? y : best));
  const w = k.get(year)! / l.get(year)!;
  return isFiniteNumber(w) && w > 0 && w <= 1 ? w : null;
}

/**
 * Populations of the plan's kommun and its län, and how many kommuner the län has, in one query: the län's
 * kommuner, each row joined to the population rows only for the plan's kommun.
 */
export async function loadPopulation(db: Db, kommunCode: string, lanCode: string): Promise<PopulationContext> {
  const rows = await db
    .select({ code: regions.code, obs: observations })
    .from(regions)
    .leftJoin(
      observations,
      and(
        eq(regions.code, kommunCode),
        inArray(observations.indicatorId, Object.values(POPULATION_INDICATORS)),
        inArray(observations.regionCode, [kommunCode, lanCode]),
        eq(observations.isExample, false),
      ),
    )
    .where(eq(regions.parentCode, lanCode));
  const obs = rows.map((r) => r.obs).filter((o): o is Obs => o !== null);
  return {
    byRegion: new Map([kommunCode, lanCode].map((c) => [c, populationByYear(obs, c)])),
    kommunCode,
    lanCode,
    lanKommuner: new Set(rows.map((r) => r.code)).size,
  };
}
