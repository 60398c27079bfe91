export interface RevisionStatus {
  /** Last day of the "bör revideras senast" month. */
  dueDate: string;
  overdue: boolean;
  /** Whole months past the due month (0 while not overdue). */
  monthsOverdue: number;
}

/** "Bör revideras senast 2026-07": the plan is overdue from 1 August 2026. */
export function revisionStatus(reviseBy: string, today: Date): RevisionStatus {
  const [y, m] = reviseBy.split('-').map(Number) as [number, number];
  const due = new Date(Date.UTC(y, m, 0));
  const ty = today.getUTCFullYear();
  const tm = today.getUTCMonth() + 1;
  const overdue = today.getTime() > due.getTime() + 86_399_999;
  const monthsOverdue = overdue ? (ty - y) * 12 + (tm - m) : 0;
  return { dueDate: due.toISOString().slice(0, 10), overdue, monthsOverdue };
}
