import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '@/lib/format';
import type { KoladaRecord } from '@/lib/kolada/client';
import { KOLADA_ANSWER_DIR, startKoladaReplay, type KoladaReplay } from '../helpers/kolada-replay';
import { axeViolations } from './axe';
import { closeBrowser, launchBrowser } from './browser';
import { startServer, tempPgliteDir, type Server } from './server';
import { createUsers, signInBrowser, USERS } from './users';

const SHOTS = path.resolve('test-results');

/** A recorded value, read from the answer file itself. */
function recordedValue(kpi: string, area: string, year: number, gender: string): number {
  const items = (JSON.parse(fs.readFileSync(path.join(KOLADA_ANSWER_DIR, `${kpi}.json`), 'utf8')) as { values: KoladaRecord[] }).values;
  const v = items.find((i) => i.municipality === area && Number(i.period) === year)?.values.find((x) => x.gender === gender)?.value;
  if (typeof v !== 'number') throw new Error(`no recorded value ${kpi} ${area} ${year} ${gender}`);
  return v;
}

let browser: BrowserContext;
let server: Server;
let replay: KoladaReplay;

async function observations(
  indicator: string,
  query = 'regions=2083',
): Promise<{ value: number | null; sex: string; period: string; source: string }[]> {
  const res = await fetch(`${server.url}/api/v1/indicators/${indicator}/observations?${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { observations: { value: number | null; sex: string; period: string; source: string }[] }).observations;
}

async function koladaImports(page: Page): Promise<number> {
  await page.goto(`${server.url}/import/historik`);
  return page.locator('main table tbody tr', { hasText: 'kolada-v3-' }).count();
}

/** Presses the button and waits for the answer (a preview, or the alert). */
async function fetchFromKolada(page: Page) {
  await page.goto(`${server.url}/import`);
  const section = page.locator('section.kolada-fetch');
  await section.getByRole('button', { name: 'Hämta från Kolada' }).click();
  await section.locator('section.preview, [role="alert"]').first().waitFor({ timeout: 60_000 });
  return section;
}

beforeAll(async () => {
  replay = await startKoladaReplay({ pageSize: 250 });
  browser = await launchBrowser();
  const pglite = tempPgliteDir();
  await createUsers({ PGLITE_DIR: pglite }, [USERS.samordnare]);
  server = await startServer({ PGLITE_DIR: pglite, DATABASE_URL: undefined, KOLADA_BASE_URL: replay.baseUrl, KOLADA_TIMEOUT_S: '10' });
  const page = await browser.newPage();
  await signInBrowser(page, server.url, USERS.samordnare, '/import');
  await page.close();
});
afterAll(async () => {
  await server?.stop();
  await closeBrowser(browser);
  await replay?.close();
});

describe('Hämta från Kolada in the browser (against the replay server)', () => {
  it('Kolada down: a clear message, nothing written', async () => {
    const page = await browser.newPage();
    const before = await koladaImports(page);
    await replay.stop();
    try {
      const section = await fetchFromKolada(page);
      const alert = section.locator('[role="alert"]');
      expect(await alert.innerText()).toContain(
        `Kolada svarade inte (anslutningen till 127.0.0.1:${replay.port} nekades, sida 1; 4 försök) — inget har sparats.`,
      );
      expect(await section.locator('section.preview').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, 'kolada-down.png'), fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      // The Kolada section itself fits 390 px (the /import page as a whole is wider there because of other parts).
      const box = await section.evaluate((el) => ({
        scroll: el.scrollWidth,
        client: el.clientWidth,
        right: el.getBoundingClientRect().right,
      }));
      expect(box.scroll).toBeLessThanOrEqual(box.client);
      expect(box.right).toBeLessThanOrEqual(390);
      await section.screenshot({ path: path.join(SHOTS, 'kolada-down-390.png') });
    } finally {
      await replay.start();
    }
    expect(await koladaImports(page)).toBe(before);
    expect(await observations('kolada_lagforda_15_17_1000')).toEqual([]);
    await page.close();
  });

  it('a 500 on page 2: a clear message, nothing written', async () => {
    const page = await browser.newPage();
    const before = await koladaImports(page);
    replay.requests.length = 0;
    replay.fault = { status: 500, page: 2 };
    try {
      const section = await fetchFromKolada(page);
      expect(await section.locator('[role="alert"]').innerText()).toContain(
        'Kolada svarade inte (HTTP 500 på sida 2; 4 försök) — inget har sparats.',
      );
      // Page 1 was read, page 2 asked for four times: the answer was not half-used.
      expect(replay.requests.filter((q) => q.includes('page=2'))).toHaveLength(4);
      await page.screenshot({ path: path.join(SHOTS, 'kolada-500-page-2.png'), fullPage: true });
    } finally {
      replay.fault = null;
    }
    expect(await koladaImports(page)).toBe(before);
    expect(await observations('kolada_lagforda_15_17_1000')).toEqual([]);
    await page.close();
  });

  it('fetch → preview → confirm → the values on the indicator page → undo', async () => {
    const page = await browser.newPage();
    const section = await fetchFromKolada(page);
    const preview = section.locator('section.preview');
    const text = await preview.innerText();
    expect(text).toMatch(/Förhandsgranskning: kolada-v3-2083-\d{4}-\d{2}-\d{2}\.json/);
    expect(text).toContain('RKA (Kolada), Kolada API v3');
    expect(text).toContain('Kolada (API-svar, JSON)');
    expect(text).toMatch(/[1-9][\d\s]* nya, [\d\s]+ ändrade och [\d\s]+ oförändrade värden/);
    expect(await section.innerText()).toMatch(
      /Hämtat från Kolada API v3 \d{4}-\d{2}-\d{2} \d{2}:\d{2}: N07403, N07540, N07402, U07418, U07417, U07452, N02905 för Hedemora, Dalarnas län, riket och länets 15 kommuner \(1 anrop, \d+ sidor\)/,
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'kolada-preview.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await section.screenshot({ path: path.join(SHOTS, 'kolada-preview-390.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
    // Nothing is written by the preview.
    expect(await observations('kolada_lagforda_15_17_1000')).toEqual([]);

    await preview.getByRole('button', { name: 'Bekräfta och importera' }).click();
    await section.getByText('Importen från Kolada är klar.').waitFor({ timeout: 60_000 });
    const href = await section.getByRole('link', { name: /Visa importen/ }).getAttribute('href');
    await page.screenshot({ path: path.join(SHOTS, 'kolada-committed.png'), fullPage: true });

    // Kvinnor 15–17 lagförda in Hedemora 2022, from the answer file, shown on the indicator page for kön K.
    const expected = recordedValue('N02905', '2083', 2022, 'K');
    await page.goto(`${server.url}/indikatorer/kolada_lagforda_15_17_1000?vy=tabell&kon=K`);
    const table = page.locator('details.data-table table');
    expect(await table.innerText()).toContain(formatNumber(expected, 1));
    expect(await page.locator('main').innerText()).toContain('RKA (Kolada), Kolada API v3');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'kolada-indicator.png'), fullPage: true });
    const api = await observations('kolada_lagforda_15_17_1000', 'regions=2083&sex=K&from=2022&to=2022');
    expect(api.map((o) => [o.period, o.sex, o.value])).toEqual([['2022', 'K', expected]]);

    await page.goto(`${server.url}${href}`);
    const detail = await page.locator('main').innerText();
    expect(detail).toContain('Kolada API v3');
    expect(detail).toContain('N02905');
    // Undoing asks first (the confirmation step), then says so.
    await page.getByRole('link', { name: 'Ångra importen' }).click();
    await page.getByRole('button', { name: 'Ja, ångra importen' }).click();
    await page.getByRole('status').filter({ hasText: 'är ångrad' }).waitFor();
    expect(await observations('kolada_lagforda_15_17_1000')).toEqual([]);
    await page.close();
  });
});
