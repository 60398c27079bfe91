import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { CHROMIUM, closeBrowser, launchBrowser } from './browser';
import { startServer, tempPgliteDir, type Server } from './server';
import { createUsers, sessionCookie, switchSession, USERS, type TestUser } from './users';

/*
 * Issue #15: the destructive actions — removing a goal ↔ indicator link, undoing an import, deactivating a user,
 * deciding a review — ask first (a step the server renders, so it works without JavaScript), say afterwards what
 * happened by name, and can be undone where that makes sense. A post without the confirmation is refused.
 */

const SHOTS = path.resolve('test-results');
const OTHER: TestUser = { email: 'kollega@hedemora.test', password: 'Kollega-lösenord-2026', role: 'reader' };

let browser: BrowserContext;
/** The same Chromium with JavaScript off: every step must work as plain links and forms. */
let noJs: BrowserContext;
let server: Server;
const cookies: Record<'admin' | 'samordnare', string> = { admin: '', samordnare: '' };

async function launchWithoutJs(): Promise<BrowserContext> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-nojs-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
    locale: 'sv-SE',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Loads a page and, with JavaScript, waits until React has hydrated it (its forms then post through their actions). */
async function open(page: Page, url: string) {
  await page.goto(url);
  if (page.context() === browser) await page.locator('header li.account a').waitFor();
}

/** Takes the confirmation token out of the step's form, or replaces it: what a script posting directly would send. */
async function tamper(page: Page, value: string | null) {
  await page.evaluate((v) => {
    const input = document.querySelector<HTMLInputElement>('#bekrafta input[name="bekraftelse"]')!;
    if (v === null) input.remove();
    else input.value = v;
  }, value);
}

const csv = (name: string, value: string) =>
  new File(
    [
      `indikator;region;period;kön;grupp;värde;ki_låg;ki_hög;n;status;kommentar\r\nntu_otrygg_kvall;2083;2025–2026;;;${value};25,0;35,0;211;;\r\n`,
    ],
    name,
    { type: 'text/csv' },
  );

async function importFile(file: File): Promise<number> {
  const post = async (confirm?: string) => {
    const form = new FormData();
    form.set('file', file);
    if (confirm) {
      form.set('confirm', '1');
      form.set('sha256', confirm);
    }
    return fetch(`${server.url}/api/import`, { method: 'POST', body: form, headers: { cookie: cookies.samordnare } });
  };
  const { sha256 } = (await (await post()).json()) as { sha256: string };
  return ((await (await post(sha256)).json()) as { importId: number }).importId;
}

async function hedemora2025(): Promise<number | null> {
  const body = (await (await fetch(`${server.url}/api/v1/indicators/ntu_otrygg_kvall/observations?regions=2083`)).json()) as {
    observations: { period: string; value: number | null }[];
  };
  return body.observations.find((o) => o.period === '2025–2026')?.value ?? null;
}

async function signInWorks(u: TestUser): Promise<boolean> {
  const res = await fetch(`${server.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email: u.email, password: u.password }),
  });
  return res.ok;
}

beforeAll(async () => {
  browser = await launchBrowser();
  noJs = await launchWithoutJs();
  const pglite = tempPgliteDir();
  await createUsers({ PGLITE_DIR: pglite }, [USERS.admin, USERS.samordnare, OTHER]);
  server = await startServer({ PGLITE_DIR: pglite, DATABASE_URL: undefined });
  cookies.admin = await sessionCookie(server.url, USERS.admin);
  cookies.samordnare = await sessionCookie(server.url, USERS.samordnare);
});
afterAll(async () => {
  await server?.stop();
  await closeBrowser(noJs);
  await closeBrowser(browser);
});

describe.each([
  ['med JavaScript', () => browser],
  ['utan JavaScript', () => noJs],
] as const)('removing a goal ↔ indicator link (%s)', (how, ctxOf) => {
  it('asks, can be cancelled, refuses a post without the confirmation, says what was removed by name, and is undone in one click', async () => {
    const ctx = ctxOf();
    const js = ctx === browser;
    await switchSession(ctx, server.url, cookies.samordnare);
    const page = await ctx.newPage();
    await open(page, `${server.url}/plan`);
    // The goal's first link: its name, and the row as the table shows it (role, baseline, target, breakdown).
    const row = page.locator('section.goal[data-goal] tr[data-link]').nth(js ? 0 : 1);
    const indicator = (await row.getAttribute('data-link'))!;
    const goal = (await row.locator('xpath=ancestor::section[@data-goal][1]').getAttribute('data-goal'))!;
    const name = (await row.locator('th').innerText()).trim();
    const rowText = await row.innerText();
    const linkRow = () => page.locator(`section.goal[data-goal="${goal}"] tr[data-link="${indicator}"]`);

    // 1. Ta bort → the confirmation step names the indicator and the goal; nothing is removed yet.
    const removeLink = page.getByRole('link', { name: `Ta bort ${name} från ${goal}`, exact: true });
    await removeLink.click();
    const step = page.locator('#bekrafta');
    await step.waitFor();
    expect(await step.getByRole('heading').innerText()).toBe(`Ta bort ${name} från målet ${goal}?`);
    expect(await step.innerText()).toMatch(/Efteråt kan du ångra med ett klick/);
    expect(await linkRow().count()).toBe(1);
    if (js) {
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, 'confirm-plan-link.png') });
    }

    // 2. Avbryt: back to the plan, the link still there, no step.
    await step.getByRole('link', { name: 'Avbryt' }).click();
    await page.waitForURL((u) => !u.search.includes('ta-bort'));
    expect(await page.locator('#bekrafta').count()).toBe(0);
    expect(await linkRow().count()).toBe(1);

    // 3. A post without the confirmation token (or with a made-up one) is refused by the server.
    if (js) {
      for (const forged of [null, 'ja']) {
        await removeLink.click();
        await step.waitFor();
        await tamper(page, forged);
        await step.getByRole('button', { name: 'Ja, ta bort' }).click();
        await page.getByRole('alert').filter({ hasText: 'Bekräfta först' }).waitFor();
        await open(page, `${server.url}/plan`);
        expect(await linkRow().count(), String(forged)).toBe(1);
      }
    }

    // 4. Ja, ta bort: the link is gone and the page says so by name.
    await removeLink.click();
    await step.getByRole('button', { name: 'Ja, ta bort' }).click();
    const status = page.locator('#resultat[role="status"]');
    await status.waitFor();
    expect(await status.innerText()).toContain(`Måttet ${name} är borttaget från målet ${goal}`);
    expect(await linkRow().count()).toBe(0);
    if (js) {
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, 'confirm-plan-link-removed.png') });
    }

    // 5. Ångra: the link is back exactly as it was.
    await status.getByRole('button', { name: `Ångra: koppla tillbaka ${name} till ${goal}` }).click();
    await page.getByText(`Måttet ${name} är kopplat till målet ${goal} igen`).waitFor();
    expect(await linkRow().innerText()).toBe(rowText);
    await page.close();
  });
});

describe('undoing an import', () => {
  it('asks with the file and what it changes, can be cancelled, refuses a post without the confirmation, and says it was undone', async () => {
    const before = await hedemora2025();
    const importId = await importFile(csv('ångra-mig.csv', '33,6'));
    expect(await hedemora2025()).toBe(33.6);
    await switchSession(browser, server.url, cookies.samordnare);
    const page = await browser.newPage();
    const url = `${server.url}/import/historik/${importId}`;
    await open(page, url);
    await page.getByRole('link', { name: 'Ångra importen' }).click();
    const step = page.locator('#bekrafta');
    expect(await step.getByRole('heading').innerText()).toBe(`Ångra import nr ${importId} (ångra-mig.csv)?`);
    // The import replaced Hedemora's 2025–2026 value if there was one, else it added it: the step says which.
    const [changed, added] = before === null ? [0, 1] : [1, 0];
    expect(await step.innerText()).toMatch(
      new RegExp(
        `De ${changed} värden importen ändrade får tillbaka sina tidigare värden, och de ${added} värden den lade\\s+till tas bort`,
      ),
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'confirm-import-undo.png') });

    await step.getByRole('link', { name: 'Avbryt' }).click();
    await page.waitForURL(url);
    expect(await page.locator('main').innerText()).toContain('Gäller');

    await page.getByRole('link', { name: 'Ångra importen' }).click();
    await step.waitFor();
    await tamper(page, null);
    await step.getByRole('button', { name: 'Ja, ångra importen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Bekräfta först' }).waitFor();
    expect(await hedemora2025()).toBe(33.6);

    // A fresh page (a new token field): only the address's hash would differ from this one, so load the import itself.
    await open(page, url);
    await page.getByRole('link', { name: 'Ångra importen' }).click();
    await step.getByRole('button', { name: 'Ja, ångra importen' }).click();
    const status = page.getByRole('status').filter({ hasText: 'är ångrad' });
    await status.waitFor();
    expect(await status.innerText()).toContain(`Import nr ${importId} (ångra-mig.csv) är ångrad`);
    expect(await hedemora2025()).toBe(before);
    expect(await page.getByRole('link', { name: 'Ångra importen' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('works without JavaScript', async () => {
    const before = await hedemora2025();
    const importId = await importFile(csv('utan-js.csv', '34,7'));
    await switchSession(noJs, server.url, cookies.samordnare);
    const page = await noJs.newPage();
    await page.goto(`${server.url}/import/historik/${importId}`);
    await page.getByRole('link', { name: 'Ångra importen' }).click();
    await page.getByRole('button', { name: 'Ja, ångra importen' }).click();
    await page.getByText(`Import nr ${importId} (utan-js.csv) är ångrad`).waitFor();
    expect(await hedemora2025()).toBe(before);
    await page.close();
  });
});

describe('deactivating a user', () => {
  it('asks with the person named, can be cancelled, refuses a post without the confirmation, says so, and is undone by reactivating', async () => {
    await switchSession(browser, server.url, cookies.admin);
    const page = await browser.newPage();
    await open(page, `${server.url}/admin/anvandare`);
    const deactivate = page.getByRole('link', { name: `Inaktivera ${OTHER.email}`, exact: true });
    await deactivate.click();
    const step = page.locator('#bekrafta');
    expect(await step.getByRole('heading').innerText()).toBe(`Inaktivera ${OTHER.email}?`);
    expect(await step.innerText()).toContain('Hen loggas ut direkt');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'confirm-user-deactivate.png') });

    await step.getByRole('link', { name: 'Avbryt' }).click();
    await page.waitForURL(`${server.url}/admin/anvandare`);
    expect(await page.locator(`tr[data-user="${OTHER.email}"]`).innerText()).toContain('Aktiv');

    await deactivate.click();
    await step.waitFor();
    await tamper(page, 'ja');
    await step.getByRole('button', { name: 'Ja, inaktivera' }).click();
    await page.getByRole('alert').filter({ hasText: 'Bekräfta först' }).waitFor();
    expect(await signInWorks(OTHER)).toBe(true);

    await open(page, `${server.url}/admin/anvandare`);
    await deactivate.click();
    await step.getByRole('button', { name: 'Ja, inaktivera' }).click();
    const status = page.locator('#resultat[role="status"]');
    await status.waitFor();
    expect(await status.innerText()).toContain(`${OTHER.email} är inaktiverad och utloggad`);
    expect(await page.locator(`tr[data-user="${OTHER.email}"]`).innerText()).toContain('Inaktiverad');
    expect(await signInWorks(OTHER)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);

    await status.getByRole('button', { name: `Ångra: återaktivera ${OTHER.email}` }).click();
    await page.getByText(`${OTHER.email} är aktiv igen och kan logga in.`).waitFor();
    expect(await page.locator(`tr[data-user="${OTHER.email}"]`).innerText()).toContain('Aktiv');
    expect(await signInWorks(OTHER)).toBe(true);
    await page.close();
  });

  it('works without JavaScript, the undo too', async () => {
    await switchSession(noJs, server.url, cookies.admin);
    const page = await noJs.newPage();
    await page.goto(`${server.url}/admin/anvandare`);
    await page.getByRole('link', { name: `Inaktivera ${OTHER.email}`, exact: true }).click();
    await page.getByRole('button', { name: 'Ja, inaktivera' }).click();
    await page.getByText(`${OTHER.email} är inaktiverad och utloggad`).waitFor();
    expect(await signInWorks(OTHER)).toBe(false);
    await page.getByRole('button', { name: `Ångra: återaktivera ${OTHER.email}` }).click();
    await page.getByText(`${OTHER.email} är aktiv igen och kan logga in.`).waitFor();
    expect(await signInWorks(OTHER)).toBe(true);
    await page.close();
  });
});

describe('deciding a review', () => {
  it('asks with what it locks and that it cannot be undone, can be cancelled, refuses a post without the confirmation, and says it is decided', async () => {
    await switchSession(browser, server.url, cookies.samordnare);
    const page = await browser.newPage();
    await open(page, `${server.url}/uppfoljning`);
    await page.getByRole('button', { name: 'Öppna uppföljningen och frys bedömningarna' }).click();
    await page.waitForURL(/\/uppfoljning\/\d{4}$/);
    const reviewUrl = page.url();
    const year = reviewUrl.split('/').pop()!;
    await page.locator('header li.account a').waitFor();

    await page.getByRole('link', { name: 'Markera som beslutad' }).click();
    const step = page.locator('#bekrafta');
    expect(await step.getByRole('heading').innerText()).toBe(`Markera uppföljningen ${year} som beslutad?`);
    const text = await step.innerText();
    expect(text).toContain('Det går inte att ångra');
    expect(text).toMatch(/\(0 av \d+ mål bedömda\)/);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'confirm-review-decide.png') });

    await step.getByRole('link', { name: 'Avbryt' }).click();
    await page.waitForURL((u) => !u.search.includes('beslut='));
    expect(await page.locator('[data-review-status]').getAttribute('data-review-status')).toBe('open');

    await page.getByRole('link', { name: 'Markera som beslutad' }).click();
    await step.waitFor();
    await tamper(page, null);
    await step.getByRole('button', { name: 'Ja, markera som beslutad' }).click();
    await page.getByRole('alert').filter({ hasText: 'Bekräfta först' }).waitFor();
    await open(page, reviewUrl);
    expect(await page.locator('[data-review-status]').getAttribute('data-review-status')).toBe('open');

    await page.getByRole('link', { name: 'Markera som beslutad' }).click();
    await step.getByRole('button', { name: 'Ja, markera som beslutad' }).click();
    const status = page.getByRole('status').filter({ hasText: 'är beslutad och låst' });
    await status.waitFor();
    expect(await status.innerText()).toContain(`Uppföljningen ${year} är beslutad och låst av ${USERS.samordnare.email}`);
    expect(await page.locator('[data-review-status]').getAttribute('data-review-status')).toBe('decided');
    expect(await page.getByRole('link', { name: 'Markera som beslutad' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
