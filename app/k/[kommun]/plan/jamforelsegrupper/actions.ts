'use server';

import { actorOf } from '@/lib/auth/actor';
import { requireRole } from '@/lib/auth/session';
import { removeOwnComparisonGroup, saveOwnComparisonGroup } from '@/lib/data/comparison-view';
import { formText, runFormAction, type FormState } from '@/lib/form-action';

const PAGES = { path: '/', layout: true };

export async function saveOwnGroupAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await actorOf(await requireRole('coordinator'));
  const extra = (formText(form, 'extra') ?? '').split(/[\s,;]+/).filter(Boolean);
  const members = [...form.getAll('members').filter((m): m is string => typeof m === 'string'), ...extra];
  return runFormAction(async () => {
    const g = await saveOwnComparisonGroup({ title: formText(form, 'title'), members }, actor);
    return `Gruppen "${g.title}" är sparad med ${g.members.length} kommuner.`;
  }, PAGES);
}

export async function removeOwnGroupAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await actorOf(await requireRole('coordinator'));
  return runFormAction(async () => `Gruppen "${await removeOwnComparisonGroup(formText(form, 'id') ?? '', actor)}" är borttagen.`, PAGES);
}
