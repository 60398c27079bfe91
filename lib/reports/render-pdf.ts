/*
 * The annual follow-up report ("Uppföljningsrapport <år>") as a tagged PDF: A4, headings, tables and one
 * vector chart per indicator (chartSvg drawn with svg-to-pdfkit), page numbers in the footer, an outline.
 *
 * Fonts: the PDF standard fonts (Helvetica) only encode WinAnsi: å ä ö é – … are fine, but ≤ ≥ − (the minus
 * sign sv-SE numbers use) and anything else from imported files are not. So a TrueType sans from the system
 * is embedded (subset) when one is installed (REPORT_FONT_CANDIDATES: Liberation Sans, else DejaVu Sans);
 * without one the report falls back to Helvetica and spells those characters out ("≤" → "<=").
 */
import 'server-only';
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { chartDescription, chartSvg, REPORT_FONT_CANDIDATES } from './chart-svg';
import type { FollowUpReport, ReportAction, ReportGoal, ReportIndicator } from './types';
import { PALETTE } from './palette';
import { DELRAPPORT_FIELDS, EXAMPLE_WARNING, dateLong, formatGenerated, rollupLine, statusLine } from './report-text';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 56, bottom: 60, left: 50, right: 50 };
const LEFT = MARGIN.left;
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;

const { ink: INK, muted: MUTED, accent: ACCENT, rule: RULE, headBg: HEAD_BG, warnBg: WARN_BG, warnInk: WARN_INK } = PALETTE;

const CHART_W = 640;
const CHART_H = 300;
/** The chart spans the text width. */
const CHART_HEIGHT_PT = (CHART_H / CHART_W) * WIDTH;

function hasValues(ind: ReportIndicator): boolean {
  return ind.series.some((s) => s.points.some((p) => p.value !== null));
}

// ---------------------------------------------------------------------------------------------------------
// Fonts

interface Fonts {
  regular: string;
  bold: string;
  /** Make a string drawable in the chosen font (identity for an embedded TrueType font). */
  clean: (s: string) => string;
  embedded: boolean;
}

/** cp1252's 0x80–0x9F: what the standard fonts can draw beyond ASCII and Latin-1. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const SPELL_OUT: Record<string, string> = {
  '≤': '<=', '≥': '>=', '−': '-', '‐': '-', '‑': '-', '‒': '–', '≈': '~', '≠': '!=', '→': '->', '←': '<-',
  '\u2009': ' ', '\u202f': '\u00a0', '\u2007': ' ', '\u200b': '', '′': "'", '″': '"', '½': '1/2',
};

function toWinAnsi(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 10 || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else if (ch in SPELL_OUT) out += SPELL_OUT[ch];
    else if (c < 0x20) out += ' ';
    else out += '?';
  }
  return out;
}

/** Registers the report fonts on the document: an installed TrueType sans, else Helvetica with a safe character set. */
function setUpFonts(doc: Doc): Fonts {
  const found = REPORT_FONT_CANDIDATES.find((f) => existsSync(f.regular) && existsSync(f.bold));
  if (found) {
    doc.registerFont('Report', found.regular);
    doc.registerFont('Report-Bold', found.bold);
    return { regular: 'Report', bold: 'Report-Bold', clean: (s) => s, embedded: true };
  }
  return { regular: 'Helvetica', bold: 'Helvetica-Bold', clean: toWinAnsi, embedded: false };
}

// ---------------------------------------------------------------------------------------------------------
// Formatting

export { DELRAPPORT_FIELDS, EXAMPLE_WARNING, formatGenerated, rollupLine, statusLine } from './report-text';

// ---------------------------------------------------------------------------------------------------------
// The writer: text, headings, tables and figures, each tagged for assistive technology.

interface TableOptions {
  size?: number;
  firstColumnBold?: boolean;
}

interface TableColumn {
  header: string;
  /** Share of the full width. */
  width: number;
}

class Writer {
  readonly outlineStack: PDFKit.PDFOutline[] = [];
  /** The page each area (and the appendix) starts on, 1-based: the title page's table of contents. */
  readonly sectionPages: number[] = [];

  constructor(
    readonly doc: Doc,
    readonly fonts: Fonts,
    readonly root: Struct,
  ) {}

  get y(): number {
    return this.doc.y;
  }

  pageNumber(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count;
  }

  /** Start a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > BOTTOM) this.doc.addPage();
  }

  /** Drawing that carries no meaning (rules, backgrounds): marked as an artifact. */
  artifact(draw: () => void): void {
    this.doc.markContent('Artifact');
    draw();
    this.doc.endMarkedContent();
  }

  text(
    s: string,
    o: { bold?: boolean; size?: number; color?: string; gap?: number; x?: number; width?: number; tag?: string; align?: 'left' | 'right' | 'center' } = {},
  ): void {
    const { doc } = this;
    const x = o.x ?? LEFT;
    doc.font(o.bold ? this.fonts.bold : this.fonts.regular).fontSize(o.size ?? 10).fillColor(o.color ?? INK);
    doc.text(this.fonts.clean(s), x, doc.y, {
      width: o.width ?? WIDTH - (x - LEFT),
      lineGap: 1.5,
      align: o.align ?? 'left',
      structParent: this.root,
      structType: o.tag ?? 'P',
    });
    doc.x = LEFT;
    doc.y += o.gap ?? 4;
  }

  /** "Label: value" with the label in bold, as one paragraph. */
  labelled(label: string, value: string, o: { size?: number; color?: string; gap?: number } = {}): void {
    const { doc } = this;
    const size = o.size ?? 10;
    doc.font(this.fonts.bold).fontSize(size).fillColor(o.color ?? INK);
    doc.text(this.fonts.clean(`${label}: `), LEFT, doc.y, { width: WIDTH, lineGap: 1.5, continued: true, structParent: this.root, structType: 'P' });
    doc.font(this.fonts.regular).text(this.fonts.clean(value), { lineGap: 1.5 });
    doc.x = LEFT;
    doc.y += o.gap ?? 3;
  }

  heading(level: 1 | 2 | 3 | 4, s: string, o: { keep?: number; outline?: boolean } = {}): void {
    const size = [0, 18, 14, 12, 10.5][level]!;
    const before = [0, 0, 14, 10, 8][level]!;
    const { doc } = this;
    doc.font(this.fonts.bold).fontSize(size);
    const h = doc.heightOfString(this.fonts.clean(s), { width: WIDTH });
    if (doc.y > MARGIN.top + 1) doc.y += before;
    this.ensure(h + (o.keep ?? 60));
    if (o.outline) {
      const parent = level === 1 ? this.doc.outline : (this.outlineStack[level - 2] ?? this.doc.outline);
      const item = parent.addItem(this.fonts.clean(s));
      this.outlineStack[level - 1] = item;
      this.outlineStack.length = level;
    }
    this.text(s, { bold: true, size, color: level <= 2 ? ACCENT : INK, tag: `H${level}`, gap: level === 1 ? 8 : 4 });
    if (level === 1) {
      const y = doc.y - 4;
      this.artifact(() => doc.moveTo(LEFT, y).lineTo(LEFT + WIDTH, y).lineWidth(1).strokeColor(ACCENT).stroke());
      doc.y += 4;
    }
  }

  /** A bulleted list (L > LI > Lbl + LBody). */
  list(items: string[], o: { size?: number } = {}): void {
    if (items.length === 0) return;
    const { doc } = this;
    const list = doc.struct('L');
    this.root.add(list);
    doc.font(this.fonts.regular).fontSize(o.size ?? 10).fillColor(INK);
    for (const item of items) {
      const li = doc.struct('LI');
      list.add(li);
      this.ensure(doc.heightOfString(this.fonts.clean(item), { width: WIDTH - 14 }) + 2);
      const top = doc.y;
      li.add(doc.struct('Lbl', {}, () => doc.text('•', LEFT + 2, top, { width: 10, lineBreak: false })));
      li.add(
        doc.struct('LBody', {}, () => {
          doc.text(this.fonts.clean(item), LEFT + 14, top, { width: WIDTH - 14, lineGap: 1.5 });
        }),
      );
      li.end();
      doc.x = LEFT;
      doc.y += 2;
    }
    list.end();
    doc.y += 2;
  }

  /** Column positions and a row-height function for a table. */
  private tableLayout(columns: TableColumn[], o: TableOptions) {
    const { doc, fonts } = this;
    const size = o.size ?? 9;
    const pad = 4;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * WIDTH);
    const xs = widths.map((_, i) => LEFT + widths.slice(0, i).reduce((s, w) => s + w, 0));
    const cellHeight = (text: string, i: number, bold: boolean) => {
      doc.font(bold ? fonts.bold : fonts.regular).fontSize(size);
      return doc.heightOfString(fonts.clean(text) || ' ', { width: widths[i]! - 2 * pad, lineGap: 1 }) + 2 * pad;
    };
    const rowHeight = (cells: string[], header: boolean) =>
      Math.max(...cells.map((c, i) => cellHeight(c, i, header || (i === 0 && !!o.firstColumnBold))));
    return { size, pad, widths, xs, rowHeight };
  }

  /** The height a table will take (plus its spacing below). */
  tableHeight(columns: TableColumn[], rows: string[][], o: TableOptions = {}): number {
    const { rowHeight } = this.tableLayout(columns, o);
    return rowHeight(columns.map((c) => c.header), true) + rows.reduce((s, r) => s + rowHeight(r, false), 0) + 8;
  }

  /**
   * A table with a header row. A short table is kept on one page; a long one breaks between rows and
   * repeats its header row (as an artifact) on the new page.
   */
  table(columns: TableColumn[], rows: string[][], o: TableOptions = {}): void {
    const { doc, fonts } = this;
    const { size, pad, widths, xs, rowHeight } = this.tableLayout(columns, o);
    const headerH = rowHeight(columns.map((c) => c.header), true);
    const firstH = rows[0] ? rowHeight(rows[0], false) : 0;
    const whole = this.tableHeight(columns, rows, o);
    this.ensure(whole <= (BOTTOM - MARGIN.top) * 0.5 ? whole : headerH + firstH + 4);

    const table = doc.struct('Table');
    this.root.add(table);

    const drawRow = (cells: string[], header: boolean, tagged: boolean, stripe: boolean) => {
      const h = rowHeight(cells, header);
      const y = doc.y;
      this.artifact(() => {
        if (header || stripe) doc.rect(LEFT, y, WIDTH, h).fill(header ? HEAD_BG : '#f6f7f9');
        doc.moveTo(LEFT, y + h).lineTo(LEFT + WIDTH, y + h).lineWidth(header ? 1 : 0.5).strokeColor(header ? MUTED : RULE).stroke();
      });
      const drawCell = (text: string, i: number) => {
        const bold = header || (i === 0 && !!o.firstColumnBold);
        doc.font(bold ? fonts.bold : fonts.regular).fontSize(size).fillColor(INK);
        doc.text(fonts.clean(text), xs[i]! + pad, y + pad, { width: widths[i]! - 2 * pad, lineGap: 1 });
      };
      if (tagged) {
        const tr = doc.struct('TR');
        table.add(tr);
        cells.forEach((text, i) => {
          tr.add(doc.struct(header ? 'TH' : 'TD', {}, () => drawCell(text, i)));
        });
        tr.end();
      } else {
        this.artifact(() => cells.forEach(drawCell));
      }
      doc.x = LEFT;
      doc.y = y + h;
    };

    drawRow(columns.map((c) => c.header), true, true, false);
    rows.forEach((cells, r) => {
      const h = rowHeight(cells, false);
      if (doc.y + h > BOTTOM) {
        doc.addPage();
        drawRow(columns.map((c) => c.header), true, false, false);
      }
      drawRow(cells, false, true, r % 2 === 1);
    });
    table.end();
    doc.y += 8;
  }

  /** A chart as vectors, tagged as a Figure with the chart's description as its alternative text. */
  chart(ind: ReportIndicator): void {
    const { doc, fonts } = this;
    if (!hasValues(ind)) {
      this.text('Diagram: inga värden att visa.', { color: MUTED, gap: 6 });
      return;
    }
    const w = WIDTH;
    const h = CHART_HEIGHT_PT;
    this.ensure(h + 6);
    const y = doc.y;
    let svg = chartSvg(ind, { width: CHART_W, height: CHART_H });
    if (!fonts.embedded) svg = toWinAnsi(svg);
    const figure = doc.struct('Figure', { alt: fonts.clean(chartDescription(ind)) }, () => {
      SVGtoPDF(doc, svg, LEFT, y, {
        width: w,
        height: h,
        preserveAspectRatio: 'xMinYMin meet',
        fontCallback: (_family, bold) => (bold ? fonts.bold : fonts.regular),
        warningCallback: () => undefined,
      });
    });
    this.root.add(figure);
    figure.end();
    doc.x = LEFT;
    doc.y = y + h + 8;
  }

  /** The example-data warning: a tinted box with a bold lead-in. */
  warning(s: string): void {
    const { doc, fonts } = this;
    doc.font(fonts.bold).fontSize(10);
    const h = doc.heightOfString(fonts.clean(s), { width: WIDTH - 20, lineGap: 1.5 }) + 14;
    this.ensure(h + 4);
    const y = doc.y;
    this.artifact(() => {
      doc.rect(LEFT, y, WIDTH, h).fill(WARN_BG);
      doc.rect(LEFT, y, 4, h).fill(WARN_INK);
    });
    doc.y = y + 7;
    this.text(s, { bold: true, color: WARN_INK, x: LEFT + 12, width: WIDTH - 20, gap: 0 });
    doc.y = y + h + 6;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The report

function titlePage(w: Writer, report: FollowUpReport, tocPages: number[] | null): void {
  const { doc } = w;
  doc.y = 150;
  w.text(report.kommun, { size: 14, color: MUTED, gap: 6 });
  w.text(`Uppföljningsrapport ${report.year}`, { bold: true, size: 28, color: ACCENT, tag: 'H1', gap: 10 });
  w.text(report.planTitle, { size: 14, gap: 28 });
  w.labelled('Kommun', report.kommun);
  w.labelled('Mötesdatum', dateLong(report.meetingDate));
  w.labelled('Status', statusLine(report));
  w.labelled('Skapad', formatGenerated(report.generatedAt), { gap: 8 });
  w.text(
    `Värdena i rapporten är låsta per mötesdatum ${dateLong(report.meetingDate)}. Bedömningarna bygger på 95 % konfidensintervall (KI); ` +
      'en skillnad kallas säkerställd först när den inte kan förklaras av slumpen.',
    { size: 9, color: MUTED, gap: 24 },
  );

  w.text('Innehåll', { bold: true, size: 12, tag: 'H2', gap: 6 });
  const entries = [...report.areas.map((a) => a.title), ...(report.generalDecisions?.length ? [GENERAL_DECISIONS] : []), 'Bilaga: Datakvalitet'];
  entries.forEach((title, i) => {
    const page = tocPages?.[i];
    const y = doc.y;
    doc.font(w.fonts.regular).fontSize(10).fillColor(INK);
    // One paragraph per entry: the title and, right-aligned on the same line, its page.
    doc.text(w.fonts.clean(title), LEFT, y, { width: WIDTH - 60, lineBreak: false, structParent: w.root, structType: 'P' });
    if (page !== undefined) {
      doc.text(`sida ${page}`, LEFT + WIDTH - 60, y, { width: 60, align: 'right', lineBreak: false, structParent: w.root, structType: 'P' });
    }
    doc.x = LEFT;
    doc.y = y + 16;
  });
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

function indicatorBlock(w: Writer, ind: ReportIndicator): void {
  // Keep the heading, verdict, table and chart on one page when they fit on one.
  const block =
    (ind.isExample ? 45 : 0) +
    60 +
    (ind.latest.length > 0 ? w.tableHeight(LATEST_COLUMNS, latestRows(ind)) : 0) +
    (hasValues(ind) ? CHART_HEIGHT_PT : 20);
  w.heading(3, ind.name, { keep: Math.min(block, BOTTOM - MARGIN.top - 60) });
  if (ind.isExample) w.warning(EXAMPLE_WARNING);
  w.labelled('Bedömning', ind.verdictLabel, { gap: 2 });
  w.text(ind.sentence, { gap: 4 });
  if (ind.flags.length > 0) w.labelled('Observera', ind.flags.join('; '), { gap: 4 });
  if (ind.latest.length > 0) w.table(LATEST_COLUMNS, latestRows(ind));
  w.chart(ind);
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
  const table = action.report ? w.tableHeight(DELRAPPORT_COLUMNS(year), delrapportRows(action.report), { firstColumnBold: true }) : 20;
  return Math.min(50 + table, BOTTOM - MARGIN.top - 60);
}

function actionBlock(w: Writer, action: ReportAction, year: number): void {
  w.heading(4, `${action.code} ${action.title}`, { keep: actionKeep(w, action, year) });
  w.labelled('Status', action.status, { gap: 1 });
  w.labelled('Ansvariga', action.responsible.length > 0 ? action.responsible.join(', ') : 'Ej angivet', { gap: 1 });
  w.labelled('Start', action.startDate ? dateLong(action.startDate) : 'Ej angivet', { gap: 5 });
  if (action.report) {
    const r = action.report;
    w.table(DELRAPPORT_COLUMNS(year), delrapportRows(r), { firstColumnBold: true });
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
  w.text(
    'En rad per indikator: varifrån värdena kommer, vilka perioder som finns, underlagets storlek (n) och kända förbehåll.',
    { gap: 8 },
  );
  if (report.dataQuality.length === 0) {
    w.text('Inga indikatorer.', { color: MUTED });
    return;
  }
  w.table(
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
    doc.moveTo(LEFT, y - 6).lineTo(LEFT + WIDTH, y - 6).lineWidth(0.5).strokeColor(RULE).stroke();
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
      Creator: 'Trygghetslaget',
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
