'use server';

import { z } from 'zod';
import { actorOf } from '@/lib/auth/actor';
import { getKommunOfAction } from '@/lib/data/memberships';
import { saveMeasure, saveMeasureReport } from '@/lib/data/followup';
import { formFields, runFormAction, type FormState } from '@/lib/form-action';
import type { Actor } from '@/lib/import/commit';
import { coordinatorOfObject, UNKNOWN_KOMMUN } from '../kommun-action';

// The role is checked in the page's kommun (bound into the action) and in the åtgärd's kommun (its plan's, read from
// the database by the id); an åtgärd of another kommun is not found here.
const measureIdOf = (form: FormData) => z.coerce.number().int().positive().safeParse(form.get('actionId'));
const NOT_FOUND: FormState = { ok: false, message: 'Åtgärden finns inte i kommunens plan. Inget sparades.' };

async function measureWriter(
  boundKommun: string,
  form: FormData,
): Promise<{ refused: FormState } | { refused?: undefined; id: number; actor: Actor }> {
  const id = measureIdOf(form);
  const { user, kommun, belongs } = await coordinatorOfObject(boundKommun, async () => (id.success ? getKommunOfAction(id.data) : null));
  if (!kommun) return { refused: UNKNOWN_KOMMUN };
  if (!id.success) return { refused: { ok: false, message: 'Ogiltig åtgärd.' } };
  if (!belongs) return { refused: NOT_FOUND };
  return { id: id.data, actor: await actorOf(user) };
}
// Action starts annotate charts and the overview lists missing delrapporter: every cached page may change.
const ALL = { path: '/', layout: true };

export async function updateMeasureAction(boundKommun: string, _prev: FormState, form: FormData): Promise<FormState> {
  const w = await measureWriter(boundKommun, form);
  if (w.refused) return w.refused;
  const { id, actor } = w;
  return runFormAction(async () => {
    const row = await saveMeasure(id, formFields(form, ['status', 'startDate', 'endDate', 'effectHorizon']), actor);
    return `Åtgärd ${row.code} är sparad.`;
  }, ALL);
}

export async function saveMeasureReportAction(boundKommun: string, _prev: FormState, form: FormData): Promise<FormState> {
  const w = await measureWriter(boundKommun, form);
  if (w.refused) return w.refused;
  const { id, actor } = w;
  return runFormAction(async () => {
    const row = await saveMeasureReport(
      id,
      formFields(form, ['year', 'done', 'asPlanned', 'how', 'hours', 'costSek', 'problems', 'proposal']),
      actor,
    );
    return `Delrapporten för ${row.year} är sparad.`;
  }, ALL);
}
