'use server';

import { actorOf } from '@/lib/auth/actor';
import { requireKommunRole } from '@/lib/auth/session';
import { getKommunOfCurrentPlan, getKommunOfGroup } from '@/lib/data/memberships';
import { removeOwnComparisonGroup, saveOwnComparisonGroup } from '@/lib/data/comparison-view';
import { formText, runFormAction, type FormState } from '@/lib/form-action';

const PAGES = { path: '/', layout: true };

/** A new own group belongs to the plan's kommun: the role is checked there. */
export async function saveOwnGroupAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await actorOf(await requireKommunRole('coordinator', await getKommunOfCurrentPlan()));
  const extra = (formText(form, 'extra') ?? '').split(/[\s,;]+/).filter(Boolean);
  const members = [...form.getAll('members').filter((m): m is string => typeof m === 'string'), ...extra];
  return runFormAction(async () => {
    const g = await saveOwnComparisonGroup({ title: formText(form, 'title'), members }, actor);
    return `Gruppen "${g.title}" är sparad med ${g.members.length} kommuner.`;
  }, PAGES);
}

/** The role is checked in the kommun that owns the group, as the database has it. */
export async function removeOwnGroupAction(_prev: FormState, form: FormData): Promise<FormState> {
  const groupId = formText(form, 'id') ?? '';
  const actor = await actorOf(await requireKommunRole('coordinator', groupId ? await getKommunOfGroup(groupId) : null));
  return runFormAction(async () => `Gruppen "${await removeOwnComparisonGroup(groupId, actor)}" är borttagen.`, PAGES);
}
