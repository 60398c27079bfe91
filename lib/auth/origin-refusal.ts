import type { BetterAuthPlugin } from 'better-auth';
import { clientIp, writeAudit } from '../audit';
import type { Db } from '../db/client';
import type { Env } from '../env';

/** better-auth's refusals of a request from an origin it does not trust (not a wrong password). */
const ORIGIN_CODES = new Set(['INVALID_ORIGIN', 'MISSING_OR_NULL_ORIGIN']);

export function isOriginRefusal(err: unknown): boolean {
  if (!err || typeof err !== 'object' || !('body' in err)) return false;
  const code = (err.body as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && ORIGIN_CODES.has(code);
}

async function emailOf(request: Request): Promise<string> {
  const body = (await request.json().catch(() => null)) as { email?: unknown } | null;
  return typeof body?.email === 'string' ? body.email.trim() : '';
}

/**
 * Records a sign-in that better-auth refused for its origin (the browser was on an address APP_URL does not name):
 * in the change record, on the server's console, and as a Swedish answer. better-auth refuses it either in its
 * router (a request with cookies) or in the sign-in endpoint (without), and only the first reaches `hooks.after`:
 * the request and its response are paired here, around both, by the per-request context better-auth passes.
 */
export function originRefusalRecorder(db: Db, env: Pick<Env, 'APP_URL'>) {
  const attempts = new WeakMap<object, Request>();
  return {
    id: 'trygghet-origin-refusal' as const,
    onRequest: async (request, ctx) => {
      if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/sign-in/email')) attempts.set(ctx, request.clone());
    },
    onResponse: async (response, ctx) => {
      const request = attempts.get(ctx);
      attempts.delete(ctx);
      if (!request || response.status !== 403) return;
      const body = (await response
        .clone()
        .json()
        .catch(() => null)) as { code?: unknown } | null;
      if (!isOriginRefusal({ body })) return;
      const origin = request.headers.get('origin') ?? request.headers.get('referer') ?? 'okänd';
      const email = await emailOf(request);
      console.warn(
        `Trygghetsläget: inloggning avvisad: den kom från ${origin}, som servern inte känner igen (APP_URL=${env.APP_URL ?? 'osatt'}). Sätt APP_URL till adressen användarna öppnar appen på.`,
      );
      await writeAudit(db, {
        actorId: null,
        actor: email || 'okänd',
        action: 'sign_in_refused_origin',
        ip: clientIp(request.headers),
        summary: `Inloggningen kom från adressen ${origin}, som servern inte känner igen (APP_URL är ${env.APP_URL ?? 'inte satt'}). Lösenordet prövades inte.`,
      });
      const message = `Inloggningen kom från en adress som servern inte känner igen (${origin}). Lösenordet prövades inte.`;
      const headers = new Headers(response.headers);
      headers.delete('content-length');
      headers.set('content-type', 'application/json');
      return { response: new Response(JSON.stringify({ code: body?.code, message }), { status: 403, headers }) };
    },
  } satisfies BetterAuthPlugin;
}
