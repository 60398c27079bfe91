import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { authFor, type Auth } from '@/lib/auth/server';
import { createPasswordUser } from '@/lib/auth/users';
import type { Db, DbHandle } from '@/lib/db/client';
import * as s from '@/lib/db/schema';
import { readEnv } from '@/lib/env';
import { DRIVERS, freshDb } from '../helpers/db';

/*
 * Issue #15: a sign-in from an address the server does not know (APP_URL names another) is refused for its origin,
 * and says so — in the answer, on the console and in the change record — instead of "wrong password". These run
 * under vitest (TEST=true, NODE_ENV=test), where better-auth turns its origin check off unless told otherwise: they
 * fail if lib/auth/server.ts leaves disableOriginCheck to its default.
 */

const APP_URL = 'http://localhost:3000';
const FOREIGN = 'http://localhost:4123';
const env = readEnv({ NODE_ENV: 'test', APP_URL, BETTER_AUTH_SECRET: 'y'.repeat(40) } as NodeJS.ProcessEnv);
const PASSWORD = 'origin-test-lösenord-2026';

let nextIp = 1;
const newIp = () => `10.88.0.${nextIp++}`;

function signIn(auth: Auth, email: string, headers: Record<string, string>, password = PASSWORD): Promise<Response> {
  return auth.handler(
    new Request(`${APP_URL}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ email, password }),
    }),
  );
}

const hasSessionCookie = (res: Response) => res.headers.getSetCookie().some((c) => c.startsWith('tl.session_token='));

async function auditOf(db: Db, email: string) {
  return db
    .select({ action: s.auditLog.action, actor: s.auditLog.actor, ip: s.auditLog.ip, summary: s.auditLog.summary })
    .from(s.auditLog)
    .where(sql`lower(${s.auditLog.actor}) = lower(${email})`)
    .orderBy(s.auditLog.id);
}

it('runs where better-auth would skip the origin check by default (the premise of this file)', () => {
  expect(process.env.TEST === 'true' || process.env.NODE_ENV === 'test').toBe(true);
});

describe.each(DRIVERS)('a sign-in refused for its origin, on %s', (driver) => {
  let h: DbHandle;
  let auth: Auth;
  let users = 0;

  /** A new user per case, so each case reads only its own rows in the change record. */
  async function newUser(): Promise<string> {
    const email = `ursprung.${driver}.${users++}@hedemora.test`;
    await createPasswordUser(h.db, { email, role: 'reader', password: PASSWORD }, { actorId: null, actor: 'testerna' });
    return email;
  }

  beforeAll(async () => {
    h = await freshDb(driver);
    auth = authFor(h.db, env);
  });
  afterAll(async () => h?.close());
  afterEach(() => vi.restoreAllMocks());

  it('from a foreign origin, with the right password: 403, no session, a Swedish answer, the console and the change record say so', async () => {
    const email = await newUser();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const ip = newIp();
    const res = await signIn(auth, email, { origin: FOREIGN, 'x-forwarded-for': ip });
    expect(res.status).toBe(403);
    expect(hasSessionCookie(res)).toBe(false);
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe('INVALID_ORIGIN');
    expect(body.message).toBe(`Inloggningen kom från en adress som servern inte känner igen (${FOREIGN}). Lösenordet prövades inte.`);
    expect(warn.mock.calls.map((c) => String(c[0]))).toContain(
      `Trygghetsläget: inloggning avvisad: den kom från ${FOREIGN}, som servern inte känner igen (APP_URL=${APP_URL}). Sätt APP_URL till adressen användarna öppnar appen på.`,
    );
    const log = await auditOf(h.db, email);
    expect(log).toEqual([
      {
        action: 'sign_in_refused_origin',
        actor: email,
        ip,
        summary: `Inloggningen kom från adressen ${FOREIGN}, som servern inte känner igen (APP_URL är ${APP_URL}). Lösenordet prövades inte.`,
      },
    ]);
  });

  it('with a cookie from another app on the same host (refused before the sign-in endpoint runs): recorded just the same', async () => {
    const email = await newUser();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const ip = newIp();
    const res = await signIn(auth, email, { origin: FOREIGN, cookie: 'tl.session_token=gammal.kaka', 'x-forwarded-for': ip });
    expect(res.status).toBe(403);
    expect(hasSessionCookie(res)).toBe(false);
    expect(((await res.json()) as { code: string }).code).toBe('INVALID_ORIGIN');
    expect((await auditOf(h.db, email)).map((r) => [r.action, r.ip])).toEqual([['sign_in_refused_origin', ip]]);
  });

  it('a page on a foreign address that sends only a Referer is refused too', async () => {
    const email = await newUser();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const res = await signIn(auth, email, { referer: `${FOREIGN}/logga-in`, 'x-forwarded-for': newIp() });
    expect(res.status).toBe(403);
    expect(hasSessionCookie(res)).toBe(false);
    const [row] = await auditOf(h.db, email);
    expect(row?.action).toBe('sign_in_refused_origin');
    expect(row?.summary).toContain(`${FOREIGN}/logga-in`);
  });

  it('from APP_URL itself, or from this machine by another name on the same port: signed in, and no refusal recorded', async () => {
    for (const origin of [APP_URL, 'http://127.0.0.1:3000']) {
      const email = await newUser();
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const res = await signIn(auth, email, { origin, 'x-forwarded-for': newIp() });
      expect(res.status, origin).toBe(200);
      expect(hasSessionCookie(res)).toBe(true);
      expect((await auditOf(h.db, email)).map((r) => r.action)).toEqual(['sign_in']);
      expect(warn.mock.calls.map((c) => String(c[0])).filter((m) => m.includes('avvisad'))).toEqual([]);
    }
  });

  it('from APP_URL with a wrong password: 401 and a failed sign-in, not an origin refusal', async () => {
    const email = await newUser();
    const res = await signIn(auth, email, { origin: APP_URL, 'x-forwarded-for': newIp() }, 'fel-lösenord-helt-klart');
    expect(res.status).toBe(401);
    expect((await auditOf(h.db, email)).map((r) => r.action)).toEqual(['sign_in_failed']);
  });
});
