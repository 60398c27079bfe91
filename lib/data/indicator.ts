import 'server-only';
import { withServerDb } from './door';
import { loadIndicatorView, type IndicatorQuery } from './indicator-query';

export const getIndicatorView = withServerDb((db, id: string, q: IndicatorQuery, kommunCode?: string) =>
  loadIndicatorView(db, id, q, new Date(), kommunCode),
);
