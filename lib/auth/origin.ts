/**
 * Whether a request comes from another site (cross-site request forgery): the browser says so (Sec-Fetch-Site),
 * or its Origin is not the host it was sent to. Requests without Origin (curl, scripts) carry no victim's cookie
 * and are left to the session check. No imports: the proxy uses it too.
 */
export function isCrossSite(headers: Headers): boolean {
  if (headers.get('sec-fetch-site') === 'cross-site') return true;
  const origin = headers.get('origin');
  if (!origin) return false;
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    /* "null" or garbage */
  }
  return !host || originHost !== host;
}

export const CROSS_SITE_MESSAGE = 'Förfrågan kom från en annan webbplats och avvisades.';
