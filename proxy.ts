import { NextResponse, type NextRequest } from 'next/server';
import { hasSignedSessionCookie } from './lib/auth/cookie';
import { CROSS_SITE_MESSAGE, isCrossSite } from './lib/auth/origin';
import { embedCsp, isEmbedPath } from './lib/embed/csp';
import { isPublicDashboard } from './lib/public-dashboard.mjs';

/*
 * Runs before every page and API request, cached pages included (the import API excepted, see `config`):
 * - an address with control characters or broken percent-encoding gets 400 (no page or API accepts one);
 * - a server action posted from another site gets 403 with a Swedish sentence (Next's own check would answer 500);
 * - when the dashboard is not public (PUBLIC_DASHBOARD=false), nothing but the sign-in pages is served without
 *   a valid session. A session cookie this server did not sign is refused here without a lookup; a signed one
 *   is checked against the database through better-auth's own endpoint (a cached page never runs page code),
 *   which is exempt from better-auth's rate limit so that no visitor can spend a budget signed-in users need.
 *   Every answer is then `private, no-store`: a shared cache in front must never keep one;
 * - behind https (APP_URL https://…), Strict-Transport-Security;
 * - the embeds (/inbaddning/…) get their Content-Security-Policy here, with the frame-ancestors EMBED_ALLOWED_ORIGINS
 *   names (read at run time; next.config.ts gives every other page frame-ancestors 'none' and X-Frame-Options DENY).
 * The other security headers are static and set in next.config.ts.
 */
const OPEN_PATHS = [
  /^\/logga-in(\/|$)/,
  /^\/api\/auth\//,
  /^\/api\/health$/,
  /^\/konto\/nytt-losenord$/,
  /^\/forsta-start$/,
  /^\/robots\.txt$/,
  /^\/icon\.svg$/,
];

async function hasValidSession(request: NextRequest): Promise<boolean> {
  const cookie = request.headers.get('cookie');
  if (!(await hasSignedSessionCookie(cookie))) return false;
  try {
    const res = await fetch(new URL('/api/auth/get-session', request.nextUrl.origin), { headers: { cookie: cookie! }, cache: 'no-store' });
    if (!res.ok) return false;
    const body = (await res.json()) as { user?: { banned?: boolean | null } } | null;
    return Boolean(body?.user) && !body?.user?.banned;
  } catch {
    return false;
  }
}

/* eslint-disable no-control-regex -- matching control characters is the point */
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
/* eslint-enable no-control-regex */

/** Control characters (a NUL reaches PostgreSQL as an error) or percent-encoding that does not decode. */
function isHostilePath(pathname: string): boolean {
  try {
    return CONTROL_CHARS.test(decodeURIComponent(pathname));
  } catch {
    return true;
  }
}

function refusal(status: number, message: string): NextResponse {
  return NextResponse.json({ status: 'refused', message, issues: [] }, { status });
}

async function decide(request: NextRequest): Promise<NextResponse> {
  const path = request.nextUrl.pathname;
  if (isHostilePath(path)) return refusal(400, 'Ogiltig adress.');
  if (request.method === 'POST' && request.headers.has('next-action') && isCrossSite(request.headers))
    // Exactly text/plain: Next's client then throws the body as the error's message (app/error.tsx shows it).
    return new NextResponse(CROSS_SITE_MESSAGE, { status: 403, headers: { 'content-type': 'text/plain' } });
  if (isPublicDashboard(process.env.PUBLIC_DASHBOARD)) return NextResponse.next();
  let response: NextResponse;
  if (OPEN_PATHS.some((re) => re.test(path)) || (await hasValidSession(request))) {
    response = NextResponse.next();
  } else if (path.startsWith('/api/')) {
    response = refusal(401, 'Instrumentpanelen är inte offentlig: logga in för att läsa data.');
  } else {
    const to = new URL('/logga-in', request.nextUrl.origin);
    to.searchParams.set('nasta', path + request.nextUrl.search);
    response = NextResponse.redirect(to);
  }
  response.headers.set('Cache-Control', 'private, no-store');
  return response;
}

export async function proxy(request: NextRequest) {
  const response = await decide(request);
  if ((process.env.APP_URL ?? '').startsWith('https://')) {
    response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  }
  if (isEmbedPath(request.nextUrl.pathname)) response.headers.set('Content-Security-Policy', embedCsp(process.env));
  return response;
}

export const config = {
  // The import API checks its own session and role, and reads bodies up to IMPORT_MAX_MB: through the proxy, Next
  // would cut every body at the proxy's 10 MB buffer.
  matcher: ['/((?!_next/static|_next/image|api/import).*)'],
};
