import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { count } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '@/lib/db/client';
import { imports, observations, plans } from '@/lib/db/schema';
import { revisionStatus } from '@/lib/plan/status';
import { createDatabase } from '../helpers/db';
import { axeViolations } from './axe';
import { closeBrowser, launchBrowser } from './browser';
import { openOverviewDetails } from './overview-page';
import { startServer, tempPgliteDir, type Server } from './server';

const SHOTS = path.resolve('test-results');
fs.mkdirSync(SHOTS, { recursive: true });

/** `/` with every area's detail opened (the cards load when opened) and the charts drawn. */
async function openOverview(page: Page, url: string) {
  await openOverviewDetails(page, url);
}

/** Which date-bound reminders the seeded plan (revise by 2026-07, built on lägesbild 2022/2023) shows on `today`. */
function expectedReminders(today: Date): { year: number; revision: boolean; lagesbild: boolean } {
  const year = today.getUTCFullYear();
  return { year, revision: revisionStatus('2026-07', today).overdue, lagesbild: year - 2023 >= 2 };
}

let browser: BrowserContext;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => closeBrowser(browser));

describe('overview on the embedded database', () => {
  let server: Server;
  const pgliteDir = tempPgliteDir();

  beforeAll(async () => {
    server = await startServer({ PGLITE_DIR: pgliteDir, DATABASE_URL: undefined });
  });
  afterAll(async () => server?.stop());

  it('reports a healthy PGlite database', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'pglite' });
  });

  it('shows the three priority areas with their goals, values and drawn charts', async () => {
    const page = await browser.newPage();
    await openOverview(page, server.url);
    const areas = await page.locator('main section[data-area] > h2').allInnerTexts();
    expect(areas).toEqual(['Narkotika', 'Våld i familjer och nära relationer', 'Upplevd trygghet']);
    // Reminders: the plan says "bör revideras senast 2026-07" and builds on lägesbild 2022/2023; no delrapport yet.
    const todo = page.locator('section.reminders');
    const { year, revision, lagesbild } = expectedReminders(new Date());
    expect(await todo.locator('[data-reminder="revision"]').count()).toBe(revision ? 1 : 0);
    expect(await todo.locator('[data-reminder="lagesbild"]').count()).toBe(lagesbild ? 1 : 0);
    if (lagesbild) expect(await todo.locator('[data-reminder="lagesbild"]').innerText()).toContain('2022/2023');
    expect(await todo.locator('[data-reminder="delrapport"]').innerText()).toMatch(
      new RegExp(`\\d+ av \\d+ åtgärder saknar delrapport för ${year}`),
    );
    for (const code of ['N', 'V', 'T']) {
      const area = page.locator(`[data-area="${code}"]`);
      expect(await area.locator('h3').count(), code).toBeGreaterThan(0);
      expect(await area.locator('[data-chart]').count(), code).toBeGreaterThan(0);
    }
    // Every chart container has drawn its SVG with at least one line.
    const charts = page.locator('[data-chart]');
    const n = await charts.count();
    for (let i = 0; i < n; i++) {
      expect(await charts.nth(i).locator('svg .recharts-line-curve').count(), `chart ${i}`).toBeGreaterThan(0);
    }
    const card = page.locator('[data-indicator="ntu_otrygg_kvall"]').first();
    const rows = await card.locator('table.latest tbody tr th').allInnerTexts();
    expect(rows).toEqual(['Hedemora', 'Dalarnas län', 'Sverige']);
    expect(await card.innerText()).toMatch(/KI \d+,\d–\d+,\d · n = \d+/);
    // Brå's real survey year, and its source; example data only on the cards that have no real values.
    expect(await card.innerText()).toMatch(/\b2025\b/);
    expect(await card.innerText()).toContain('Källa: Brå, Indikatorer för kommuners lägesbild');
    await expect.poll(() => page.locator('text=Revideringen är försenad').count()).toBe(1);
    expect(await page.locator('.badge.example').count()).toBeGreaterThan(5);
    expect(await card.locator('.badge.example').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'overview.png'), fullPage: true });
    await page
      .locator('[data-area="N"] section.goal')
      .nth(1)
      .screenshot({ path: path.join(SHOTS, 'overview-wastewater.png') });
    await page.close();
  });

  it('has no axe-core violations (WCAG 2.1 A/AA)', async () => {
    const page = await browser.newPage();
    await openOverview(page, server.url);
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await page.close();
  });

  it('is usable from the keyboard: skip link first, chart data tables open with Enter', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hoppa till innehållet');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // The charts are in the areas' details, which load their cards when opened.
    await openOverview(page, server.url);
    const summary = page.locator('details.data-table summary').first();
    await summary.focus();
    await page.keyboard.press('Enter');
    expect(
      await page
        .locator('details.data-table')
        .first()
        .evaluate((d) => (d as HTMLDetailsElement).open),
    ).toBe(true);
    await page.close();
  });

  it('refuses a command-line seed or import while the server holds the embedded database', () => {
    const res = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/db-seed.ts'], {
      env: { ...process.env, PGLITE_DIR: pgliteDir, DATABASE_URL: '' },
      encoding: 'utf8',
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('används redan av en annan process');
    const imp = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/import.ts', 'test/fixtures/import/generic/hedemora-2025.csv', '--json'],
      {
        env: { ...process.env, PGLITE_DIR: pgliteDir, DATABASE_URL: '' },
        encoding: 'utf8',
      },
    );
    expect(imp.status).toBe(1);
    expect(JSON.parse(imp.stdout)).toMatchObject({
      committed: false,
      errors: [{ message: expect.stringContaining('används redan av en annan process') }],
    });
  });

  it('keeps its data across a restart without seeding again', async () => {
    await server.stop();
    const counts = async () => {
      const h = await openDb({ pgliteDir });
      try {
        const [o] = await h.db.select({ n: count() }).from(observations);
        const [i] = await h.db.select({ n: count() }).from(imports);
        const [p] = await h.db.select({ n: count() }).from(plans);
        return { observations: Number(o!.n), imports: Number(i!.n), plans: Number(p!.n) };
      } finally {
        await h.close();
      }
    };
    const before = await counts();
    expect(before.observations).toBeGreaterThan(500);
    expect(before.plans).toBe(1);
    server = await startServer({ PGLITE_DIR: pgliteDir, DATABASE_URL: undefined });
    const page = await browser.newPage();
    await openOverview(page, server.url);
    expect(await page.locator('[data-area]').count()).toBe(3);
    await page.close();
    await server.stop();
    expect(await counts()).toEqual(before);
  });
});

describe.runIf(process.env.DATABASE_URL)('the same build on PostgreSQL', () => {
  let pg: Server;
  let lite: Server;
  let dropDb: () => Promise<void>;

  beforeAll(async () => {
    const db = await createDatabase();
    dropDb = db.drop;
    [pg, lite] = await Promise.all([
      startServer({ DATABASE_URL: db.url }),
      startServer({ PGLITE_DIR: tempPgliteDir(), DATABASE_URL: undefined }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([pg?.stop(), lite?.stop()]);
    await dropDb?.();
  });

  it('reports postgres and renders the same overview as on PGlite', async () => {
    const res = await fetch(`${pg.url}/api/health`);
    expect(await res.json()).toEqual({ status: 'ok', database: 'postgres' });
    const page = await browser.newPage();
    await openOverview(page, pg.url);
    const onPg = await page.locator('main').innerText();
    await page.screenshot({ path: path.join(SHOTS, 'overview-postgres.png') });
    await openOverview(page, lite.url);
    const onLite = await page.locator('main').innerText();
    expect(onPg).toEqual(onLite);
    await page.close();
  });
});

describe('a database that cannot be reached', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer({ DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none' });
  });
  afterAll(async () => server?.stop());

  it('answers 503 with a reason on /api/health', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body).toMatchObject({ status: 'error', database: 'postgres' });
    expect(body.reason).toMatch(/Databasen/);
  });

  it('shows users a Swedish error page without a stack trace', async () => {
    const page = await browser.newPage();
    const res = await page.goto(`${server.url}/`);
    expect(res?.status()).toBe(500);
    await page.waitForSelector('text=Sidan kunde inte visas');
    const html = await page.content();
    expect(html).not.toMatch(/ECONNREFUSED|node_modules|at async|Failed query/);
    await page.screenshot({ path: path.join(SHOTS, 'database-down.png') });
    await page.close();
  });
});
