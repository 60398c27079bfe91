import http from 'node:http';
import path from 'node:path';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { closeBrowser, launchBrowser } from './browser';
import { freePort, startServer, tempPgliteDir, type Server } from './server';
import { createUsers, signInBrowser, USERS } from './users';

/*
 * The embed pages (/inbaddning/…): alone, without the site's navigation; framed by another site only when
 * EMBED_ALLOWED_ORIGINS names it; every other page refuses every frame.
 */
const SHOTS = path.resolve('test-results');
const BRA = 'bra_anm_narkotikabrott_100k';

let browser: BrowserContext;
let server: Server | undefined;
let host: http.Server;
let hostOrigin: string;
const dir = tempPgliteDir();

/** Another site: a page whose body is the HTML given in ?html=, with no policy of its own. */
function startHost(port: number): Promise<http.Server> {
  const srv = http.createServer((req, res) => {
    const html = new URL(req.url ?? '/', 'http://x').searchParams.get('html') ?? '';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="sv"><head><title>Kommunens webbplats</title></head><body><h1>Kommunens sida</h1>${html}</body></html>`,
    );
  });
  return new Promise((resolve) => srv.listen(port, '127.0.0.1', () => resolve(srv)));
}

/** Opens the other site's page with the frame and waits for the frame's load event (fired also when refused). */
async function framed(code: string): Promise<{ page: Page; frame: Frame }> {
  const page = await browser.newPage();
  const html = code.replace('<iframe ', '<iframe onload="window.frameLoaded = true" ');
  await page.goto(`${hostOrigin}/?html=${encodeURIComponent(html)}`);
  await page.waitForFunction(() => (window as unknown as { frameLoaded?: boolean }).frameLoaded === true);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  if (!frame) throw new Error('ingen ram');
  return { page, frame };
}

const iframe = (src: string) => `<iframe src="${src}" title="Inbäddad vy" width="100%" height="700"></iframe>`;

/** The embed's heading in a frame that has loaded; null when the frame holds no page of the app's. */
async function frameHeading(frame: Frame): Promise<string | null> {
  // A refused frame shows Chromium's error page (chrome-error://…) instead.
  const h1 = frame.locator('h1#inbaddning-rubrik');
  return (await h1.count()) > 0 ? h1.textContent() : null;
}

/** The latest period and value of `region` in an observation table (the chart's data as a table). */
async function latestOf(table: ReturnType<Page['locator']>, region: string): Promise<{ period: string; value: string }> {
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', ...[...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')]),
    );
  const mine = rows.filter((r) => r[0] === region && r[2] !== '').sort((a, b) => a[1]!.localeCompare(b[1]!));
  const last = mine.at(-1);
  if (!last) throw new Error(`inga rader för ${region}`);
  return { period: last[1]!, value: last[2]! };
}

beforeAll(async () => {
  browser = await launchBrowser();
  // A coordinator adds an own comparison group, which the goal page draws as a band (and its embed with it).
  await createUsers({ PGLITE_DIR: dir }, [USERS.samordnare]);
  const port = await freePort();
  // localhost, not 127.0.0.1: another origin and another site than the app's.
  hostOrigin = `http://localhost:${port}`;
  host = await startHost(port);
});
afterAll(async () => {
  await server?.stop();
  await new Promise((r) => host?.close(r));
  await closeBrowser(browser);
});

describe('with EMBED_ALLOWED_ORIGINS naming another site', () => {
  beforeAll(async () => {
    server = await startServer({
      PGLITE_DIR: dir,
      DATABASE_URL: undefined,
      EMBED_ALLOWED_ORIGINS: `${hostOrigin}, https://www.hedemora.se`,
    });
  });
  afterAll(async () => {
    await server?.stop();
    server = undefined;
  });

  it('sends the embeds a policy that names the site, and keeps every other page unframeable', async () => {
    for (const p of [`/inbaddning/indikator/${BRA}`, `/inbaddning/karta/${BRA}?mot=riket`]) {
      const res = await fetch(server!.url + p, { redirect: 'manual' });
      expect(res.status, p).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, p).toMatch(new RegExp(`frame-ancestors 'self' ${hostOrigin} https://www\\.hedemora\\.se$`));
      expect(csp, p).toContain("object-src 'none'");
      expect(res.headers.get('x-frame-options'), p).toBeNull();
      expect(res.headers.get('x-content-type-options'), p).toBe('nosniff');
      // One policy only: a second (static) one would be enforced as well and refuse the site again.
      expect(csp.match(/frame-ancestors/g)?.length, p).toBe(1);
    }
    for (const p of ['/', `/indikatorer/${BRA}`, '/inbaddningar', '/logga-in']) {
      const res = await fetch(server!.url + p, { redirect: 'manual' });
      expect(res.headers.get('content-security-policy') ?? '', p).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options'), p).toBe('DENY');
    }
  });

  it.each([390, 1280])(
    'shows the chart alone at %d px: title, summary, table, source, no navigation, no example mark for Brå, axe clean',
    async (width) => {
      const page = await browser.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server!.url}/inbaddning/indikator/${BRA}`);
      expect(await page.locator('h1').innerText()).toMatch(/narkotika/i);
      expect(await page.locator('header, nav, footer, .site-header, .skip-link').count()).toBe(0);
      expect(await page.locator('[data-source-line]').innerText()).toMatch(/^Källa: .*Brå/);
      expect(await page.locator('[data-example-mark]').count()).toBe(0);
      expect(await page.locator('body').innerText()).not.toContain('Exempeldata');
      expect(await page.locator('figure figcaption.chart-summary').innerText()).not.toBe('');
      expect(await page.locator('details.data-table table tbody tr').count()).toBeGreaterThan(0);
      const back = page.locator(`a[href="/k/2083/indikatorer/${BRA}?kon=T"]`);
      expect(await back.innerText()).toContain('Hela sidan');
      await page.locator('.recharts-surface').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: path.join(SHOTS, `embed-chart-${width}.png`), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    },
  );

  it('shows the map alone at 390 px with its table behind a disclosure, axe clean', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 900 });
    await page.goto(`${server!.url}/inbaddning/karta/${BRA}`);
    expect(await page.locator('header, nav, footer').count()).toBe(0);
    expect(await page.locator('svg [data-kommun][tabindex="0"]').count()).toBe(15);
    expect(await page.locator('details.data-table table tbody tr').count()).toBe(15);
    expect(await page.locator('[data-source-line]').innerText()).toMatch(/^Källa: .*Brå/);
    expect(await page.locator('[data-example-mark]').count()).toBe(0);
    // The view's choices are text, not links out of the frame.
    expect(await page.locator('a[href*="karta=riket"]').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.locator('details.data-table summary').click();
    await page.screenshot({ path: path.join(SHOTS, 'embed-map-390.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('marks example data on an embed whose series is example data', async () => {
    const res = await fetch(`${server!.url}/api/v1/indicators`);
    const ids = ((await res.json()) as { indicators: { id: string }[] }).indicators.map((i) => i.id);
    expect(ids).toContain(BRA);
    let found: string | null = null;
    for (const id of ids) {
      const html = await (await fetch(`${server!.url}/inbaddning/indikator/${encodeURIComponent(id)}`)).text();
      if (html.includes('data-example-mark')) {
        found = id;
        break;
      }
    }
    expect(found).not.toBeNull();
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 900 });
    await page.goto(`${server!.url}/inbaddning/indikator/${encodeURIComponent(found!)}`);
    expect(await page.locator('[data-example-mark]').innerText()).toMatch(/^Exempeldata:/);
    // The table marks the example values too.
    expect(await page.locator('details.data-table').textContent()).toContain('Exempeldata');
    await page.screenshot({ path: path.join(SHOTS, 'embed-chart-example-390.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('offers the embed code beside the map; the other site shows it in a frame', async () => {
    const page = await browser.newPage();
    await page.goto(`${server!.url}/indikatorer/${BRA}`);
    const offer = page.locator('[data-embed-offer="karta"]');
    await offer.locator('summary').click();
    const code = await offer.locator('textarea').inputValue();
    expect(code).toMatch(
      new RegExp(
        `^<iframe src="${server!.url.replace(/\./g, '\\.')}/inbaddning/karta/${BRA}\\?kommun=2083&amp;period=\\d{4}" title="Karta: `,
      ),
    );
    await offer.screenshot({ path: path.join(SHOTS, 'embed-offer-map.png') });
    // The chart's code is made absolute in the browser, as on the (cached) goal pages.
    await page.locator('[data-embed-offer="indikator"] textarea[data-resolved]').waitFor({ state: 'attached' });
    const chartCode = await page.locator('[data-embed-offer="indikator"] textarea').inputValue();
    expect(chartCode).toContain(`src="${server!.url}/inbaddning/indikator/${BRA}?kommun=2083&amp;kon=T"`);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();

    const { page: site, frame } = await framed(code);
    expect(frame.url()).toContain('/inbaddning/karta/');
    expect(await frameHeading(frame)).toMatch(/narkotika/i);
    expect(await frame.locator('svg [data-kommun]').count()).toBe(15);
    await site.screenshot({ path: path.join(SHOTS, 'embed-framed-map.png'), fullPage: true });
    await site.close();
  });

  it('the other site shows the chart in a frame, but not an ordinary page', async () => {
    const chart = await framed(iframe(`${server!.url}/inbaddning/indikator/${BRA}`));
    expect(await frameHeading(chart.frame)).toMatch(/narkotika/i);
    await chart.frame.locator('.recharts-surface').first().waitFor();
    await chart.page.screenshot({ path: path.join(SHOTS, 'embed-framed-chart.png'), fullPage: true });
    await chart.page.close();

    for (const p of ['/', `/indikatorer/${BRA}`]) {
      const { page, frame } = await framed(iframe(server!.url + p));
      expect(frame.url(), p).not.toContain(server!.url);
      // Chromium's error page stands in for the refused page: nothing of the app's is in the frame.
      expect(await frame.locator('main#main, .site-header, h1#inbaddning-rubrik').count(), p).toBe(0);
      expect(await frame.title(), p).not.toContain('Trygghetsläget');
      await page.close();
    }
  });

  it('tells the rank with the ranked bars, not bare beside them', async () => {
    const page = await browser.newPage();
    await page.goto(`${server!.url}/mal/T-M1`);
    const section = page.locator('[data-indicator="ntu_otrygg_kvall"]');
    expect(await section.locator('.ranked-bars figcaption').innerText()).toMatch(
      /Hedemora har plats \d+ av \d+ kommuner i länet med redovisade värden \(\d{4}; plats 1 är bäst\); med hänsyn till osäkerheten kan den verkliga placeringen ligga mellan \d+ och \d+/,
    );
    expect(await section.locator('.verdict').innerText()).not.toContain('har plats');
    await section.locator('.ranked-bars').screenshot({ path: path.join(SHOTS, 'embed-goal-rank.png') });
    await page.close();
  });
});

describe('the goal page offers every chart for embedding', () => {
  const GOAL = 'N-M1';
  beforeAll(async () => {
    server = await startServer({ PGLITE_DIR: dir, DATABASE_URL: undefined, EMBED_ALLOWED_ORIGINS: hostOrigin });
    const page = await browser.newPage();
    await signInBrowser(page, server.url, USERS.samordnare, '/plan/jamforelsegrupper');
    await page.goto(`${server.url}/plan/jamforelsegrupper`);
    await page.fill('#title', 'Grannkommuner');
    for (const name of ['Avesta', 'Säter', 'Falun', 'Borlänge']) await page.getByLabel(name, { exact: true }).check();
    await page.getByRole('button', { name: 'Spara gruppen' }).click();
    await page.getByRole('status').filter({ hasText: 'Grannkommuner' }).waitFor();
    await page.close();
    // The rest is what an anonymous visitor sees.
    await browser.clearCookies();
  });
  afterAll(async () => {
    await server?.stop();
    server = undefined;
  });

  it('gives the chart an absolute embed address for the indicator with the goal’s group; the other site’s frame shows the same latest value', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server!.url}/mal/${GOAL}`);
    const section = page.locator(`[data-indicator="${BRA}"]`);
    expect(await section.locator('section[aria-label^="Jämförelse med liknande kommuner"]').innerText()).toMatch(
      /medianen för Grannkommuner/,
    );
    // The permanent link: the indicator page with the goal's series.
    expect(await section.locator(`.goal-share a[href="/k/2083/indikatorer/${BRA}?kon=T"]`).count()).toBe(1);

    const offer = section.locator('[data-embed-offer="indikator"]');
    const field = offer.locator('textarea');
    expect(await field.isVisible()).toBe(false);
    // A disclosure: reached and opened with the keyboard.
    await offer.locator('summary').focus();
    await page.keyboard.press('Enter');
    await field.waitFor({ state: 'visible' });
    // The cached page knows no address: the browser fills it in.
    await offer.locator('textarea[data-resolved]').waitFor();
    const code = await field.inputValue();
    const src = /^<iframe src="([^"]+)"/.exec(code)?.[1]?.replace(/&amp;/g, '&') ?? '';
    const url = new URL(src);
    expect(url.origin).toBe(new URL(server!.url).origin);
    expect(url.pathname).toBe(`/inbaddning/indikator/${BRA}`);
    expect(url.searchParams.get('kommun')).toBe('2083');
    expect(url.searchParams.get('kon')).toBe('T');
    expect(url.searchParams.get('jmfgrupp')).toMatch(/\S/);
    expect(code).toMatch(/title="Diagram: [^"]*Grannkommuner" width="100%" height="1000"/);

    // The copy button works from the keyboard and says what it did (copied, or selected where the clipboard is refused).
    await offer.getByRole('button', { name: 'Kopiera koden' }).focus();
    await page.keyboard.press('Enter');
    await offer
      .getByRole('status')
      .filter({ hasText: /Koden är (kopierad|markerad)/ })
      .waitFor();

    // The map beside the ranked bars: its own offer, also absolute, for the bars' period.
    const mapOffer = section.locator('[data-embed-offer="karta"]');
    await mapOffer.locator('summary').click();
    await mapOffer.locator('textarea[data-resolved]').waitFor();
    expect(await mapOffer.locator('textarea').inputValue()).toMatch(
      new RegExp(
        `^<iframe src="${server!.url.replace(/\./g, '\\.')}/inbaddning/karta/${BRA}\\?kommun=2083&amp;period=\\d{4}" title="Karta: `,
      ),
    );
    // Every field has its own id (several indicators, two offers each).
    const ids = await page.locator('.embed-offer textarea').evaluateAll((els) => els.map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(2);

    // The goal chart's own table (the bars and the band have tables of their own).
    const goalTable = section.locator('details.data-table').filter({ has: page.locator('summary', { hasText: 'Visa data som tabell' }) });
    await goalTable.locator('summary').click();
    const goalLatest = await latestOf(goalTable.locator('table'), 'Hedemora');
    expect(goalLatest.value).toMatch(/\d/);
    await offer.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'embed-goal-offer-1280.png') });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();

    const { page: site, frame } = await framed(code);
    expect(frame.url()).toBe(src);
    expect(await frameHeading(frame)).toMatch(/narkotika/i);
    const embedTable = frame.locator('details.data-table').filter({ has: frame.locator('summary', { hasText: /^Tabell: värde/ }) });
    await embedTable.locator('summary').click();
    expect(await latestOf(embedTable.locator('table'), 'Hedemora')).toEqual(goalLatest);
    // The goal chart's comparison group band, as on the goal page.
    expect(await frame.locator('figcaption').filter({ hasText: 'medianen för Grannkommuner' }).count()).toBe(1);
    await frame.locator('section[aria-labelledby="inbaddning-grupp"]').screenshot({ path: path.join(SHOTS, 'embed-framed-goal-band.png') });
    await frame.locator('.recharts-surface').first().waitFor();
    await site.screenshot({ path: path.join(SHOTS, 'embed-framed-goal-chart.png'), fullPage: true });
    await site.close();
  });

  it('fits the open offer in 390 px, axe clean', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 900 });
    await page.goto(`${server!.url}/mal/${GOAL}`);
    const offer = page.locator(`[data-indicator="${BRA}"] [data-embed-offer="indikator"]`);
    await offer.locator('summary').click();
    await offer.locator('textarea[data-resolved]').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await offer.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'embed-goal-offer-390.png') });
    await offer.screenshot({ path: path.join(SHOTS, 'embed-goal-offer-390-detail.png') });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('ignores a group that is not one of the kommun’s: the chart alone', async () => {
    const page = await browser.newPage();
    await page.goto(`${server!.url}/inbaddning/indikator/${BRA}?kon=T&jmfgrupp=finns-inte`);
    expect(await page.locator('h1#inbaddning-rubrik').textContent()).toMatch(/narkotika/i);
    expect(await page.locator('#inbaddning-grupp').count()).toBe(0);
    await page.close();
  });
});

describe('with EMBED_ALLOWED_ORIGINS unset', () => {
  beforeAll(async () => {
    server = await startServer({ PGLITE_DIR: dir, DATABASE_URL: undefined, EMBED_ALLOWED_ORIGINS: undefined });
  });
  afterAll(async () => {
    await server?.stop();
    server = undefined;
  });

  it('lets only the app itself frame an embed: the other site is refused', async () => {
    const res = await fetch(`${server!.url}/inbaddning/indikator/${BRA}`);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'$/);
    expect(res.headers.get('x-frame-options')).toBeNull();

    const { page, frame } = await framed(iframe(`${server!.url}/inbaddning/indikator/${BRA}`));
    expect(frame.url()).not.toContain(server!.url);
    expect(await frameHeading(frame)).toBeNull();
    await page.screenshot({ path: path.join(SHOTS, 'embed-refused.png') });
    await page.close();
  });
});

describe('with PUBLIC_DASHBOARD=false', () => {
  beforeAll(async () => {
    server = await startServer({ PGLITE_DIR: dir, DATABASE_URL: undefined, PUBLIC_DASHBOARD: 'false', EMBED_ALLOWED_ORIGINS: hostOrigin });
  });

  it('sends an anonymous visitor of an embed to sign in, like every other page, and the other site shows nothing', async () => {
    const res = await fetch(`${server!.url}/inbaddning/karta/${BRA}?period=2024`, { redirect: 'manual' });
    expect(res.status).toBe(307);
    expect(new URL(res.headers.get('location') ?? '', server!.url).href).toBe(
      `${server!.url}/logga-in?nasta=${encodeURIComponent(`/inbaddning/karta/${BRA}?period=2024`)}`,
    );
    expect(res.headers.get('cache-control')).toBe('private, no-store');

    const { page, frame } = await framed(iframe(`${server!.url}/inbaddning/karta/${BRA}`));
    expect(await frameHeading(frame)).toBeNull();
    expect(await frame.locator('svg [data-kommun]').count()).toBe(0);
    await page.close();
  });
});
