import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser } from './browser';
import { importCsvThroughApi, ntuRowCsv, valueNotIn } from './import-api';
import { startServer, type Server } from './server';
import { sessionCookie, signInBrowser } from './users';
import { createDatabase } from '../helpers/db';

/*
 * Issue 17, part 2: two app servers (`npm start`) over one PostgreSQL, as behind a load balancer (same session
 * secret; each reached here on its own address). Nothing a request needs may live in only one of them:
 * - the first administrator is made on B with the one-time code A printed;
 * - an invitation made on A is opened on B, where the invited person sets a password and signs in;
 * - a value imported through A is on B's cached goal page within 2 s (the shared page cache, lib/cache/handler.mjs).
 */

const SHOTS = path.resolve('test-results');
const ADMIN = { email: 'admin@hedemora.test', name: 'Anna Admin', password: 'Två-instanser-admin-2026' };
const INVITED = { email: 'samordnare@hedemora.test', name: 'Sam Ordnare', password: 'Två-instanser-samordnare-2026' };
const GOAL_PAGE = '/mal/T-M1';

let browser: BrowserContext;
let drop: (() => Promise<void>) | undefined;
let a: Server;
let b: Server;

/** The one-time code a server printed at start. */
function printedCode(s: Server): string {
  const m = /engångskoden (\S+) \(finns också i/.exec(s.output());
  if (!m) throw new Error(`Ingen engångskod i utskriften:\n${s.output()}`);
  return m[1]!;
}

async function gotoHydrated(page: Page, url: string) {
  await page.goto(url);
  await page.locator('header li.account a').waitFor();
}

beforeAll(async () => {
  if (!process.env.DATABASE_URL) return;
  browser = await launchBrowser();
  const db = await createDatabase();
  drop = db.drop;
  // Behind one address in production; here the same secret and database, each on its own port. Started at once on
  // the empty database: one migrates and seeds while the other waits for it (lib/server-db.ts).
  const shared = { DATABASE_URL: db.url, PGLITE_DIR: undefined, BETTER_AUTH_SECRET: randomBytes(32).toString('base64url') };
  [a, b] = await Promise.all([startServer(shared), startServer(shared)]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await closeBrowser(browser);
  await drop?.();
});

describe.runIf(process.env.DATABASE_URL)('two app instances over one PostgreSQL', () => {
  it('the first administrator is made on B with the code A printed', async () => {
    await expect.poll(() => a.output(), { timeout: 30_000 }).toContain('engångskoden');
    await expect.poll(() => b.output(), { timeout: 30_000 }).toContain('engångskoden');
    const codeA = printedCode(a);
    expect(printedCode(b)).not.toBe(codeA);

    const page = await browser.newPage();
    await gotoHydrated(page, `${b.url}/forsta-start`);
    await page.getByLabel('Engångskod').fill(codeA);
    await page.getByLabel('E-postadress').fill(ADMIN.email);
    await page.getByLabel('Namn').fill(ADMIN.name);
    await page.getByLabel(/^Lösenord \(minst 12 tecken\)/).fill(ADMIN.password);
    await page.getByLabel('Upprepa lösenordet').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Skapa administratören' }).click();
    await page.waitForURL(/\/logga-in\?skapad=1/);
    // Both instances have closed the page now.
    expect((await page.goto(`${a.url}/forsta-start`))!.status()).toBe(404);
    expect((await page.goto(`${b.url}/forsta-start`))!.status()).toBe(404);
    await page.close();
  });

  it('an invitation made on A works on B: the invited person sets a password there and signs in', async () => {
    const page = await browser.newPage();
    await signInBrowser(page, a.url, ADMIN, '/admin/anvandare');
    await gotoHydrated(page, `${a.url}/admin/anvandare`);
    await page.getByLabel('E-postadress').fill(INVITED.email);
    await page.getByLabel('Namn', { exact: true }).fill(INVITED.name);
    await page.getByLabel('Roll', { exact: true }).selectOption('coordinator');
    await page.getByRole('button', { name: 'Bjud in' }).click();
    await page.getByText(`${INVITED.email} är inbjuden som samordnare`).waitFor();
    const link = await page.getByLabel('Inbjudningslänk').inputValue();
    expect(link.startsWith(`${a.url}/`)).toBe(true);
    await page.context().clearCookies();

    // The same link, opened on B.
    const onB = `${b.url}${link.slice(a.url.length)}`;
    await page.goto(onB);
    await page.waitForURL((u) => u.origin === b.url && u.pathname === '/konto/nytt-losenord' && u.searchParams.has('token'));
    await page.getByLabel('Nytt lösenord (minst 12 tecken)').fill(INVITED.password);
    await page.getByLabel('Upprepa lösenordet').fill(INVITED.password);
    await page.getByRole('button', { name: 'Spara lösenord' }).click();
    await page.getByText('Lösenordet är sparat.').waitFor();
    await signInBrowser(page, b.url, INVITED, '/konto');
    expect(new URL(page.url()).origin).toBe(b.url);
    expect(await page.locator('main').innerText()).toContain('Samordnare i Hedemora (2083) – ');
    await page.screenshot({ path: path.join(SHOTS, 'multi-instance-invited-on-b.png'), fullPage: true });
    await page.close();
  });

  it('a value imported through A is on B’s cached goal page within 2 s', async () => {
    const cookie = await sessionCookie(a.url, INVITED);
    // B renders the goal page and then serves it from its cache.
    await (await fetch(`${b.url}${GOAL_PAGE}`)).text();
    const cached = await fetch(`${b.url}${GOAL_PAGE}`);
    const before = await cached.text();
    expect(cached.status).toBe(200);
    expect(cached.headers.get('x-nextjs-cache')).toBe('HIT');

    // A value for Hedemora the page does not show yet.
    const shown = valueNotIn(before);
    await importCsvThroughApi(a.url, cookie, ntuRowCsv(shown, 'två instanser'), 'tva-instanser.csv');
    const committed = Date.now();

    let ms: number | null = null;
    while (Date.now() - committed < 10_000) {
      const html = await (await fetch(`${b.url}${GOAL_PAGE}`)).text();
      if (html.includes(shown)) {
        ms = Date.now() - committed;
        break;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    console.log(`Instans B visade det importerade värdet ${ms ?? 'inte inom 10 000'} ms efter importen genom A.`);
    expect(ms).not.toBeNull();
    expect(ms!).toBeLessThan(2000);
  });
});
