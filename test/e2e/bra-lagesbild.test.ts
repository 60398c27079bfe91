import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { closeBrowser, launchBrowser } from './browser';
import { openOverviewDetails } from './overview-page';
import { startServer, tempPgliteDir, type Server } from './server';
import { createUsers, signInBrowser, USERS } from './users';

/*
 * Real numbers from the first start, and Brå's workbook through /import. Two servers: one started as
 * `npm run setup` starts (Brå's values loaded by the seed), one whose data folder lists no published file, so
 * that a coordinator's upload of Hedemora.xlsx is what brings the real values in.
 */

const SHOTS = path.resolve('test-results');
const WORKBOOK = path.resolve('test/fixtures/import/bra-lagesbild/Hedemora.xlsx');
const SOURCE = 'Brå, Indikatorer för kommuners lägesbild';

let browser: BrowserContext;
let seeded: Server;
let bare: Server;

/** A copy of data-imports/ whose real-data.json lists nothing: the seed then loads no published statistics. */
function dataWithoutPublishedFiles(): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tl-data-')), 'data-imports');
  fs.cpSync(path.resolve('data-imports'), dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'real-data.json'), '[]\n');
  return dir;
}

beforeAll(async () => {
  browser = await launchBrowser();
  seeded = await startServer({ PGLITE_DIR: tempPgliteDir(), DATABASE_URL: undefined });
  const pglite = tempPgliteDir();
  const data = dataWithoutPublishedFiles();
  await createUsers({ PGLITE_DIR: pglite, DATA_IMPORTS_DIR: data }, [USERS.samordnare]);
  bare = await startServer({ PGLITE_DIR: pglite, DATABASE_URL: undefined, DATA_IMPORTS_DIR: data });
});
afterAll(async () => {
  await seeded?.stop();
  await bare?.stop();
  await closeBrowser(browser);
});

async function card(page: Page, url: string, indicator: string) {
  await openOverviewDetails(page, url);
  return page.locator(`[data-indicator="${indicator}"]`).first();
}

describe("a fresh start shows Hedemora's real numbers", () => {
  it('on the overview: NTU narkotikahandel 2025 6 %, KI 4–9, n 98, Dalarna and Sverige, with Brå as source and no Exempeldata badge', async () => {
    const page = await browser.newPage();
    const narko = await card(page, seeded.url, 'ntu_problem_narkotikahandel');
    const text = await narko.innerText();
    expect(text).toContain(`Källa: ${SOURCE}`);
    expect(await narko.locator('.badge.example').count()).toBe(0);
    const rows = await narko.locator('table.latest tbody tr').allInnerTexts();
    expect(rows[0]).toMatch(/Hedemora\s+6,0\s%\s+KI\s4,0–9,0\s·\sn\s=\s98\s+2025/);
    expect(rows[1]).toMatch(/Dalarnas län\s+3,0\s%/);
    expect(rows[2]).toMatch(/Sverige\s+5,1\s%/);
    // Reported crime, real: våld i nära relationer mot kvinnor, per 100 000 inv.
    const vnr = await (await card(page, seeded.url, 'bra_anm_vnr_kvinnor_100k')).innerText();
    expect(vnr).toContain(`Källa: ${SOURCE}`);
    expect(vnr).toMatch(/Hedemora\s+588\s+2024/);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'overview-real-bra.png'), fullPage: false });
    await page.close();
  });

  it('on the goal page N-M1, with the real series drawn solid and the example series hollow', async () => {
    const page = await browser.newPage();
    await page.goto(`${seeded.url}/mal/N-M1`);
    await page.waitForSelector('[data-chart="indicator"] .recharts-line-curve', { state: 'attached' });
    const real = page.locator('[data-indicator="ntu_problem_narkotikahandel"]');
    expect(await real.locator('.meta').filter({ hasText: 'Källa:' }).first().innerText()).toContain(`Källa: ${SOURCE}`);
    expect(await real.locator('.badge.example').count()).toBe(0);
    expect(await real.locator('.recharts-line-dots circle[fill="#fff"]').count()).toBe(0);
    const example = page.locator('[data-indicator="ptm_problem_narkotikahandel"]');
    expect(await example.locator('.badge.example').count()).toBe(1);
    expect(await example.locator('.recharts-line-dots circle[fill="#fff"]').count()).toBeGreaterThan(0);
    expect(await example.locator('.chart-legend').innerText()).toContain('exempeldata');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'goal-N-M1-real.png'), fullPage: true });
    await page.close();
  });

  it("through the API for Hedemora, Dalarna, riket and the län's other kommuner", async () => {
    const json = await (
      await fetch(`${seeded.url}/api/v1/indicators/ntu_problem_narkotikahandel/observations?regions=2083,20,00,2084,2080&from=2025&to=2025`)
    ).json();
    const by = new Map(json.observations.map((o: { region: string }) => [o.region, o]));
    expect(by.get('2083')).toMatchObject({ value: 6, ciLow: 4, ciHigh: 9, n: 98, example: false, source: SOURCE });
    for (const code of ['20', '00', '2084', '2080']) expect(by.get(code), code).toMatchObject({ example: false, source: SOURCE });
  });
});

describe("Brå's workbook through /import", () => {
  it('every sheet in one import with one preview; the values reach the overview; a second upload changes nothing', async () => {
    const page = await browser.newPage();
    await signInBrowser(page, bare.url, USERS.samordnare, '/import');
    const before = await (await card(page, bare.url, 'ntu_problem_narkotikahandel')).innerText();
    expect(before).not.toContain(SOURCE);

    await page.goto(`${bare.url}/import`);
    await page.setInputFiles('#import-file', WORKBOOK);
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    const preview = page.locator('section.preview');
    await preview.waitFor();
    const text = await preview.innerText();
    expect(text).toContain('Brå – Indikatorer för kommuners lägesbild');
    expect(text).toContain('Brå, Indikatorer för kommuners lägesbild');
    expect(text).toMatch(/\d+ blad i en import/);
    const m = /(\d[\d\s]*)\s+nya, 0\s+ändrade och 0\s+oförändrade/.exec(text);
    expect(m).not.toBeNull();
    const inserted = Number(m![1]!.replace(/\s/g, ''));
    expect(inserted).toBeGreaterThan(1000);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'import-bra-workbook.png'), fullPage: false });
    await page.getByRole('button', { name: 'Bekräfta och importera' }).click();
    await page.getByText('Importen är klar.').waitFor();

    const after = await card(page, bare.url, 'ntu_problem_narkotikahandel');
    expect(await after.innerText()).toContain(`Källa: ${SOURCE}`);
    expect(await after.locator('table.latest tbody tr').first().innerText()).toMatch(/Hedemora\s+6,0\s%\s+KI\s4,0–9,0\s·\sn\s=\s98\s+2025/);

    await page.goto(`${bare.url}/import`);
    await page.setInputFiles('#import-file', WORKBOOK);
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await preview.waitFor();
    const again = /(\d[\d\s]*)\s+nya, (\d[\d\s]*)\s+ändrade och (\d[\d\s]*)\s+oförändrade/.exec(await preview.innerText())!;
    expect(again.slice(1, 4).map((x) => Number(x.replace(/\s/g, '')))).toEqual([0, 0, inserted]);
    expect(await page.getByText('Filen innehåller inget nytt').count()).toBe(1);
    await page.close();
  });
});
