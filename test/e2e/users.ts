import type { BrowserContext, Page } from 'playwright-core';
import type { Role } from '@/lib/auth/roles';
import { createPasswordUser } from '@/lib/auth/users';
import { openDb } from '@/lib/db/client';
import { readSeedFiles } from '@/lib/seed/files';
import { seedIfEmpty } from '@/lib/seed/seed';

export interface TestUser {
  email: string;
  password: string;
  role: Role;
}

/** One user of each role, with passwords that meet the policy. */
export const USERS = {
  admin: { email: 'admin@hedemora.test', password: 'Admin-lösenord-2026!', role: 'admin' },
  samordnare: { email: 'samordnare@hedemora.test', password: 'Samordnare-lösen-2026', role: 'coordinator' },
  lasare: { email: 'lasare@hedemora.test', password: 'Läsare-lösenord-2026', role: 'reader' },
} satisfies Record<string, TestUser>;

/**
 * Creates users in the database a server will be started on, through the same code as `npm run user:create`.
 * Run before startServer: a PGlite directory can only be open in one process at a time. A samordnare is one in a
 * kommun (the installation's first): the database is then seeded first, as the server would at start, from the
 * same DATA_IMPORTS_DIR the server is given.
 */
export async function createUsers(
  target: { PGLITE_DIR?: string; DATABASE_URL?: string; DATA_IMPORTS_DIR?: string },
  users: TestUser[],
): Promise<void> {
  const h = await openDb({ url: target.DATABASE_URL, pgliteDir: target.PGLITE_DIR });
  try {
    if (users.some((u) => u.role === 'coordinator')) {
      const before = process.env.DATA_IMPORTS_DIR;
      if (target.DATA_IMPORTS_DIR) process.env.DATA_IMPORTS_DIR = target.DATA_IMPORTS_DIR;
      try {
        const files = readSeedFiles();
        await seedIfEmpty(h.db, () => files);
      } finally {
        if (before === undefined) delete process.env.DATA_IMPORTS_DIR;
        else process.env.DATA_IMPORTS_DIR = before;
      }
    }
    for (const u of users) await createPasswordUser(h.db, u, { actorId: null, actor: 'testerna' });
  } finally {
    await h.close();
  }
}

/** Signs in over HTTP, as a script would, and returns the Cookie header value of the session. */
export async function sessionCookie(base: string, u: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email: u.email, password: u.password }),
  });
  if (!res.ok) throw new Error(`Inloggning som ${u.email} misslyckades: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** Signs in through the sign-in page, as a person would. */
export async function signInBrowser(page: Page, base: string, u: { email: string; password: string }, next = '/'): Promise<void> {
  await page.goto(`${base}/logga-in?nasta=${encodeURIComponent(next)}`);
  await page.getByLabel('E-postadress').fill(u.email);
  await page.getByLabel('Lösenord').fill(u.password);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/logga-in')),
    page.getByRole('button', { name: 'Logga in', exact: true }).click(),
  ]);
}

/** Replaces the browser's session with another user's, or with none: the page keeps showing what it showed. */
export async function switchSession(ctx: BrowserContext, base: string, cookie: string | null): Promise<void> {
  await ctx.clearCookies();
  if (!cookie) return;
  await ctx.addCookies(
    cookie.split('; ').map((pair) => {
      const i = pair.indexOf('=');
      return { name: pair.slice(0, i), value: pair.slice(i + 1), url: base };
    }),
  );
}
