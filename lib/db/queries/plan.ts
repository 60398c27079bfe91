import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { goalIndicators, goals, indicators, plans, priorityAreas, regions, sources } from '../schema';

export type PlanRow = typeof plans.$inferSelect;

/**
 * The plan in force for a kommun: its most recently decided one. Without a kommun, the installation's first kommun
 * (the one whose plan was loaded first, PLAN_FILE's): with one kommun, simply the plan in force.
 */
export async function getCurrentPlan(db: Db, kommunCode?: string): Promise<PlanRow | null> {
  // One query either way: the first kommun is a subquery.
  const first = db.select({ kommunCode: plans.kommunCode }).from(plans).orderBy(asc(plans.id)).limit(1);
  const [plan] = await db
    .select()
    .from(plans)
    .where(kommunCode === undefined ? eq(plans.kommunCode, sql`(${first})`) : eq(plans.kommunCode, kommunCode))
    .orderBy(desc(plans.decidedDate), desc(plans.id))
    .limit(1);
  return plan ?? null;
}

/** The kommuner with a plan in this installation, the first kommun first. */
export async function listPlanKommuner(db: Db): Promise<string[]> {
  const rows = await db.select({ kommunCode: plans.kommunCode, id: plans.id }).from(plans).orderBy(asc(plans.id));
  return [...new Set(rows.map((r) => r.kommunCode))];
}

export async function getRegionWithParent(db: Db, code: string) {
  const [row] = await db.select().from(regions).where(eq(regions.code, code));
  if (!row) return null;
  const [parent] = row.parentCode ? await db.select().from(regions).where(eq(regions.code, row.parentCode)) : [];
  return { region: row, parent: parent ?? null };
}

export function listAreas(db: Db, planId: number) {
  return db.select().from(priorityAreas).where(eq(priorityAreas.planId, planId)).orderBy(asc(priorityAreas.sort));
}

export function listGoals(db: Db, planId: number, kind?: 'overall' | 'table') {
  const rows = db.select().from(goals).where(eq(goals.planId, planId)).orderBy(asc(goals.areaId), asc(goals.kind), asc(goals.sort));
  return kind ? rows.then((r) => r.filter((g) => g.kind === kind)) : rows;
}

/** Goal ↔ indicator links with the indicator and its source, for a set of goals (one query). */
export function listGoalLinks(db: Db, goalIds: number[]) {
  if (goalIds.length === 0) return Promise.resolve([]);
  return db
    .select({ link: goalIndicators, indicator: indicators, source: sources })
    .from(goalIndicators)
    .innerJoin(indicators, eq(indicators.id, goalIndicators.indicatorId))
    .innerJoin(sources, eq(sources.id, indicators.sourceId))
    .where(inArray(goalIndicators.goalId, goalIds))
    .orderBy(asc(goalIndicators.goalId), asc(goalIndicators.sort));
}
