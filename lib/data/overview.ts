import 'server-only';
import { getDb } from '../server-db';
import { loadOverview } from './overview-query';

export async function getOverview() {
  const { db } = await getDb();
  return loadOverview(db, new Date());
}
