import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { getCurrentPlan } from '../db/queries/plan';
import { goalIndicators, goals, indicators, plans, priorityAreas } from '../db/schema';
import { listPlans } from '../plan/edit';

/**
 * What /plan shows: the plan in force, every plan, and the asked-for plan (`askedId`, an earlier one shown
 * read-only) with its areas, goals, goal ↔ indicator links and the indicator catalogue. Null without a plan.
 * With a kommun code, that kommun's plans only (without, the installation's first kommun's).
 */
export async function loadPlanPage(db: Db, askedId: number, kommunCode?: string) {
  const [current, everyPlan] = await Promise.all([getCurrentPlan(db, kommunCode), listPlans(db)]);
  if (!current) return null;
  const mine = new Set((await db.select({ id: plans.id }).from(plans).where(eq(plans.kommunCode, current.kommunCode))).map((p) => p.id));
  const allPlans = everyPlan.filter((p) => mine.has(p.id));
  const chosen = allPlans.find((p) => p.id === askedId);
  const plan = chosen && chosen.id !== current.id ? (await db.select().from(plans).where(eq(plans.id, chosen.id)))[0]! : current;
  const [areas, goalRows, catalogue] = await Promise.all([
    db.select().from(priorityAreas).where(eq(priorityAreas.planId, plan.id)).orderBy(asc(priorityAreas.sort)),
    db.select().from(goals).where(eq(goals.planId, plan.id)).orderBy(asc(goals.sort)),
    db.select({ id: indicators.id, name: indicators.name, sourceId: indicators.sourceId }).from(indicators).orderBy(asc(indicators.name)),
  ]);
  const links =
    goalRows.length === 0
      ? []
      : await db
          .select({ link: goalIndicators, name: indicators.name })
          .from(goalIndicators)
          .innerJoin(indicators, eq(indicators.id, goalIndicators.indicatorId))
          .where(
            inArray(
              goalIndicators.goalId,
              goalRows.map((g) => g.id),
            ),
          )
          .orderBy(asc(goalIndicators.sort));
  return { current, allPlans, plan, areas, goalRows, catalogue, links };
}
