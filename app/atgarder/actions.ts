'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { actorOf } from '@/lib/auth/actor';
import { requireRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { describeDbError } from '@/lib/db/errors';
import { FollowUpInputError, saveActionReport, updateAction } from '@/lib/followup/actions';

export interface FormState {
  ok: boolean | null;
  message: string | null;
}

const idOf = (form: FormData) => z.coerce.number().int().positive().safeParse(form.get('actionId'));
const text = (form: FormData, k: string) => {
  const v = form.get(k);
  return typeof v === 'string' ? v : undefined;
};

async function run(work: () => Promise<string>): Promise<FormState> {
  try {
    const message = await work();
    revalidatePath('/', 'layout'); // charts annotate action starts; the overview shows reminders
    return { ok: true, message };
  } catch (err) {
    if (err instanceof FollowUpInputError) return { ok: false, message: err.message };
    console.error('follow-up write failed:', describeDbError(err));
    return { ok: false, message: 'Det gick inte att spara på grund av ett fel på servern. Inget ändrades.' };
  }
}

export async function updateActionAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole('samordnare');
  const id = idOf(form);
  if (!id.success) return { ok: false, message: 'Ogiltig åtgärd.' };
  const actor = await actorOf(user);
  return run(async () => {
    const { db } = await getDb();
    const row = await updateAction(db, id.data, { status: text(form, 'status'), startDate: text(form, 'startDate'), endDate: text(form, 'endDate'), effectHorizon: text(form, 'effectHorizon') }, actor);
    return `Åtgärd ${row.code} är sparad.`;
  });
}

export async function saveReportAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireRole('samordnare');
  const id = idOf(form);
  if (!id.success) return { ok: false, message: 'Ogiltig åtgärd.' };
  const actor = await actorOf(user);
  return run(async () => {
    const { db } = await getDb();
    const row = await saveActionReport(db, id.data, {
      year: text(form, 'year'), done: text(form, 'done'), asPlanned: text(form, 'asPlanned'), how: text(form, 'how'),
      hours: text(form, 'hours'), costSek: text(form, 'costSek'), problems: text(form, 'problems'), proposal: text(form, 'proposal'),
    }, actor);
    return `Delrapporten för ${row.year} är sparad.`;
  });
}
