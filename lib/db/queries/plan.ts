import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { goalIndicators, goals, indicators, plans, priorityAreas, regions, sources } from '../schema';

export type PlanRow = typeof plans.$inferSelect;

/** The plan in force: the most recently decided one. */
export async function getCurrentPlan(db: Db): Promise<PlanRow | null> {
  const [plan] = await db.select().from(plans).orderBy(desc(plans.decidedDate), desc(plans.id)).limit(1);
  return plan ?? null;
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
