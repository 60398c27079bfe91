import 'server-only';
import { apiGoals } from './api-goals';
import { apiIndicator, apiIndicators, apiObservations } from '../api/v1';
import { getIndicator, type SeriesFilter } from '../db/queries/indicators';
import { withServerDb } from './door';

export const getApiGoals = withServerDb((db) => apiGoals(db, new Date()));
export const getApiIndicators = withServerDb(apiIndicators);
export const getApiIndicator = withServerDb(apiIndicator);

/** The indicator's observations under the filter, or null when there is no such indicator. */
export const getApiObservations = withServerDb(async (db, id: string, filter: Omit<SeriesFilter, 'indicatorIds'>) => {
  if (!(await getIndicator(db, id))) return null;
  return apiObservations(db, { ...filter, indicatorIds: [id] });
});
