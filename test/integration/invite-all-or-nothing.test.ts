import { count, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { authFor, captureInviteLink, type Auth } from '@/lib/auth/server';
import { createPasswordUser, inviteUser } from '@/lib/auth/users';
import type { DbHandle } from '@/lib/db/client';
import * as s from '@/lib/db/schema';
import { readEnv } from '@/lib/env';
import { readSeedFiles } from '@/lib/seed/files';
import { seed } from '@/lib/seed/seed';
import { DRIVERS, freshDb } from '../helpers/db';

// The real invitation action runs here; only Next's request context is supplied (the request's headers with a real
// session cookie from better-auth), and 401/403 as errors the test can see.
const ctx = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({
  headers: async () => ctx.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {} }));
vi.mock('next/navigation', () => ({
  forbidden: () => {
    throw new Error('403');
  },
  unauthorized: () => {
    throw new Error('401');
  },
  redirect: (url: string) => {
    throw new Error(`redirect ${url}`);
  },
  notFound: () => {
    throw new Error('404');
  },
}));

const { inviteUserAction } = await import('@/app/admin/anvandare/actions');

const APP_URL = 'http://localhost:3000';
const env = readEnv({ NODE_ENV: 'test', APP_URL, BETTER_AUTH_SECRET: 'x'.repeat(40) } as NodeJS.ProcessEnv);
const PASSWORD = 'Rätt-lösenord-för-testet-2026';
const ADMIN = 'admin@dalarna.test';
const idle = { ok: null, message: null } as const;

function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

const g = globalThis as typeof globalThis & { __trygghetDb?: Promise<DbHandle>; __trygghetAuth?: Promise<Auth> };

describe.each(DRIVERS)('an invitation is all or nothing, on %s', (driver) => {
  let h: DbHandle;
  let auth: Auth;

  beforeAll(async () => {
    h = await freshDb(driver);
    await seed(h.db, readSeedFiles());
    auth = authFor(h.db, env);
    g.__trygghetDb = Promise.resolve(h);
    g.__trygghetAuth = Promise.resolve(auth);
    await createPasswordUser(h.db, { email: ADMIN, password: PASSWORD, role: 'admin' }, { actorId: null, actor: 'testerna' });
    const res = await auth.handler(
      new Request(`${APP_URL}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: APP_URL, 'x-forwarded-for': '10.77.0.1' },
        body: JSON.stringify({ email: ADMIN, password: PASSWORD }),
      }),
    );
    expect(res.status).toBe(200);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    ctx.headers = new Headers({ cookie, 'x-forwarded-for': '10.77.1.1', origin: APP_URL });
  }, 240_000);
  afterAll(async () => {
    g.__trygghetDb = undefined;
    g.__trygghetAuth = undefined;
    await h?.close();
  });

  /** Every row an invitation writes: users, accounts, sessions, links (verifications), roles and their change record. */
  const written = async () => {
    const n = async (table: typeof s.authUsers | typeof s.authAccounts | typeof s.authSessions | typeof s.authVerifications) =>
      Number((await h.db.select({ n: count() }).from(table))[0]!.n);
    return {
      users: await n(s.authUsers),
      accounts: await n(s.authAccounts),
      sessions: await n(s.authSessions),
      verifications: await n(s.authVerifications),
      memberships: (await h.db.select().from(s.memberships)).map((m) => `${m.userId} ${m.regionCode} ${m.role}`),
      audit: Number(
        (
          await h.db
            .select({ n: count() })
            .from(s.auditLog)
            .where(inArray(s.auditLog.action, ['user_invited', 'membership_added']))
        )[0]!.n,
      ),
    };
  };
  const userByEmail = async (email: string) => (await h.db.select().from(s.authUsers).where(eq(s.authUsers.email, email)))[0] ?? null;

  it('a change record the database refuses (a CHECK constraint) leaves no user, account, session, link or role behind', async () => {
    // The last write of the invitation fails in the database itself, after better-auth made the user and the link
    // (not valid: the constraint holds for new rows only; the administrator's own creation is recorded already).
    await h.db.execute(sql`alter table audit_log add constraint test_no_invites check (action <> 'user_invited') not valid`);
    try {
      const before = await written();
      const result = await inviteUserAction(idle, form({ email: 'halv@dalarna.test', role: 'samordnare', region: '2083' }));
      expect(result).toEqual({ ok: false, message: 'Inbjudan kunde inte skapas. Inget sparades.' });
      expect(await userByEmail('halv@dalarna.test')).toBeNull();
      expect(await written()).toEqual(before);
    } finally {
      await h.db.execute(sql`alter table audit_log drop constraint test_no_invites`);
    }
    // Nothing stands in the way of the same invitation now: the address is free again.
    const again = await inviteUserAction(idle, form({ email: 'halv@dalarna.test', role: 'samordnare', region: '2083' }));
    expect(again).toMatchObject({ ok: true, link: expect.stringContaining('/reset-password/') });
    const user = (await userByEmail('halv@dalarna.test'))!;
    expect((await h.db.select().from(s.memberships).where(eq(s.memberships.userId, user.id))).map((m) => [m.regionCode, m.role])).toEqual([
      ['2083', 'coordinator'],
    ]);
  });

  it('a role region deleted while the link is made removes the user and its link again, with a Swedish message', async () => {
    // A kommun code of the test's own, which nothing else refers to, deleted by a concurrent writer after the
    // invitation checked it and better-auth made the user and the link.
    await h.db.insert(s.regions).values({ code: '2099', name: 'Testkommun', shortName: 'Testkommun', kind: 'kommun', parentCode: '20' });
    const before = await written();
    let link: string | null = null;
    const err = await inviteUser(
      h.db,
      auth,
      { email: 'borta@dalarna.test', name: 'Borta', role: 'coordinator', region: '2099', password: PASSWORD },
      { actorId: null, actor: 'testerna' },
      async () => {
        link = await captureInviteLink('borta@dalarna.test', () =>
          auth.api.requestPasswordReset({ body: { email: 'borta@dalarna.test', redirectTo: '/konto/nytt-losenord' } }),
        );
        await h.db.delete(s.regions).where(eq(s.regions.code, '2099'));
        return link;
      },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe('Okänd region 2099.');
    // The link had been made (its verification row written) and is gone with the user.
    expect(link).toContain('/reset-password/');
    expect(await userByEmail('borta@dalarna.test')).toBeNull();
    expect(await written()).toEqual(before);
    const token = /\/reset-password\/([^?]+)/.exec(link!)![1]!;
    const reset = await auth.handler(
      new Request(`${APP_URL}/api/auth/reset-password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: APP_URL },
        body: JSON.stringify({ newPassword: PASSWORD, token }),
      }),
    );
    expect(reset.status).toBe(400);
  });
});
