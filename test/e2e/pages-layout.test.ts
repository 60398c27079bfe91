import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AXIS_UNIT } from '@/lib/charts/axis';
import { expectRoundTicks } from './axes';
import { axeViolations } from './axe';
import { closeBrowser, launchBrowser } from './browser';
import { startServer, tempPgliteDir, type Server } from './server';
import { createUsers, signInBrowser, USERS } from './users';

/*
 * Issue #15: every page at a phone's width (390 px) and a laptop's (1 280 px), signed in as administrator: nothing
 * wider than the screen, axe clean, a screenshot of each in test-results/pages/<name>-<width>.png. Then the
 * header (menu, import links, one-click sign-out), names instead of ids, and chart labels that never overlap.
 */

const SHOTS = path.resolve('test-results', 'pages');
const WIDTHS = [390, 1280] as const;
const YEAR = new Date().getFullYear();
const RAW_ID = /\b[a-z]+(?:_[a-z0-9]+){1,}\b/;

let browser: BrowserContext;
let server: Server;
let page: Page;
/** `bare`: an embed page, without the site's header. */
const pages: { name: string; url: string; anonymous?: boolean; bare?: boolean }[] = [];

/**
 * Waits until the page's charts have drawn (client components) and the header knows who is signed in. Waits on
 * the page's own content rather than on network idle: a page whose links are prefetched may not go idle for long on
 * a busy machine, and the walk would spend its time waiting for nothing.
 */
async function settle(p: Page, bare = false) {
  await p.waitForLoadState('load');
  await p
    .waitForFunction(
      () => {
        const charts = [...document.querySelectorAll('[data-chart]')];
        return charts.every((c) => c.querySelector('.recharts-surface'));
      },
      undefined,
      { timeout: 15_000 },
    )
    .catch(() => {});
  if (!bare)
    await p
      .locator('header .nav-list li.account:not(:empty), header .nav-list li.account a')
      .first()
      .waitFor({ state: 'attached', timeout: 10_000 })
      .catch(() => {});
  // A moment for whatever is still arriving (fonts, a streamed part), without waiting for prefetches to end.
  await p.waitForLoadState('networkidle', { timeout: 2_000 }).catch(() => {});
  await p.waitForTimeout(250);
}

async function widths(p: Page): Promise<{ scroll: number; viewport: number; widest: string }> {
  return p.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    // The element that sticks out furthest, to say what to fix when the page is too wide.
    let widest = '';
    let right = viewport;
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right > right + 0.5 && !el.closest('.table-scroll, .sr-only, .skip-link')) {
        right = r.right;
        widest = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} (${Math.round(r.right)} px)`;
      }
    }
    return { scroll: document.documentElement.scrollWidth, viewport, widest };
  });
}

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  const pglite = tempPgliteDir();
  await createUsers({ PGLITE_DIR: pglite }, [USERS.admin]);
  server = await startServer({ PGLITE_DIR: pglite, DATABASE_URL: undefined });
  page = await browser.newPage();
  await signInBrowser(page, server.url, USERS.admin, '/uppfoljning');

  // This year's review, so that its page and its report exist.
  await page.goto(`${server.url}/uppfoljning`);
  await settle(page);
  const open = page.getByRole('button', { name: 'Öppna uppföljningen och frys bedömningarna' });
  if (await open.count()) {
    await open.click();
    await page.waitForURL(new RegExp(`/uppfoljning/${YEAR}$`));
  }

  // Every övergripande mål (linked from the plan's headings), one åtgärd, one import.
  await page.goto(`${server.url}/plan`);
  const goals = [
    ...new Set(await page.locator('main h3 a[href^="/k/2083/mal/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))),
  ];
  await page.goto(`${server.url}/atgarder`);
  const action = await page.locator('main a[href^="/k/2083/atgarder/"]').first().getAttribute('href');
  await page.goto(`${server.url}/import/historik`);
  const imp = await page.locator('main a[href^="/import/historik/"]').first().getAttribute('href');
  expect(goals.length).toBeGreaterThan(0);
  expect(action).toBeTruthy();
  expect(imp).toBeTruthy();

  pages.push(
    { name: 'oversikt', url: '/' },
    { name: 'oversikt-kommun', url: '/k/2083' },
    ...goals.map((g) => ({ name: `mal-${decodeURIComponent(g.split('/').pop()!)}`, url: g })),
    { name: 'metod', url: '/metod' },
    { name: 'indikatorer', url: '/indikatorer' },
    { name: 'indikator', url: '/indikatorer/ntu_otrygg_kvall' },
    { name: 'indikator-tabell', url: '/indikatorer/ntu_otrygg_kvall?vy=tabell' },
    { name: 'indikator-karta', url: '/indikatorer/ntu_otrygg_kvall?karta=riket' },
    { name: 'lan', url: '/lan/20' },
    { name: 'omrade', url: '/k/2083/omrade/T' },
    { name: 'inbaddning-indikator', url: '/inbaddning/indikator/ntu_otrygg_kvall', bare: true },
    { name: 'inbaddning-karta', url: '/inbaddning/karta/ntu_otrygg_kvall', bare: true },
    { name: 'jamforelsegrupper', url: '/k/2083/plan/jamforelsegrupper' },
    { name: 'import', url: '/import' },
    { name: 'importhistorik', url: '/import/historik' },
    { name: 'import-detalj', url: imp! },
    { name: 'plan', url: '/k/2083/plan' },
    { name: 'atgarder', url: '/k/2083/atgarder' },
    { name: 'atgard', url: action! },
    { name: 'uppfoljning', url: '/k/2083/uppfoljning' },
    { name: 'uppfoljning-ar', url: `/k/2083/uppfoljning/${YEAR}` },
    { name: 'uppfoljning-rapport', url: `/k/2083/uppfoljning/${YEAR}/rapport` },
    { name: 'uppfoljning-jamfor', url: `/k/2083/uppfoljning/jamfor?a=${YEAR}&b=${YEAR}` },
    { name: 'lagesbild', url: '/k/2083/lagesbild' },
    { name: 'konto', url: '/konto' },
    { name: 'admin-anvandare', url: '/admin/anvandare' },
    { name: 'admin-logg', url: '/admin/logg' },
    { name: 'sida-saknas', url: '/finns-inte' },
    { name: 'logga-in', url: '/logga-in', anonymous: true },
  );
}, 240_000);

afterAll(async () => {
  await server?.stop();
  await closeBrowser(browser);
});

describe('every page at 390 and 1 280 px', () => {
  it('is no wider than the screen, has no axe violations, and is photographed', async () => {
    const problems: string[] = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const p of pages) {
        let target = page;
        if (p.anonymous) {
          // Without the session cookie (signed in again afterwards).
          await browser.clearCookies();
          target = await browser.newPage();
          await target.setViewportSize({ width, height: 900 });
        }
        const res = await target.goto(`${server.url}${p.url}`);
        expect(res?.status(), p.url).toBe(p.name === 'sida-saknas' ? 404 : 200);
        await settle(target, p.bare);
        const w = await widths(target);
        if (w.scroll > w.viewport) problems.push(`${p.url} at ${width}: ${w.scroll} px wide; widest: ${w.widest}`);
        const axe = await axeViolations(target);
        if (axe.length > 0)
          problems.push(
            `${p.url} at ${width}: axe ${axe
              .map(
                (v) =>
                  `${v.id} ${v.nodes
                    .map((n) => n.target.join(' '))
                    .slice(0, 3)
                    .join(', ')}`,
              )
              .join('; ')}`,
          );
        await target.screenshot({ path: path.join(SHOTS, `${p.name}-${width}.png`), fullPage: true });
        if (p.anonymous) {
          await target.close();
          await signInBrowser(page, server.url, USERS.admin, '/');
        }
      }
    }
    expect(problems).toEqual([]);
  }, 900_000);
});

describe('charts drawn for the width', () => {
  it("the lägesbild's charts are drawn at the phone's width at 390 px, not scaled down from 720 px", async () => {
    const drawnWidths = async () => {
      await page.goto(`${server.url}/k/2083/lagesbild`);
      await settle(page);
      const charts = page.locator('img.report-chart');
      expect(await charts.count()).toBeGreaterThan(0);
      await charts.first().evaluate((img: HTMLImageElement) => img.decode());
      return charts.evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth));
    };
    await page.setViewportSize({ width: 390, height: 900 });
    const phone = await drawnWidths();
    expect(new Set(phone)).toEqual(new Set([360]));
    await page.setViewportSize({ width: 1280, height: 900 });
    const desktop = await drawnWidths();
    expect(new Set(desktop)).toEqual(new Set([720]));
  });
});

describe('the header', () => {
  it('at 390 px the navigation is a menu button that opens and closes by keyboard', async () => {
    await page.setViewportSize({ width: 390, height: 900 });
    await page.goto(`${server.url}/indikatorer`);
    await settle(page);
    const toggle = page.getByRole('button', { name: 'Meny' });
    expect(await toggle.isVisible()).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#huvudmeny').isVisible()).toBe(false);
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByRole('link', { name: 'Planen' }).isVisible()).toBe(true);
    expect(await page.locator('#huvudmeny a[aria-current="page"]').innerText()).toBe('Indikatorer');
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.textContent?.includes('Meny'))).toBe(true);
    // At 1 280 px the links are shown directly and the button is gone.
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await toggle.isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'Planen' }).isVisible()).toBe(true);
  });

  it('anonymous visitors see no import links; signed in, signing out is one click', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/`);
    await settle(page);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    expect(await nav.getByRole('link', { name: 'Importera' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Importhistorik' }).count()).toBe(1);
    await Promise.all([page.waitForURL(`${server.url}/`), nav.getByRole('button', { name: 'Logga ut' }).click()]);
    await nav.getByRole('link', { name: 'Logga in' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Importera' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Importhistorik' }).count()).toBe(0);
    expect(await nav.getByRole('button', { name: 'Logga ut' }).count()).toBe(0);
    // The session is gone on the server too.
    const res = await page.goto(`${server.url}/konto`);
    expect(new URL(res!.url()).pathname).toBe('/logga-in');
    await signInBrowser(page, server.url, USERS.admin, '/');
  });
});

describe('names, words and charts', () => {
  it('the change log reads in Swedish, with the address as 127.0.0.1', async () => {
    await page.goto(`${server.url}/admin/logg`);
    const text = await page.locator('main').innerText();
    expect(text).toContain('Uppföljning öppnad');
    expect(text).toMatch(/Importer: \d+/);
    expect(text).not.toMatch(/importIds|\{"|\[\d/);
    expect(text).toContain('127.0.0.1');
    expect(text).not.toContain('::ffff:');
  });

  it('plan buttons name the indicator, uniquely, without its id', async () => {
    await page.goto(`${server.url}/plan`);
    // "Ta bort" is a link to the removal's confirmation step; its accessible name says what and from which goal.
    const names = await page
      .getByRole('link', { name: /^Ta bort / })
      .evaluateAll((bs) => bs.map((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').replace(/\s+/g, ' ').trim()));
    expect(names.length).toBeGreaterThan(3);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n, n).not.toMatch(RAW_ID);
    const main = await page.locator('main').innerText();
    expect(main).not.toMatch(/Utgångsläge/);
    expect(main).toContain('Baslinje');
  });

  it('the indicator list names each goal beside its code; an action names its indicators', async () => {
    await page.goto(`${server.url}/indikatorer`);
    const cell = await page.locator('tr[data-indicator="ntu_otrygg_kvall"] td').last().innerText();
    expect(cell).toMatch(/T-M1\s+\S+/);
    await page.goto(`${server.url}/atgarder`);
    await page.locator('main a[href^="/k/2083/atgarder/"]').first().click();
    await page.waitForURL(/\/atgarder\/.+/);
    const facts = await page.locator('dl.facts').first().innerText();
    expect(facts.split('Indikatorer')[1] ?? '').not.toMatch(RAW_ID);
  });

  it('a goal page: Dalarnas län and Sverige, no developer notes in sight, and chart labels that do not overlap', async () => {
    await page.goto(`${server.url}/mal/T-M1`);
    await page.waitForSelector('[data-chart="indicator"] .recharts-line-curve', { state: 'attached' });
    await settle(page);
    const main = await page.locator('main').innerText();
    expect(main).toContain('Dalarnas län');
    expect(main).not.toMatch(/\bRiket\b|Utgångsläge|statistics\.md|ej verifierat|Evidensstyrka/);
    expect(main).not.toMatch(/Framsteg men för låg takt \(planen har inget/);
    expect(main).not.toMatch(/Oförändrat[^\n]*\n?Takt: (God|Låg|Framsteg|Snabb|Måttlig|Långsam)/);
    // The analysts' figures are one click away.
    expect(await page.locator('details.analyst summary', { hasText: 'För analytiker' }).count()).toBeGreaterThan(0);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(400);
      const overlaps = await page.locator('[data-chart="indicator"]').evaluateAll((charts) =>
        charts.flatMap((chart) => {
          const boxes = [...chart.querySelectorAll('.recharts-reference-line text')].map((t) => ({
            text: t.textContent,
            r: t.getBoundingClientRect(),
          }));
          const out: string[] = [];
          for (let i = 0; i < boxes.length; i++)
            for (let j = i + 1; j < boxes.length; j++) {
              const a = boxes[i]!.r;
              const b = boxes[j]!.r;
              if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
                out.push(`${boxes[i]!.text} × ${boxes[j]!.text}`);
            }
          return out;
        }),
      );
      expect(overlaps, `at ${width}`).toEqual([]);
      // Every value axis names its unit.
      const units = Object.values(AXIS_UNIT);
      const named = await page
        .locator('[data-chart="indicator"]')
        .evaluateAll(
          (charts, u) => charts.map((c) => [...c.querySelectorAll('svg text')].some((t) => u.includes(t.textContent ?? ''))),
          units,
        );
      expect(named.length).toBeGreaterThan(0);
      expect(named.every(Boolean)).toBe(true);
    }
    // Every axis ticks at round steps: the line charts' value axes, the ranked bars' and comparison bands' scales.
    const axes = [
      ...(await page
        .locator('[data-chart="indicator"]')
        .evaluateAll((els) =>
          els.map((el) =>
            [...el.querySelectorAll('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value')].map((t) => t.textContent ?? ''),
          ),
        )),
      ...(await page
        .locator('main svg:has(.axis-tick)')
        .evaluateAll((els) => els.map((el) => [...el.querySelectorAll('.axis-tick')].map((t) => t.textContent ?? '')))),
    ];
    expect(axes.filter((a) => a.length > 0).length).toBeGreaterThan(1);
    for (const labels of axes) expectRoundTicks(labels);
  });
});
