import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit } from '../audit';
import { DIRECTIONS, INDICATOR_TYPES, UNIT_KINDS } from '../catalogue/catalogue-file';
import type { Db } from '../db/client';
import { rowsOf, withTx } from '../db/tx';
import { actionResponsibles, actions, goalActions, goalIndicators, goals, indicators, plans, priorityAreas, reviews } from '../db/schema';
import { getCurrentPlan } from '../db/queries/plan';
import { InputError as FollowUpInputError, parseInput } from '../input';
import { CADENCE_LABELS, CADENCES, type Cadence } from '../vocabulary';
import type { Actor } from '../import/commit';
import { LINK_ROLES } from './plan-file';

/*
 * Plan upkeep in the app: goals, goal ↔ indicator links (baseline, target, the breakdown that counts), local
 * indicators, and a revised plan that keeps the old one and its reviews. Every change is audited old → new
 * in the same transaction.
 */

const text = (max = 2000) => z.string().trim().max(max);
const optionalText = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : null));

const fieldName = (key: string) => key || 'Fält';

/** The plan in force of the kommun a write acts in (never the installation's first kommun by default). */
async function currentPlanOrThrow(db: Db, kommunCode: string) {
  const plan = await getCurrentPlan(db, kommunCode);
  if (!plan) throw new FollowUpInputError('Det finns ingen åtgärdsplan inläst.');
  return plan;
}

/** A goal by its code within the kommun's plan in force: a code of another kommun's plan is not found. */
async function goalOfCurrentPlan(db: Db, kommunCode: string, code: string) {
  const plan = await currentPlanOrThrow(db, kommunCode);
  const [goal] = await db
    .select()
    .from(goals)
    .where(and(eq(goals.planId, plan.id), eq(goals.code, code)));
  if (!goal) throw new FollowUpInputError(`Målet ${code} finns inte i den gällande planen.`);
  return { plan, goal };
}

export const goalEditSchema = z.object({
  text: text().min(1, 'målet behöver en text'),
  cause: optionalText(),
  actionText: optionalText(),
  responsibleText: optionalText(),
  proposal: optionalText(),
});

/** Edits a goal's wording (övergripande mål) or a table row (mål, orsak, åtgärd, vem, förslag). */
export async function updateGoal(db: Db, kommunCode: string, code: string, input: unknown, actor: Actor) {
  const edit = parseInput(goalEditSchema, input, fieldName);
  return withTx(db, async (tx) => {
    const { goal } = await goalOfCurrentPlan(tx, kommunCode, code);
    const v = goal.kind === 'overall' ? { text: edit.text } : edit;
    const [after] = await tx.update(goals).set(v).where(eq(goals.id, goal.id)).returning();
    const pick = (g: typeof goal) => ({
      text: g.text,
      cause: g.cause,
      actionText: g.actionText,
      responsibleText: g.responsibleText,
      proposal: g.proposal,
    });
    await writeAudit(tx, {
      ...actor,
      action: 'plan_changed',
      targetType: 'mål',
      targetId: code,
      summary: `Ändrade målet ${code}.`,
      before: pick(goal),
      after: pick(after!),
    });
    return after!;
  });
}

/** Form fields arrive as text, calls from code may pass numbers: both are read the same way. */
const asText = (v: unknown) => (typeof v === 'number' ? String(v) : v === null ? undefined : v);

export const linkSchema = z
  .object({
    indicatorId: z.string().trim().min(1, 'välj ett mått'),
    role: z.enum(LINK_ROLES, { error: 'välj huvudmått, kompletterande eller sammanhang' }),
    baselinePeriod: optionalText(20),
    targetValue: z.preprocess(asText, z.string().optional()).transform((raw, ctx) => {
      const v = (raw ?? '').replace(/[\s\u00a0]/g, '');
      if (v === '') return null;
      if (!/^-?\d+([.,]\d+)?$/.test(v)) {
        ctx.addIssue({ code: 'custom', message: 'målvärdet ska vara ett tal (t.ex. 8,5)' });
        return z.NEVER;
      }
      return Number(v.replace(',', '.'));
    }),
    targetYear: z.preprocess(asText, z.string().optional()).transform((raw, ctx) => {
      const v = (raw ?? '').trim();
      if (v === '') return null;
      if (!/^\d{4}$/.test(v) || Number(v) < 2000 || Number(v) > 2100) {
        ctx.addIssue({ code: 'custom', message: 'målåret ska vara ett år mellan 2000 och 2100' });
        return z.NEVER;
      }
      return Number(v);
    }),
    sex: z.enum(['T', 'K', 'M']).default('T'),
    grp: z.string().trim().max(100).default(''),
    note: optionalText(),
  })
  .refine((v) => (v.targetValue === null) === (v.targetYear === null), {
    message: 'ange både målvärde och målår, eller inget av dem',
    path: ['targetYear'],
  });

/** Adds or changes the link between a goal and an indicator: role, baseline, target, and which breakdown counts. */
export async function saveGoalIndicator(db: Db, kommunCode: string, goalCode: string, input: unknown, actor: Actor) {
  const v = parseInput(linkSchema, input, fieldName);
  return withTx(db, async (tx) => {
    const { goal } = await goalOfCurrentPlan(tx, kommunCode, goalCode);
    const [ind] = await tx
      .select({ id: indicators.id, breakdowns: indicators.breakdowns })
      .from(indicators)
      .where(eq(indicators.id, v.indicatorId));
    if (!ind) throw new FollowUpInputError(`Måttet ${v.indicatorId} finns inte i katalogen.`);
    if (v.sex !== 'T' && !ind.breakdowns.some((b) => b.startsWith('kön')))
      throw new FollowUpInputError(`Måttet ${v.indicatorId} redovisas inte per kön.`);
    const [before] = await tx
      .select()
      .from(goalIndicators)
      .where(and(eq(goalIndicators.goalId, goal.id), eq(goalIndicators.indicatorId, v.indicatorId)));
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${goalIndicators.sort}), 0) + 1` })
      .from(goalIndicators)
      .where(eq(goalIndicators.goalId, goal.id))) as [{ next: number }];
    const values = {
      role: v.role,
      baselinePeriod: v.baselinePeriod,
      targetValue: v.targetValue,
      targetYear: v.targetYear,
      sex: v.sex,
      grp: v.grp,
      note: v.note,
    };
    const [after] = await tx
      .insert(goalIndicators)
      .values({ goalId: goal.id, indicatorId: v.indicatorId, ...values, sort: before?.sort ?? next })
      .onConflictDoUpdate({ target: [goalIndicators.goalId, goalIndicators.indicatorId], set: values })
      .returning();
    const pick = (l: NonNullable<typeof before>) => ({
      role: l.role,
      baselinePeriod: l.baselinePeriod,
      targetValue: l.targetValue,
      targetYear: l.targetYear,
      sex: l.sex,
      grp: l.grp,
      note: l.note,
    });
    await writeAudit(tx, {
      ...actor,
      action: 'plan_changed',
      targetType: 'mål',
      targetId: goalCode,
      summary: `${before ? 'Ändrade kopplingen' : 'Kopplade'} måttet ${v.indicatorId} ${before ? 'för' : 'till'} målet ${goalCode}.`,
      before: before ? pick(before) : null,
      after: pick(after!),
    });
    return after!;
  });
}

export async function removeGoalIndicator(db: Db, kommunCode: string, goalCode: string, indicatorId: string, actor: Actor) {
  return withTx(db, async (tx) => {
    const { goal } = await goalOfCurrentPlan(tx, kommunCode, goalCode);
    const [row] = await tx
      .delete(goalIndicators)
      .where(and(eq(goalIndicators.goalId, goal.id), eq(goalIndicators.indicatorId, indicatorId)))
      .returning();
    if (!row) throw new FollowUpInputError(`Måttet ${indicatorId} är inte kopplat till målet ${goalCode}.`);
    await writeAudit(tx, {
      ...actor,
      action: 'plan_changed',
      targetType: 'mål',
      targetId: goalCode,
      summary: `Tog bort måttet ${indicatorId} från målet ${goalCode}.`,
      before: {
        kommun: kommunCode,
        indicatorId,
        role: row.role,
        baselinePeriod: row.baselinePeriod,
        targetValue: row.targetValue,
        targetYear: row.targetYear,
        sex: row.sex,
        grp: row.grp,
        note: row.note,
      },
      after: null,
    });
    return row;
  });
}

/** A goal ↔ indicator link as its removal recorded it (older records lack the breakdown: the total then). */
export interface RemovedLink {
  indicatorId: string;
  role: string;
  baselinePeriod: string | null;
  targetValue: number | null;
  targetYear: number | null;
  sex: 'T' | 'K' | 'M';
  grp: string;
  note: string | null;
}

/**
 * The latest removal of the link between a goal of the kommun's plan and an indicator, from the change record. A
 * removal records its kommun; older records lack it and were all the installation's first kommun's (the only one the
 * plan page edited then).
 */
export async function lastRemovedLink(db: Db, kommunCode: string, goalCode: string, indicatorId: string): Promise<RemovedLink | null> {
  const rows = await db.execute<{ before: Partial<RemovedLink> }>(sql`
    select before from audit_log
    where action = 'plan_changed' and target_type = 'mål' and target_id = ${goalCode} and after is null
      and before->>'indicatorId' = ${indicatorId}
      and (before->>'kommun' = ${kommunCode}
        or (before->>'kommun' is null and ${kommunCode} = (select kommun_code from plans order by id limit 1)))
    order by id desc limit 1`);
  const b = rowsOf<{ before: Partial<RemovedLink> }>(rows)[0]?.before;
  if (!b?.role) return null;
  return {
    indicatorId,
    role: b.role,
    baselinePeriod: b.baselinePeriod ?? null,
    targetValue: b.targetValue ?? null,
    targetYear: b.targetYear ?? null,
    sex: b.sex ?? 'T',
    grp: b.grp ?? '',
    note: b.note ?? null,
  };
}

/**
 * Undoes a removal: links the indicator to the goal again with the role, baseline, target and breakdown it had.
 * Refused when it is linked already (someone linked it anew) or was never removed.
 */
export async function restoreGoalIndicator(db: Db, kommunCode: string, goalCode: string, indicatorId: string, actor: Actor) {
  const removed = await lastRemovedLink(db, kommunCode, goalCode, indicatorId);
  if (!removed)
    throw new FollowUpInputError(`Det finns ingen borttagen koppling mellan målet ${goalCode} och måttet ${indicatorId} att ångra.`);
  const { goal } = await goalOfCurrentPlan(db, kommunCode, goalCode);
  const [now] = await db
    .select({ id: goalIndicators.indicatorId })
    .from(goalIndicators)
    .where(and(eq(goalIndicators.goalId, goal.id), eq(goalIndicators.indicatorId, indicatorId)));
  if (now) throw new FollowUpInputError(`Måttet ${indicatorId} är redan kopplat till målet ${goalCode} igen: inget att ångra.`);
  const input = Object.fromEntries(Object.entries(removed).map(([k, v]) => [k, v ?? undefined]));
  return saveGoalIndicator(db, kommunCode, goalCode, input, actor);
}

export const localIndicatorSchema = z.object({
  id: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9_]{2,60}$/, 'små bokstäver a–z, siffror och _ (3–61 tecken), t.ex. lokal_orosanmalningar_forskola'),
  name: text(300).min(3, 'ge måttet ett namn'),
  definition: text(3000).min(10, 'beskriv vad som räknas (definitionen)'),
  unit: text(100).min(1, 'ange enhet, t.ex. "antal per år"'),
  unitKind: z.enum(UNIT_KINDS),
  direction: z.enum(DIRECTIONS),
  type: z.enum(INDICATOR_TYPES),
  decimals: z.coerce.number().int().min(0).max(3),
  cadence: z.enum(Object.keys(CADENCES) as [Cadence, ...Cadence[]]),
  measuredGeography: text(300).min(1, 'ange vad som mäts, t.ex. "Kommunens förskolor"'),
  caveats: optionalText(3000),
});
export { CADENCE_LABELS };

/** Adds a local indicator (the kommun's own register, e.g. antal orosanmälningar från förskolan) to the catalogue. */
export async function createLocalIndicator(db: Db, kommunCode: string, input: unknown, actor: Actor) {
  const v = parseInput(localIndicatorSchema, input, fieldName);
  return withTx(db, async (tx) => {
    const [exists] = await tx.select({ id: indicators.id }).from(indicators).where(eq(indicators.id, v.id));
    if (exists) throw new FollowUpInputError(`Det finns redan ett mått med id ${v.id}.`);
    const plan = await currentPlanOrThrow(tx, kommunCode);
    const [row] = await tx
      .insert(indicators)
      .values({
        id: v.id,
        name: v.name,
        nameEn: v.name,
        definition: v.definition,
        question: null,
        unit: v.unit,
        unitKind: v.unitKind,
        direction: v.direction,
        type: v.type,
        decimals: v.decimals,
        sourceId: 'kommun',
        breakdowns: [],
        cadence: CADENCES[v.cadence][0],
        goalArea: 'lokal',
        measuredGeography: v.measuredGeography,
        publishedLevels: ['kommun'],
        caveats: v.caveats,
      })
      .returning();
    await writeAudit(tx, {
      ...actor,
      action: 'indicator_created',
      targetType: 'mått',
      targetId: v.id,
      summary: `Lade till det lokala måttet ${v.id} (${v.name}) för planen ${plan.title}.`,
      before: null,
      after: v,
    });
    return row!;
  });
}

export const revisedPlanSchema = z.object({
  title: text(300).min(5, 'ange planens titel'),
  decidedDate: z.iso.date({ error: 'ange beslutsdatum (ÅÅÅÅ-MM-DD)' }),
  decidedBy: text(200).min(2, 'ange vem som beslutade (t.ex. Kommunstyrelsen)'),
  decisionParagraph: text(50).min(1, 'ange paragraf, t.ex. § 123'),
  diarienummer: text(50).min(1, 'ange diarienummer'),
  validFrom: z.iso.date({ error: 'ange från när planen gäller' }),
  reviseBy: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'ange månad för senaste revidering, ÅÅÅÅ-MM'),
  basedOnLagesbild: text(50).min(4, 'ange vilken lägesbild planen bygger på, t.ex. 2025/2026'),
});

/**
 * Starts a revised plan: a copy of the current plan (areas, goals, actions with their Vem, all links) under a new
 * decision. The copy becomes the current plan; the old plan, its actions' delrapporter and its reviews stay as they
 * were and readable. Action status and dates carry over; delrapporter stay with the old plan's actions.
 */
export async function startRevisedPlan(db: Db, kommunCode: string, input: unknown, actor: Actor) {
  const v = parseInput(revisedPlanSchema, input, fieldName);
  return withTx(db, async (tx) => {
    const old = await currentPlanOrThrow(tx, kommunCode);
    if (v.decidedDate <= old.decidedDate)
      throw new FollowUpInputError(`Den reviderade planen måste vara beslutad efter den gällande (${old.decidedDate}).`);
    const { id: _id, ...rest } = old;
    const [plan] = await tx
      .insert(plans)
      .values({
        ...rest,
        ...v,
        documentDate: v.decidedDate,
        sourceFile: `reviderad från plan ${old.id}`,
        sha256: `revision-of-${old.id}-${v.decidedDate}`,
      })
      .returning();
    const areas = await tx.select().from(priorityAreas).where(eq(priorityAreas.planId, old.id)).orderBy(asc(priorityAreas.sort));
    const areaMap = new Map<number, number>();
    for (const { id, ...a } of areas) {
      const [n] = await tx
        .insert(priorityAreas)
        .values({ ...a, planId: plan!.id })
        .returning({ id: priorityAreas.id });
      areaMap.set(id, n!.id);
    }
    const oldGoals = await tx.select().from(goals).where(eq(goals.planId, old.id));
    const goalMap = new Map<number, number>();
    for (const { id, ...g } of oldGoals) {
      const [n] = await tx
        .insert(goals)
        .values({ ...g, planId: plan!.id, areaId: areaMap.get(g.areaId)! })
        .returning({ id: goals.id });
      goalMap.set(id, n!.id);
    }
    const oldActions = await tx.select().from(actions).where(eq(actions.planId, old.id));
    const actionMap = new Map<number, number>();
    for (const { id, ...a } of oldActions) {
      const [n] = await tx
        .insert(actions)
        .values({ ...a, planId: plan!.id, areaId: areaMap.get(a.areaId)! })
        .returning({ id: actions.id });
      actionMap.set(id, n!.id);
    }
    const oldActionIds = [...actionMap.keys()];
    const oldGoalIds = [...goalMap.keys()];
    if (oldActionIds.length > 0) {
      const resp = await tx.select().from(actionResponsibles).where(inArray(actionResponsibles.actionId, oldActionIds));
      if (resp.length > 0) await tx.insert(actionResponsibles).values(resp.map((r) => ({ ...r, actionId: actionMap.get(r.actionId)! })));
    }
    if (oldGoalIds.length > 0) {
      const ga = await tx.select().from(goalActions).where(inArray(goalActions.goalId, oldGoalIds));
      if (ga.length > 0)
        await tx.insert(goalActions).values(ga.map((r) => ({ goalId: goalMap.get(r.goalId)!, actionId: actionMap.get(r.actionId)! })));
      const gi = await tx.select().from(goalIndicators).where(inArray(goalIndicators.goalId, oldGoalIds));
      if (gi.length > 0) await tx.insert(goalIndicators).values(gi.map((r) => ({ ...r, goalId: goalMap.get(r.goalId)! })));
    }
    const [{ n: reviewCount }] = (await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(reviews)
      .where(eq(reviews.planId, old.id))) as [{ n: number }];
    await writeAudit(tx, {
      ...actor,
      action: 'plan_revised',
      targetType: 'plan',
      targetId: plan!.id,
      summary: `Startade en reviderad plan (${v.title}, beslutad ${v.decidedDate}) som kopia av plan ${old.id}; den gamla planen och dess ${reviewCount} uppföljningar finns kvar.`,
      before: { planId: old.id, title: old.title, decidedDate: old.decidedDate, reviseBy: old.reviseBy },
      after: { planId: plan!.id, ...v },
    });
    return plan!;
  });
}

/** Every plan, newest first: the current one and the earlier ones kept for their reviews. */
export async function listPlans(db: Db) {
  return db
    .select({ id: plans.id, title: plans.title, decidedDate: plans.decidedDate, reviseBy: plans.reviseBy })
    .from(plans)
    .orderBy(sql`${plans.decidedDate} desc`, sql`${plans.id} desc`);
}
