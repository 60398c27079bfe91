import 'server-only';
import { getDb } from '../db';
import { loadIndicatorList, type ListQuery } from './indicator-list-query';

export async function getIndicatorList(q: ListQuery) {
  const { db } = await getDb();
  return loadIndicatorList(db, q, new Date());
}
