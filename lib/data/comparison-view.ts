import 'server-only';
import { withServerDb } from './door';
import type { Actor } from '../import/commit';
import { listComparisonGroups, loadGroupComparison, loadIndicatorMap } from './comparison';
import { loadGroupsPage, planKommun, removeOwnGroup, saveOwnGroup } from './comparison-groups';

export const getIndicatorMap = withServerDb(loadIndicatorMap);
export const getComparisonGroups = withServerDb(listComparisonGroups);
export const getGroupComparison = withServerDb(loadGroupComparison);

export const getGroupsPage = withServerDb(loadGroupsPage);
export const saveOwnComparisonGroup = withServerDb(async (db, input: { title?: string; members: string[] }, actor: Actor) =>
  saveOwnGroup(db, await planKommun(db), input, actor),
);
export const removeOwnComparisonGroup = withServerDb(async (db, id: string, actor: Actor) =>
  removeOwnGroup(db, await planKommun(db), id, actor),
);
