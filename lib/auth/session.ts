import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect, unauthorized } from 'next/navigation';
import { CROSS_SITE_MESSAGE, isCrossSite } from './origin';
import { isRole, ROLE_LABELS, roleAtLeast, type Role } from './roles';
import { getAuth } from './server';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** The signed-in, active user of a request, or null. Never trusts anything but the session in the database. */
export async function sessionUserFrom(h: Headers): Promise<SessionUser | null> {
  const auth = await getAuth();
  const s = await auth.api.getSession({ headers: h });
  if (!s || s.user.banned || !isRole(s.user.role)) return null;
  return { id: s.user.id, email: s.user.email, name: s.user.name, role: s.user.role };
}

export async function currentUser(): Promise<SessionUser | null> {
  return sessionUserFrom(await headers());
}

/**
 * For server actions: the user if they hold `role`, else the request ends with 401 (not signed in) or
 * 403 (signed in without the role). Called first in every action, whatever the UI showed.
 */
export async function requireRole(role: Role): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) unauthorized();
  if (!roleAtLeast(user.role, role)) forbidden();
  return user;
}

/** For pages: as requireRole, but an anonymous visitor is sent to the sign-in page and brought back. */
export async function requirePageRole(role: Role, returnTo: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/logga-in?nasta=${encodeURIComponent(returnTo)}`);
  if (!roleAtLeast(user.role, role)) forbidden();
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
export async function authorizeWrite(request: Request, role: Role): Promise<SessionUser | Response> {
  const cross = crossSiteRefusal(request);
  if (cross) return cross;
  const user = await sessionUserFrom(request.headers);
  if (!user) return refusal(401, 'Du måste logga in för att göra detta.');
  if (!roleAtLeast(user.role, role)) return refusal(403, `Du saknar behörighet: detta kräver rollen ${ROLE_LABELS[role].toLowerCase()}.`);
  return user;
}
