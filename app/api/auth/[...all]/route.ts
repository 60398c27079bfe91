import { getAuth } from '@/lib/auth/server';

export const dynamic = 'force-dynamic';

/**
 * better-auth's own endpoints, except its admin endpoints (/api/auth/admin/…): those would change roles, ban
 * or impersonate past the app's rules (at least one administrator, every change in the change record). The
 * app calls them only from its own server actions (app/admin/anvandare), after its own checks.
 */
async function handle(request: Request) {
  if (/^\/api\/auth\/admin(\/|$)/.test(new URL(request.url).pathname)) {
    return Response.json(
      { status: 'refused', message: 'Användare hanteras på sidan Användare (/admin/anvandare).', issues: [] },
      { status: 403 },
    );
  }
  const auth = await getAuth();
  return auth.handler(request);
}

export { handle as GET, handle as POST };
