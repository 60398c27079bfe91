import 'server-only';
import { getDb } from '../db';
import { loadIndicatorView, type IndicatorQuery } from './indicator-query';

export async function getIndicatorView(id: string, q: IndicatorQuery) {
  const { db } = await getDb();
  return loadIndicatorView(db, id, q, new Date());
}
