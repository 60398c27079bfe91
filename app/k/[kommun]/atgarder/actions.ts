'use server';

import { z } from 'zod';
import { actorOf } from '@/lib/auth/actor';
import { requireKommunRole } from '@/lib/auth/session';
import { getKommunOfAction } from '@/lib/data/memberships';
import { saveMeasure, saveMeasureReport } from '@/lib/data/followup';
import { formFields, runFormAction, type FormState } from '@/lib/form-action';

// The role is checked in the åtgärd's kommun (its plan's), read from the database by the id.
const measureIdOf = (form: FormData) => z.coerce.number().int().positive().safeParse(form.get('actionId'));
// Action starts annotate charts and the overview lists missing delrapporter: every cached page may change.
const ALL = { path: '/', layout: true };

export async function updateMeasureAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = measureIdOf(form);
  const user = await requireKommunRole('coordinator', id.success ? await getKommunOfAction(id.data) : null);
  if (!id.success) return { ok: false, message: 'Ogiltig åtgärd.' };
  const actor = await actorOf(user);
  return runFormAction(async () => {
    const row = await saveMeasure(id.data, formFields(form, ['status', 'startDate', 'endDate', 'effectHorizon']), actor);
    return `Åtgärd ${row.code} är sparad.`;
  }, ALL);
}

export async function saveMeasureReportAction(_prev: FormState, form: FormData): Promise<FormState> {
  const id = measureIdOf(form);
  const user = await requireKommunRole('coordinator', id.success ? await getKommunOfAction(id.data) : null);
  if (!id.success) return { ok: false, message: 'Ogiltig åtgärd.' };
  const actor = await actorOf(user);
  return runFormAction(async () => {
    const row = await saveMeasureReport(
      id.data,
      formFields(form, ['year', 'done', 'asPlanned', 'how', 'hours', 'costSek', 'problems', 'proposal']),
      actor,
    );
    return `Delrapporten för ${row.year} är sparad.`;
  }, ALL);
}
