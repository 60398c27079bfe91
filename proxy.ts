import { NextResponse, type NextRequest } from 'next/server';

/*
 * Runs before every page and API request, cached pages included:
 * - when the dashboard is not public (PUBLIC_DASHBOARD=false), nothing but the sign-in pages is served without
 *   a valid session — checked against the database through better-auth's own endpoint, since a cached page
 *   never runs page code;
 * - behind https (APP_URL https://…), Strict-Transport-Security.
 * The other security headers are static and set in next.config.ts.
 */
const OPEN_PATHS = [/^\/logga-in(\/|$)/, /^\/api\/auth\//, /^\/api\/health$/, /^\/konto\/nytt-losenord$/, /^\/robots\.txt$/, /^\/icon\.svg$/];

function isPublicDashboard(): boolean {
  const v = (process.env.PUBLIC_DASHBOARD ?? '').trim().toLowerCase();
  return !['0', 'false', 'nej', 'off', 'no'].includes(v);
}

async function hasValidSession(request: NextRequest): Promise<boolean> {
  const cookie = request.headers.get('cookie');
  if (!cookie || !/tl[.-]session_token=|__Secure-tl\.session_token=/.test(cookie)) return false;
  try {
    const res = await fetch(new URL('/api/auth/get-session', request.nextUrl.origin), { headers: { cookie }, cache: 'no-store' });
    if (!res.ok) return false;
    const body = (await res.json()) as { user?: { banned?: boolean | null } } | null;
    return Boolean(body?.user) && !body?.user?.banned;
  } catch {
    return false;
  }
}

export async function proxy(request: NextRequest) {
  let response: NextResponse;
  const path = request.nextUrl.pathname;
  if (isPublicDashboard() || OPEN_PATHS.some((re) => re.test(path)) || (await hasValidSession(request))) {
    response = NextResponse.next();
  } else if (path.startsWith('/api/')) {
    response = NextResponse.json({ status: 'refused', message: 'Instrumentpanelen är inte offentlig: logga in för att läsa data.', issues: [] }, { status: 401 });
  } else {
    const to = new URL('/logga-in', request.nextUrl.origin);
    to.searchParams.set('nasta', path + request.nextUrl.search);
    response = NextResponse.redirect(to);
  }
  if ((process.env.APP_URL ?? '').startsWith('https://')) {
    response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  }
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image).*)'],
};
