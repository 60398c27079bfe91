import 'server-only';
import { requireKommunRole, type SessionUser } from '@/lib/auth/session';
import { resolveKommun } from '@/lib/data/kommun';
import type { FormState } from '@/lib/form-action';

/*
 * The kommun a kommun page's form writes in. The page binds its kommun into the action (`action.bind(null, kommun)`);
 * the value still arrives from the browser, so it is validated as a page address is (four digits, a kommun with a
 * plan here: lib/data/kommun.ts resolveKommun) and the role is checked in it before anything else. Objects addressed
 * by code are then looked up within that kommun's plan; objects addressed by id must belong to it.
 */

/** The user if they are samordnare in the bound kommun (401/403 otherwise), with the kommun or null when it is none here. */
export async function coordinatorIn(bound: unknown): Promise<{ user: SessionUser; kommun: string | null }> {
  const kommun = typeof bound === 'string' ? await resolveKommun(bound) : null;
  // An unknown kommun needs the role in some kommun to hear so (as an unknown object id does).
  return { user: await requireKommunRole('coordinator', kommun), kommun };
}

/** The answer when the bound value names no kommun with a plan here. */
export const UNKNOWN_KOMMUN: FormState = { ok: false, message: 'Kommunen finns inte här. Inget sparades.' };

/**
 * For an object addressed by id: the user if they are samordnare both in the bound kommun and in the object's kommun
 * (read from the database by the id), and whether the object belongs to the bound kommun (else it is "not found").
 */
export async function coordinatorOfObject(
  bound: unknown,
  objectKommun: () => Promise<string | null>,
): Promise<{ user: SessionUser; kommun: string | null; belongs: boolean }> {
  const { user, kommun } = await coordinatorIn(bound);
  const owner = await objectKommun();
  if (owner !== null && owner !== kommun) await requireKommunRole('coordinator', owner);
  return { user, kommun, belongs: kommun !== null && owner === kommun };
}
