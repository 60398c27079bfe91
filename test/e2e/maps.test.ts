import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { closeBrowser, launchBrowser } from './browser';
import { startServer, tempPgliteDir, type Server } from './server';
import { createUsers, signInBrowser, USERS } from './users';

const SHOTS = path.resolve('test-results');
const ID = 'bra_anm_narkotikabrott_100k';

let browser: BrowserContext;
let server: Server;

beforeAll(async () => {
  browser = await launchBrowser();
  const dir = tempPgliteDir();
  await createUsers({ PGLITE_DIR: dir }, [USERS.samordnare]);
  server = await startServer({ PGLITE_DIR: dir, DATABASE_URL: undefined });
});
afterAll(async () => {
  await server?.stop();
  await closeBrowser(browser);
});

describe('the map on an indicator page', () => {
  it.each([1280, 390])("shows Dalarna's 15 kommuner, focusable and named, with the table beside it, axe clean at %d px", async (width) => {
    const page = await browser.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${server.url}/indikatorer/${ID}`);
    const shapes = page.locator('#karta svg [data-kommun][tabindex="0"]');
    expect(await shapes.count()).toBe(15);
    const hedemora = page.locator('#karta svg [data-kommun="2083"]');
    expect(await hedemora.getAttribute('aria-label')).toMatch(
      /^Hedemora: Ingen säkerställd skillnad\. 784 \(95 % KI [\d\s\u00a0]+–[\d\s\u00a0]+\), antal 120$/,
    );
    expect(await hedemora.locator('title').textContent()).toContain('Hedemora');
    // The classes the unit test works out by hand from Brå's counts and populations.
    expect(await page.locator('#karta svg [data-kommun="2026"]').getAttribute('data-class')).toBe('lower');
    expect(await page.locator('#karta svg [data-kommun="2081"]').getAttribute('data-class')).toBe('higher');
    expect(await hedemora.getAttribute('data-class')).toBe('similar');
    const rows = page.locator('#karta table tbody tr');
    expect(await rows.count()).toBe(15);
    expect(await page.locator('#karta table tr[data-kommun="2026"]').innerText()).toMatch(/Gagnef[\s\S]*Säkerställt lägre/);
    await page.locator('#karta').screenshot({ path: path.join(SHOTS, `maps-dalarna-${width}.png`) });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('reaches a kommun with the keyboard and shows its readout', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/indikatorer/${ID}`);
    // From the benchmark toggle, Tab moves over the period links into the map.
    await page.locator('#karta a[href*="mot=riket"]').focus();
    let name: string | null = null;
    for (let i = 0; i < 20 && !name; i++) {
      await page.keyboard.press('Tab');
      name = await page.evaluate(() => document.activeElement?.closest('svg [data-kommun]')?.getAttribute('data-kommun') ?? null);
    }
    expect(name).toMatch(/^20\d\d$/);
    const readout = page.locator(`#karta svg [data-kommun="${name}"] g[aria-hidden="true"]`);
    expect(await readout.evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');
    const other = page.locator('#karta svg [data-kommun]:not(:focus) g[aria-hidden="true"]').first();
    expect(await other.evaluate((el) => getComputedStyle(el).visibility)).toBe('hidden');
    await page.locator('#karta').screenshot({ path: path.join(SHOTS, 'maps-focus.png') });
    await page.close();
  });

  it('sorts the table by value through a link, and toggles to all of Sweden', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/indikatorer/${ID}?kartsort=varde&kartordning=fallande`);
    const first = await page.locator('#karta table tbody tr th').first().innerText();
    expect(first).toMatch(/^Borlänge/);
    expect(await page.locator('#karta th[aria-sort="descending"]').count()).toBe(1);
    await page.goto(`${server.url}/indikatorer/${ID}?karta=riket`);
    expect(await page.locator('#karta svg [data-kommun]').count()).toBe(290);
    expect(await page.locator('#karta svg [data-kommun="0180"]').getAttribute('data-class')).toBe('none');
    // A kommun without a value says "Underlag saknas" once in its row, not three times.
    expect((await page.locator('#karta table tr[data-kommun="0180"]').innerText()).match(/Underlag saknas/g)).toHaveLength(2);
    await page.close();
  });

  it("keeps the whole country's table in its own scrolling box on a phone, reachable by keyboard", async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/indikatorer/${ID}?karta=riket`);
    const box = page.locator('#karta [role="region"][aria-label^="Kartans data som tabell"]');
    expect(await box.locator('tbody tr').count()).toBe(290);
    const m = await box.evaluate((el) => ({ client: el.clientHeight, scroll: el.scrollHeight, tab: el.tabIndex }));
    expect(m.client).toBeLessThanOrEqual(844 * 0.8 + 1);
    expect(m.scroll).toBeGreaterThan(m.client * 5);
    expect(m.tab).toBe(0);
    // The page itself is a few screens, not tens of them (290 rows would be some 40 000 px).
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(844 * 8);
    // Scrolled by keyboard, the header row stays in view.
    await box.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('PageDown');
    expect(await box.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    const head = await box.locator('thead th').first().boundingBox();
    const boxTop = (await box.boundingBox())!.y;
    expect(Math.abs(head!.y - boxTop)).toBeLessThan(4);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'maps-riket-390.png'), fullPage: true });
    await page.close();
  });
});

describe('comparison groups and the goal page', () => {
  it("shows ranked bars of the län's kommuner on a goal page, axe clean", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/mal/T-M1`);
    const bars = page.locator('[data-indicator="ntu_otrygg_kvall"] .ranked-bars');
    expect(await bars.locator('svg[role="img"]').getAttribute('aria-label')).toMatch(/Hedemora \d+/);
    expect(await bars.locator('table tbody tr').count()).toBe(15);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('lets a coordinator add grannkommuner as an own group, which the goal page then draws as a band', async () => {
    const page = await browser.newPage();
    await signInBrowser(page, server.url, USERS.samordnare, '/plan/jamforelsegrupper');
    await page.goto(`${server.url}/plan/jamforelsegrupper`);
    expect(await axeViolations(page)).toEqual([]);
    await page.fill('#title', 'Grannkommuner');
    for (const name of ['Avesta', 'Säter', 'Falun', 'Borlänge']) await page.getByLabel(name, { exact: true }).check();
    await page.getByRole('button', { name: 'Spara gruppen' }).click();
    await page.getByRole('status').filter({ hasText: 'Grannkommuner' }).waitFor();
    await page.goto(`${server.url}/mal/T-M1`);
    const band = page.locator('[data-indicator="ntu_otrygg_kvall"] section[aria-label^="Jämförelse med liknande kommuner"]');
    expect(await band.innerText()).toMatch(/medianen för Grannkommuner/);
    await band.screenshot({ path: path.join(SHOTS, 'maps-goal-band.png') });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
