'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { actorOf } from '@/lib/auth/actor';
import { requireRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { addDecision, decideReview, openReview, removeDecision, saveAssessment } from '@/lib/followup/reviews';
import { formFields, runFormAction, type FormState } from '@/lib/form-action';

const reviewIdOf = (form: FormData) => z.coerce.number().int().positive().safeParse(form.get('reviewId'));
const REVIEWS = { path: '/uppfoljning', layout: true };

export async function openReviewAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole('samordnare');
  const actor = await actorOf(user);
  let year: number | null = null;
  const state = await runFormAction(async () => {
    const { db } = await getDb();
    const row = await openReview(db, formFields(form, ['year', 'meetingDate']), actor);
    year = row.year;
    return `Uppföljningen ${row.year} är öppnad.`;
  }, REVIEWS);
  if (state.ok && year !== null) redirect(`/uppfoljning/${year}`);
  return state;
}

export async function saveAssessmentAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole('samordnare');
  const id = reviewIdOf(form);
  if (!id.success) return { ok: false, message: 'Ogiltig uppföljning.' };
  const actor = await actorOf(user);
  return runFormAction(async () => {
    const { db } = await getDb();
    const row = await saveAssessment(db, id.data, formFields(form, ['goalCode', 'label', 'justification', 'comment']), actor);
    return `Bedömningen "${row.label}" är sparad.`;
  }, REVIEWS);
}

export async function addDecisionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole('samordnare');
  const id = reviewIdOf(form);
  if (!id.success) return { ok: false, message: 'Ogiltig uppföljning.' };
  const actor = await actorOf(user);
  return runFormAction(async () => {
    const { db } = await getDb();
    await addDecision(db, id.data, formFields(form, ['goalCode', 'kind', 'text']), actor);
    return 'Beslutet är tillagt.';
  }, REVIEWS);
}

export async function removeDecisionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole('samordnare');
  const id = reviewIdOf(form);
  const decisionId = z.coerce.number().int().positive().safeParse(form.get('decisionId'));
  if (!id.success || !decisionId.success) return { ok: false, message: 'Ogiltigt beslut.' };
  const actor = await actorOf(user);
  return runFormAction(async () => {
    const { db } = await getDb();
    await removeDecision(db, id.data, decisionId.data, actor);
    return 'Beslutet är borttaget.';
  }, REVIEWS);
}

export async function decideReviewAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole('samordnare');
  const id = reviewIdOf(form);
  if (!id.success) return { ok: false, message: 'Ogiltig uppföljning.' };
  if (form.get('confirm') !== 'ja') return { ok: false, message: 'Bekräfta att uppföljningen är beslutad (kryssrutan).' };
  const actor = await actorOf(user);
  let year: number | null = null;
  const state = await runFormAction(async () => {
    const { db } = await getDb();
    const row = await decideReview(db, id.data, actor);
    year = row.year;
    return `Uppföljningen ${row.year} är beslutad och låst.`;
  }, REVIEWS);
  // The form disappears with the decision: the page itself says so.
  if (state.ok && year !== null) redirect(`/uppfoljning/${year}?beslutad=1`);
  return state;
}
