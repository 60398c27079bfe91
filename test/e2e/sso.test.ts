import path from 'node:path';
import Papa from 'papaparse';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { closeBrowser, launchBrowser } from './browser';
import { startOidcProvider, type LocalOidc } from './oidc-provider';
import { freePort, startServer, tempPgliteDir, type Server } from './server';
import { createUsers, sessionCookie, USERS } from './users';

/*
 * Single sign-on end to end: Chromium, the app (`npm start`) and a real OpenID Connect provider
 * (oidc-provider, started here) — sign-in page → provider login and consent → back, signed in.
 */

const SHOTS = path.resolve('test-results');
const ACCOUNTS = {
  anna: { email: 'anna.andersson@hedemora.test', name: 'Anna Andersson' },
  // The same address as an invited samordnare: SSO signs in to that user, role kept.
  sam: { email: USERS.samordnare.email, name: 'Sam Samordnare' },
  okand: { email: 'okand@hedemora.test', name: 'Okänd Person' },
};

let browser: BrowserContext;
let op: LocalOidc;
let server: Server;
let closedServer: Server | null = null;

async function ssoSignIn(page: Page, base: string, login: string) {
  await page.goto(`${base}/logga-in`);
  await page.getByRole('button', { name: 'Logga in med Hedemora kommuns konto' }).click();
  await page.getByRole('heading', { name: 'Sign-in' }).waitFor();
  expect(page.url()).toContain(op.issuer);
  await page.fill('input[name="login"]', login);
  await page.fill('input[name="password"]', 'vilket-som-helst');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('heading', { name: 'Authorize' }).waitFor();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((u) => u.origin === new URL(base).origin && !u.pathname.startsWith('/api/'));
}

beforeAll(async () => {
  browser = await launchBrowser();
  const port = await freePort();
  const closedPort = await freePort();
  op = await startOidcProvider({
    redirectUris: [`http://127.0.0.1:${port}/api/auth/callback/oidc`, `http://127.0.0.1:${closedPort}/api/auth/callback/oidc`],
    accounts: ACCOUNTS,
  });
  const pglite = tempPgliteDir();
  await createUsers({ PGLITE_DIR: pglite }, [USERS.admin, USERS.samordnare]);
  const oidcEnv = {
    OIDC_ISSUER: op.issuer,
    OIDC_CLIENT_ID: op.clientId,
    OIDC_CLIENT_SECRET: op.clientSecret,
    OIDC_NAME: 'Hedemora kommuns konto',
  };
  server = await startServer({ PGLITE_DIR: pglite, DATABASE_URL: undefined, ...oidcEnv }, { port });
  closedServer = await startServer(
    { PGLITE_DIR: tempPgliteDir(), DATABASE_URL: undefined, ...oidcEnv, OIDC_ALLOW_SIGNUP: 'false' },
    { port: closedPort },
  );
});
afterAll(async () => {
  await Promise.all([server?.stop(), closedServer?.stop()]);
  await op?.stop();
  await closeBrowser(browser);
});

describe('single sign-on through OpenID Connect', () => {
  it('signs a new person in through the provider, as läsare, and records it', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/logga-in`);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'sign-in-sso.png'), fullPage: true });
    await ssoSignIn(page, server.url, 'anna');
    await page.locator('header li.account a').filter({ hasText: ACCOUNTS.anna.email }).waitFor();
    await page.goto(`${server.url}/konto`);
    const main = await page.locator('main').innerText();
    expect(main).toContain('Anna Andersson');
    expect(main).toContain('Läsare – ');
    // A läsare may not import.
    await page.goto(`${server.url}/import`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Behörighet saknas');

    const admin = await sessionCookie(server.url, USERS.admin);
    const csv = await (await fetch(`${server.url}/admin/logg/export`, { headers: { cookie: admin } })).text();
    const rows = Papa.parse<string[]>(csv, { delimiter: ';' }).data;
    expect(rows.some((r) => r[1] === ACCOUNTS.anna.email && r[2] === 'Inloggning' && r[5]?.includes('enkel inloggning'))).toBe(true);
    await page.close();
  });

  it('signs an invited samordnare in to their existing user, with their role', async () => {
    await browser.clearCookies();
    const page = await browser.newPage();
    await ssoSignIn(page, server.url, 'sam');
    await page.goto(`${server.url}/import`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Importera data');
    const admin = await sessionCookie(server.url, USERS.admin);
    await browser.clearCookies();
    await browser.addCookies(
      admin.split('; ').map((p) => ({ name: p.split('=')[0]!, value: p.slice(p.indexOf('=') + 1), url: server.url })),
    );
    await page.goto(`${server.url}/admin/anvandare`);
    const row = await page.locator(`tr[data-user="${USERS.samordnare.email}"]`).innerText();
    expect(row).toContain('lösenord, enkel inloggning');
    await page.close();
  });

  it('with OIDC_ALLOW_SIGNUP=false, refuses a person nobody invited', async () => {
    await browser.clearCookies();
    const page = await browser.newPage();
    await ssoSignIn(page, closedServer!.url, 'okand');
    await page.waitForURL(/\/logga-in/);
    const alert = await page.locator('main [role="alert"]').innerText();
    expect(alert).toContain('Be en administratör att bjuda in dig');
    const session = await (await page.request.get(`${closedServer!.url}/api/auth/get-session`)).json();
    expect(session).toBeNull();
    await page.close();
  });
});
