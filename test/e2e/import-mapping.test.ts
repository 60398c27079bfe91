import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { closeBrowser, launchBrowser } from './browser';
import { startServer, tempPgliteDir, type Server } from './server';
import { createUsers, signInBrowser, USERS } from './users';

/**
 * Issue 14 item 3 in the browser: an unknown long table (a PxWeb export from Folkhälsomyndigheten) → the mapping
 * form → preview → commit → a second upload of the same layout applies the saved mapping; axe clean and no
 * sideways scrolling at 1280 and 390 px.
 */
const SHOTS = path.resolve('test-results');
const fixture = (rel: string) => path.resolve('test/fixtures/import', rel);

let browser: BrowserContext;
let server: Server;
beforeAll(async () => {
  browser = await launchBrowser();
  const pglite = tempPgliteDir();
  await createUsers({ PGLITE_DIR: pglite }, [USERS.samordnare]);
  server = await startServer({ PGLITE_DIR: pglite, DATABASE_URL: undefined });
  const page = await browser.newPage();
  await signInBrowser(page, server.url, USERS.samordnare, '/import');
  await page.close();
});
afterAll(async () => {
  await server?.stop();
  await closeBrowser(browser);
});

async function upload(page: Page, rel: string) {
  await page.goto(`${server.url}/import`);
  await page.setInputFiles('#import-file', fixture(rel));
  await page.getByRole('button', { name: 'Förhandsgranska', exact: true }).click();
}

/** The import section (form, mapping, preview) is no wider than the window; the site's navigation is issue 15's. */
const fits = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector('.import');
    return el !== null && el.getBoundingClientRect().right <= window.innerWidth && el.scrollWidth <= el.clientWidth + 1;
  });

describe('column mapping in the browser', () => {
  it('maps an unknown long table, previews with names, commits, and the next upload uses the saved mapping (1280 px)', async () => {
    const page = await browser.newPage();
    await upload(page, 'pxweb/fohm-otrygghet-lan-kommun.csv');
    const form = page.locator('form.mapping-form');
    await form.waitFor();
    // The roles were guessed from the header below PxWeb's title line.
    expect(await form.getByLabel('Region (krävs)').inputValue()).toBe('Region');
    expect(await form.getByLabel('KI låg').inputValue()).toBe('Konfidensintervall nedre gräns');
    expect(await page.getByRole('table', { name: /De första raderna/ }).innerText()).toContain('20 Dalarnas län');
    expect(await axeViolations(page)).toEqual([]);
    expect(await fits(page)).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'import-mapping-form-1280.png'), fullPage: true });

    // Without an indicator the form says what is missing and sends nothing.
    await page.getByRole('button', { name: 'Förhandsgranska med mappningen' }).click();
    await expect.poll(() => form.getByRole('alert').innerText()).toMatch(/Välj indikator/);

    await page.getByLabel('Indikator', { exact: true }).selectOption('ntu_otrygg_kvall');
    await page.getByRole('button', { name: 'Förhandsgranska med mappningen' }).click();
    const preview = page.locator('section.preview', { has: page.getByRole('heading', { name: /Förhandsgranskning/ }) });
    await preview.waitFor();
    const text = await preview.innerText();
    expect(text).toContain('Kolumnmappning (sparas när du bekräftar)');
    expect(text).toContain('Dalarnas län (20)');
    expect(text).toContain('Hedemora (2083)');
    expect(text).toMatch(/Otrygghet vid utevistelse sen kväll i eget bostadsområde \(ntu_otrygg_kvall\)/);
    expect(text).toMatch(/6\s+nya/);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'import-mapping-preview-1280.png'), fullPage: true });

    await page.getByRole('button', { name: 'Bekräfta och importera' }).click();
    await page.getByText('Importen är klar.').waitFor();

    await upload(page, 'pxweb/fohm-otrygghet-lan-kommun.csv');
    await preview.waitFor();
    const again = await preview.innerText();
    expect(again).toContain('Sparad kolumnmappning används');
    expect(again).toContain(USERS.samordnare.email);
    expect(again).toMatch(/0\s+nya, 0\s+ändrade och 6\s+oförändrade/);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'import-mapping-saved-1280.png'), fullPage: true });

    // The saved mapping can be changed: the form opens with it filled in.
    await page.getByRole('button', { name: 'Ändra mappningen' }).click();
    await form.waitFor();
    expect(await page.getByLabel('Indikator', { exact: true }).inputValue()).toBe('ntu_otrygg_kvall');
    await page.close();
  });

  it('the mapping form and its preview fit 390 px and are axe clean', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await upload(page, 'mucf/mucf-lupp-export.csv');
    await page.locator('form.mapping-form').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await fits(page)).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'import-mapping-form-390.png'), fullPage: true });
    await page.getByLabel('Indikator', { exact: true }).selectOption('lupp_hotad');
    await page.getByRole('button', { name: 'Förhandsgranska med mappningen' }).click();
    const preview = page.locator('section.preview', { has: page.getByRole('heading', { name: /Förhandsgranskning/ }) });
    await preview.waitFor();
    expect(await preview.innerText()).toContain('grupp åk 9');
    expect(await axeViolations(page)).toEqual([]);
    expect(await fits(page)).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'import-mapping-preview-390.png'), fullPage: true });
    await page.close();
  });
});
