import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMembership } from '@/lib/auth/memberships';
import { openDb } from '@/lib/db/client';
import { authUsers } from '@/lib/db/schema';
import { axeViolations } from './axe';
import { closeBrowser, launchBrowser } from './browser';
import { startServer, tempPgliteDir, type Server } from './server';
import { createUsers, signInBrowser } from './users';

/*
 * Addresses carry the kommun (/k/<kommunkod>/…). One server with Hedemora's plan and a second kommun's (Avesta,
 * 2084: the shipped plan under Avesta's code, made at run time like regional.test.ts does), and one with Hedemora's
 * alone, where `/` and the old addresses must keep working.
 */
const SHOTS = path.resolve('test-results');
const AVESTA_TITLE = 'Fiktiv testplan för Avesta kommun';
const HEDEMORA_TITLE = 'Åtgärdsplan för Hedemora kommuns brottsförebyggande arbete';

// A samordnare in Avesta only (a membership in 2084), created before the server starts.
const AVESTA_SAMORDNARE = {
  email: 'samordnare@avesta.test',
  password: 'Avesta-samordnare-2026',
  role: 'coordinator' as const,
  kommun: '2084',
};

// A samordnare in both kommuner (Hedemora, then Avesta added), and a regionsamordnare for Dalarnas län (a läsare
// with the regional role on län 20).
const BOTH_SAMORDNARE = {
  email: 'samordnare@bada.test',
  password: 'Bada-kommunerna-2026',
  role: 'coordinator' as const,
  kommun: '2083',
};
const REGIONSAMORDNARE = { email: 'region@dalarna.test', password: 'Regionsamordnare-2026', role: 'reader' as const };
// Avesta's administratör: a läsare to the installation, with the admin role in 2084 (given below).
const AVESTA_ADMIN = { email: 'admin@avesta.test', password: 'Avesta-administrator-2026', role: 'reader' as const };
// The installation's administrator (no kommun role: administratör everywhere).
const INSTALLATION_ADMIN = { email: 'admin@dalarna.test', password: 'Installationens-admin-2026', role: 'admin' as const };
/** A goal code in Avesta's plan only: Hedemora's V-M2 is Avesta's V-M9. */
const AVESTA_ONLY = 'V-M9';

let browser: BrowserContext;
let two: Server;
let one: Server;
let plansDir: string;

beforeAll(async () => {
  browser = await launchBrowser();
  plansDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-e2e-kommun-'));
  const plan = JSON.parse(fs.readFileSync(path.resolve('data-imports/plan/hedemora-2024.json'), 'utf8')) as {
    areas: { overallGoals: { code: string }[] }[];
  };
  plan.areas.flatMap((a) => a.overallGoals).find((g) => g.code === 'V-M2')!.code = AVESTA_ONLY;
  fs.writeFileSync(path.join(plansDir, 'avesta.json'), JSON.stringify({ ...plan, kommunCode: '2084', title: AVESTA_TITLE }));
  // The user's kommun must have its plan first: createUsers seeds from the same plans the server is given.
  const twoDir = tempPgliteDir();
  process.env.PLANS_DIR = plansDir;
  try {
    await createUsers({ PGLITE_DIR: twoDir }, [AVESTA_SAMORDNARE, BOTH_SAMORDNARE, REGIONSAMORDNARE, AVESTA_ADMIN, INSTALLATION_ADMIN]);
  } finally {
    delete process.env.PLANS_DIR;
  }
  const h = await openDb({ pgliteDir: twoDir });
  try {
    const idOf = async (email: string) =>
      (await h.db.select({ id: authUsers.id }).from(authUsers).where(eq(authUsers.email, email)))[0]!.id;
    const by = { actorId: null, actor: 'testerna' };
    await setMembership(h.db, { userId: await idOf(BOTH_SAMORDNARE.email), regionCode: '2084', role: 'coordinator' }, by);
    await setMembership(h.db, { userId: await idOf(REGIONSAMORDNARE.email), regionCode: '20', role: 'regional_coordinator' }, by);
    await setMembership(h.db, { userId: await idOf(AVESTA_ADMIN.email), regionCode: '2084', role: 'admin' }, by);
  } finally {
    await h.close();
  }
  [two, one] = await Promise.all([
    startServer({ PGLITE_DIR: twoDir, DATABASE_URL: undefined, PLANS_DIR: plansDir }),
    startServer({ PGLITE_DIR: tempPgliteDir(), DATABASE_URL: undefined }),
  ]);
});
afterAll(async () => {
  await Promise.all([two?.stop(), one?.stop()]);
  await closeBrowser(browser);
  fs.rmSync(plansDir, { recursive: true, force: true });
});

describe('two kommuner in one installation', () => {
  it.each([
    ['2083', HEDEMORA_TITLE, 'Hedemora'],
    ['2084', AVESTA_TITLE, 'Avesta'],
  ])("/k/%s shows that kommun's own plan, and its links and menu stay in the kommun", async (code, title, name) => {
    const page = await browser.newPage();
    const res = await page.goto(`${two.url}/k/${code}`);
    expect(res!.status()).toBe(200);
    expect(await page.locator('h1').innerText()).toBe(title);
    expect(await page.locator('.summary-lead').innerText()).toContain(`statistik för ${name} jämfört med`);
    const goalLinks = await page.locator('tr[data-summary-goal] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(goalLinks.length).toBeGreaterThan(3);
    for (const href of goalLinks) expect(href).toMatch(new RegExp(`^/k/${code}/mal/[A-Z]+-M\\d+$`));
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    expect(await nav.getByRole('link', { name: 'Översikt' }).getAttribute('href')).toBe(`/k/${code}`);
    expect(await nav.getByRole('link', { name: 'Översikt' }).getAttribute('aria-current')).toBe('page');
    expect(await nav.getByRole('link', { name: 'Indikatorer' }).getAttribute('href')).toBe(`/k/${code}/indikatorer`);
    // An area opened on the overview loads its cards from this kommun's data route.
    const details = page.locator('[data-area-detail="T"]');
    await details.locator('> summary').click();
    await details.locator('[data-goal-detail] a').first().waitFor();
    expect(await details.locator('[data-goal-detail] a').first().getAttribute('href')).toMatch(new RegExp(`^/k/${code}/mal/`));
    await page.close();
  });

  it("/k/2084/mal/N-M1 shows Avesta's values, not Hedemora's", async () => {
    const page = await browser.newPage();
    const summaries: Record<string, string[]> = {};
    for (const code of ['2083', '2084']) {
      expect((await page.goto(`${two.url}/k/${code}/mal/N-M1`))!.status()).toBe(200);
      await page.waitForSelector('[data-chart="indicator"] .recharts-line-curve', { state: 'attached' });
      summaries[code] = await page.locator('figure .chart-summary').allInnerTexts();
      expect(await page.getByRole('link', { name: 'Översikt' }).first().getAttribute('href')).toBe(`/k/${code}`);
    }
    const avesta = summaries['2084']!.join('\n');
    expect(avesta).toMatch(/Avesta: .+ \(\d{4}\)/);
    expect(avesta).not.toContain('Hedemora');
    expect(summaries['2083']!.join('\n')).toMatch(/Hedemora: .+ \(\d{4}\)/);
    // The same indicators, but the kommun's own values.
    expect(summaries['2084']!.length).toBe(summaries['2083']!.length);
    expect(summaries['2084']!.map((s) => s.replace(/Avesta/g, 'X'))).not.toEqual(
      summaries['2083']!.map((s) => s.replace(/Hedemora/g, 'X')),
    );
    await page.close();
  });

  it('answers 404 for a kommun without a plan here or a segment that is no kommun code', async () => {
    for (const p of ['/k/9999', '/k/2085', '/k/abcd', '/k/9999/mal/N-M1', '/k/2085/omrade/T', '/k/2085/omrade/T/data']) {
      expect((await fetch(`${two.url}${p}`)).status, p).toBe(404);
    }
  });

  it("a goal code only another kommun's plan has is not found: its page answers 404, its area's data and the goals API leave it out", async () => {
    const page = await browser.newPage();
    const missing = await page.goto(`${two.url}/k/2083/mal/${AVESTA_ONLY}`);
    expect(missing!.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('Sidan finns inte');
    // The same code is Avesta's goal page; Hedemora's own code is not Avesta's.
    expect((await page.goto(`${two.url}/k/2084/mal/${AVESTA_ONLY}`))!.status()).toBe(200);
    expect(await page.locator('h1').innerText()).toMatch(/^Övergripande mål: /);
    expect((await fetch(`${two.url}/k/2084/mal/V-M2`)).status).toBe(404);
    expect((await fetch(`${two.url}/k/2083/mal/V-M2`)).status).toBe(200);
    // The old address goes to the first kommun (Hedemora), where the code is no goal.
    const old = await fetch(`${two.url}/mal/${AVESTA_ONLY}`, { redirect: 'manual' });
    expect(old.headers.get('location')).toBe(`/k/2083/mal/${AVESTA_ONLY}`);
    expect((await fetch(new URL(old.headers.get('location')!, two.url))).status).toBe(404);

    const areaGoals = async (code: string) => {
      const res = await fetch(`${two.url}/k/${code}/omrade/V/data`);
      expect(res.status, code).toBe(200);
      return ((await res.json()) as { area: { goals: { code: string }[] } }).area.goals.map((g) => g.code);
    };
    expect(await areaGoals('2083')).toContain('V-M2');
    expect(await areaGoals('2083')).not.toContain(AVESTA_ONLY);
    expect(await areaGoals('2084')).toContain(AVESTA_ONLY);
    expect(await areaGoals('2084')).not.toContain('V-M2');
    // /api/v1/goals answers for the installation's first kommun, Hedemora, and for Avesta with ?kommun=2084.
    const api = (await (await fetch(`${two.url}/api/v1/goals`)).json()) as { goals: { code: string }[] };
    expect(api.goals.map((g) => g.code)).toContain('V-M2');
    expect(api.goals.map((g) => g.code)).not.toContain(AVESTA_ONLY);
    const avestaApi = (await (await fetch(`${two.url}/api/v1/goals?kommun=2084`)).json()) as { kommun: string; goals: { code: string }[] };
    expect(avestaApi.kommun).toBe('2084');
    expect(avestaApi.goals.map((g) => g.code)).toContain(AVESTA_ONLY);
    expect(avestaApi.goals.map((g) => g.code)).not.toContain('V-M2');
    // The indicator pages are per kommun too: each names its own kommun's goals, links within it and judges for it.
    for (const [code, own, other] of [
      ['2083', 'V-M2', AVESTA_ONLY],
      ['2084', AVESTA_ONLY, 'V-M2'],
    ] as const) {
      for (const url of [`/k/${code}/indikatorer/soc_stod_accepterat`, `/k/${code}/indikatorer`]) {
        await page.goto(`${two.url}${url}`);
        const goalLinks = await page.locator('main a[href*="/mal/V-M"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        expect(goalLinks, url).toContain(`/k/${code}/mal/${own}`);
        expect(
          goalLinks.filter((h) => !h!.startsWith(`/k/${code}/`)),
          url,
        ).toEqual([]);
        expect(await page.locator('main').innerText(), url).not.toContain(other);
        const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
        expect(await nav.getByRole('link', { name: 'Översikt' }).getAttribute('href'), url).toBe(`/k/${code}`);
      }
      const list = page.locator('table.indicator-list a[href*="/indikatorer/"]');
      for (const href of await list.evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
        expect(href).toMatch(new RegExp(`^/k/${code}/indikatorer/`));
      // The map on the indicator page marks the kommun of the address, not the installation's first.
      await page.goto(`${two.url}/k/${code}/indikatorer/bra_anm_narkotikabrott_100k`);
      const weight = (k: string) => page.locator(`#karta tr[data-kommun="${k}"] th`).evaluate((th) => getComputedStyle(th).fontWeight);
      expect(await weight(code)).toBe('700');
      expect(await weight(code === '2083' ? '2084' : '2083')).toBe('400');
      // So do the goal page's ranked bars.
      await page.goto(`${two.url}/k/${code}/mal/N-M1`);
      const bold = page.locator('[data-indicator="bra_anm_narkotikabrott_100k"] svg text[font-weight="700"]');
      expect(await bold.allTextContents()).toEqual([code === '2083' ? 'Hedemora' : 'Avesta']);
    }
    // The old address without the kommun is the first kommun's page; an embed may name the kommun.
    await page.goto(`${two.url}/indikatorer/soc_stod_accepterat?vy=tabell`);
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/k/2083/indikatorer/soc_stod_accepterat?vy=tabell');
    const embed = await page.goto(`${two.url}/inbaddning/karta/bra_anm_narkotikabrott_100k?kommun=2084`);
    expect(embed!.status()).toBe(200);
    expect(await page.locator('tr[data-kommun="2084"] th').evaluate((th) => getComputedStyle(th).fontWeight)).toBe('700');
    expect(await page.locator('a[href^="/k/2084/indikatorer/bra_anm_narkotikabrott_100k"]').count()).toBe(1);
    expect((await fetch(`${two.url}/inbaddning/karta/bra_anm_narkotikabrott_100k?kommun=2085`)).status).toBe(404);
    expect((await fetch(`${two.url}/k/2085/indikatorer`)).status).toBe(404);
    await page.close();
  });

  it.each([390, 1280])('`/` is a chooser between the kommuner and the regional view, axe clean at %d px', async (width) => {
    const page = await browser.newPage();
    await page.setViewportSize({ width, height: 900 });
    const res = await page.goto(`${two.url}/`);
    expect(res!.status()).toBe(200);
    expect(page.url()).toBe(`${two.url}/`);
    expect(await page.locator('h1').innerText()).toBe('Välj kommun');
    const choices = page.locator('[data-kommun-choice]');
    expect(await choices.evaluateAll((els) => els.map((e) => e.getAttribute('data-kommun-choice')))).toEqual(['2083', '2084']);
    expect(await choices.nth(1).innerText()).toContain(AVESTA_TITLE);
    expect(await page.getByRole('link', { name: 'Alla kommuner i Dalarnas län' }).getAttribute('href')).toBe('/lan/20');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, `kommun-chooser-${width}.png`), fullPage: true });
    await page.getByRole('link', { name: 'Avesta' }).click();
    await page.waitForURL(/\/k\/2084$/);
    expect(await page.locator('h1').innerText()).toBe(AVESTA_TITLE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${two.url}/k/2084/mal/N-M1`);
    await page.waitForSelector('[data-chart="indicator"] .recharts-line-curve', { state: 'attached' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, `kommun-2084-goal-${width}.png`) });
    await page.close();
  });

  it("an Avesta samordnare edits Avesta's goal on /k/2084/plan; Hedemora's goal stays, and Hedemora's plan page offers them no form", async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 900 });
    const goal = (code: string) => page.goto(`${two.url}/k/${code}/mal/N-M1`).then(() => page.locator('h1').innerText());
    const hedemoraBefore = await goal('2083');
    expect(await goal('2084')).toBe(hedemoraBefore); // the same plan text under both codes, to begin with

    await signInBrowser(page, two.url, AVESTA_SAMORDNARE, '/k/2084/plan');
    expect(new URL(page.url()).pathname).toBe('/k/2084/plan');
    // Hydrated (the account link fills in once React runs; on a phone it sits in the closed menu): the form then
    // submits through its server action.
    await page.locator('header li.account a').waitFor({ state: 'attached' });
    const section = page.locator('section.goal[data-goal="N-M1"]');
    await section.getByText('Ändra målet N-M1').click();
    const text = 'Avestas eget övergripande mål, ändrat på Avestas plansida.';
    await section.getByLabel('Mål', { exact: true }).fill(text);
    await section.getByRole('button', { name: 'Spara målet' }).click();
    await section.getByText('Målet N-M1 är sparat.').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'kommun-2084-plan-goal-saved-390.png') });

    expect(await goal('2084')).toBe(`Övergripande mål: ${text}`);
    expect(await goal('2083')).toBe(hedemoraBefore);

    // On Hedemora's plan page they are a reader: no form to change a goal, link or plan.
    expect((await page.goto(`${two.url}/k/2083/plan`))!.status()).toBe(200);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('section.goal[data-goal="N-M1"]').count()).toBe(1);
    expect(await page.getByText('Ändra målet N-M1').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Spara målet' }).count()).toBe(0);
    expect(await page.locator('main form').count()).toBe(0);
    await page.close();
  });

  /** What a signed-in user is offered on a page: its status, and whether it has the goal form, the review button, the upload. */
  async function offered(page: Page, url: string) {
    const res = await page.goto(`${two.url}${url}`);
    await page.locator('header li.account a').waitFor({ state: 'attached' });
    return {
      status: res!.status(),
      goalForm: await page.getByText('Ändra målet N-M1').count(),
      openReview: await page.getByRole('button', { name: 'Öppna uppföljningen och frys bedömningarna' }).count(),
      upload: (await page.locator('main input[type="file"]').count()) > 0,
    };
  }

  it('a samordnare in both kommuner may edit in both; a regionsamordnare reads every kommun and the län, and edits nothing', async () => {
    await browser.clearCookies();
    const page = await browser.newPage();
    await signInBrowser(page, two.url, BOTH_SAMORDNARE, '/konto');
    const roles = await page.locator('dd[data-membership]').allInnerTexts();
    expect(roles.map((r) => r.split(' –')[0])).toEqual(['Samordnare i Avesta (2084)', 'Samordnare i Hedemora (2083)']);
    for (const code of ['2083', '2084']) {
      expect(await offered(page, `/k/${code}/plan`), code).toMatchObject({ status: 200, goalForm: 1 });
      expect(await offered(page, `/k/${code}/uppfoljning`), code).toMatchObject({ status: 200, openReview: 1 });
    }
    expect(await offered(page, '/import')).toMatchObject({ status: 200, upload: true });
    expect((await offered(page, '/admin/anvandare')).status).toBe(403);
    await page.close();

    await browser.clearCookies();
    const region = await browser.newPage();
    await signInBrowser(region, two.url, REGIONSAMORDNARE, '/konto');
    expect((await region.locator('dd[data-membership]').allInnerTexts()).map((r) => r.split(' –')[0])).toEqual([
      'Regionsamordnare i Dalarnas län (20)',
    ]);
    // The regional view: both kommuner with a plan, each linked to its own pages.
    expect((await region.goto(`${two.url}/lan/20`))!.status()).toBe(200);
    for (const code of ['2083', '2084']) expect(await region.locator(`main a[href="/k/${code}"]`).count(), code).toBeGreaterThan(0);
    expect(await axeViolations(region)).toEqual([]);
    for (const code of ['2083', '2084']) {
      expect(await offered(region, `/k/${code}/plan`), code).toEqual({ status: 200, goalForm: 0, openReview: 0, upload: false });
      expect(await offered(region, `/k/${code}/uppfoljning`), code).toEqual({ status: 200, goalForm: 0, openReview: 0, upload: false });
      expect(await region.locator('main form').count(), code).toBe(0);
    }
    expect((await offered(region, '/import')).status).toBe(403);
    expect((await offered(region, '/admin/anvandare')).status).toBe(403);
    await region.screenshot({ path: path.join(SHOTS, 'kommun-regionsamordnare-import-403.png') });
    await region.close();
  });

  it("Avesta's administratör is offered invitations into Avesta only, and invites a samordnare there", async () => {
    await browser.clearCookies();
    const page = await browser.newPage();
    await signInBrowser(page, two.url, AVESTA_ADMIN, '/admin/anvandare');
    expect(new URL(page.url()).pathname).toBe('/admin/anvandare');
    await page.locator('header li.account a').waitFor({ state: 'attached' });
    const form = page.locator('form.invite');
    expect(await form.count()).toBe(1);
    const values = (select: string) => form.locator(`${select} option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    // Only their kommun, no län; läsare and samordnare, not the installation's administratör nor regionsamordnare.
    expect(await values('#invite-region')).toEqual(['2084']);
    expect(await values('#invite-role')).toEqual(['reader', 'coordinator']);
    expect(await page.getByText('Du bjuder in till Avesta (2084).').count()).toBe(1);
    // The roles they may give to others are in Avesta only, too.
    const regionsOffered = await page
      .locator('main table select[name="region"]')
      .evaluateAll((ss) => [...new Set(ss.flatMap((s) => [...(s as HTMLSelectElement).options].map((o) => o.value)))]);
    expect(regionsOffered).toEqual(['2084']);
    const rolesOffered = await page
      .locator('main table select[name="role"]')
      .evaluateAll((ss) => [...new Set(ss.flatMap((s) => [...(s as HTMLSelectElement).options].map((o) => o.value)))]);
    expect(rolesOffered).toEqual(['reader', 'coordinator', 'admin']);
    // The "Roll" column names every role a user holds, in every kommun and län, as /konto does.
    const rolesOf = (email: string) => page.locator(`tr[data-user="${email}"] [data-roles] li`).allInnerTexts();
    expect(await rolesOf(BOTH_SAMORDNARE.email)).toEqual(['Samordnare i Avesta (2084)', 'Samordnare i Hedemora (2083)']);
    expect(await rolesOf(REGIONSAMORDNARE.email)).toEqual(['Regionsamordnare i Dalarnas län (20)']);
    expect(await rolesOf(AVESTA_ADMIN.email)).toEqual(['Administratör i Avesta (2084)']);
    expect(await rolesOf(INSTALLATION_ADMIN.email)).toEqual(['Administratör för installationen']);
    expect(await axeViolations(page)).toEqual([]);

    await form.getByLabel('E-postadress').fill('ny.samordnare@avesta.test');
    await form.getByLabel('Roll', { exact: true }).selectOption('coordinator');
    await form.getByRole('button', { name: 'Bjud in' }).click();
    await page.getByText('ny.samordnare@avesta.test är inbjuden som samordnare').waitFor();
    expect(await page.getByLabel('Inbjudningslänk').inputValue()).toContain('/reset-password/');
    await page.screenshot({ path: path.join(SHOTS, 'kommun-admin-invite.png'), fullPage: true });
    await page.goto(`${two.url}/admin/anvandare`);
    expect(await page.locator('tr[data-user="ny.samordnare@avesta.test"]').innerText()).toContain('Samordnare i Avesta (2084)');
    await page.close();
  });

  it("sends an old address to the first kommun's same page, the query string kept", async () => {
    const res = await fetch(`${two.url}/mal/N-M1?x=1`, { redirect: 'manual' });
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe('/k/2083/mal/N-M1?x=1');
  });
});

describe('one kommun: today’s addresses keep working', () => {
  it("`/` is Hedemora's overview, and /mal/N-M1 reaches /k/2083/mal/N-M1", async () => {
    const page = await browser.newPage();
    expect((await page.goto(`${one.url}/`))!.status()).toBe(200);
    expect(page.url()).toBe(`${one.url}/`);
    expect(await page.locator('h1').innerText()).toBe(HEDEMORA_TITLE);
    expect(await page.locator('tr[data-summary-goal="N-M1"] a').getAttribute('href')).toBe('/k/2083/mal/N-M1');
    expect((await page.goto(`${one.url}/mal/N-M1`))!.status()).toBe(200);
    expect(page.url()).toBe(`${one.url}/k/2083/mal/N-M1`);
    expect(await page.locator('h1').innerText()).toMatch(/^Övergripande mål: /);
    const old = await fetch(`${one.url}/oversikt/omrade/N?a=b`, { redirect: 'manual' });
    expect(old.status).toBe(307);
    expect(old.headers.get('location')).toBe('/k/2083/omrade/N?a=b');
    await page.close();
  });
});
