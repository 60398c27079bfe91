'use client';

import { createAuthClient } from 'better-auth/client';

/** better-auth's browser client, on this origin's /api/auth. Used only by the sign-in and account pages. */
export const authClient = createAuthClient();

/** Swedish text for a failed auth call: the server's own message when it is ours, else by status. */
/** What a sign-in refused for its origin says: not a wrong password, but an address the server does not know. */
export function originRefusalText(origin: string | null): string {
  return `Inloggningen kom från en adress som servern inte känner igen (${origin ?? 'okänd adress'}); sätt APP_URL till den adressen i .env.local och starta om servern, eller ta bort APP_URL så gäller adressen du öppnar appen på. Lösenordet prövades inte.`;
}

export function authErrorText(err: { status?: number; message?: string; code?: string } | null | undefined, fallback: string): string {
  if (!err) return fallback;
  if (err.status === 429)
    return err.message && /[åäö]/i.test(err.message) ? err.message : 'För många försök. Vänta en stund och försök igen.';
  if (err.status === 401) return 'Fel e-postadress eller lösenord.';
  if (err.status === 403 && /origin/i.test(`${err.code ?? ''} ${err.message ?? ''}`))
    return originRefusalText(typeof window === 'undefined' ? null : window.location.origin);
  if (err.status === 403)
    return err.message && /[åäö]/i.test(err.message) ? err.message : 'Kontot får inte logga in. Kontakta en administratör.';
  if (err.status === 400 && err.message && /password/i.test(err.message)) return 'Lösenordet uppfyller inte kraven (minst 12 tecken).';
  return err.message && /[åäö]/i.test(err.message) ? err.message : fallback;
}

/** Characters a browser strips or reads as a slash in a URL, raw or percent-encoded: control characters, blanks and backslashes. */
/* eslint-disable no-control-regex -- matching control characters is the point */
const UNSAFE = /[\u0000-\u0020\u007f\\]/;
/* eslint-enable no-control-regex */

/**
 * Only a path on this site may be returned to after sign-in (no open redirect to another host): one leading
 * slash, no second slash or backslash after it, nothing a browser strips (tabs, line breaks) — in raw or
 * percent-encoded form — and it must still resolve to this origin. Anything else goes to the start page.
 */
export function safeReturnPath(v: string | null | undefined): string {
  if (!v || !v.startsWith('/')) return '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(v);
  } catch {
    return '/';
  }
  for (const form of [v, decoded]) {
    if (UNSAFE.test(form) || form.startsWith('//')) return '/';
  }
  const base = 'https://trygghet.invalid';
  const url = new URL(v, base);
  return url.origin === base ? v : '/';
}
