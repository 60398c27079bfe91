import 'server-only';
import { buildLagesbild } from './reports/build-lagesbild';
import { withServerDb } from './door';
import { loadFollowUpReport, loadLagesbildPage } from './reports-query';

export const getFollowUpReport = withServerDb(loadFollowUpReport);
export const getLagesbild = withServerDb((db, kommunCode: string) => buildLagesbild(db, new Date(), kommunCode));
export const getLagesbildPage = withServerDb(loadLagesbildPage);
