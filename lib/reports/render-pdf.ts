/*
 * The annual follow-up report ("Uppföljningsrapport <år>") as a tagged PDF: A4, headings, tables and one
 * vector chart per indicator, page numbers in the footer, an outline. The report's structure is here; the
 * drawing is in ./pdf: layout (page geometry, colours), fonts (embedded TrueType or Helvetica with a safe
 * character set), writer (text blocks), table and figure.
 */
import 'server-only';
import PDFDocument from 'pdfkit';
import { figure } from './pdf/figure';
import { setUpFonts } from './pdf/fonts';
import { ACCENT, BOTTOM, type Doc, hasValues, INK, LEFT, MARGIN, MUTED, PAGE, RULE, WIDTH } from './pdf/layout';
import { table, type TableColumn, tableHeight } from './pdf/table';
import { Writer } from './pdf/writer';
import {
  DELRAPPORT_FIELDS,
  dateLong,
  EXAMPLE_WARNING,
  formatGenerated,
  rollupLine,
  statusLine,
  SUMMARY_COLUMNS,
  SUMMARY_HEADING,
  SUMMARY_NOTE,
  summaryCells,
} from './report-text';
import type { FollowUpReport, ReportAction, ReportGoal, ReportIndicator, ReportReference } from './types';

// ---------------------------------------------------------------------------------------------------------
// The report

/**
 * Page 1: the report's title in a compact block, then the one-screen summary (one row per övergripande mål),
 * then the contents with each section's page. The layout is fixed, so both passes paginate alike.
 */
function titlePage(w: Writer, report: FollowUpReport, tocPages: number[] | null): void {
  const { doc } = w;
  doc.y = MARGIN.top;
  w.text(report.kommun, { size: 11, color: MUTED, gap: 2 });
  w.text(`Uppföljningsrapport ${report.year}`, { bold: true, size: 22, color: ACCENT, tag: 'H1', gap: 2 });
  w.text(report.planTitle, { size: 11, gap: 8 });
  w.labelled('Mötesdatum', dateLong(report.meetingDate), { size: 9, gap: 0 });
  w.labelled('Status', statusLine(report), { size: 9, gap: 0 });
  w.labelled('Skapad', formatGenerated(report.generatedAt), { size: 9, gap: 4 });
  w.text(
    `Värdena i rapporten är låsta per mötesdatum ${dateLong(report.meetingDate)}. Bedömningarna bygger på 95 % konfidensintervall (KI); ` +
      'en skillnad kallas säkerställd först när den inte kan förklaras av slumpen.',
    { size: 8.5, color: MUTED, gap: 6 },
  );

  w.heading(2, SUMMARY_HEADING, { keep: 80 });
  summaryTable(w, report);
  w.text(SUMMARY_NOTE, { size: 7.5, color: MUTED, gap: 8 });

  const entries = [
    ...report.areas.map((a) => a.title),
    ...(report.generalDecisions?.length ? [GENERAL_DECISIONS] : []),
    'Bilaga: Datakvalitet',
  ];
  w.heading(2, 'Innehåll', { keep: entries.length * 15 });
  entries.forEach((title, i) => {
    const page = tocPages?.[i];
    const y = doc.y;
    doc.font(w.fonts.regular).fontSize(10).fillColor(INK);
    // One paragraph per entry: the title and, right-aligned on the same line, its page.
    doc.text(w.fonts.clean(title), LEFT, y, { width: WIDTH - 60, lineBreak: false, structParent: w.root, structType: 'P' });
    if (page !== undefined) {
      doc.text(`sida ${page}`, LEFT + WIDTH - 60, y, {
        width: 60,
        align: 'right',
        lineBreak: false,
        structParent: w.root,
        structType: 'P',
      });
    }
    doc.x = LEFT;
    doc.y = y + 15;
  });
}

/** The summary as one table: a group row per priority area, a row per övergripande mål. */
function summaryTable(w: Writer, report: FollowUpReport): void {
  const rows: string[][] = [];
  const groups = new Set<number>();
  for (const area of report.summary) {
    groups.add(rows.length);
    rows.push([area.title, ...SUMMARY_COLUMNS.slice(1).map(() => '')]);
    for (const row of area.rows) rows.push(summaryCells(row));
  }
  if (rows.length === 0) {
    w.text('Planen har inga övergripande mål.', { color: MUTED });
    return;
  }
  table(w, SUMMARY_COLUMNS, rows, { size: 8, groupRows: groups });
}

const LATEST_COLUMNS: TableColumn[] = [
  { header: 'Område', width: 30 },
  { header: 'Period', width: 15 },
  { header: 'Värde', width: 15 },
  { header: '95 % KI', width: 22 },
  { header: 'Underlag', width: 18 },
];

function latestRows(ind: ReportIndicator): string[][] {
  return ind.latest.map((l) => [l.region, l.period, l.value, l.ci?.replace(/^KI\s*/, '') ?? '–', l.n ?? '–']);
}

/** The SCORE sites beside (or, for a pure reference series, instead of) the kommun's values, as the web review shows them. */
function referenceBlock(w: Writer, ref: ReportReference): void {
  w.text(ref.summary, { size: 9, gap: 3 });
  table(w, REFERENCE_COLUMNS(ref), referenceRows(ref));
}

const REFERENCE_COLUMNS = (ref: ReportReference): TableColumn[] => [
  { header: 'Reningsverk i', width: 60 },
  { header: `Dygnsmedel ${ref.period}`, width: 40 },
];
const referenceRows = (ref: ReportReference) => ref.sites.map((s) => [s.place, s.value]);

function indicatorBlock(w: Writer, ind: ReportIndicator): void {
  // The heading keeps its verdict, sentence and latest-values table with it on one page; the chart (kept with its
  // caption) may start the next page, so that a page is never left half empty for a block that does not fit.
  const keep =
    (ind.isExample ? 45 : 0) +
    60 +
    (ind.latest.length > 0 ? tableHeight(w, LATEST_COLUMNS, latestRows(ind)) : 0) +
    (ind.reference ? 30 + tableHeight(w, REFERENCE_COLUMNS(ind.reference), referenceRows(ind.reference)) : 0);
  w.heading(3, ind.name, { keep: Math.min(keep, BOTTOM - MARGIN.top - 60) });
  if (ind.isExample) w.warning(EXAMPLE_WARNING);
  w.labelled('Bedömning', ind.verdictLabel, { gap: 2 });
  w.text(ind.sentence, { gap: 4 });
  if (ind.flags.length > 0) w.labelled('Observera', ind.flags.join('; '), { gap: 4 });
  if (ind.latest.length > 0) table(w, LATEST_COLUMNS, latestRows(ind));
  if (ind.reference) referenceBlock(w, ind.reference);
  // The chart with its caption (about two lines) below it; a pure reference series has its table instead.
  if (!(ind.reference && !ind.reference.asContext && !hasValues(ind))) figure(w, ind, 24);
  const source = [`Källa: ${ind.source}.`, `Mätområde: ${ind.measuredGeography}.`].join(' ');
  w.text(source, { size: 8.5, color: MUTED, gap: 2 });
  if (ind.caveats) w.text(`Förbehåll: ${ind.caveats}`, { size: 8.5, color: MUTED, gap: 2 });
  w.doc.y += 6;
}

const DELRAPPORT_COLUMNS = (year: number): TableColumn[] => [
  { header: `Delrapport ${year}`, width: 25 },
  { header: 'Svar', width: 75 },
];

function delrapportRows(r: NonNullable<ReportAction['report']>): string[][] {
  return DELRAPPORT_FIELDS.map((f) => [f.label, r[f.key] ?? '–']);
}

/** How much an action needs below its heading: three lines and its delrapport (kept on one page). */
function actionKeep(w: Writer, action: ReportAction, year: number): number {
  const table = action.report ? tableHeight(w, DELRAPPORT_COLUMNS(year), delrapportRows(action.report), { firstColumnBold: true }) : 20;
  return Math.min(50 + table, BOTTOM - MARGIN.top - 60);
}

function actionBlock(w: Writer, action: ReportAction, year: number): void {
  w.heading(4, `${action.code} ${action.title}`, { keep: actionKeep(w, action, year) });
  w.labelled('Status', action.status, { gap: 1 });
  w.labelled('Ansvariga', action.responsible.length > 0 ? action.responsible.join(', ') : 'Ej angivet', { gap: 1 });
  w.labelled('Start', action.startDate ? dateLong(action.startDate) : 'Ej angivet', { gap: 5 });
  if (action.report) {
    const r = action.report;
    table(w, DELRAPPORT_COLUMNS(year), delrapportRows(r), { firstColumnBold: true });
  } else {
    w.text(`Ingen delrapport för ${year}.`, { color: MUTED, gap: 8 });
  }
}

function goalBlock(w: Writer, goal: ReportGoal, year: number): void {
  w.heading(2, `Mål ${goal.code}: ${goal.text}`, { keep: 90, outline: true });
  w.labelled('Indikatorernas utveckling', rollupLine(goal), { gap: 4 });
  if (goal.assessment) {
    w.labelled('Lokala Brå:s bedömning', goal.assessment.label, { gap: 2 });
    if (goal.assessment.justification) w.labelled('Motivering', goal.assessment.justification, { gap: 2 });
    if (goal.assessment.comment) w.labelled('Kommentar', goal.assessment.comment, { gap: 2 });
  } else {
    w.labelled('Lokala Brå:s bedömning', 'Ingen bedömning registrerad', { gap: 2 });
  }
  w.doc.y += 2;
  if (goal.decisions.length > 0) {
    w.text('Beslut', { bold: true, gap: 2 });
    w.list(goal.decisions.map((d) => `${d.kind}: ${d.text}`));
  }

  if (goal.indicators.length === 0) w.text('Inga indikatorer är kopplade till målet.', { color: MUTED });
  for (const ind of goal.indicators) indicatorBlock(w, ind);

  const first = goal.actions[0];
  w.heading(3, `Åtgärder för mål ${goal.code}`, { keep: first ? actionKeep(w, first, year) + 30 : 30 });
  if (goal.actions.length === 0) w.text('Inga åtgärder är kopplade till målet.', { color: MUTED });
  for (const action of goal.actions) actionBlock(w, action, year);
}

const GENERAL_DECISIONS = 'Beslut för planen som helhet';

function dataQuality(w: Writer, report: FollowUpReport): void {
  w.heading(1, 'Bilaga: Datakvalitet', { outline: true });
  w.text('En rad per indikator: varifrån värdena kommer, vilka perioder som finns, underlagets storlek (n) och kända förbehåll.', {
    gap: 8,
  });
  if (report.dataQuality.length === 0) {
    w.text('Inga indikatorer.', { color: MUTED });
    return;
  }
  table(
    w,
    [
      { header: 'Indikator', width: 26 },
      { header: 'Källa', width: 17 },
      { header: 'Perioder', width: 12 },
      { header: 'n', width: 8 },
      { header: 'Förbehåll', width: 24 },
      { header: 'Exempeldata', width: 13 },
    ],
    report.dataQuality.map((d) => [d.indicator, d.source, d.periods, d.n, d.caveats || '–', d.example ? 'Ja' : 'Nej']),
    { size: 8 },
  );
}

function footers(w: Writer, report: FollowUpReport): void {
  const { doc, fonts } = w;
  const range = doc.bufferedPageRange();
  const total = range.count;
  for (let i = range.start; i < range.start + total; i++) {
    doc.switchToPage(i);
    if (i === range.start) continue;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = PAGE.height - 38;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .moveTo(LEFT, y - 6)
      .lineTo(LEFT + WIDTH, y - 6)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.font(fonts.regular).fontSize(8.5).fillColor(MUTED);
    doc.text(fonts.clean(`Uppföljningsrapport ${report.year} – ${report.kommun}`), LEFT, y, { width: WIDTH / 2, lineBreak: false });
    doc.text(`Sida ${i + 1} av ${total}`, LEFT + WIDTH / 2, y, { width: WIDTH / 2, align: 'right', lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}

function render(report: FollowUpReport, tocPages: number[] | null): { doc: Doc; sectionPages: number[]; done: Promise<Buffer> } {
  const title = `Uppföljningsrapport ${report.year} – ${report.kommun}`;
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'sv-SE',
    displayTitle: true,
    info: {
      Title: title,
      Author: report.kommun,
      Subject: report.planTitle,
      Keywords: `uppföljning, brottsförebyggande, ${report.kommun}, ${report.year}`,
      Creator: 'Trygghetsläget',
      Producer: 'Trygghetsläget (PDFKit)',
      CreationDate: Number.isNaN(Date.parse(report.generatedAt)) ? new Date() : new Date(report.generatedAt),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const fonts = setUpFonts(doc);
  const root = doc.struct('Document');
  doc.addStructure(root);
  const w = new Writer(doc, fonts, root);

  titlePage(w, report, tocPages);
  for (const area of report.areas) {
    doc.addPage();
    w.sectionPages.push(w.pageNumber());
    w.heading(1, `${area.title}`, { outline: true });
    if (area.goals.length === 0) w.text('Inga mål i området.', { color: MUTED });
    for (const goal of area.goals) goalBlock(w, goal, report.year);
  }
  if (report.generalDecisions?.length) {
    doc.addPage();
    w.sectionPages.push(w.pageNumber());
    w.heading(1, GENERAL_DECISIONS, { outline: true });
    w.list(report.generalDecisions.map((d) => `${d.kind}: ${d.text}`));
  }
  doc.addPage();
  w.sectionPages.push(w.pageNumber());
  dataQuality(w, report);

  footers(w, report);
  root.end();
  return { doc, sectionPages: w.sectionPages, done };
}

/** The follow-up report as a PDF file. */
export async function renderFollowUpPdf(report: FollowUpReport): Promise<Buffer> {
  // Two passes: the first finds the page each section starts on, for the title page's table of contents.
  // The title page has a fixed layout, so the second pass paginates exactly like the first.
  const first = render(report, null);
  first.doc.end();
  await first.done;
  const second = render(report, first.sectionPages);
  second.doc.end();
  return second.done;
}
