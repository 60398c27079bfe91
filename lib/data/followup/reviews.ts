import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { unsupersededExample } from '../../db/queries/observations';
import { writeAudit } from '../../audit';
import type { Actor } from '../../import/commit';
import type { Db } from '../../db/client';
import { withTx } from '../../db/tx';
import { goals, observations, plans, reviewAssessments, reviewDecisions, reviews } from '../../db/schema';
import { getCurrentPlan } from '../../db/queries/plan';
import { loadOverview, VERDICT_ORDER, type Overview, type OverviewGoal } from '../overview-query';
import { InputError as FollowUpInputError, parseInput } from '../../input';
import { DECISION_KINDS, type DecisionKind } from '../../vocabulary';

export { DECISION_KINDS, type DecisionKind } from '../../vocabulary';

/** What a review froze when it was opened. */
export interface ReviewSnapshot {
  version: 1;
  takenAt: string;
  /** The overview as computed on the meeting date: values, KIs, n, verdicts, sentences, flags, series. */
  overview: Overview;
  /** Every import whose observations the frozen values came from (seed and example data included). */
  importIds: number[];
}

export type ReviewRow = typeof reviews.$inferSelect;
export type AssessmentRow = typeof reviewAssessments.$inferSelect;
export type DecisionRow = typeof reviewDecisions.$inferSelect;

export interface ReviewView {
  review: ReviewRow;
  snapshot: ReviewSnapshot;
  goalIds: Map<string, number>;
  assessments: AssessmentRow[];
  decisions: DecisionRow[];
}

export class ReviewLockedError extends FollowUpInputError {}

/**
 * Every review, newest year first — also those of earlier plans, which stay readable after a revision. With a
 * kommun code, that kommun's plans' reviews only.
 */
export async function listReviews(db: Db, kommunCode?: string): Promise<(ReviewRow & { planTitle: string; planDecided: string })[]> {
  const rows = await db
    .select({ review: reviews, planTitle: plans.title, planDecided: plans.decidedDate })
    .from(reviews)
    .innerJoin(plans, eq(plans.id, reviews.planId))
    .where(kommunCode === undefined ? undefined : eq(plans.kommunCode, kommunCode))
    .orderBy(desc(reviews.year));
  return rows.map((r) => ({ ...r.review, planTitle: r.planTitle, planDecided: r.planDecided }));
}

/** The computed labels of a goal: Brå's assessment needs a justification when it is none of them. */
export function computedLabels(goal: Pick<OverviewGoal, 'rollup'>): string[] {
  return goal.rollup.map((r) => r.label);
}

const openSchema = z.object({
  year: z.coerce.number().int().min(2020, 'ange ett år från 2020').max(2100),
  meetingDate: z.iso.date({ error: 'ange ett mötesdatum som finns (ÅÅÅÅ-MM-DD)' }),
});

/**
 * Opens the year's review of a kommun's plan in force: computes every övergripande mål's verdicts as of the meeting
 * date and freezes them, with the import ids of the data, in one row. One review per kommun and year (the year is
 * its address, /k/<kommun>/uppfoljning/2026); another kommun may open the same year.
 */
export async function openReview(db: Db, kommunCode: string, input: unknown, actor: Actor): Promise<ReviewRow> {
  const { year, meetingDate } = parseInput(openSchema, input);
  const plan = await getCurrentPlan(db, kommunCode);
  if (!plan) throw new FollowUpInputError('Det finns ingen åtgärdsplan inläst.');
  const overview = await loadOverview(db, new Date(`${meetingDate}T12:00:00Z`), { kommunCode });
  if (!overview) throw new FollowUpInputError('Planens kommun saknas i regiondata.');
  return withTx(db, async (tx) => {
    // One review per kommun and year, whichever of its plans it followed (the index holds one per plan and year).
    const [existing] = await tx
      .select({ id: reviews.id })
      .from(reviews)
      .innerJoin(plans, eq(plans.id, reviews.planId))
      .where(and(eq(reviews.year, year), eq(plans.kommunCode, kommunCode)));
    if (existing) throw new FollowUpInputError(`Uppföljningen ${year} är redan öppnad.`);
    const indicatorIds = [...new Set(overview.areas.flatMap((a) => a.goals.flatMap((g) => g.indicators.map((i) => i.id))))];
    const regionCodes = overview.regions.map((r) => r.code);
    const importRows =
      indicatorIds.length === 0
        ? []
        : await tx
            .selectDistinct({ id: observations.importId })
            .from(observations)
            .where(
              and(
                inArray(observations.indicatorId, indicatorIds),
                inArray(observations.regionCode, regionCodes),
                isNotNull(observations.importId),
                unsupersededExample,
              ),
            );
    const snapshot: ReviewSnapshot = {
      version: 1,
      takenAt: new Date().toISOString(),
      overview,
      importIds: importRows.map((r) => r.id!).sort((a, b) => a - b),
    };
    const [row] = await tx
      .insert(reviews)
      .values({ planId: plan.id, year, meetingDate, snapshot, openedBy: actor.actor })
      .onConflictDoNothing()
      .returning();
    // Two people opening the same year at once: the second gets the same answer as above.
    if (!row) throw new FollowUpInputError(`Uppföljningen ${year} är redan öppnad.`);
    await writeAudit(tx, {
      ...actor,
      action: 'review_opened',
      targetType: 'uppföljning',
      targetId: year,
      summary: `Öppnade uppföljningen ${year} (möte ${meetingDate}); bedömningarna frystes med data från ${snapshot.importIds.length} importer.`,
      after: { year, meetingDate, importIds: snapshot.importIds },
    });
    return row!;
  });
}

/** A kommun's review of the year (of any of its plans); without a kommun code, the installation's first kommun's. */
export async function getReview(db: Db, year: number, kommunCode?: string): Promise<ReviewView | null> {
  const first = db.select({ kommunCode: plans.kommunCode }).from(plans).orderBy(asc(plans.id)).limit(1);
  const [row] = await db
    .select({ review: reviews })
    .from(reviews)
    .innerJoin(plans, eq(plans.id, reviews.planId))
    .where(and(eq(reviews.year, year), eq(plans.kommunCode, kommunCode ?? sql`(${first})`)));
  if (!row) return null;
  const { review } = row;
  const [goalRows, assessments, decisions] = await Promise.all([
    // The goals of the plan the review followed (an earlier plan's, after a revision).
    db.select({ id: goals.id, code: goals.code }).from(goals).where(eq(goals.planId, review.planId)),
    db.select().from(reviewAssessments).where(eq(reviewAssessments.reviewId, review.id)),
    db.select().from(reviewDecisions).where(eq(reviewDecisions.reviewId, review.id)).orderBy(asc(reviewDecisions.id)),
  ]);
  return {
    review,
    snapshot: review.snapshot as ReviewSnapshot,
    goalIds: new Map(goalRows.map((g) => [g.code, g.id])),
    assessments,
    decisions,
  };
}

/** The id of a goal of the plan the review followed. */
async function goalIdOf(tx: Db, review: ReviewRow, code: string): Promise<number> {
  const [g] = await tx
    .select({ id: goals.id })
    .from(goals)
    .where(and(eq(goals.planId, review.planId), eq(goals.code, code)));
  if (!g) throw new FollowUpInputError(`Målet ${code} finns inte i uppföljningen.`);
  return g.id;
}

/** Locks the review row for a write, refusing when it is decided. */
async function openReviewForWrite(tx: Db, reviewId: number): Promise<ReviewRow> {
  const [row] = await tx.select().from(reviews).where(eq(reviews.id, reviewId)).for('update');
  if (!row) throw new FollowUpInputError('Uppföljningen finns inte.');
  if (row.status === 'decided') throw new ReviewLockedError(`Uppföljningen ${row.year} är beslutad och låst. Inget ändrades.`);
  return row;
}

function goalOf(snapshot: ReviewSnapshot, code: string): OverviewGoal | null {
  for (const a of snapshot.overview.areas) for (const g of a.goals) if (g.code === code) return g;
  return null;
}

const assessmentSchema = z.object({
  goalCode: z.string().min(1),
  label: z.enum(VERDICT_ORDER as [string, ...string[]], { error: 'välj en bedömning' }),
  justification: z
    .string()
    .trim()
    .max(5000)
    .optional()
    .transform((v) => (v ? v : null)),
  comment: z
    .string()
    .trim()
    .max(5000)
    .optional()
    .transform((v) => (v ? v : null)),
});

/** Brå's own assessment of a goal. A label none of the computed verdicts carries needs a justification. */
export async function saveAssessment(db: Db, reviewId: number, input: unknown, actor: Actor): Promise<AssessmentRow> {
  const v = parseInput(assessmentSchema, input);
  return withTx(db, async (tx) => {
    const review = await openReviewForWrite(tx, reviewId);
    const snapshot = review.snapshot as ReviewSnapshot;
    const goal = goalOf(snapshot, v.goalCode);
    if (!goal) throw new FollowUpInputError(`Målet ${v.goalCode} finns inte i uppföljningen.`);
    const goalId = await goalIdOf(tx, review, v.goalCode);
    const computed = computedLabels(goal);
    if (!computed.includes(v.label) && !v.justification) {
      throw new FollowUpInputError(
        `Bedömningen "${v.label}" skiljer sig från den beräknade (${computed.join(', ') || 'ingen'}): skriv en motivering.`,
      );
    }
    const [before] = await tx
      .select()
      .from(reviewAssessments)
      .where(and(eq(reviewAssessments.reviewId, reviewId), eq(reviewAssessments.goalId, goalId)));
    const values = { label: v.label, justification: v.justification, comment: v.comment };
    const [row] = await tx
      .insert(reviewAssessments)
      .values({ reviewId, goalId, ...values, updatedBy: actor.actor })
      .onConflictDoUpdate({
        target: [reviewAssessments.reviewId, reviewAssessments.goalId],
        set: { ...values, updatedBy: actor.actor, updatedAt: new Date() },
      })
      .returning();
    await writeAudit(tx, {
      ...actor,
      action: 'assessment_saved',
      targetType: 'uppföljning',
      targetId: `${review.year}/${v.goalCode}`,
      summary: `Brås bedömning av ${v.goalCode} (${review.year}): ${before ? `${before.label} → ` : ''}${v.label}.`,
      before: before ? { label: before.label, justification: before.justification, comment: before.comment } : null,
      after: values,
    });
    return row!;
  });
}

const decisionSchema = z.object({
  goalCode: z
    .string()
    .optional()
    .transform((v) => (v ? v : null)),
  kind: z.enum(Object.keys(DECISION_KINDS) as [DecisionKind, ...DecisionKind[]], { error: 'välj typ av beslut' }),
  text: z.string().trim().min(1, 'skriv beslutet').max(5000),
});

export async function addDecision(db: Db, reviewId: number, input: unknown, actor: Actor): Promise<DecisionRow> {
  const v = parseInput(decisionSchema, input);
  return withTx(db, async (tx) => {
    const review = await openReviewForWrite(tx, reviewId);
    const goalId = v.goalCode ? await goalIdOf(tx, review, v.goalCode) : null;
    const [row] = await tx
      .insert(reviewDecisions)
      .values({ reviewId, goalId, kind: v.kind, text: v.text, createdBy: actor.actor })
      .returning();
    await writeAudit(tx, {
      ...actor,
      action: 'decision_added',
      targetType: 'uppföljning',
      targetId: `${review.year}${v.goalCode ? `/${v.goalCode}` : ''}`,
      summary: `Beslut (${DECISION_KINDS[v.kind]}) i uppföljningen ${review.year}${v.goalCode ? ` för ${v.goalCode}` : ''}.`,
      after: { kind: v.kind, text: v.text },
    });
    return row!;
  });
}

export async function removeDecision(db: Db, reviewId: number, decisionId: number, actor: Actor): Promise<void> {
  await withTx(db, async (tx) => {
    const review = await openReviewForWrite(tx, reviewId);
    const [row] = await tx
      .delete(reviewDecisions)
      .where(and(eq(reviewDecisions.id, decisionId), eq(reviewDecisions.reviewId, reviewId)))
      .returning();
    if (!row) throw new FollowUpInputError('Beslutet finns inte.');
    await writeAudit(tx, {
      ...actor,
      action: 'decision_removed',
      targetType: 'uppföljning',
      targetId: review.year,
      summary: `Tog bort ett beslut (${DECISION_KINDS[row.kind as DecisionKind] ?? row.kind}) i uppföljningen ${review.year}.`,
      before: { kind: row.kind, text: row.text },
      after: null,
    });
  });
}

/** Marks the review decided: from then on it is read-only, and shows what was frozen and decided. */
export async function decideReview(db: Db, reviewId: number, actor: Actor): Promise<ReviewRow> {
  return withTx(db, async (tx) => {
    const review = await openReviewForWrite(tx, reviewId);
    const [row] = await tx
      .update(reviews)
      .set({ status: 'decided', decidedBy: actor.actor, decidedAt: sql`now()` })
      .where(eq(reviews.id, reviewId))
      .returning();
    await writeAudit(tx, {
      ...actor,
      action: 'review_decided',
      targetType: 'uppföljning',
      targetId: review.year,
      summary: `Markerade uppföljningen ${review.year} som beslutad; den är nu låst.`,
      before: { status: 'open' },
      after: { status: 'decided' },
    });
    return row!;
  });
}
