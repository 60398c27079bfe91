/*
 * What the proxy may know about a session cookie without asking the database: whether better-auth signed it.
 * Web Crypto only (no Node or better-auth imports), so that the proxy stays small.
 */

/** Used only outside production (next dev, tests that set none): production refuses to start without a secret. */
export const DEV_SECRET = 'trygghetslaget-utvecklingsnyckel-endast-lokalt-0123456789';

/** The secret sessions are signed with: BETTER_AUTH_SECRET, or the development key when none is set. */
export function sessionSecret(value: string | undefined = process.env.BETTER_AUTH_SECRET): string {
  return value?.trim() || DEV_SECRET;
}

const SESSION_COOKIE = /(?:^|;)\s*(?:__Secure-)?tl\.session_token=([^;]*)/g;

let cachedKey: { secret: string; key: Promise<CryptoKey> } | null = null;
function hmacKey(secret: string): Promise<CryptoKey> {
  if (cachedKey?.secret !== secret) {
    cachedKey = {
      secret,
      key: crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']),
    };
  }
  return cachedKey.key;
}

/** Whether a cookie value is `token.signature` with an HMAC-SHA-256 signature by `secret`, as better-auth sets it. */
export async function isSignedValue(raw: string, secret: string): Promise<boolean> {
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return false;
  }
  const dot = value.lastIndexOf('.');
  if (dot < 1) return false;
  const signature = value.slice(dot + 1);
  if (signature.length !== 44 || !signature.endsWith('=')) return false;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = Uint8Array.from(atob(signature), (c) => c.charCodeAt(0));
  } catch {
    return false;
  }
  return crypto.subtle.verify('HMAC', await hmacKey(secret), bytes, new TextEncoder().encode(value.slice(0, dot)));
}

/**
 * Whether a Cookie header carries a session cookie that this server signed. A forged or garbled cookie is
 * refused here, without a database lookup; a signed one may still belong to an ended session (checked after).
 */
export async function hasSignedSessionCookie(cookieHeader: string | null, secret: string = sessionSecret()): Promise<boolean> {
  if (!cookieHeader) return false;
  for (const m of cookieHeader.matchAll(SESSION_COOKIE)) {
    if (await isSignedValue(m[1]!.trim(), secret)) return true;
  }
  return false;
}
