import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { closeBrowser, launchBrowser } from './browser';
import { startServer, tempPgliteDir, type Server } from './server';

const SHOTS = path.resolve('test-results');

let browser: BrowserContext;
let server: Server;
let plansDir: string;

beforeAll(async () => {
  browser = await launchBrowser();
  // A second kommun's plan beside Hedemora's: the shipped plan under Avesta's code, titled as made up.
  plansDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-e2e-plans-'));
  const plan = JSON.parse(fs.readFileSync(path.resolve('data-imports/plan/hedemora-2024.json'), 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(
    path.join(plansDir, 'avesta.json'),
    JSON.stringify({ ...plan, kommunCode: '2084', title: 'Fiktiv testplan för Avesta kommun' }),
  );
  server = await startServer({ PGLITE_DIR: tempPgliteDir(), DATABASE_URL: undefined, PLANS_DIR: plansDir });
});
afterAll(async () => {
  await server?.stop();
  await closeBrowser(browser);
  fs.rmSync(plansDir, { recursive: true, force: true });
});

describe('the regional view /lan/20', () => {
  it.each([1280, 390])(
    'lists every kommun of Dalarna with its plan and verdicts, fits the screen and is axe clean at %d px',
    async (width) => {
      const page = await browser.newPage();
      await page.setViewportSize({ width, height: 900 });
      const res = await page.goto(`${server.url}/lan/20`);
      expect(res!.status()).toBe(200);
      expect(await page.locator('h1').innerText()).toBe('Dalarnas län: kommunernas åtgärdsplaner');
      expect(await page.locator('main').innerText()).toContain('2 av 15 kommuner i Dalarnas län har en åtgärdsplan i Trygghetsläget');
      const rows = page.locator('tr[data-kommun]');
      expect(await rows.count()).toBe(15);
      expect(await page.locator('tr[data-kommun="2084"]').innerText()).toMatch(
        /Avesta[\s\S]*Fiktiv testplan för Avesta kommun[\s\S]*på verkliga data/,
      );
      expect(await page.locator('tr[data-kommun="2083"]').innerText()).toMatch(/Hedemora[\s\S]*Åtgärdsplan för Hedemora/);
      expect(await page.locator('tr[data-kommun="2085"]').innerText()).toContain('Ingen åtgärdsplan i Trygghetsläget');
      // Each kommun with a plan has its goals as a row group, each linked to the goal's page in that kommun's pages.
      const goals2084 = await page.locator('tbody[data-kommun-goals="2084"] tr[data-summary-goal]').count();
      expect(goals2084).toBeGreaterThan(3);
      expect(await page.locator('tbody[data-kommun-goals="2084"] a[href^="/k/2084/mal/"]').count()).toBe(goals2084);
      expect(await page.locator('tbody[data-kommun-goals="2083"] a[href^="/k/2083/mal/"]').count()).toBeGreaterThan(3);
      expect(await page.locator('tbody[data-kommun-goals="2084"] th[scope="rowgroup"] a').getAttribute('href')).toBe('/k/2084');
      const widths = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(widths).toBeLessThanOrEqual(width);
      await page.screenshot({ path: path.join(SHOTS, `regional-20-${width}.png`), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    },
  );

  it('takes the keyboard from a kommun row to its goals, and answers 404 for a code that is not a län', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/lan/20`);
    await page.locator('tr[data-kommun="2084"] a').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#kommun-2084$/);
    expect((await page.goto(`${server.url}/lan/2083`))!.status()).toBe(404);
    expect((await page.goto(`${server.url}/lan/99`))!.status()).toBe(404);
    await page.close();
  });
});
