/*
 * The follow-up report files made from a real frozen review (the seeded plan, real Brå and EUDA data): the
 * summary on page 1, EUDA's SCORE values as the web review shows them, the DOCX's table of contents and
 * headings, and the DOCX as LibreOffice Writer lays it out (converted to PDF and read back).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { and, eq, like, ne } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/lib/db/client';
import * as s from '@/lib/db/schema';
import { loadFollowUpReport } from '@/lib/data/reports-query';
import { getReview, openReview, saveAssessment } from '@/lib/data/followup/reviews';
import { formatNumber } from '@/lib/format';
import type { PlanFile } from '@/lib/plan/plan-file';
import { renderFollowUpDocx } from '@/lib/reports/render-docx';
import { renderFollowUpPdf } from '@/lib/reports/render-pdf';
import type { FollowUpReport, ReportIndicator } from '@/lib/reports/types';
import { readSeedFiles } from '@/lib/seed/files';
import { seed } from '@/lib/seed/seed';
import { DRIVERS, freshDb } from '../helpers/db';
import { brokenWords, emptyPages, type PdfPage, type PdfRead, readPdf, strandedHeadings } from '../helpers/pdf';

const run = promisify(execFile);
const planFile = JSON.parse(fs.readFileSync(path.resolve('data-imports/plan/hedemora-2024.json'), 'utf8')) as PlanFile;
const OUT_DIR = path.resolve('test-results');
const YEAR = 2026;
const actor = { actorId: 'user-samordnare', actor: 'samordnare@hedemora.se', ip: '192.0.2.7' };
const COMMENT = 'Följs upp särskilt inför revideringen.';

const overallGoals = planFile.areas.flatMap((a) => a.overallGoals);
const allIndicators = (r: FollowUpReport) => r.areas.flatMap((a) => a.goals.flatMap((g) => g.indicators));
const hasValues = (i: ReportIndicator) => i.series.some((x) => x.points.some((p) => p.value !== null));
const flat = (t: string) => t.replace(/\s+/g, ' ');
/** Every word of the report's data: what the renderers must never break mid-word. */
const vocabulary = (r: FollowUpReport) => JSON.stringify(r).split(/[^\p{L}]+/u);

/** The titles each section of the report starts a page with. */
const sectionTitles = (r: FollowUpReport) => [...r.areas.map((a) => a.title), 'Beslut för planen som helhet', 'Bilaga: Datakvalitet'];
/** Every heading of the report: areas, goals, indicators, the goals' action lists and the actions. */
const headingTexts = (r: FollowUpReport) =>
  r.areas.flatMap((a) => [
    a.title,
    ...a.goals.flatMap((g) => [
      `Mål ${g.code}: ${g.text}`,
      `Åtgärder för mål ${g.code}`,
      ...g.indicators.map((i) => i.name),
      ...g.actions.map((x) => `${x.code} ${x.title}`),
    ]),
  ]);

/** The SCORE sites' real daily means (grp '') straight from the database: the latest period of each EUDA reference series. */
async function scoreSites(h: DbHandle): Promise<Map<string, { place: string; value: number | null; decimals: number }[]>> {
  const rows = await h.db
    .select({
      id: s.observations.indicatorId,
      start: s.observations.periodStart,
      value: s.observations.value,
      place: s.regions.name,
      decimals: s.indicators.decimals,
    })
    .from(s.observations)
    .innerJoin(s.regions, eq(s.regions.code, s.observations.regionCode))
    .innerJoin(s.indicators, eq(s.indicators.id, s.observations.indicatorId))
    .where(
      and(
        like(s.observations.indicatorId, 'euda_ref_%'),
        ne(s.observations.site, ''),
        eq(s.observations.grp, ''),
        eq(s.observations.isExample, false),
      ),
    );
  const out = new Map<string, { place: string; value: number | null; decimals: number }[]>();
  for (const id of new Set(rows.map((r) => r.id))) {
    const own = rows.filter((r) => r.id === id);
    const latest = own.reduce((m, r) => (String(r.start) > m ? String(r.start) : m), '');
    out.set(
      id,
      own.filter((r) => String(r.start) === latest).map((r) => ({ place: r.place, value: r.value, decimals: r.decimals })),
    );
  }
  return out;
}

describe.each(DRIVERS)('the follow-up report files from a frozen review on %s', (driver) => {
  let h: DbHandle;
  let report: FollowUpReport;
  let pdf: PdfRead;
  let docxXml: string;
  let docx: Buffer;
  let sites: Awaited<ReturnType<typeof scoreSites>>;

  beforeAll(async () => {
    h = await freshDb(driver);
    await seed(h.db, readSeedFiles());
    await openReview(h.db, '2083', { year: YEAR, meetingDate: '2026-11-20' }, actor);
    const review = (await getReview(h.db, YEAR))!;
    const first = review.snapshot.overview.areas[0]!.goals[0]!;
    await saveAssessment(h.db, review.review.id, { goalCode: first.code, label: first.rollup[0]!.label, comment: COMMENT }, actor);
    report = (await loadFollowUpReport(h.db, YEAR))!;
    sites = await scoreSites(h);
    const pdfFile = await renderFollowUpPdf(report);
    docx = await renderFollowUpDocx(report);
    fs.mkdirSync(OUT_DIR, { recursive: true });
    fs.writeFileSync(path.join(OUT_DIR, `uppfoljningsrapport-seed-${driver}.pdf`), pdfFile);
    fs.writeFileSync(path.join(OUT_DIR, `uppfoljningsrapport-seed-${driver}.docx`), docx);
    pdf = await readPdf(pdfFile);
    docxXml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
  });
  afterAll(async () => h?.close());

  it("summarises every övergripande mål of the plan, in plan order, with Brå's assessment where recorded", () => {
    const rows = report.summary.flatMap((a) => a.rows);
    expect(report.summary.map((a) => a.title)).toEqual(planFile.areas.map((a) => a.title));
    expect(rows.map((r) => r.code)).toEqual(overallGoals.map((g) => g.code));
    for (const goal of overallGoals) {
      const row = rows.find((r) => r.code === goal.code)!;
      const n = goal.indicators.length;
      // Every linked indicator is counted once among the verdicts or as context, and once as real, example or empty.
      expect(row.verdicts.better + row.verdicts.worse + row.verdicts.unchanged + row.verdicts.noData + row.context, goal.code).toBe(n);
      expect(row.real + row.example + row.empty, goal.code).toBe(n);
      expect(row.text).toBe(goal.text);
    }
    expect(rows[0]!.assessment).not.toBeNull();
    expect(rows.slice(1).every((r) => r.assessment === null)).toBe(true);
    // An EUDA reference series is context, not "Underlag saknas".
    const withReference = overallGoals.find((g) => g.indicators.some((i) => i.indicator.startsWith('euda_ref_')))!;
    expect(rows.find((r) => r.code === withReference.code)!.context).toBeGreaterThanOrEqual(1);
  });

  it('says "Dalarnas län" and "Sverige", the regions table\'s full name and the app\'s word', () => {
    const names = new Set(allIndicators(report).flatMap((i) => i.latest.map((l) => l.region)));
    expect(names).toContain('Dalarnas län');
    expect(names).toContain('Sverige');
    expect(names).not.toContain('Dalarna');
    expect(names).not.toContain('Riket');
  });

  it("has the summary as the PDF's first page, before the contents, and each area from page 2 on", () => {
    const [first, second] = pdf.pages;
    expect(first!.text).toContain(`Uppföljningsrapport ${YEAR}`);
    const at = (t: string) => first!.text.indexOf(t);
    expect(at('Sammanfattning')).toBeGreaterThan(at(`Uppföljningsrapport ${YEAR}`));
    for (const h of ['Övergripande mål', 'Bättre', 'Sämre', 'Oförändrat', 'Ingen data', 'Underlag', 'Senaste period', 'Brå:s bedömning'])
      expect(first!.text).toContain(h);
    for (const goal of overallGoals) expect(first!.text, goal.code).toContain(`(${goal.code})`);
    for (const area of planFile.areas) expect(at(area.title), area.title).toBeGreaterThan(at('Sammanfattning'));
    expect(at('Innehåll')).toBeGreaterThan(at(`(${overallGoals.at(-1)!.code})`));
    expect(first!.text).not.toContain('Indikatorernas utveckling');
    expect(second!.text.startsWith(planFile.areas[0]!.title)).toBe(true);
  });

  it("spells Trygghetsläget in the PDF's metadata", () => {
    expect(pdf.info.Creator).toBe('Trygghetsläget');
    expect(String(pdf.info.Producer)).toMatch(/^Trygghetsläget/);
    expect(pdf.info.Title).toBe(`Uppföljningsrapport ${YEAR} – Hedemora kommun`);
    expect(pdf.info.Author).toBe('Hedemora kommun');
  });

  it('prints the real EUDA SCORE values the web review shows, not "Underlag saknas"', () => {
    expect(sites.size).toBeGreaterThan(0);
    const text = flat(pdf.pages.map((p) => p.text).join(' '));
    for (const [id, list] of sites) {
      const ind = allIndicators(report).find((i) => i.id === id);
      if (!ind) continue; // not linked to a goal of the plan
      expect(ind.verdictLabel, id).not.toBe('Underlag saknas');
      expect(ind.reference?.asContext, id).toBe(false);
      for (const site of list.filter((x) => x.value !== null)) {
        const value = formatNumber(site.value!, site.decimals);
        expect(ind.reference!.sites.find((x) => x.place === site.place)?.value, `${id} ${site.place}`).toContain(value);
        expect(text, `${id} ${site.place}`).toContain(site.place);
        expect(text, `${id} ${site.place}`).toContain(value);
        expect(docxXml, `${id} ${site.place}`).toContain(value);
      }
    }
    // The kommun's own wastewater indicators carry the SCORE sites beside them as context.
    expect(allIndicators(report).some((i) => i.id.startsWith('avlopp_') && i.reference?.asContext)).toBe(true);
  });

  it('breaks no word in the PDF', () => {
    expect(brokenWords(pdf.pages, vocabulary(report))).toEqual([]);
  });

  it('leaves no PDF page 40 % empty within a section, and no heading at the foot of a page', () => {
    expect(emptyPages(pdf.pages, sectionTitles(report))).toEqual([]);
    expect(strandedHeadings(pdf.pages, headingTexts(report))).toEqual([]);
  });

  it('gives the DOCX a table of contents field over the headings, and headings that keep with what follows', () => {
    expect(docxXml).toMatch(/<w:instrText[^>]*>\s*TOC \\h \\o &quot;1-2&quot;\s*<\/w:instrText>/);
    expect(docxXml).toContain('<w:docPartGallery w:val="Table of Contents"/>');
    expect(docxXml).toContain('Uppdatera fält');
    const headings = docxXml.split('<w:p>').filter((p) => /<w:pStyle w:val="Heading[1-4]"\/>/.test(p));
    expect(headings.length).toBeGreaterThan(overallGoals.length);
    for (const p of headings) expect(p).toContain('<w:keepNext/>');
    // Every chart is an inline picture with its size given (no floating anchor that a word processor may move).
    const drawings = docxXml.match(/<w:drawing>[^]*?<\/w:drawing>/g) ?? [];
    expect(drawings.length).toBe(allIndicators(report).filter(hasValues).length);
    for (const d of drawings) {
      expect(d).toContain('<wp:inline');
      expect(d).not.toContain('<wp:anchor');
      // 624 × 293 px at 96 dpi in EMU (9 525 a pixel): 16,5 × 7,75 cm.
      expect(d).toContain('<wp:extent cx="5943600" cy="2790825"/>');
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// The DOCX in LibreOffice Writer

/** Where soffice is, or null. CI installs it (.ci/run: libreoffice-writer-nogui). */
function soffice(): string | null {
  for (const p of ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice']) if (fs.existsSync(p)) return p;
  return null;
}

/** The DOCX converted to PDF by LibreOffice, with a profile of its own so parallel runs do not share one. */
async function convertWithLibreOffice(docx: Buffer): Promise<Buffer> {
  const bin = soffice();
  if (!bin) throw new Error('LibreOffice saknas: installera libreoffice-writer-nogui (apt-get install -y libreoffice-writer-nogui).');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-lo-'));
  try {
    const file = path.join(dir, 'rapport.docx');
    fs.writeFileSync(file, docx);
    await run(
      bin,
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, file],
      {
        timeout: 240_000,
        env: { ...process.env, HOME: dir },
      },
    );
    return fs.readFileSync(path.join(dir, 'rapport.pdf'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Text pieces that lie inside the rectangle (a picture drawn over text). */
function textUnder(page: PdfPage, r: { x: number; y: number; width: number; height: number }) {
  return page.texts.filter((t) => t.x + t.width > r.x + 1 && t.x < r.x + r.width - 1 && t.y > r.y + 1 && t.y < r.y + r.height - 1);
}

describe('the follow-up DOCX in LibreOffice Writer', () => {
  let h: DbHandle;
  let report: FollowUpReport;
  let lo: PdfRead;

  beforeAll(async () => {
    h = await freshDb('pglite');
    await seed(h.db, readSeedFiles());
    await openReview(h.db, '2083', { year: YEAR, meetingDate: '2026-11-20' }, actor);
    report = (await loadFollowUpReport(h.db, YEAR))!;
    const converted = await convertWithLibreOffice(await renderFollowUpDocx(report));
    fs.mkdirSync(OUT_DIR, { recursive: true });
    fs.writeFileSync(path.join(OUT_DIR, 'uppfoljningsrapport-libreoffice.pdf'), converted);
    lo = await readPdf(converted);
  }, 300_000);
  afterAll(async () => h?.close());

  it('lays the report out on a sane number of A4 pages', () => {
    expect(lo.pages.length).toBeGreaterThanOrEqual(report.areas.length + 2);
    expect(lo.pages.length).toBeLessThanOrEqual(60);
    for (const p of lo.pages) expect([Math.round(p.width), Math.round(p.height)]).toEqual([595, 842]);
  });

  it('draws every chart at its size (16,5 × 7,7 cm), inside the page and over no text', () => {
    const images = lo.pages.flatMap((p) => p.images.map((img) => ({ page: p, img })));
    expect(images.length).toBe(allIndicators(report).filter(hasValues).length);
    for (const { page, img } of images) {
      // 5 943 600 × 2 790 825 EMU = 468 × 219,75 pt.
      expect(img.width, `page ${page.number}`).toBeCloseTo(468, 0);
      expect(img.height, `page ${page.number}`).toBeGreaterThan(218);
      expect(img.height, `page ${page.number}`).toBeLessThan(221);
      expect(img.x).toBeGreaterThanOrEqual(0);
      expect(img.y).toBeGreaterThanOrEqual(0);
      expect(img.x + img.width).toBeLessThanOrEqual(page.width);
      expect(img.y + img.height).toBeLessThanOrEqual(page.height);
      expect(
        textUnder(page, img).map((t) => t.str),
        `text under a chart on page ${page.number}`,
      ).toEqual([]);
    }
  });

  it("keeps the cover's title clear of the kommun's name above it", () => {
    const first = lo.pages[0]!;
    const kommun = first.texts.find((t) => t.str.trim() === 'Hedemora kommun')!;
    const title = first.texts.find((t) => t.str.trim() === `Uppföljningsrapport ${YEAR}`)!;
    expect(kommun).toBeDefined();
    expect(title).toBeDefined();
    expect(kommun.y).toBeGreaterThan(title.y);
    // The title's capitals (about 0,72 of its size) end below the kommun line's descenders.
    expect(kommun.y - kommun.height * 0.25).toBeGreaterThan(title.y + title.height * 0.72);
  });

  it('has the summary on page 1 after the title, then the contents, then the sections in order', () => {
    const first = lo.pages[0]!.text;
    const at = (t: string) => first.indexOf(t);
    expect(at(`Uppföljningsrapport ${YEAR}`)).toBeGreaterThan(at('Hedemora kommun'));
    expect(at('Sammanfattning')).toBeGreaterThan(at(`Uppföljningsrapport ${YEAR}`));
    for (const goal of overallGoals) expect(at(`(${goal.code})`), goal.code).toBeGreaterThan(at('Sammanfattning'));
    // The contents follow the summary (on page 1 or 2), and list the sections.
    const contents = lo.pages
      .slice(0, 2)
      .map((p) => p.text)
      .join(' ');
    expect(contents.indexOf('Innehåll')).toBeGreaterThan(contents.indexOf(`(${overallGoals.at(-1)!.code})`));
    expect(contents).not.toContain('TOC \\');
    // Each section starts on a page of its own, in plan order, and the appendix comes last.
    const starts = [...planFile.areas.map((a) => a.title), 'Bilaga: Datakvalitet'].map((title) =>
      lo.pages.findIndex((p, i) => i > 0 && p.text.startsWith(title)),
    );
    expect(starts.every((i) => i > 0)).toBe(true);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('leaves no page 40 % empty within a section, and no heading at the foot of a page', () => {
    expect(emptyPages(lo.pages, sectionTitles(report))).toEqual([]);
    expect(strandedHeadings(lo.pages, headingTexts(report))).toEqual([]);
  });

  it('breaks no word, and prints the EUDA SCORE sites', () => {
    expect(brokenWords(lo.pages, vocabulary(report))).toEqual([]);
    const text = lo.pages.map((p) => p.text).join(' ');
    expect(text).toContain('Reningsverk i');
    const places = allIndicators(report).flatMap((i) => i.reference?.sites.map((x) => x.place) ?? []);
    expect(places.length).toBeGreaterThan(0);
    for (const place of places) expect(text).toContain(place);
  });
});
