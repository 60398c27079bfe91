import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { PDFParse } from 'pdf-parse';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { closeBrowser, launchBrowser } from './browser';
import { openOverviewDetails } from './overview-page';
import { startServer, tempPgliteDir, type Server } from './server';
import { createUsers, sessionCookie, signInBrowser, USERS } from './users';

/*
 * Issue #6's walk through a whole follow-up meeting, in Chromium against the server (`npm start`): open the review (frozen
 * verdicts), an assessment that differs with its justification, a decision, a delrapport, decided and locked,
 * the PDF and DOCX, then new data — and the decided review still shows what Brå saw.
 */

const SHOTS = path.resolve('test-results');
const YEAR = new Date().getFullYear();
const JUSTIFICATION = 'Trygghetsvandringarna visar tydlig förbättring i centrum som NTU ännu inte fångar.';
const DECISION = 'Trygghetsvandringarna utökas till Långshyttan och Vikmanshyttan under nästa år.';
const GENERAL = 'Lägesbilden förnyas under våren med Polisens trygghetsmätning 2025.';
const DONE = 'Fyra trygghetsvandringar genomförda i centrum och vid resecentrum; belysningen åtgärdad på tre platser.';

let browser: BrowserContext;
let server: Server;
let page: Page;

async function hedemoraLatestIn(scope: string, indicator: string): Promise<string> {
  return page.locator(`${scope} [data-indicator="${indicator}"] table.latest tbody tr`).first().innerText();
}

async function auditRows(): Promise<string[][]> {
  const admin = await sessionCookie(server.url, USERS.admin);
  const csv = await (await fetch(`${server.url}/admin/logg/export`, { headers: { cookie: admin } })).text();
  return Papa.parse<string[]>(csv, { delimiter: ';' }).data.slice(1);
}

beforeAll(async () => {
  browser = await launchBrowser();
  const pglite = tempPgliteDir();
  await createUsers({ PGLITE_DIR: pglite }, [USERS.samordnare, USERS.admin]);
  server = await startServer({ PGLITE_DIR: pglite, DATABASE_URL: undefined });
  page = await browser.newPage();
  await signInBrowser(page, server.url, USERS.samordnare, '/uppfoljning');
});
afterAll(async () => {
  await server?.stop();
  await closeBrowser(browser);
});

describe(`the follow-up meeting ${YEAR}`, () => {
  let frozen = '';

  it('opens the review and freezes the computed verdicts', async () => {
    await page.goto(`${server.url}/uppfoljning`);
    await page.locator('header li.account a').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Öppna uppföljningen och frys bedömningarna' }).click();
    await page.waitForURL(new RegExp(`/uppfoljning/${YEAR}$`));
    const main = await page.locator('main').innerText();
    expect(main).toContain(`Uppföljning ${YEAR}`);
    expect(main).toMatch(/Bedömningarna frystes .* med data från \d+ import(er)? \(nr [\d, ]+\)/);
    // The frozen verdicts and values are the ones the dashboard computes right now.
    const rollup = await page.locator('[data-goal="T-M1"] .rollup .verdict-badge').allInnerTexts();
    expect(rollup.length).toBeGreaterThan(0);
    frozen = await hedemoraLatestIn('[data-goal="T-M1"]', 'ntu_otrygg_kvall');
    await openOverviewDetails(page, server.url);
    expect(
      await page
        .locator('section.goal')
        .filter({ has: page.locator('#goal-T-M1') })
        .locator('.rollup .verdict-badge')
        .allInnerTexts(),
    ).toEqual(rollup);
    expect(await hedemoraLatestIn('main', 'ntu_otrygg_kvall')).toEqual(frozen);
  });

  it('records an assessment that differs from the computed one, only with a justification', async () => {
    await page.goto(`${server.url}/uppfoljning/${YEAR}`);
    await page.locator('header li.account a').waitFor();
    const goal = page.locator('[data-goal="T-M1"]');
    await goal.getByText('För in bedömningen för T-M1').click();
    const select = goal.getByLabel('Bedömning', { exact: true });
    const options = await select.locator('option').allInnerTexts();
    const differing = options.find((o) => !o.includes('(beräknad)'))!;
    await select.selectOption({ label: differing });
    await goal.getByRole('button', { name: 'Spara bedömningen' }).click();
    await goal.getByText('skriv en motivering').waitFor();
    await goal.getByLabel('Motivering (krävs när bedömningen avviker från den beräknade)').fill(JUSTIFICATION);
    await goal.getByRole('button', { name: 'Spara bedömningen' }).click();
    await goal.getByText(`Bedömningen "${differing}" är sparad.`).waitFor();
    await page.reload();
    const text = await page.locator('[data-assessment="T-M1"]').innerText();
    expect(text).toContain(differing);
    expect(text).toContain('avviker från den beräknade bedömningen');
    expect(text).toContain(JUSTIFICATION);
  });

  it('adds a decision', async () => {
    const goal = page.locator('[data-goal="T-M1"]');
    await goal.getByText('Lägg till beslut för T-M1').click();
    await goal.getByLabel('Typ av beslut').selectOption({ label: 'Justera åtgärd' });
    await goal.getByLabel('Beslut', { exact: true }).fill(DECISION);
    await goal.getByRole('button', { name: 'Lägg till beslutet' }).click();
    await goal.getByText('Beslutet är tillagt.').waitFor();
    await page.reload();
    expect(await page.locator('[data-goal="T-M1"] ul.decisions').innerText()).toContain(`Justera åtgärd: ${DECISION}`);

    // And one for the plan as a whole.
    const general = page.locator('section[aria-labelledby="general-heading"]');
    await general.getByText('Lägg till beslut', { exact: true }).click();
    await general.getByLabel('Typ av beslut').selectOption({ label: 'Övrigt' });
    await general.getByLabel('Beslut', { exact: true }).fill(GENERAL);
    await general.getByRole('button', { name: 'Lägg till beslutet' }).click();
    await general.getByText('Beslutet är tillagt.').waitFor();
    expect(await general.getByLabel('Beslut', { exact: true }).inputValue()).toBe(''); // cleared after success
  });

  it('records a delrapport for an action, which the review shows', async () => {
    await page.goto(`${server.url}/atgarder/T-A1?ar=${YEAR}`);
    await page.locator('header li.account a').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Pågår' });
    await page.getByLabel('Startdatum').fill(`${YEAR}-03-01`);
    await page.getByRole('button', { name: 'Spara åtgärden' }).click();
    await page.getByText('Åtgärd T-A1 är sparad.').waitFor();
    await page.getByLabel(`Vad har gjorts under ${YEAR}?`).fill(DONE);
    await page.getByLabel('Delvis').check();
    await page.getByLabel('Timmar (om känt)').fill('12,5');
    await page.getByLabel('Kostnad i kronor (om känd)').fill('4 500');
    await page.getByRole('button', { name: 'Spara delrapporten' }).click();
    await page.getByText(`Delrapporten för ${YEAR} är sparad.`).waitFor();
    await page.reload();
    const report = await page.locator(`[data-report="${YEAR}"]`).innerText();
    expect(report).toContain(DONE);
    expect(report).toMatch(/Timmar\s+12,5/);
    expect(report).toMatch(/Kostnad\s+4\s500 kr/);
    await page.screenshot({ path: path.join(SHOTS, 'followup-action.png'), fullPage: true });

    await page.goto(`${server.url}/uppfoljning/${YEAR}`);
    expect(await page.locator('tr[data-action="T-A1"]').innerText()).toContain(DONE);
  });

  it('marks the review decided, which locks it', async () => {
    await page.locator('header li.account a').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Deciding asks first (the confirmation step, test/e2e/confirm.test.ts has the whole flow).
    await page.getByRole('link', { name: 'Markera som beslutad' }).click();
    await page.getByRole('button', { name: 'Ja, markera som beslutad' }).click();
    await page.getByText(`Uppföljningen ${YEAR} är beslutad och låst`).waitFor();
    await page.reload();
    expect(await page.locator('[data-review-status]').innerText()).toMatch(/^Beslutad .* låst$/);
    expect(await page.getByRole('button', { name: /Spara bedömningen|Lägg till beslutet|Markera som beslutad/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Markera som beslutad' }).count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'followup-review.png'), fullPage: false });
  });

  it('gives the report as a PDF and a DOCX that open and say what was decided', async () => {
    const pdfRes = await page.request.get(`${server.url}/uppfoljning/${YEAR}/rapport.pdf`);
    expect(pdfRes.status()).toBe(200);
    expect(pdfRes.headers()['content-type']).toBe('application/pdf');
    const parser = new PDFParse({ data: new Uint8Array(await pdfRes.body()) });
    const pdf = await parser.getText();
    await parser.destroy();
    expect(pdf.total).toBeGreaterThanOrEqual(3);
    const flat = pdf.text.replace(/\s+/g, ' ');
    for (const s of [
      `Uppföljningsrapport ${YEAR}`,
      'Trygghetsvandringarna visar tydlig förbättring',
      'Långshyttan',
      'Fyra trygghetsvandringar',
      'Beslut för planen som helhet',
      'Polisens trygghetsmätning 2025',
      'Datakvalitet',
    ])
      expect(flat).toContain(s);

    const docxRes = await page.request.get(`${server.url}/uppfoljning/${YEAR}/rapport.docx`);
    expect(docxRes.status()).toBe(200);
    const zip = await JSZip.loadAsync(await docxRes.body());
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:tbl>');
    expect(xml).toMatch(/w:pStyle w:val="Heading1"/);
    for (const s of [JUSTIFICATION, DECISION, DONE, GENERAL]) expect(xml).toContain(s);
    expect(Object.keys(zip.files).some((f) => /^word\/media\/.+\.(png|svg)$/.test(f))).toBe(true);

    // The print-ready page says the same, with the charts as images that have their tables beside them.
    await page.goto(`${server.url}/uppfoljning/${YEAR}/rapport`);
    const printable = await page.locator('main').innerText();
    for (const s of [`Uppföljningsrapport ${YEAR}`, JUSTIFICATION, DECISION, DONE, 'Bilaga: Datakvalitet']) expect(printable).toContain(s);
    // The summary comes first, as on page 1 of the PDF: a row per övergripande mål with its code beside the name.
    const summaryRows = page.locator('section.report-summary tbody th[scope="row"]');
    expect(await summaryRows.count()).toBeGreaterThan(2);
    for (const t of await summaryRows.allInnerTexts()) expect(t).toMatch(/\([A-ZÅÄÖ]+-M\d+\)$/);
    expect(printable.indexOf('Sammanfattning')).toBeLessThan(printable.indexOf('Indikatorernas utveckling'));
    expect(printable).toContain('Reningsverk i');
    expect(await page.locator('img.report-chart').count()).toBeGreaterThan(5);
    expect(await page.locator('img.report-chart').evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0))).toBe(
      true,
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.site-header').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.screenshot({ path: path.join(SHOTS, 'followup-report-page.png'), fullPage: false });
    // On a phone the report's wide tables scroll in their box; the report itself is no wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    const report = page.locator('article.report');
    expect(await report.evaluate((el) => Math.max(el.scrollWidth, el.getBoundingClientRect().right))).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(SHOTS, 'followup-report-page-390.png'), fullPage: false });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('still shows the frozen values after new data is imported', async () => {
    const form = new FormData();
    form.set(
      'file',
      new File(
        [
          'indikator;region;period;kön;grupp;värde;ki_låg;ki_hög;n;status;kommentar\r\n',
          'ntu_otrygg_kvall;2083;2025–2026;;;41,7;35,0;48,4;199;;ny skattning\r\n',
        ],
        'ntu-ny.csv',
      ),
    );
    const cookie = await sessionCookie(server.url, USERS.samordnare);
    const preview = (await (await fetch(`${server.url}/api/import`, { method: 'POST', body: form, headers: { cookie } })).json()) as {
      sha256: string;
    };
    form.set('confirm', '1');
    form.set('sha256', preview.sha256);
    expect((await fetch(`${server.url}/api/import`, { method: 'POST', body: form, headers: { cookie } })).status).toBe(200);

    await openOverviewDetails(page, server.url);
    const now = await hedemoraLatestIn('main', 'ntu_otrygg_kvall');
    expect(now).toContain('41,7');
    await page.goto(`${server.url}/uppfoljning/${YEAR}`);
    expect(await hedemoraLatestIn('[data-goal="T-M1"]', 'ntu_otrygg_kvall')).toEqual(frozen);
    expect(frozen).not.toContain('41,7');
  });

  it('recorded every edit in the change log, who and what', async () => {
    const rows = await auditRows();
    const mine = rows.filter((r) => r[1] === USERS.samordnare.email).map((r) => r[2]);
    for (const a of [
      'Uppföljning öppnad',
      'Brås bedömning sparad',
      'Beslut tillagt',
      'Åtgärd ändrad',
      'Delrapport sparad',
      'Uppföljning beslutad',
      'Import',
    ])
      expect(mine).toContain(a);
    const assessment = rows.find((r) => r[2] === 'Brås bedömning sparad')!;
    expect(assessment[7]).toContain(JUSTIFICATION);
    const action = rows.find((r) => r[2] === 'Åtgärd ändrad')!;
    expect(action[6]).toContain('Status: Ej påbörjad');
    expect(action[7]).toContain('Status: Pågår');
  });
});

describe('comparing reviews', () => {
  it("shows two years side by side: computed verdicts, Brå's assessments and decisions", async () => {
    await page.goto(`${server.url}/uppfoljning`);
    await page.locator('header li.account a').waitFor();
    await page.getByLabel('År').fill(String(YEAR - 1));
    await page.getByLabel('Mötesdatum').fill(`${YEAR - 1}-11-20`);
    await page.getByRole('button', { name: 'Öppna uppföljningen och frys bedömningarna' }).click();
    await page.waitForURL(new RegExp(`/uppfoljning/${YEAR - 1}$`));
    await page.goto(`${server.url}/uppfoljning/jamfor?a=${YEAR - 1}&b=${YEAR}`);
    const row = page.locator('tr[data-goal="T-M1"]');
    const cells = await row.locator('td').allInnerTexts();
    expect(cells).toHaveLength(2);
    expect(cells[0]).toContain('Brå: ingen bedömning');
    expect(cells[1]).toContain(JUSTIFICATION);
    expect(cells[1]).toContain(DECISION);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('plan upkeep and the lägesbild underlag', () => {
  it('adds a local indicator and links it to a goal with a target; both in the change log', async () => {
    await page.goto(`${server.url}/plan`);
    await page.locator('header li.account a').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Id (små bokstäver, siffror och _)').fill('lokal_orosanmalningar_forskola');
    await page.getByLabel('Namn', { exact: true }).fill('Antal orosanmälningar från förskolan');
    await page
      .getByLabel('Definition: vad räknas, avgränsning')
      .fill('Orosanmälningar till socialtjänsten där anmälaren är förskolepersonal, per kalenderår.');
    await page.getByLabel('Enhet', { exact: true }).fill('antal per år');
    await page.getByLabel('Vad som mäts (geografi)').fill('Kommunens förskolor');
    await page.getByRole('button', { name: 'Lägg till måttet' }).click();
    await page.getByText('Måttet lokal_orosanmalningar_forskola är tillagt.').waitFor();

    await page.reload();
    const goal = page.locator('[data-goal="V-M1"]');
    await goal.getByText('Koppla eller ändra ett mått för V-M1').click();
    await goal.getByLabel('Mått', { exact: true }).selectOption('lokal_orosanmalningar_forskola');
    await goal.getByLabel('Roll').selectOption('supporting');
    await goal.getByLabel('Målvärde (tomt = inget)').fill('25');
    await goal.getByRole('button', { name: 'Spara måttet för målet' }).click();
    await goal.getByText('ange både målvärde och målår').waitFor();
    await goal.getByLabel('Målår').fill('2028');
    await goal.getByRole('button', { name: 'Spara måttet för målet' }).click();
    await goal.getByText('Måttet lokal_orosanmalningar_forskola är sparat för målet V-M1.').waitFor();
    await page.reload();
    expect(await page.locator('[data-goal="V-M1"] tr[data-link="lokal_orosanmalningar_forskola"]').innerText()).toMatch(
      /Kompletterande[\s\S]*25 år 2028/,
    );
    await page.goto(`${server.url}/mal/V-M1`);
    expect(await page.locator('main').innerText()).toContain('Antal orosanmälningar från förskolan');

    const actions = (await auditRows()).map((r) => r[2]);
    expect(actions).toContain('Lokalt mått tillagt');
    expect(actions).toContain('Planen ändrad');
  });

  it('downloads the underlag as an xlsx with a sheet per indicator and as a zip of CSVs', async () => {
    await page.goto(`${server.url}/lagesbild`);
    expect(await axeViolations(page)).toEqual([]);
    const headings = await page.locator('article.lagesbild-indicator h3').count();
    const xlsx = await page.request.get(`${server.url}/lagesbild/underlag.xlsx`);
    expect(xlsx.status()).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.body()) as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBe(headings + 1);
    expect(wb.worksheets[0]!.name).toBe('Innehåll');
    const zipRes = await page.request.get(`${server.url}/lagesbild/underlag.zip`);
    const zip = await JSZip.loadAsync(await zipRes.body());
    expect(Object.keys(zip.files).filter((f) => f.endsWith('.csv') && f !== 'innehall.csv').length).toBe(headings);
  });
});
