import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRoundTicks } from './axes';
import { axeViolations } from './axe';
import { closeBrowser, launchBrowser } from './browser';
import { startServer, tempPgliteDir, type Server } from './server';

const SHOTS = path.resolve('test-results');
fs.mkdirSync(SHOTS, { recursive: true });

/** The shipped plan, read independently of the app: its areas and övergripande mål in order. */
const PLAN = JSON.parse(fs.readFileSync('data-imports/plan/hedemora-2024.json', 'utf8')) as {
  areas: {
    code: string;
    title: string;
    lagesbildSummary: string;
    overallGoals: { code: string; text: string; indicators: { indicator: string }[] }[];
  }[];
};
const GOALS = PLAN.areas.flatMap((a) => a.overallGoals);

/**
 * The overview's HTML on the seeded data may be at most this many bytes (uncompressed). The goal on national data is
 * under 100 kB; the summary does not grow with the data (one row per goal, a sparkline of at most a few dozen points),
 * so the seeded page is nearly the same size: the layout, five rows, the plan's status and three closed areas, about
 * 45 kB, half of it React's copy of the page for hydration. 64 kB leaves room for wording while failing at once if
 * cards come back into the HTML (the card wall made it about 200 kB).
 */
const HTML_BUDGET = 64 * 1024;

let browser: BrowserContext;
let server: Server;
beforeAll(async () => {
  browser = await launchBrowser();
  server = await startServer({ PGLITE_DIR: tempPgliteDir(), DATABASE_URL: undefined });
});
afterAll(async () => {
  await server?.stop();
  await closeBrowser(browser);
});

async function newPage(width: number, height: number): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize({ width, height });
  return page;
}

/** The verdict group each roll-up badge of the goal's detail counts in ("3 oförändrat" → unchanged: 3). */
function groupsOfRollup(badges: string[]): Record<string, number> {
  const out: Record<string, number> = { better: 0, worse: 0, unchanged: 0, noData: 0 };
  for (const b of badges) {
    const m = /(\d+) (.+)$/.exec(b.trim())!;
    const [n, label] = [Number(m[1]), m[2]!];
    if (label === 'säkerställd förbättring') out.better! += n;
    else if (label === 'säkerställd försämring') out.worse! += n;
    else if (label === 'oförändrat' || label.startsWith('tecken på')) out.unchanged! += n;
    else if (label === 'underlag saknas') out.noData! += n;
  }
  return out;
}

describe('the overview opens with the summary', () => {
  it('shows every övergripande mål as a row of a table with headers, name first and code beside, linking to the goal', async () => {
    const page = await newPage(1280, 800);
    await page.goto(`${server.url}/`);
    // The summary is the first thing after the title: the first section heading and the first table of the page.
    expect(await page.locator('main h2').first().innerText()).toBe('Läget per övergripande mål');
    const table = page.locator('main table').first();
    expect(await table.getAttribute('class')).toBe('summary-table');
    const headers = await table.locator('thead th').allInnerTexts();
    expect(headers.map((h) => h.replace(/\s+/g, ' ').trim())).toEqual([
      'Övergripande mål',
      '▲ Säkerställd förbättring',
      '▼ Säkerställd försämring',
      '● Oförändrat*',
      '? Underlag saknas',
      'Måttens data',
      'Senaste period',
      'Utveckling i Hedemora',
    ]);
    expect(await table.locator('tbody th[scope="rowgroup"]').allInnerTexts()).toEqual(PLAN.areas.map((a) => a.title));
    const rows = table.locator('tr[data-summary-goal]');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-summary-goal')))).toEqual(GOALS.map((g) => g.code));
    for (const [i, goal] of GOALS.entries()) {
      const th = rows.nth(i).locator('th[scope="row"]');
      const text = await th.innerText();
      expect(text.indexOf(goal.text), goal.code).toBe(0);
      expect(text).toContain(goal.code);
      expect(await th.locator('a').first().getAttribute('href')).toBe(`/k/2083/mal/${goal.code}`);
      // Every row has its counts, the data it rests on, a period and the kommun's trend with its text alternative.
      for (const g of ['better', 'worse', 'unchanged', 'noData'])
        expect(await rows.nth(i).locator(`td[data-group="${g}"]`).innerText()).toMatch(/^(\S+ )?\d+$/);
      expect(await rows.nth(i).locator('td.summary-data').innerText()).toMatch(/verklig|exempeldata|utan värden/);
      const trend = rows.nth(i).locator('td.summary-trend');
      if (await trend.locator('svg').count()) {
        expect(await trend.locator('svg').getAttribute('aria-hidden')).toBe('true');
        expect(await trend.locator('.sr-only').textContent()).toMatch(/Hedemora: .+ \(.+\)/);
      }
    }
    await page.close();
  });

  it('fits the first screen at 1280×800 and starts on it at 390 px, scrolling inside its own box', async () => {
    const wide = await newPage(1280, 800);
    await wide.goto(`${server.url}/`);
    const lastRow = await wide.locator('tr[data-summary-goal]').last().boundingBox();
    expect(lastRow!.y + lastRow!.height).toBeLessThanOrEqual(800);
    expect(await wide.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await wide.screenshot({ path: path.join(SHOTS, 'overview-summary-1280.png') });
    await wide.close();

    const phone = await newPage(390, 844);
    await phone.goto(`${server.url}/`);
    const heading = await phone.locator('#summary-heading').boundingBox();
    const firstRow = await phone.locator('tr[data-summary-goal]').first().boundingBox();
    expect(heading!.y).toBeLessThan(844);
    expect(firstRow!.y).toBeLessThan(844);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const box = await phone.locator('.summary-scroll').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    // The goal names stay in view while the box scrolls sideways.
    const scroller = phone.locator('.summary-scroll');
    expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await scroller.evaluate((el) => el.scrollBy(200, 0));
    const goalCell = await phone.locator('tr[data-summary-goal] th[scope="row"]').first().boundingBox();
    expect(goalCell!.x).toBeGreaterThanOrEqual(0);
    expect(goalCell!.x).toBeLessThan(40);
    await phone.evaluate(() => document.querySelector('.summary-scroll')!.scrollTo(0, 0));
    await phone.screenshot({ path: path.join(SHOTS, 'overview-summary-390.png') });
    await phone.close();
  });

  it('has no axe-core violations, closed and with every area open', async () => {
    const page = await newPage(1280, 800);
    await page.goto(`${server.url}/`);
    expect(await axeViolations(page)).toEqual([]);
    for (const code of PLAN.areas.map((a) => a.code)) await page.locator(`[data-area-detail="${code}"] > summary`).click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('details[data-area-detail]')].every((d) => d.querySelector('[data-goal-detail]')),
    );
    await page.waitForSelector('[data-chart] .recharts-line-curve', { state: 'attached' });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('keeps the cards out of the page until an area is opened: the HTML stays under its byte budget', async () => {
    const res = await fetch(`${server.url}/`, { headers: { 'accept-encoding': 'identity' } });
    const html = await res.text();
    expect(Buffer.byteLength(html)).toBeLessThan(HTML_BUDGET);
    expect(html).not.toContain('data-indicator=');
    // The detail is in the area pages, which carry every card of their goals (the old address redirects there).
    for (const area of PLAN.areas) {
      const page = await (await fetch(`${server.url}/${area.code === 'T' ? 'oversikt' : 'k/2083'}/omrade/${area.code}`)).text();
      const cards = [...page.matchAll(/data-indicator="([^"]+)"/g)].map((m) => m[1]);
      expect(cards, area.code).toEqual(area.overallGoals.flatMap((g) => g.indicators.map((l) => l.indicator)));
    }
  });
});

describe("the areas' detail under the summary", () => {
  it("loads an area's cards when it is opened from the keyboard, and the summary agrees with their roll-up", async () => {
    const page = await newPage(1280, 800);
    await page.goto(`${server.url}/`);
    const area = PLAN.areas.find((a) => a.code === 'T')!;
    const details = page.locator('[data-area-detail="T"]');
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await details.locator('[data-indicator]').count()).toBe(0);
    // The lägesbild's words on the area come with the detail, not with the page.
    expect(await page.locator('main').innerText()).not.toContain(area.lagesbildSummary.slice(0, 60));
    await details.locator('> summary').focus();
    await page.keyboard.press('Enter');
    await details.locator('[data-goal-detail] [data-chart] .recharts-line-curve').first().waitFor({ state: 'attached' });
    const ids = await details.locator('[data-indicator]').evaluateAll((els) => els.map((e) => e.getAttribute('data-indicator')));
    expect(ids).toEqual(area.overallGoals.flatMap((g) => g.indicators.map((l) => l.indicator)));
    const words = (text: string) => text.replace(/\s+/g, ' ').trim();
    expect(words(await details.locator('p.summary').innerText())).toBe(words(`Från lägesbilden: ${area.lagesbildSummary}`));
    // Every chart keeps its table and text summary.
    const charts = await details.locator('[data-chart]').count();
    // Value axes tick at round steps (1, 2, 2,5 or 5 × 10ⁿ), evenly: 0, 10, 20, 30, not 0, 9, 18, 27.
    await page.waitForFunction(
      () => {
        const charts = [...document.querySelectorAll('[data-area-detail="T"] [data-chart]')];
        return charts.every((c) => c.querySelectorAll('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').length >= 2);
      },
      undefined,
      { timeout: 15_000 },
    );
    const axes = await details
      .locator('[data-chart]')
      .evaluateAll((els) =>
        els.map((el) =>
          [...el.querySelectorAll('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value')].map((t) => t.textContent ?? ''),
        ),
      );
    expect(axes.length).toBeGreaterThan(0);
    for (const labels of axes) expectRoundTicks(labels);
    expect(await details.locator('figure details.data-table table').count()).toBe(charts);
    expect(await details.locator('figure .chart-summary').count()).toBe(charts);
    // The summary's counts are the goal's roll-up, grouped: säkerställd changes apart, weak signs as unchanged.
    for (const goal of area.overallGoals) {
      const badges = await details.locator(`[data-goal-detail="${goal.code}"] .rollup .verdict-badge`).allInnerTexts();
      const expected = groupsOfRollup(badges);
      const row = page.locator(`tr[data-summary-goal="${goal.code}"]`);
      for (const [group, n] of Object.entries(expected)) {
        expect((await row.locator(`td[data-group="${group}"]`).innerText()).replace(/\D/g, ''), `${goal.code} ${group}`).toBe(String(n));
      }
      // The example badges of the cards are the summary's example count.
      const examples = await details.locator(`[data-goal-detail="${goal.code}"] .card .meta .badge.example`).count();
      const dataText = await row.locator('td.summary-data').innerText();
      expect(Number(/(\d+) exempeldata/.exec(dataText)?.[1] ?? 0), goal.code).toBe(examples);
    }
    await page.locator('[data-area="T"]').screenshot({ path: path.join(SHOTS, 'overview-area-open.png') });
    await page.close();
  });

  it('works without JavaScript: the area opens and leads to its own page with the cards, tables and text summaries', async () => {
    const page = await newPage(390, 844);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    try {
      await page.goto(`${server.url}/`);
      expect(await page.locator('tr[data-summary-goal]').count()).toBe(GOALS.length);
      const details = page.locator('[data-area-detail="N"]');
      await details.locator('> summary').click();
      expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      const link = details.getByRole('link', { name: 'Öppna Narkotika med alla mått på en egen sida' });
      await link.click();
      await page.waitForURL(/\/k\/2083\/omrade\/N$/);
      expect(await page.locator('h1').innerText()).toBe('Narkotika');
      const cards = page.locator('[data-indicator]');
      expect(await cards.count()).toBe(PLAN.areas[0]!.overallGoals.reduce((n, g) => n + g.indicators.length, 0));
      const charts = await page.locator('[data-chart]').count();
      expect(charts).toBeGreaterThan(0);
      expect(await page.locator('figure details.data-table table').count()).toBe(charts);
      expect(await page.locator('figure .chart-summary').first().innerText()).toMatch(/Hedemora: .+ \(\d{4}\)/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: path.join(SHOTS, 'overview-area-page-nojs-390.png') });
    } finally {
      await cdp.send('Emulation.setScriptExecutionDisabled', { value: false });
      await page.close();
    }
  });

  it("serves each area's own page with its goals and no axe-core violations; an unknown area is 404", async () => {
    const page = await newPage(1280, 800);
    await page.goto(`${server.url}/k/2083/omrade/V`);
    await page.waitForSelector('[data-chart] .recharts-line-curve', { state: 'attached' });
    const goals = await page.locator('[data-goal-detail]').evaluateAll((els) => els.map((e) => e.getAttribute('data-goal-detail')));
    expect(goals).toEqual(PLAN.areas.find((a) => a.code === 'V')!.overallGoals.map((g) => g.code));
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
    for (const p of [
      '/k/2083/omrade/X',
      '/k/2083/omrade/X/data',
      '/k/2083/omrade/%3Cscript%3E',
      '/oversikt/omrade/X',
      '/k/9999/omrade/V',
    ]) {
      expect((await fetch(`${server.url}${p}`)).status, p).toBe(404);
    }
  });
});
