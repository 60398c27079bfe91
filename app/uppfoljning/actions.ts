'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { actorOf } from '@/lib/auth/actor';
import { requireRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { describeDbError } from '@/lib/db/errors';
import { FollowUpInputError } from '@/lib/followup/actions';
import { addDecision, decideReview, openReview, removeDecision, saveAssessment } from '@/lib/followup/reviews';
import type { FormState } from '../atgarder/actions';

const text = (form: FormData, k: string) => {
  const v = form.get(k);
  return typeof v === 'string' ? v : undefined;
};
const reviewIdOf = (form: FormData) => z.coerce.number().int().positive().safeParse(form.get('reviewId'));

async function run(work: () => Promise<string>, path: string): Promise<FormState> {
  try {
    const message = await work();
    revalidatePath(path);
    return { ok: true, message };
  } catch (err) {
    if (err instanceof FollowUpInputError) return { ok: false, message: err.message };
    console.error('review write failed:', describeDbError(err));
    return { ok: false, message: 'Det gick inte att spara på grund av ett fel på servern. Inget ändrades.' };
  }
}

export async function openReviewAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole('samordnare');
  const actor = await actorOf(user);
  let year: number | null = null;
  const state = await run(async () => {
    const { db } = await getDb();
    const row = await openReview(db, { year: text(form, 'year'), meetingDate: text(form, 'meetingDate') }, actor);
    year = row.year;
    return `Uppföljningen ${row.year} är öppnad.`;
  }, '/uppfoljning');
  if (state.ok && year !== null) redirect(`/uppfoljning/${year}`);
  return state;
}

export async function saveAssessmentAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole('samordnare');
  const id = reviewIdOf(form);
  if (!id.success) return { ok: false, message: 'Ogiltig uppföljning.' };
  const actor = await actorOf(user);
  return run(async () => {
    const { db } = await getDb();
    const row = await saveAssessment(db, id.data, { goalCode: text(form, 'goalCode'), label: text(form, 'label'), justification: text(form, 'justification'), comment: text(form, 'comment') }, actor);
    return `Bedömningen "${row.label}" är sparad.`;
  }, '/uppfoljning');
}

export async function addDecisionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole('samordnare');
  const id = reviewIdOf(form);
  if (!id.success) return { ok: false, message: 'Ogiltig uppföljning.' };
  const actor = await actorOf(user);
  return run(async () => {
    const { db } = await getDb();
    await addDecision(db, id.data, { goalCode: text(form, 'goalCode'), kind: text(form, 'kind'), text: text(form, 'text') }, actor);
    return 'Beslutet är tillagt.';
  }, '/uppfoljning');
}

export async function removeDecisionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole('samordnare');
  const id = reviewIdOf(form);
  const decisionId = z.coerce.number().int().positive().safeParse(form.get('decisionId'));
  if (!id.success || !decisionId.success) return { ok: false, message: 'Ogiltigt beslut.' };
  const actor = await actorOf(user);
  return run(async () => {
    const { db } = await getDb();
    await removeDecision(db, id.data, decisionId.data, actor);
    return 'Beslutet är borttaget.';
  }, '/uppfoljning');
}

export async function decideReviewAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole('samordnare');
  const id = reviewIdOf(form);
  if (!id.success) return { ok: false, message: 'Ogiltig uppföljning.' };
  if (form.get('confirm') !== 'ja') return { ok: false, message: 'Bekräfta att uppföljningen är beslutad (kryssrutan).' };
  const actor = await actorOf(user);
  let year: number | null = null;
  const state = await run(async () => {
    const { db } = await getDb();
    const row = await decideReview(db, id.data, actor);
    year = row.year;
    return `Uppföljningen ${row.year} är beslutad och låst.`;
  }, '/uppfoljning');
  // The form disappears with the decision: the page itself says so.
  if (state.ok && year !== null) redirect(`/uppfoljning/${year}?beslutad=1`);
  return state;
}
