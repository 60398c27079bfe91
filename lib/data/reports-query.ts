import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { getCurrentPlan, getRegionWithParent } from '../db/queries/plan';
import { indicators, plans } from '../db/schema';
import { listActionViews } from './followup/measures';
import { getReview } from './followup/reviews';
import { buildFollowUpReport } from './reports/build-follow-up';
import { buildLagesbild } from './reports/build-lagesbild';
import type { FollowUpReport } from '../reports/types';

/** The report of the year's review, from its frozen snapshot, or null when there is none. */
export async function loadFollowUpReport(db: Db, year: number, kommunCode?: string): Promise<FollowUpReport | null> {
  const view = await getReview(db, year, kommunCode);
  if (!view) return null;
  const [plan] = await db.select({ kommunCode: plans.kommunCode }).from(plans).where(eq(plans.id, view.review.planId));
  const geo = plan ? await getRegionWithParent(db, plan.kommunCode) : null;
  const names = geo?.parent ? { lan: geo.parent.name, riket: 'Sverige' } : { riket: 'Sverige' };
  return buildFollowUpReport(
    view,
    await listActionViews(db, view.review.planId),
    geo ? `${geo.region.name} kommun` : 'Kommunen',
    new Date(),
    names,
  );
}

/** What /lagesbild shows: the lägesbild data, the plan in force, its region and each indicator's unit kind. Null without a plan. */
export async function loadLagesbildPage(db: Db, kommunCode?: string) {
  const [data, plan] = await Promise.all([buildLagesbild(db, new Date(), kommunCode), getCurrentPlan(db, kommunCode)]);
  if (!data || !plan) return null;
  const geo = await getRegionWithParent(db, plan.kommunCode);
  const unitKinds = new Map(
    (await db.select({ id: indicators.id, unitKind: indicators.unitKind }).from(indicators)).map((i) => [i.id, i.unitKind]),
  );
  return { data, plan, geo, unitKinds };
}
