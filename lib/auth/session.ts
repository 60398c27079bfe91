import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect, unauthorized } from 'next/navigation';
import { getDb } from '../server-db';
import { listMemberships } from './memberships';
import { CROSS_SITE_MESSAGE, isCrossSite } from './origin';
import { mayIn, mayInAnyKommun, roleAtLeast, roleName, type Membership, type Role } from './roles';
import { getAuth } from './server';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  /** The installation role: `admin` (everything everywhere) or `reader`; what they may do in a kommun is roleIn(). */
  role: 'reader' | 'admin';
  memberships: Membership[];
}

/** The signed-in, active user of a request with their memberships, or null. Never trusts anything but the database. */
export async function sessionUserFrom(h: Headers): Promise<SessionUser | null> {
  const auth = await getAuth();
  const s = await auth.api.getSession({ headers: h });
  if (!s || s.user.banned) return null;
  const role = s.user.role === 'admin' ? 'admin' : s.user.role === 'reader' ? 'reader' : null;
  if (!role) return null;
  const memberships = await listMemberships((await getDb()).db, s.user.id);
  return { id: s.user.id, email: s.user.email, name: s.user.name, role, memberships };
}

export async function currentUser(): Promise<SessionUser | null> {
  return sessionUserFrom(await headers());
}

/**
 * Which kommun a write touches: a kommunkod (read from the object in the database), `'any'` for what every kommun
 * shares (imports of public statistics: the role in some kommun suffices), or `'installation'` for the installation's
 * own administration (only the installation role counts).
 */
export type Scope = string | 'any' | 'installation';

/** Whether the user holds `role` in `scope`. An object not found (null kommun) needs the role in some kommun. */
export function holds(user: SessionUser, role: Role, scope: Scope | null): boolean {
  if (scope === 'installation') return roleAtLeast(user.role, role);
  if (scope === 'any' || scope === null) return mayInAnyKommun(user, role);
  return mayIn(user, role, scope);
}

/**
 * For server actions: the user if they hold `role` in `scope`, else the request ends with 401 (not signed in) or 403
 * (signed in without the role there). Called first in every action, whatever the UI showed.
 */
export async function requireRole(role: Role, scope: Scope | null): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) unauthorized();
  if (!holds(user, role, scope)) forbidden();
  return user;
}

/** requireRole in one kommun: the kommun of the object the action writes, as the database has it. */
export async function requireKommunRole(role: Role, kommunCode: string | null): Promise<SessionUser> {
  return requireRole(role, kommunCode);
}

/** For pages: as requireRole, but an anonymous visitor is sent to the sign-in page and brought back. */
export async function requirePageRole(role: Role, returnTo: string, scope: Scope | null = 'any'): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/logga-in?nasta=${encodeURIComponent(returnTo)}`);
  if (!holds(user, role, scope)) forbidden();
  return user;
}

function refusal(status: 401 | 403, message: string) {
  return Response.json({ status: 'refused', message, issues: [] }, { status });
}

/**
 * A browser form or fetch from another site must not act on a user's session (cross-site request forgery):
 * SameSite=Lax stops most, and this refuses the rest.
 */
export function crossSiteRefusal(request: Request): Response | null {
  return isCrossSite(request.headers) ? refusal(403, CROSS_SITE_MESSAGE) : null;
}

/** For route handlers that write: the user, or the Response that refuses them (403 cross-site, 401, 403). */
export async function authorizeWrite(request: Request, role: Role, scope: Scope | null): Promise<SessionUser | Response> {
  const cross = crossSiteRefusal(request);
  if (cross) return cross;
  const user = await sessionUserFrom(request.headers);
  if (!user) return refusal(401, 'Du måste logga in för att göra detta.');
  if (!holds(user, role, scope)) {
    const where =
      scope === 'any' || scope === null
        ? ' i någon kommun'
        : scope === 'installation'
          ? ' för hela installationen'
          : ` i kommunen ${scope}`;
    return refusal(403, `Du saknar behörighet: detta kräver rollen ${roleName(role)}${where}.`);
  }
  return user;
}
