'use server';

import { actorOf } from '@/lib/auth/actor';
import { getKommunOfGroup } from '@/lib/data/memberships';
import { removeOwnComparisonGroup, saveOwnComparisonGroup } from '@/lib/data/comparison-view';
import { formText, runFormAction, type FormState } from '@/lib/form-action';
import { coordinatorIn, coordinatorOfObject, UNKNOWN_KOMMUN } from '../../kommun-action';

const PAGES = { path: '/', layout: true };

/** A new own group belongs to the page's kommun (bound into the action): the role is checked there. */
export async function saveOwnGroupAction(boundKommun: string, _prev: FormState, form: FormData): Promise<FormState> {
  const { user, kommun } = await coordinatorIn(boundKommun);
  if (!kommun) return UNKNOWN_KOMMUN;
  const actor = await actorOf(user);
  const extra = (formText(form, 'extra') ?? '').split(/[\s,;]+/).filter(Boolean);
  const members = [...form.getAll('members').filter((m): m is string => typeof m === 'string'), ...extra];
  return runFormAction(async () => {
    const g = await saveOwnComparisonGroup(kommun, { title: formText(form, 'title'), members }, actor);
    return `Gruppen "${g.title}" är sparad med ${g.members.length} kommuner.`;
  }, PAGES);
}

/** The role is checked in the page's kommun and in the kommun that owns the group, as the database has it. */
export async function removeOwnGroupAction(boundKommun: string, _prev: FormState, form: FormData): Promise<FormState> {
  const groupId = formText(form, 'id') ?? '';
  const { user, kommun } = await coordinatorOfObject(boundKommun, async () => (groupId ? getKommunOfGroup(groupId) : null));
  if (!kommun) return UNKNOWN_KOMMUN;
  const actor = await actorOf(user);
  // A group of another kommun is not found here: removeOwnGroup looks only among the bound kommun's own groups.
  return runFormAction(async () => `Gruppen "${await removeOwnComparisonGroup(kommun, groupId, actor)}" är borttagen.`, PAGES);
}
