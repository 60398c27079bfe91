import 'server-only';
import { getDb } from '../db';
import { loadGoalView } from './goal-query';

export async function getGoalView(code: string) {
  const { db } = await getDb();
  return loadGoalView(db, code, new Date());
}
