'use server';

import { actorOf } from '@/lib/auth/actor';
import { requireRole } from '@/lib/auth/session';
import { removeGoalLink, saveGoal, saveGoalLink, saveLocalIndicator, saveRevisedPlan } from '@/lib/data/plan';
import { formFields, runFormAction, type FormState } from '@/lib/form-action';

// Goals, links and targets show on the cached overview and goal pages.
const ALL = { path: '/', layout: true };

export async function updateGoalAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await actorOf(await requireRole('coordinator'));
  const code = String(form.get('goalCode') ?? '');
  return runFormAction(async () => {
    await saveGoal(code, formFields(form, ['text', 'cause', 'actionText', 'responsibleText', 'proposal']), actor);
    return `Målet ${code} är sparat.`;
  }, ALL);
}

export async function saveLinkAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await actorOf(await requireRole('coordinator'));
  const code = String(form.get('goalCode') ?? '');
  return runFormAction(async () => {
    const row = await saveGoalLink(code, formFields(form, ['indicatorId', 'role', 'baselinePeriod', 'targetValue', 'targetYear', 'sex', 'grp', 'note']), actor);
    return `Måttet ${row.indicatorId} är sparat för målet ${code}.`;
  }, ALL);
}

export async function removeLinkAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await actorOf(await requireRole('coordinator'));
  const code = String(form.get('goalCode') ?? '');
  const indicatorId = String(form.get('indicatorId') ?? '');
  return runFormAction(async () => {
    await removeGoalLink(code, indicatorId, actor);
    return `Måttet ${indicatorId} är borttaget från målet ${code}.`;
  }, ALL);
}

export async function createIndicatorAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await actorOf(await requireRole('coordinator'));
  return runFormAction(async () => {
    const row = await saveLocalIndicator(formFields(form, ['id', 'name', 'definition', 'unit', 'unitKind', 'direction', 'type', 'decimals', 'cadence', 'measuredGeography', 'caveats']), actor);
    return `Måttet ${row.id} är tillagt. Koppla det till ett mål nedan och importera värden med mallen.`;
  }, ALL);
}

export async function startRevisedPlanAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await actorOf(await requireRole('coordinator'));
  return runFormAction(async () => {
    const plan = await saveRevisedPlan(formFields(form, ['title', 'decidedDate', 'decidedBy', 'decisionParagraph', 'diarienummer', 'validFrom', 'reviseBy', 'basedOnLagesbild']), actor);
    return `Den reviderade planen "${plan.title}" gäller nu. Den tidigare planen och dess uppföljningar finns kvar.`;
  }, ALL);
}
