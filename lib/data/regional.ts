import 'server-only';
import { getDb } from '../server-db';
import { loadRegionalView } from './regional-query';

/** `/lan/<länskod>`: every kommun of the län with its plan's goals and verdicts. */
export async function getRegionalView(lanCode: string) {
  const { db } = await getDb();
  return loadRegionalView(db, lanCode, new Date());
}
