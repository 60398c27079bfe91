import 'server-only';
import { withServerDb } from './door';
import { loadIndicatorList, type ListQuery } from './indicator-list-query';

export const getIndicatorList = withServerDb((db, q: ListQuery, kommunCode?: string) => loadIndicatorList(db, q, new Date(), kommunCode));
