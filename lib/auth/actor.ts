import 'server-only';
import { headers } from 'next/headers';
import { clientIp } from '../audit';
import type { Actor } from '../import/commit';
import type { SessionUser } from './session';

/** Who acts, for the change record: the signed-in user and the address of the request. */
export async function actorOf(user: SessionUser): Promise<Actor> {
  return { actorId: user.id, actor: user.email, ip: clientIp(await headers()) };
}
