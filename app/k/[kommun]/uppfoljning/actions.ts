'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { actorOf } from '@/lib/auth/actor';
import { isConfirmed } from '@/lib/auth/confirm';
import type { SessionUser } from '@/lib/auth/session';
import { getKommunOfReview } from '@/lib/data/memberships';
import { removeReviewDecision, saveReviewAssessment, saveReviewDecided, saveReviewDecision, saveReviewOpening } from '@/lib/data/followup';
import { FollowUpInputError } from '@/lib/data/followup/measures';
import { formFields, runFormAction, type FormState } from '@/lib/form-action';
import type { Actor } from '@/lib/import/commit';
import { kommunPath } from '@/lib/kommun-path';
import { coordinatorIn, coordinatorOfObject, UNKNOWN_KOMMUN } from '../kommun-action';

const reviewIdOf = (form: FormData) => z.coerce.number().int().positive().safeParse(form.get('reviewId'));
const REVIEWS = { path: '/k/[kommun]/uppfoljning', layout: true };

/**
 * The role in the page's kommun (bound into the action) and in the review's kommun (its plan's, read from the database
 * by the id); a review of another kommun is not found here.
 */
async function reviewWriter(
  boundKommun: string,
  form: FormData,
): Promise<{ refused: FormState } | { refused?: undefined; id: number; user: SessionUser; kommun: string }> {
  const id = reviewIdOf(form);
  const { user, kommun, belongs } = await coordinatorOfObject(boundKommun, async () => (id.success ? getKommunOfReview(id.data) : null));
  if (!kommun) return { refused: UNKNOWN_KOMMUN };
  if (!id.success || !belongs) return { refused: { ok: false, message: 'Ogiltig uppföljning.' } };
  return { id: id.data, user, kommun };
}

/** A write to one review: the role is checked first, then the review id, then `work` runs as a form action. */
async function reviewWrite(
  boundKommun: string,
  form: FormData,
  work: (reviewId: number, actor: Actor) => Promise<string>,
): Promise<FormState> {
  const w = await reviewWriter(boundKommun, form);
  if (w.refused) return w.refused;
  const actor = await actorOf(w.user);
  return runFormAction(async () => work(w.id, actor), REVIEWS);
}

/** Opens a review of the plan in force of the page's kommun (bound into the action): the role is checked there. */
export async function openReviewAction(boundKommun: string, _prev: FormState, form: FormData): Promise<FormState> {
  const { user, kommun } = await coordinatorIn(boundKommun);
  if (!kommun) return UNKNOWN_KOMMUN;
  const actor = await actorOf(user);
  let year: number | null = null;
  const state = await runFormAction(async () => {
    const row = await saveReviewOpening(kommun, formFields(form, ['year', 'meetingDate']), actor);
    year = row.year;
    return `Uppföljningen ${row.year} är öppnad.`;
  }, REVIEWS);
  if (state.ok && year !== null) redirect(kommunPath(kommun, `/uppfoljning/${year}`));
  return state;
}

export async function saveAssessmentAction(boundKommun: string, _prev: FormState, form: FormData): Promise<FormState> {
  return reviewWrite(boundKommun, form, async (reviewId, actor) => {
    const row = await saveReviewAssessment(reviewId, formFields(form, ['goalCode', 'label', 'justification', 'comment']), actor);
    return `Bedömningen "${row.label}" är sparad.`;
  });
}

export async function addDecisionAction(boundKommun: string, _prev: FormState, form: FormData): Promise<FormState> {
  return reviewWrite(boundKommun, form, async (reviewId, actor) => {
    await saveReviewDecision(reviewId, formFields(form, ['goalCode', 'kind', 'text']), actor);
    return 'Beslutet är tillagt.';
  });
}

export async function removeDecisionAction(boundKommun: string, _prev: FormState, form: FormData): Promise<FormState> {
  return reviewWrite(boundKommun, form, async (reviewId, actor) => {
    const decisionId = z.coerce.number().int().positive().safeParse(form.get('decisionId'));
    if (!decisionId.success) throw new FollowUpInputError('Ogiltigt beslut.');
    await removeReviewDecision(reviewId, decisionId.data, actor);
    return 'Beslutet är borttaget.';
  });
}

export async function decideReviewAction(boundKommun: string, _prev: FormState, form: FormData): Promise<FormState> {
  const w = await reviewWriter(boundKommun, form);
  if (w.refused) return w.refused;
  const { user, kommun, id: reviewId } = w;
  if (!isConfirmed(form, 'review_decision', reviewId, user.id)) {
    return { ok: false, message: 'Bekräfta först: välj Markera som beslutad och sedan Ja, markera som beslutad. Inget ändrades.' };
  }
  const actor = await actorOf(user);
  let year: number | null = null;
  const state = await runFormAction(async () => {
    const row = await saveReviewDecided(reviewId, actor);
    year = row.year;
    return `Uppföljningen ${row.year} är beslutad och låst.`;
  }, REVIEWS);
  // The form disappears with the decision: the page itself says so.
  if (state.ok && year !== null) redirect(kommunPath(kommun, `/uppfoljning/${year}?beslutad=1`));
  return state;
}
