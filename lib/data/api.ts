import 'server-only';
import { apiGoals } from './api-goals';
import { apiIndicator, apiIndicators, apiObservations } from '../api/v1';
import { getIndicator, type SeriesFilter } from '../db/queries/indicators';
import { withServerDb } from './door';
import { getPlanKommuner, resolveKommun } from './kommun';

/**
 * The kommun a plan-dependent answer is about (`?kommun=`): the one asked for when it has a plan here (else not
 * found); not asked, the installation's first kommun, as before there were several (null before any plan).
 */
export async function resolveApiKommun(asked: string | undefined): Promise<{ found: true; code: string | null } | { found: false }> {
  if (asked === undefined) return { found: true, code: (await getPlanKommuner())[0] ?? null };
  const code = await resolveKommun(asked);
  return code ? { found: true, code } : { found: false };
}

export const getApiGoals = withServerDb(async (db, kommunCode: string | null) => (kommunCode ? apiGoals(db, new Date(), kommunCode) : []));
export const getApiIndicators = withServerDb(apiIndicators);
export const getApiIndicator = withServerDb(apiIndicator);

/** The indicator's observations under the filter, or null when there is no such indicator. */
export const getApiObservations = withServerDb(async (db, id: string, filter: Omit<SeriesFilter, 'indicatorIds'>) => {
  if (!(await getIndicator(db, id))) return null;
  return apiObservations(db, { ...filter, indicatorIds: [id] });
});
