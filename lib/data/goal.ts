import 'server-only';
import { withServerDb } from './door';
import { loadGoalView } from './goal-query';

export const getGoalView = withServerDb((db, code: string, kommunCode: string) => loadGoalView(db, code, new Date(), kommunCode));
