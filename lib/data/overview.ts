import 'server-only';
import { getDb } from '../server-db';
import { loadOverview } from './overview-query';
import { loadOverviewSummary } from './summary-query';

/** `/`: the overview with its one-screen summary. */
export async function getOverviewSummary() {
  const { db } = await getDb();
  return loadOverviewSummary(db, new Date());
}

/** One priority area's detail (its goals' cards); null for an unknown area or without a plan. */
export async function getOverviewArea(areaCode: string) {
  const { db } = await getDb();
  const overview = await loadOverview(db, new Date(), { areaCode });
  const area = overview?.areas[0];
  return overview && area ? { plan: overview.plan, regions: overview.regions, area, hasExample: overview.hasExample } : null;
}
