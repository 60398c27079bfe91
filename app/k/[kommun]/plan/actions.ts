'use server';

import { redirect } from 'next/navigation';
import { actorOf } from '@/lib/auth/actor';
import { isConfirmed } from '@/lib/auth/confirm';
import { removeGoalLink, restoreGoalLink, saveGoal, saveGoalLink, saveLocalIndicator, saveRevisedPlan } from '@/lib/data/plan';
import { linkKey } from '@/lib/plan/link-key';
import { formFields, runFormAction, type FormState } from '@/lib/form-action';
import { kommunPath } from '@/lib/kommun-path';
import { coordinatorIn, UNKNOWN_KOMMUN } from '../kommun-action';

// Every write here edits the plan in force of the page's kommun, bound into the action by the plan page
// (`action.bind(null, kommun)`): the role is checked in that kommun first, and a goal code is looked up in its plan.

// Goals, links and targets show on the cached overview and goal pages.
const ALL = { path: '/', layout: true };

export async function updateGoalAction(boundKommun: string, _prev: FormState, form: FormData): Promise<FormState> {
  const { user, kommun } = await coordinatorIn(boundKommun);
  if (!kommun) return UNKNOWN_KOMMUN;
  const actor = await actorOf(user);
  const code = String(form.get('goalCode') ?? '');
  return runFormAction(async () => {
    await saveGoal(kommun, code, formFields(form, ['text', 'cause', 'actionText', 'responsibleText', 'proposal']), actor);
    return `Målet ${code} är sparat.`;
  }, ALL);
}

export async function saveLinkAction(boundKommun: string, _prev: FormState, form: FormData): Promise<FormState> {
  const { user, kommun } = await coordinatorIn(boundKommun);
  if (!kommun) return UNKNOWN_KOMMUN;
  const actor = await actorOf(user);
  const code = String(form.get('goalCode') ?? '');
  return runFormAction(async () => {
    const row = await saveGoalLink(
      kommun,
      code,
      formFields(form, ['indicatorId', 'role', 'baselinePeriod', 'targetValue', 'targetYear', 'sex', 'grp', 'note']),
      actor,
    );
    return `Måttet ${row.indicatorId} är sparat för målet ${code}.`;
  }, ALL);
}

/** Removes a goal ↔ indicator link, only from its confirmation step (the token); the plan page then says so and offers to undo. */
export async function removeLinkAction(boundKommun: string, _prev: FormState, form: FormData): Promise<FormState> {
  const { user, kommun } = await coordinatorIn(boundKommun);
  if (!kommun) return UNKNOWN_KOMMUN;
  const code = String(form.get('goalCode') ?? '');
  const indicatorId = String(form.get('indicatorId') ?? '');
  if (!isConfirmed(form, 'link_removal', linkKey(code, indicatorId), user.id)) {
    return { ok: false, message: 'Bekräfta först: välj Ta bort vid måttet och sedan Ja, ta bort. Inget togs bort.' };
  }
  const actor = await actorOf(user);
  const state = await runFormAction(async () => {
    await removeGoalLink(kommun, code, indicatorId, actor);
    return 'ok';
  }, ALL);
  if (state.ok) redirect(kommunPath(kommun, `/plan?borttagen=${encodeURIComponent(linkKey(code, indicatorId))}#resultat`));
  return state;
}

/** Undoes a removal: the link comes back with the role, baseline, target and breakdown it had. */
export async function restoreLinkAction(boundKommun: string, _prev: FormState, form: FormData): Promise<FormState> {
  const { user, kommun } = await coordinatorIn(boundKommun);
  if (!kommun) return UNKNOWN_KOMMUN;
  const actor = await actorOf(user);
  const code = String(form.get('goalCode') ?? '');
  const indicatorId = String(form.get('indicatorId') ?? '');
  const state = await runFormAction(async () => {
    await restoreGoalLink(kommun, code, indicatorId, actor);
    return 'ok';
  }, ALL);
  if (state.ok) redirect(kommunPath(kommun, `/plan?aterkopplad=${encodeURIComponent(linkKey(code, indicatorId))}#resultat`));
  return state;
}

export async function createIndicatorAction(boundKommun: string, _prev: FormState, form: FormData): Promise<FormState> {
  const { user, kommun } = await coordinatorIn(boundKommun);
  if (!kommun) return UNKNOWN_KOMMUN;
  const actor = await actorOf(user);
  return runFormAction(async () => {
    const row = await saveLocalIndicator(
      kommun,
      formFields(form, [
        'id',
        'name',
        'definition',
        'unit',
        'unitKind',
        'direction',
        'type',
        'decimals',
        'cadence',
        'measuredGeography',
        'caveats',
      ]),
      actor,
    );
    return `Måttet ${row.id} är tillagt. Koppla det till ett mål nedan och importera värden med mallen.`;
  }, ALL);
}

export async function startRevisedPlanAction(boundKommun: string, _prev: FormState, form: FormData): Promise<FormState> {
  const { user, kommun } = await coordinatorIn(boundKommun);
  if (!kommun) return UNKNOWN_KOMMUN;
  const actor = await actorOf(user);
  return runFormAction(async () => {
    const plan = await saveRevisedPlan(
      kommun,
      formFields(form, [
        'title',
        'decidedDate',
        'decidedBy',
        'decisionParagraph',
        'diarienummer',
        'validFrom',
        'reviseBy',
        'basedOnLagesbild',
      ]),
      actor,
    );
    return `Den reviderade planen "${plan.title}" gäller nu. Den tidigare planen och dess uppföljningar finns kvar.`;
  }, ALL);
}
