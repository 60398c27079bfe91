import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { closeBrowser, launchBrowser } from './browser';
import { openOverviewDetails } from './overview-page';
import { startServer, tempPgliteDir, type Server } from './server';

const SHOTS = path.resolve('test-results');
const VERDICTS =
  /Målet uppnått|Säkerställd förbättring|Tecken på förbättring \(ej säkerställd\)|Oförändrat|Tecken på försämring \(ej säkerställd\)|Säkerställd försämring|Underlag saknas|Sammanhang/;

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

describe('follow-up pages', () => {
  it('overview: a roll-up per goal and a verdict per indicator', async () => {
    const page = await browser.newPage();
    await openOverviewDetails(page, server.url);
    const goal = page.locator('section.goal').first();
    expect(await goal.locator('.rollup .verdict-badge').count()).toBeGreaterThan(0);
    const card = page.locator('[data-indicator="ntu_otrygg_kvall"]').first();
    expect(await card.locator('.verdict-badge').first().innerText()).toMatch(VERDICTS);
    expect(await card.locator('.sentence').first().innerText()).toMatch(/\.$/);
    await page.close();
  });

  it('goal page: charts with KI bands, verdicts, benchmarks, the plan rows; no axe violations', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/mal/T-M1`);
    await page.waitForSelector('[data-chart="indicator"] .recharts-line-curve', { state: 'attached' });
    const main = await page.locator('main').innerText();
    expect(main).toContain('Öka den upplevda tryggheten');
    expect(main).toMatch(/(Bättre än|Ingen säkerställd skillnad mot|Sämre än) Dalarna/);
    expect(main).not.toMatch(/I nivå med/);
    // Every test the page shows is counted, with what chance alone would give.
    expect(main).toMatch(/Sidan visar \d+ statistiska jämförelser/);
    expect(main).toMatch(/väntas se säkerställda ut av ren slump/);
    expect(main).toContain('Planens åtgärder för målet');
    expect(main).toContain('Trygghetsvandringar');
    const ntu = page.locator('[data-indicator="ntu_otrygg_kvall"]');
    expect(await ntu.locator('.recharts-area-area').count()).toBeGreaterThan(0);
    expect(await ntu.locator('.recharts-reference-line').count()).toBeGreaterThan(0);
    expect(await ntu.locator('.verdict-badge').first().innerText()).toMatch(VERDICTS);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'goal-T-M1.png'), fullPage: true });
    // The chart downloads as SVG and PNG.
    const tools = ntu.locator('.chart-tools').first();
    const [svg] = await Promise.all([page.waitForEvent('download'), tools.getByRole('button', { name: 'SVG' }).click()]);
    expect(svg.suggestedFilename()).toBe('ntu_otrygg_kvall-T-M1.svg');
    const svgText = await (await import('node:fs/promises')).readFile((await svg.path())!, 'utf8');
    expect(svgText).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svgText).toContain('recharts-line-curve');
    const [png] = await Promise.all([page.waitForEvent('download'), tools.getByRole('button', { name: 'PNG' }).click()]);
    const pngBytes = await (await import('node:fs/promises')).readFile((await png.path())!);
    expect([...pngBytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    await page.close();
  });

  it('indicator page: chart and table views, breakdown switch, comparison kommuner, metadata; no axe violations', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/indikatorer/ntu_otrygg_kvall?jamfor=2081&jamfor=2084`);
    await page.waitForSelector('[data-chart="indicator"] .recharts-line-curve', { state: 'attached' });
    const main = await page.locator('main').innerText();
    expect(main).toContain('Frågans lydelse');
    expect(main).toContain('Geografi som mäts');
    expect(main).toMatch(/Utgivning/);
    expect(await page.locator('input[name="jamfor"][value="2081"]').isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'indicator-ntu_otrygg_kvall.png'), fullPage: true });
    await page.goto(`${server.url}/indikatorer/ntu_otrygg_kvall?vy=tabell`);
    const table = page.locator('details.data-table table');
    expect(await table.isVisible()).toBe(true);
    expect(await table.innerText()).toMatch(/Hedemora\s+2025\s+\d+,\d\s%/);
    // A source with breakdowns: the EUDA reference series is per treatment plant.
    await page.goto(`${server.url}/indikatorer/euda_ref_kokain`);
    const nav = page.getByRole('navigation', { name: 'Uppdelningar' });
    expect(await nav.locator('a').count()).toBeGreaterThan(1);
    await nav.locator('a').first().click();
    await page.waitForURL(/plats=/);
    expect(await page.locator('main').innerText()).toContain('Delgrupp – tolka med försiktighet');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('indicator list: search and filters held in the URL', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/indikatorer`);
    const all = await page.locator('tbody tr').count();
    expect(all).toBeGreaterThan(40);
    await page.fill('#q', 'avlopp');
    await page.getByRole('button', { name: 'Filtrera' }).click();
    await page.waitForURL(/q=avlopp/);
    const rows = await page.locator('tbody tr').allInnerTexts();
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.length).toBeLessThan(all);
    for (const r of rows) expect(r.toLowerCase()).toContain('avlopp');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('public API', () => {
  it('lists indicators, shows one, and 404s an unknown id', async () => {
    const list = await (await fetch(`${server.url}/api/v1/indicators`)).json();
    expect(list.indicators.length).toBeGreaterThan(40);
    const one = await fetch(`${server.url}/api/v1/indicators/ntu_otrygg_kvall`);
    expect((await one.json()).indicator).toMatchObject({ id: 'ntu_otrygg_kvall', direction: 'down', source: { id: 'ntu' } });
    expect((await fetch(`${server.url}/api/v1/indicators/finns_inte`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/v1/indicators/finns_inte/observations`)).status).toBe(404);
  });

  it('returns observations as JSON and Swedish-Excel CSV, and 400 with a message for a bad query', async () => {
    const json = await (
      await fetch(`${server.url}/api/v1/indicators/ntu_otrygg_kvall/observations?regions=2083,20,00&from=2019&to=2024`)
    ).json();
    expect(new Set(json.observations.map((o: { region: string }) => o.region))).toEqual(new Set(['2083', '20', '00']));
    for (const o of json.observations) expect(o.periodEnd >= '2019-01-01' && o.periodStart <= '2024-12-31').toBe(true);
    const csv = await fetch(`${server.url}/api/v1/indicators/ntu_otrygg_kvall/observations?regions=2083&format=csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs to read UTF-8
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    expect(text.startsWith('indikator;region;regionnamn;period')).toBe(true);
    // Brå's real value for 2025, marked as real with its source.
    expect(text).toMatch(/ntu_otrygg_kvall;2083;Hedemora;2025;;T;;;\d+;[^\r\n]*;nej;Brå, Indikatorer för kommuners lägesbild;\d+\r\n/);
    for (const bad of ['regions=abc', 'from=20', 'format=xml', 'from=2024&to=2019', 'okand=1']) {
      const res = await fetch(`${server.url}/api/v1/indicators/ntu_otrygg_kvall/observations?${bad}`);
      expect(res.status, bad).toBe(400);
      expect((await res.json()).error).toBe('Ogiltig förfrågan');
    }
  });

  it('gives goals with their indicators and the verdicts the pages show', async () => {
    const { goals } = await (await fetch(`${server.url}/api/v1/goals`)).json();
    const t = goals.find((g: { code: string }) => g.code === 'T-M1');
    const ntu = t.indicators.find((i: { id: string }) => i.id === 'ntu_otrygg_kvall');
    const page = await browser.newPage();
    await page.goto(`${server.url}/mal/T-M1`);
    const badge = await page.locator('[data-indicator="ntu_otrygg_kvall"] .verdict-badge').first().innerText();
    expect(badge).toContain(ntu.verdict.label);
    expect(await page.locator('[data-indicator="ntu_otrygg_kvall"]').innerText()).toContain(ntu.verdict.sentence);
    // The API says whether the verdict rests on example data, and names the source and the import.
    expect(typeof ntu.verdict.example).toBe('boolean');
    expect(ntu.verdict.source.id).toBe('ntu');
    expect(ntu.verdict.imports.length).toBeGreaterThan(0);
    // The pace words the page shows are the API's.
    if (ntu.verdict.pace && ntu.verdict.pace.label !== 'Kan inte beräknas') {
      expect(await page.locator('[data-indicator="ntu_otrygg_kvall"]').innerText()).toContain(ntu.verdict.pace.text);
    }
    const csv = await (await fetch(`${server.url}/api/v1/goals?format=csv`)).text();
    expect(csv.split('\r\n')[0]).toContain('exempeldata');
    await page.close();
  });

  it('/metod explains every verdict, every badge links there; accessible at 1280 and 390 px wide', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/mal/T-M1`);
    const href = await page.locator('[data-indicator="ntu_otrygg_kvall"] a.verdict-badge').first().getAttribute('href');
    expect(href).toMatch(/^\/metod#[a-z-]+$/);
    await page.goto(`${server.url}${href}`);
    const main = await page.locator('main').innerText();
    for (const word of [
      'Säkerställd förbättring',
      'Tecken på förbättring',
      'Oförändrat',
      'Underlag saknas',
      'överspridningen',
      '2017',
      'Placeringen',
      'Holms metod',
    ]) {
      expect(main).toContain(word);
    }
    expect(await page.locator(`[id="${href!.split('#')[1]}"]`).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'metod-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/metod`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'metod-390.png'), fullPage: true });
    await page.goto(`${server.url}/mal/T-M1`);
    await page.screenshot({ path: path.join(SHOTS, 'goal-T-M1-390.png'), fullPage: true });
    await page.close();
  });
});
