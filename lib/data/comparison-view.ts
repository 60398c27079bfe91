import 'server-only';
import { withServerDb } from './door';
import { listComparisonGroups, loadGroupComparison, loadIndicatorMap } from './comparison';

export const getIndicatorMap = withServerDb(loadIndicatorMap);
export const getComparisonGroups = withServerDb(listComparisonGroups);
export const getGroupComparison = withServerDb(loadGroupComparison);
