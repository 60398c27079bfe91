import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { listPlanKommuner } from '../db/queries/plan';
import { regions } from '../db/schema';
import { loadOverviewSummary, type AreaSummary, type DataBasis, type SummaryGroup } from './summary-query';

export interface RegionalKommun {
  code: string;
  name: string;
  /** The kommun's plan in force, or null when the kommun has no plan in this installation. */
  plan: { title: string; decidedDate: string } | null;
  areas: AreaSummary[];
  /** The plan's övergripande mål's indicators by what their values rest on, over all goals. */
  data: Record<DataBasis, number>;
  /** The goals' verdicts added up over the plan. */
  verdicts: Record<SummaryGroup, number>;
  /** Whether this kommun's pages are the installation's own (`/`, `/mal/…` without the kommun): the first kommun's. */
  home: boolean;
}

export interface RegionalView {
  lan: { code: string; name: string };
  kommuner: RegionalKommun[];
  withPlan: number;
}

function add<K extends string>(into: Record<K, number>, from: Record<K, number>) {
  for (const k of Object.keys(from) as K[]) into[k] += from[k];
}

/**
 * The regional view of a län (`/lan/<länskod>`): every kommun of the län, and for each one with a plan in this
 * installation its övergripande mål with their verdicts and what data they rest on — the same summary as the
 * kommun's own overview, computed from the kommun's own plan and values. Null for a code that is not a län.
 */
export async function loadRegionalView(db: Db, lanCode: string, today: Date): Promise<RegionalView | null> {
  const [lan] = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(and(eq(regions.code, lanCode), eq(regions.kind, 'lan')));
  if (!lan) return null;
  const [members, planKommuner] = await Promise.all([
    db
      .select({ code: regions.code, name: regions.shortName })
      .from(regions)
      .where(and(eq(regions.parentCode, lanCode), eq(regions.kind, 'kommun')))
      .orderBy(asc(regions.shortName)),
    listPlanKommuner(db),
  ]);
  const withPlans = new Set(planKommuner);
  const kommuner: RegionalKommun[] = [];
  for (const k of members) {
    const base: RegionalKommun = {
      ...k,
      plan: null,
      areas: [],
      data: { real: 0, example: 0, none: 0 },
      verdicts: { better: 0, worse: 0, unchanged: 0, noData: 0 },
      home: planKommuner[0] === k.code,
    };
    if (withPlans.has(k.code)) {
      const summary = await loadOverviewSummary(db, today, k.code);
      if (summary) {
        base.plan = { title: summary.overview.plan.title, decidedDate: summary.overview.plan.decidedDate };
        base.areas = summary.areas;
        for (const goal of summary.areas.flatMap((a) => a.goals)) {
          add(base.data, goal.data);
          add(base.verdicts, goal.verdicts);
        }
      }
    }
    kommuner.push(base);
  }
  // Kommuner with a plan first (in name order), then the others.
  kommuner.sort((a, b) => Number(b.plan !== null) - Number(a.plan !== null));
  return { lan, kommuner, withPlan: kommuner.filter((k) => k.plan).length };
}
