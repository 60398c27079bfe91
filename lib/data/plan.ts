import 'server-only';
import {
  createLocalIndicator,
  lastRemovedLink,
  removeGoalIndicator,
  restoreGoalIndicator,
  saveGoalIndicator,
  startRevisedPlan,
  updateGoal,
} from '../plan/edit';
import { withServerDb } from './door';
import { loadPlanPage } from './plan-query';

export const getPlanPage = withServerDb(loadPlanPage);
export const saveGoal = withServerDb(updateGoal);
export const saveGoalLink = withServerDb(saveGoalIndicator);
export const removeGoalLink = withServerDb(removeGoalIndicator);
export const getRemovedLink = withServerDb(lastRemovedLink);
export const restoreGoalLink = withServerDb(restoreGoalIndicator);
export const saveLocalIndicator = withServerDb(createLocalIndicator);
export const saveRevisedPlan = withServerDb(startRevisedPlan);
