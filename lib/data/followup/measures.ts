import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit } from '../../audit';
import type { Actor } from '../../import/commit';
import type { Db } from '../../db/client';
import { withTx } from '../../db/tx';
import {
  actionReports,
  actionResponsibles,
  actions,
  goalActions,
  goalIndicators,
  goals,
  indicators,
  plans,
  priorityAreas,
} from '../../db/schema';
import { getCurrentPlan } from '../../db/queries/plan';
import { InputError as FollowUpInputError, parseInput } from '../../input';
import { AS_PLANNED, EFFECT_HORIZONS, MEASURE_STATUS_LABELS, MEASURE_STATUSES } from '../../vocabulary';

export { MEASURE_STATUS_LABELS as STATUS_LABELS, type MeasureStatus as ActionStatus } from '../../vocabulary';

/** The follow-up's refusals are input errors like any form's (the name stays for its callers). */
export { FollowUpInputError };

export type ActionRow = typeof actions.$inferSelect;
export type ActionReportRow = typeof actionReports.$inferSelect;

export interface ActionView {
  action: ActionRow;
  areaCode: string;
  areaTitle: string;
  responsible: string[];
  goals: { code: string; text: string; kind: 'overall' | 'table' }[];
  indicatorIds: string[];
  /** The same indicators with their names, for people to read. */
  indicators: { id: string; name: string }[];
  reports: ActionReportRow[];
}

/** Every åtgärd of a plan (the current one by default) with its Vem, linked goals and indicators, and its delrapporter. */
export async function listActionViews(db: Db, planId?: number, kommunCode?: string): Promise<ActionView[]> {
  const plan = planId !== undefined ? { id: planId } : await getCurrentPlan(db, kommunCode);
  if (!plan) return [];
  const rows = await db
    .select({ action: actions, areaCode: priorityAreas.code, areaTitle: priorityAreas.title, areaSort: priorityAreas.sort })
    .from(actions)
    .innerJoin(priorityAreas, eq(priorityAreas.id, actions.areaId))
    .where(eq(actions.planId, plan.id))
    .orderBy(asc(priorityAreas.sort), asc(actions.sort));
  const ids = rows.map((r) => r.action.id);
  if (ids.length === 0) return [];
  const [resp, links, reports] = await Promise.all([
    db.select().from(actionResponsibles).where(inArray(actionResponsibles.actionId, ids)).orderBy(asc(actionResponsibles.sort)),
    db
      .select({ actionId: goalActions.actionId, goalId: goals.id, code: goals.code, text: goals.text, kind: goals.kind })
      .from(goalActions)
      .innerJoin(goals, eq(goals.id, goalActions.goalId))
      .where(inArray(goalActions.actionId, ids))
      .orderBy(asc(goals.sort)),
    db.select().from(actionReports).where(inArray(actionReports.actionId, ids)).orderBy(asc(actionReports.year)),
  ]);
  const goalIds = [...new Set(links.map((l) => l.goalId))];
  const inds =
    goalIds.length === 0
      ? []
      : await db
          .select({ goalId: goalIndicators.goalId, indicatorId: goalIndicators.indicatorId, name: indicators.name })
          .from(goalIndicators)
          .innerJoin(indicators, eq(indicators.id, goalIndicators.indicatorId))
          .where(inArray(goalIndicators.goalId, goalIds));
  return rows.map(({ action, areaCode, areaTitle }) => {
    const mine = links.filter((l) => l.actionId === action.id);
    return {
      action,
      areaCode,
      areaTitle,
      responsible: resp.filter((r) => r.actionId === action.id).map((r) => r.party),
      goals: mine.map((l) => ({ code: l.code, text: l.text, kind: l.kind })),
      indicatorIds: [...new Set(inds.filter((i) => mine.some((l) => l.goalId === i.goalId)).map((i) => i.indicatorId))],
      indicators: [
        ...new Map(
          inds.filter((i) => mine.some((l) => l.goalId === i.goalId)).map((i) => [i.indicatorId, { id: i.indicatorId, name: i.name }]),
        ).values(),
      ],
      reports: reports.filter((r) => r.actionId === action.id),
    };
  });
}

export async function getActionView(db: Db, code: string, kommunCode?: string): Promise<ActionView | null> {
  return (await listActionViews(db, undefined, kommunCode)).find((a) => a.action.code === code) ?? null;
}

/**
 * The start of the åtgärder that work on an indicator, for the chart annotation: each linked action with a start
 * date, or — when none has one yet — the plan's own start ("Uppstart hösten 2024").
 */
export async function actionStartsByIndicator(
  db: Db,
  planId: number,
  indicatorIds: string[],
): Promise<Map<string, { start: string; label: string }[]>> {
  const out = new Map<string, { start: string; label: string }[]>();
  if (indicatorIds.length === 0) return out;
  const rows = await db
    .selectDistinct({ indicatorId: goalIndicators.indicatorId, code: actions.code, title: actions.title, start: actions.startDate })
    .from(goalIndicators)
    .innerJoin(goalActions, eq(goalActions.goalId, goalIndicators.goalId))
    .innerJoin(actions, eq(actions.id, goalActions.actionId))
    .where(and(inArray(goalIndicators.indicatorId, indicatorIds), eq(actions.planId, planId)));
  for (const r of rows) {
    if (!r.start) continue;
    const list = out.get(r.indicatorId) ?? [];
    list.push({ start: r.start, label: `${r.code} startar` });
    out.set(r.indicatorId, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.start.localeCompare(b.start));
  return out;
}

/** The marks for one indicator: its dated åtgärder, or the plan's start while none has a date of its own. */
export function actionMarksFor(starts: Map<string, { start: string; label: string }[]>, indicatorId: string, planValidFrom: string) {
  const dated = starts.get(indicatorId);
  return dated && dated.length > 0 ? dated : [{ start: planValidFrom, label: 'Åtgärdsplanen startar' }];
}

const isoDate = z.iso.date({ error: 'ange ett datum som finns (ÅÅÅÅ-MM-DD)' });
const optionalDate = z
  .union([z.literal('').transform(() => null), isoDate])
  .nullable()
  .default(null);

export const actionUpdateSchema = z
  .object({
    status: z.enum(MEASURE_STATUSES, { error: 'välj en status' }),
    startDate: optionalDate,
    endDate: optionalDate,
    effectHorizon: z
      .union([z.literal('').transform(() => null), z.enum(EFFECT_HORIZONS)])
      .nullable()
      .default(null),
  })
  .refine((v) => !v.startDate || !v.endDate || v.startDate <= v.endDate, {
    message: 'slutdatum kan inte vara före startdatum',
    path: ['endDate'],
  });

const FIELD_NAMES: Record<string, string> = (() => {
  const names: Record<string, string> = {
    status: 'Status',
    startDate: 'Startdatum',
    endDate: 'Slutdatum',
    effectHorizon: 'Effekt',
    done: 'Vad som gjorts',
    asPlanned: 'Enligt plan',
    hours: 'Timmar',
    costSek: 'Kostnad',
    year: 'År',
    how: 'Hur',
    problems: 'Problem',
    proposal: 'Förslag',
  };
  return names;
})();
const fieldName = (key: string) => FIELD_NAMES[key] ?? key;

/** An åtgärd of the plan in force of its own kommun (its plan's): an earlier plan's åtgärder are kept as they were. */
async function currentAction(db: Db, actionId: number): Promise<ActionRow> {
  const [found] = await db
    .select({ action: actions, kommunCode: plans.kommunCode })
    .from(actions)
    .innerJoin(plans, eq(plans.id, actions.planId))
    .where(eq(actions.id, actionId));
  const plan = found ? await getCurrentPlan(db, found.kommunCode) : null;
  if (!found || !plan || found.action.planId !== plan.id) throw new FollowUpInputError('Åtgärden finns inte i den gällande planen.');
  return found.action;
}

/** Status, dates and effect horizon of an åtgärd; recorded old → new in the change log, in one transaction. */
export async function updateAction(db: Db, actionId: number, input: unknown, actor: Actor): Promise<ActionRow> {
  const v = parseInput(actionUpdateSchema, input, fieldName);
  return withTx(db, async (tx) => {
    const before = await currentAction(tx, actionId);
    const [after] = await tx
      .update(actions)
      .set({ ...v, updatedAt: new Date(), updatedBy: actor.actor })
      .where(eq(actions.id, actionId))
      .returning();
    const pick = (a: ActionRow) => ({ status: a.status, startDate: a.startDate, endDate: a.endDate, effectHorizon: a.effectHorizon });
    await writeAudit(tx, {
      ...actor,
      action: 'measure_changed',
      targetType: 'åtgärd',
      targetId: before.code,
      summary: `Ändrade åtgärd ${before.code}: status ${MEASURE_STATUS_LABELS[before.status]} → ${MEASURE_STATUS_LABELS[after!.status]}.`,
      before: pick(before),
      after: pick(after!),
    });
    return after!;
  });
}

const optionalText = z
  .string()
  .trim()
  .max(5000)
  .optional()
  .transform((v) => (v ? v : null));
/** "12,5", "3 000", "" → 12.5, 3000, null; anything else is refused in Swedish (not read as 0 or hex). */
const optionalAmount = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const v = (raw ?? '').replace(/[\s\u00a0]/g, '');
    if (v === '') return null;
    if (!/^\d+([.,]\d+)?$/.test(v)) {
      ctx.addIssue({ code: 'custom', message: 'ange ett tal ≥ 0 (t.ex. 12,5)' });
      return z.NEVER;
    }
    return Number(v.replace(',', '.'));
  });

export const actionReportSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  done: z.string().trim().min(1, 'beskriv vad som gjorts').max(5000),
  asPlanned: z.enum(AS_PLANNED, { error: 'välj ja, delvis eller nej' }),
  how: optionalText,
  hours: optionalAmount,
  costSek: optionalAmount,
  problems: optionalText,
  proposal: optionalText,
});

/** Saves (creates or replaces) the year's delrapport for an åtgärd, with old → new in the change log. */
export async function saveActionReport(db: Db, actionId: number, input: unknown, actor: Actor): Promise<ActionReportRow> {
  const v = parseInput(actionReportSchema, input, fieldName);
  return withTx(db, async (tx) => {
    const action = await currentAction(tx, actionId);
    const [before] = await tx
      .select()
      .from(actionReports)
      .where(and(eq(actionReports.actionId, actionId), eq(actionReports.year, v.year)));
    const values = {
      done: v.done,
      asPlanned: v.asPlanned,
      how: v.how,
      hours: v.hours,
      costSek: v.costSek,
      problems: v.problems,
      proposal: v.proposal,
    };
    const [row] = await tx
      .insert(actionReports)
      .values({ actionId, year: v.year, ...values, updatedBy: actor.actor })
      .onConflictDoUpdate({
        target: [actionReports.actionId, actionReports.year],
        set: { ...values, updatedBy: actor.actor, updatedAt: new Date() },
      })
      .returning();
    const strip = (r: ActionReportRow | undefined) =>
      r
        ? {
            done: r.done,
            asPlanned: r.asPlanned,
            how: r.how,
            hours: r.hours,
            costSek: r.costSek,
            problems: r.problems,
            proposal: r.proposal,
          }
        : null;
    await writeAudit(tx, {
      ...actor,
      action: 'measure_report_saved',
      targetType: 'åtgärd',
      targetId: action.code,
      summary: `${before ? 'Ändrade' : 'Lade till'} delrapport ${v.year} för åtgärd ${action.code}.`,
      before: strip(before),
      after: strip(row),
    });
    return row!;
  });
}
