'use server';

import { revalidatePath } from 'next/cache';
import { actorOf } from '@/lib/auth/actor';
import { requireRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { describeDbError } from '@/lib/db/errors';
import { FollowUpInputError } from '@/lib/followup/actions';
import { createLocalIndicator, removeGoalIndicator, saveGoalIndicator, startRevisedPlan, updateGoal } from '@/lib/plan/edit';
import type { FormState } from '../atgarder/actions';

function fields(form: FormData, names: string[]): Record<string, string | undefined> {
  return Object.fromEntries(names.map((n) => {
    const v = form.get(n);
    return [n, typeof v === 'string' ? v : undefined];
  }));
}

async function run(work: () => Promise<string>): Promise<FormState> {
  try {
    const message = await work();
    revalidatePath('/', 'layout'); // goals, links and targets show on the cached overview and goal pages
    return { ok: true, message };
  } catch (err) {
    if (err instanceof FollowUpInputError) return { ok: false, message: err.message };
    console.error('plan edit failed:', describeDbError(err));
    return { ok: false, message: 'Det gick inte att spara på grund av ett fel på servern. Inget ändrades.' };
  }
}

export async function updateGoalAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await actorOf(await requireRole('samordnare'));
  const code = String(form.get('goalCode') ?? '');
  return run(async () => {
    await updateGoal((await getDb()).db, code, fields(form, ['text', 'cause', 'actionText', 'responsibleText', 'proposal']), actor);
    return `Målet ${code} är sparat.`;
  });
}

export async function saveLinkAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await actorOf(await requireRole('samordnare'));
  const code = String(form.get('goalCode') ?? '');
  return run(async () => {
    const row = await saveGoalIndicator((await getDb()).db, code, fields(form, ['indicatorId', 'role', 'baselinePeriod', 'targetValue', 'targetYear', 'sex', 'grp', 'note']), actor);
    return `Måttet ${row.indicatorId} är sparat för målet ${code}.`;
  });
}

export async function removeLinkAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await actorOf(await requireRole('samordnare'));
  const code = String(form.get('goalCode') ?? '');
  const indicatorId = String(form.get('indicatorId') ?? '');
  return run(async () => {
    await removeGoalIndicator((await getDb()).db, code, indicatorId, actor);
    return `Måttet ${indicatorId} är borttaget från målet ${code}.`;
  });
}

export async function createIndicatorAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await actorOf(await requireRole('samordnare'));
  return run(async () => {
    const row = await createLocalIndicator((await getDb()).db, fields(form, ['id', 'name', 'definition', 'unit', 'unitKind', 'direction', 'type', 'decimals', 'cadence', 'measuredGeography', 'caveats']), actor);
    return `Måttet ${row.id} är tillagt. Koppla det till ett mål nedan och importera värden med mallen.`;
  });
}

export async function startRevisedPlanAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await actorOf(await requireRole('samordnare'));
  return run(async () => {
    const plan = await startRevisedPlan((await getDb()).db, fields(form, ['title', 'decidedDate', 'decidedBy', 'decisionParagraph', 'diarienummer', 'validFrom', 'reviseBy', 'basedOnLagesbild']), actor);
    return `Den reviderade planen "${plan.title}" gäller nu. Den tidigare planen och dess uppföljningar finns kvar.`;
  });
}
