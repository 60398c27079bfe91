import 'server-only';
import { withServerDb } from './door';
import type { Actor } from '../import/commit';
import { listComparisonGroups, loadGroupComparison, loadIndicatorMap } from './comparison';
import { loadGroupsPage, removeOwnGroup, saveOwnGroup } from './comparison-groups';

export const getIndicatorMap = withServerDb(loadIndicatorMap);
export const getComparisonGroups = withServerDb(listComparisonGroups);
export const getGroupComparison = withServerDb(loadGroupComparison);

export const getGroupsPage = withServerDb(loadGroupsPage);
// An own group belongs to the kommun of the page the form was on (the action checks the role there).
export const saveOwnComparisonGroup = withServerDb(
  async (db, kommunCode: string, input: { title?: string; members: string[] }, actor: Actor) => saveOwnGroup(db, kommunCode, input, actor),
);
export const removeOwnComparisonGroup = withServerDb(async (db, kommunCode: string, id: string, actor: Actor) =>
  removeOwnGroup(db, kommunCode, id, actor),
);
