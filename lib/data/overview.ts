import 'server-only';
import { getDb } from '../server-db';
import { loadOverview } from './overview-query';
import { loadOverviewSummary } from './summary-query';

/** `/k/<kommun>/`: the kommun's overview with its one-screen summary. */
export async function getOverviewSummary(kommunCode: string) {
  const { db } = await getDb();
  return loadOverviewSummary(db, new Date(), kommunCode);
}

/** One priority area's detail (its goals' cards) in a kommun's plan; null for an unknown area or without a plan. */
export async function getOverviewArea(areaCode: string, kommunCode: string) {
  const { db } = await getDb();
  const overview = await loadOverview(db, new Date(), { areaCode, kommunCode });
  const area = overview?.areas[0];
  return overview && area ? { plan: overview.plan, regions: overview.regions, area, hasExample: overview.hasExample } : null;
}
