import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { closeBrowser, launchBrowser } from './browser';
import { openOverviewDetails } from './overview-page';
import { startServer, tempPgliteDir, type Server } from './server';
import { createUsers, sessionCookie, signInBrowser, USERS } from './users';

const SHOTS = path.resolve('test-results');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-upload-'));

/** Writes a file as Swedish Excel saves "CSV (semikolonavgränsad)": Windows-1252, CRLF. */
function excelCsv(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, iconv.encode(lines.join('\r\n') + '\r\n', 'windows-1252'));
  return file;
}

async function hedemoraLatest(page: Page, url: string, indicator: string) {
  await openOverviewDetails(page, url);
  const row = page.locator(`[data-indicator="${indicator}"]`).first().locator('table.latest tbody tr').first();
  return row.innerText();
}

let browser: BrowserContext;
let server: Server;
beforeAll(async () => {
  browser = await launchBrowser();
  const pglite = tempPgliteDir();
  await createUsers({ PGLITE_DIR: pglite }, [USERS.samordnare]);
  server = await startServer({ PGLITE_DIR: pglite, DATABASE_URL: undefined, IMPORT_MAX_MB: '1' });
  const page = await browser.newPage();
  await signInBrowser(page, server.url, USERS.samordnare, '/import');
  await page.close();
});
afterAll(async () => {
  await server?.stop();
  await closeBrowser(browser);
});

describe('upload → preview → confirm → the new value on the overview → undo', () => {
  it('imports a Swedish Excel re-save and shows the value, then undoes it', async () => {
    const page = await browser.newPage();
    // Svenskt Näringsliv's business survey: no real value in the repository, so the series is example data.
    const before = await hedemoraLatest(page, server.url, 'sn_brott_paverkar_foretag');
    expect(before).toContain('exempeldata');

    const file = excelCsv('företagare-2026.csv', [
      'indikator;region;period;kön;grupp;värde;ki_låg;ki_hög;n;status;kommentar',
      'sn_brott_paverkar_foretag;Hedemora kommun;2026;;;24,4;18,9;29,9;211;;Svenskt Näringsliv, sammanställning 2026',
    ]);
    await page.goto(`${server.url}/import`);
    await page.setInputFiles('#import-file', file);
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    const preview = page.locator('section.preview');
    await preview.waitFor();
    const text = await preview.innerText();
    expect(text).toContain('Generiskt format');
    expect(text).toContain('windows-1252');
    expect(text).toMatch(/0\s+nya, 1\s+ändrade och 0\s+oförändrade/);
    expect(text).toContain('Ersätter exempeldata');
    expect(text).toContain('T-M1');
    const exampleBefore = await preview.locator('table tbody tr td').nth(6).innerText();
    expect(exampleBefore).toMatch(/^\d+(,\d+)?$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'import-preview.png'), fullPage: true });

    // Nothing is written by the preview.
    expect(await hedemoraLatest(page, server.url, 'sn_brott_paverkar_foretag')).toEqual(before);

    await page.goto(`${server.url}/import`);
    await page.setInputFiles('#import-file', file);
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page.getByRole('button', { name: 'Bekräfta och importera' }).click();
    await page.getByText('Importen är klar.').waitFor();
    const receiptLink = page.getByRole('link', { name: /Visa importen/ });
    const href = await receiptLink.getAttribute('href');

    const after = await hedemoraLatest(page, server.url, 'sn_brott_paverkar_foretag');
    expect(after).toContain('24');
    expect(after).toContain('n = 211');
    expect(after).not.toContain('exempeldata');
    // The one real value replaces the whole invented kommun series: no example point is left beside it.
    const card = page.locator('[data-indicator="sn_brott_paverkar_foretag"]').first();
    expect(await card.locator('.meta').innerText()).toContain('Importerad fil företagare-2026.csv');
    await page.screenshot({ path: path.join(SHOTS, 'overview-after-import.png') });

    await page.goto(`${server.url}${href}`);
    expect(await page.locator('main').innerText()).toMatch(
      new RegExp(`Ändrad[\\s\\S]*2026[\\s\\S]*${exampleBefore} \\(exempel\\)\\s+24,4`),
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Ångra importen' }).click();
    await page.getByRole('button', { name: 'Ja, ångra importen' }).click();
    await page.getByText(/Import nr \d+ \(företagare-2026\.csv\) är ångrad/).waitFor();
    expect(await hedemoraLatest(page, server.url, 'sn_brott_paverkar_foretag')).toEqual(before);

    await page.goto(`${server.url}/import/historik`);
    expect(await page.locator('main table').innerText()).toContain('företagare-2026.csv');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('lists every problem with row and column, renders file text as text, and writes nothing', async () => {
    const page = await browser.newPage();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const file = excelCsv('fel.csv', [
      'indikator;region;period;värde;kommentar',
      'ntu_otrygg_kvall;2083;2025–2026;130;',
      'ntu_otrygg_kvall;<img src=x onerror=alert(1)>;2025–2026;20;',
      'ntu_otrygg_kvall;2083;2025–2026;tjugo;',
    ]);
    await page.goto(`${server.url}/import`);
    await page.setInputFiles('#import-file', file);
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    const alert = page.locator('section.preview [role="alert"]');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain('Filen har 3 fel och kan inte importeras');
    expect(text).toMatch(/2\s+värde\s+130\s+en andel ska ligga mellan 0 och 100/);
    expect(text).toMatch(/3\s+region\s+<img src=x onerror=alert\(1\)>\s+okänd region/);
    expect(text).toMatch(/4\s+värde\s+tjugo\s+förväntade ett tal/);
    expect(await page.locator('main img').count()).toBe(0);
    expect(dialogs).toBe(0);
    expect(await page.getByRole('button', { name: 'Bekräfta och importera' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'import-errors.png'), fullPage: true });
    await page.close();
  });

  it('reads a workbook with several lägesbild sheets whole, in one preview', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/import`);
    await page.setInputFiles('#import-file', path.resolve('test/fixtures/import/ntu/hedemora-tva-blad.xlsx'));
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    const preview = page.locator('section.preview');
    await preview.waitFor();
    expect(await preview.innerText()).toMatch(/3 blad i en import/);
    await page.close();
  });

  it('refuses an old .xls workbook with "spara som .xlsx" and writes nothing; the workbook saved as .xlsx previews', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/import/historik`);
    const historyBefore = await page.locator('main').innerText();
    await page.goto(`${server.url}/import`);
    await page.setInputFiles('#import-file', path.resolve('test/fixtures/import/xls/Hedemora-biff8.xls'));
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    const alert = page.locator('.notice.alert[role="alert"]');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain('Filen kan inte importeras.');
    expect(text).toMatch(/Hedemora-biff8\.xls är en äldre Excel-fil \(\.xls\)\. Öppna den i Excel och spara som \.xlsx/);
    expect(text).not.toMatch(/skadad/);
    expect(await page.getByRole('button', { name: 'Bekräfta och importera' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'import-xls-refused.png'), fullPage: true });

    // The upload endpoint says the same, and nothing was recorded.
    const form = new FormData();
    form.set('file', new File([fs.readFileSync('test/fixtures/import/xls/Hedemora-biff8.xls')], 'Hedemora-biff8.xls'));
    const cookie = await sessionCookie(server.url, USERS.samordnare);
    const res = await fetch(`${server.url}/api/import`, { method: 'POST', body: form, headers: { cookie } });
    expect(await res.json()).toMatchObject({
      status: 'refused',
      message: expect.stringMatching(/äldre Excel-fil \(\.xls\).*spara som \.xlsx/),
    });
    await page.goto(`${server.url}/import/historik`);
    expect(await page.locator('main').innerText()).toEqual(historyBefore);

    await page.goto(`${server.url}/import`);
    await page.setInputFiles('#import-file', path.resolve('test/fixtures/import/xls/Hedemora-libreoffice.xlsx'));
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    const preview = page.locator('section.preview');
    await preview.waitFor();
    expect(await preview.innerText()).toMatch(/\d+ blad i en import/);
    await page.close();
  });

  it("refuses Kolada's own website download (.xls, 2012) naming it; saved as .xlsx it previews as a Kolada table", async () => {
    const xls = path.resolve('test/fixtures/import/kolada/kolada-webb-2012-U07452.xls');
    const page = await browser.newPage();
    await page.goto(`${server.url}/import`);
    await page.setInputFiles('#import-file', xls);
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    const alert = page.locator('.notice.alert[role="alert"]');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(
      /kolada-webb-2012-U07452\.xls är en äldre Excel-fil \(\.xls\)\. Öppna den i Excel och spara som \.xlsx/,
    );
    expect(await page.getByRole('button', { name: 'Bekräfta och importera' }).count()).toBe(0);
    await page.close();

    const cookie = await sessionCookie(server.url, USERS.samordnare);
    const post = async (file: string) => {
      const form = new FormData();
      form.set('file', new File([fs.readFileSync(file)], path.basename(file)));
      return (await fetch(`${server.url}/api/import`, { method: 'POST', body: form, headers: { cookie } })).json();
    };
    expect(await post(xls)).toMatchObject({
      status: 'refused',
      message: expect.stringMatching(/kolada-webb-2012-U07452\.xls.*spara som \.xlsx/),
    });
    expect(await post(path.resolve('test/fixtures/import/kolada/kolada-webb-2012-U07452.xlsx'))).toMatchObject({
      status: 'preview',
      adapter: { id: 'kolada_fil' },
      observations: 580,
    });
  });

  it('refuses a file over the size limit before reading it', async () => {
    const form = new FormData();
    form.set('file', new File([new Uint8Array(2 * 1024 * 1024)], 'stor.csv'));
    const cookie = await sessionCookie(server.url, USERS.samordnare);
    const res = await fetch(`${server.url}/api/import`, { method: 'POST', body: form, headers: { cookie } });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ status: 'refused', message: 'Filen är för stor: största tillåtna storlek är 1 MB.' });
  });

  it('offers the templates for download', async () => {
    const res = await fetch(`${server.url}/import/mall/generisk.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('generisk.csv');
    expect(await res.text()).toContain('indikator;region;period;kön;grupp;värde;ki_låg;ki_hög;n;status;kommentar');
    expect((await fetch(`${server.url}/import/mall/..%2Fpackage.json`)).status).toBe(404);
  });
});
