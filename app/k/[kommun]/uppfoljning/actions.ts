'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { actorOf } from '@/lib/auth/actor';
import { isConfirmed } from '@/lib/auth/confirm';
import { requireKommunRole } from '@/lib/auth/session';
import { getKommunOfCurrentPlan, getKommunOfReview } from '@/lib/data/memberships';
import { removeReviewDecision, saveReviewAssessment, saveReviewDecided, saveReviewDecision, saveReviewOpening } from '@/lib/data/followup';
import { FollowUpInputError } from '@/lib/data/followup/measures';
import { formFields, runFormAction, type FormState } from '@/lib/form-action';
import type { Actor } from '@/lib/import/commit';

const reviewIdOf = (form: FormData) => z.coerce.number().int().positive().safeParse(form.get('reviewId'));
const REVIEWS = { path: '/k/[kommun]/uppfoljning', layout: true };

/** The role in the review's kommun (its plan's, read from the database by the id); in some kommun for an unknown id. */
async function requireReviewRole(id: ReturnType<typeof reviewIdOf>) {
  return requireKommunRole('coordinator', id.success ? await getKommunOfReview(id.data) : null);
}

/** A write to one review: the role is checked first, then the review id, then `work` runs as a form action. */
async function reviewWrite(form: FormData, work: (reviewId: number, actor: Actor) => Promise<string>): Promise<FormState> {
  const id = reviewIdOf(form);
  const user = await requireReviewRole(id);
  if (!id.success) return { ok: false, message: 'Ogiltig uppföljning.' };
  const actor = await actorOf(user);
  return runFormAction(async () => work(id.data, actor), REVIEWS);
}

/** Opens a review of the plan in force of the installation's first kommun: the role is checked there. */
export async function openReviewAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireKommunRole('coordinator', await getKommunOfCurrentPlan());
  const actor = await actorOf(user);
  let year: number | null = null;
  const state = await runFormAction(async () => {
    const row = await saveReviewOpening(formFields(form, ['year', 'meetingDate']), actor);
    year = row.year;
    return `Uppföljningen ${row.year} är öppnad.`;
  }, REVIEWS);
  if (state.ok && year !== null) redirect(`/uppfoljning/${year}`);
  return state;
}

export async function saveAssessmentAction(_prev: FormState, form: FormData): Promise<FormState> {
  return reviewWrite(form, async (reviewId, actor) => {
    const row = await saveReviewAssessment(reviewId, formFields(form, ['goalCode', 'label', 'justification', 'comment']), actor);
    return `Bedömningen "${row.label}" är sparad.`;
  });
}

export async function addDecisionAction(_prev: FormState, form: FormData): Promise<FormState> {
  return reviewWrite(form, async (reviewId, actor) => {
    await saveReviewDecision(reviewId, formFields(form, ['goalCode', 'kind', 'text']), actor);
    return 'Beslutet är tillagt.';
  });
}

export async function removeDecisionAction(_prev: FormState, form: FormData): Promise<FormState> {
  return reviewWrite(form, async (reviewId, actor) => {
    const decisionId = z.coerce.number().int().positive().safeParse(form.get('decisionId'));
    if (!decisionId.success) throw new FollowUpInputError('Ogiltigt beslut.');
    await removeReviewDecision(reviewId, decisionId.data, actor);
    return 'Beslutet är borttaget.';
  });
}

export async function decideReviewAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = reviewIdOf(form);
  const user = await requireReviewRole(id);
  if (!id.success) return { ok: false, message: 'Ogiltig uppföljning.' };
  if (!isConfirmed(form, 'review_decision', id.data, user.id)) {
    return { ok: false, message: 'Bekräfta först: välj Markera som beslutad och sedan Ja, markera som beslutad. Inget ändrades.' };
  }
  const actor = await actorOf(user);
  let year: number | null = null;
  const state = await runFormAction(async () => {
    const row = await saveReviewDecided(id.data, actor);
    year = row.year;
    return `Uppföljningen ${row.year} är beslutad och låst.`;
  }, REVIEWS);
  // The form disappears with the decision: the page itself says so.
  if (state.ok && year !== null) redirect(`/uppfoljning/${year}?beslutad=1`);
  return state;
}
