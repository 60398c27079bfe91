import 'server-only';
import { getCurrentPlan } from '../db/queries/plan';
import { listComparisonGroups, loadGroupComparison, type GroupComparison } from '../data/comparison';
import { withServerDb } from '../data/door';

/**
 * The comparison group an embed asks for (?jmfgrupp=, as the goal page's "Bädda in" writes it): only one of the
 * plan kommun's own groups (its SKR kommungrupp, Kolada's groups and the groups it made), and only when the group
 * has a band (a median in some period); else null and the embed shows the chart alone.
 */
export const getEmbedGroupComparison = withServerDb(
  async (db, indicatorId: string, groupId: string, kommunCode?: string): Promise<GroupComparison | null> => {
    const plan = await getCurrentPlan(db, kommunCode);
    if (!plan) return null;
    const groups = await listComparisonGroups(db, plan.kommunCode);
    if (!groups.some((g) => g.id === groupId)) return null;
    const c = await loadGroupComparison(db, indicatorId, groupId, plan.kommunCode);
    return c && c.periods.some((p) => p.median !== null) ? c : null;
  },
);
