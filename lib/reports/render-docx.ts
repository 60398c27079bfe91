/*
 * The annual follow-up report ("Uppföljningsrapport <år>") as a Word document: the same content in the same
 * order as the PDF, with real Word headings (Title, Heading1–4), Word tables with repeating header rows,
 * and each chart as an SVG picture (Word 2016+ draws the vectors) with a PNG fallback rendered by resvg,
 * both with the chart's description as alt text. Swedish (sv-SE) is the proofing language of every style.
 */
import 'server-only';
import { existsSync } from 'node:fs';
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import JSZip from 'jszip';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { formatDateLong } from '../format';
import { chartDescription, chartSvg, REPORT_FONT_CANDIDATES } from './chart-svg';
import { fitColumnWidths, wordsOf } from './column-widths';
import { textWidthPt } from './measure';
import {
  DELRAPPORT_FIELDS,
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
import { PALETTE, wordColour } from './palette';

type Block = Paragraph | Table;

const CHART_W = 640;
const CHART_H = 300;
/** On the page: 16,5 cm of the 17 cm text width (A4, 2 cm margins), in pixels at 96 dpi. */
const CHART_PX_W = 624;
const CHART_PX_H = Math.round((CHART_H / CHART_W) * CHART_PX_W);
/** The PNG fallback: twice the displayed size, sharp on screen and in print. */
const PNG_SCALE = 2;

const GROUP_BG = 'EEF2F7';
const [ACCENT, MUTED, HEAD_BG, WARN_BG, WARN_INK] = [PALETTE.accent, PALETTE.muted, PALETTE.headBg, PALETTE.warnBg, PALETTE.warnInk].map(
  wordColour,
) as [string, string, string, string, string];
/** Arial: in Word as it is, in LibreOffice as Liberation Sans with the same metrics, so pages break alike. */
const BODY_FONT = 'Arial';
/** Text width: A4 (11 906 twips) less two 2 cm margins (1 134 twips each). */
const TEXT_TWIPS = 9638;

function dateLong(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDateLong(iso) : iso;
}

function hasValues(ind: ReportIndicator): boolean {
  return ind.series.some((s) => s.points.some((p) => p.value !== null));
}

// ---------------------------------------------------------------------------------------------------------
// Chart images

let resvgFonts: ResvgRenderOptions['font'] | null = null;

/** resvg needs real font files for the chart text: the same installed sans the PDF embeds, else whatever the system has. */
function chartFonts(): ResvgRenderOptions['font'] {
  if (resvgFonts) return resvgFonts;
  const found = REPORT_FONT_CANDIDATES.find((f) => existsSync(f.regular) && existsSync(f.bold));
  resvgFonts = found
    ? { loadSystemFonts: false, fontFiles: [found.regular, found.bold], defaultFontFamily: found.family, sansSerifFamily: found.family }
    : { loadSystemFonts: true, defaultFontFamily: 'Arial', sansSerifFamily: 'Arial' };
  return resvgFonts;
}

/** The resvg options the chart PNGs are rendered with (white background, twice the displayed size). */
export function chartRasterOptions(): ResvgRenderOptions {
  return {
    background: '#ffffff',
    fitTo: { mode: 'width', value: CHART_W * PNG_SCALE },
    font: chartFonts(),
    shapeRendering: 2,
    textRendering: 1,
  };
}

/** The chart SVG rasterised to PNG, off the main thread. */
export async function chartPng(svg: string): Promise<Buffer> {
  const image = await renderAsync(svg, chartRasterOptions());
  return Buffer.from(image.asPng());
}

interface Chart {
  svg: string;
  png: Buffer;
  /** wp:docPr ids must be unique in the document; docx numbers every picture 1 unless told. */
  id: number;
}

function chartImage(ind: ReportIndicator, chart: Chart): Paragraph {
  const title = `Diagram: ${ind.name}`;
  return new Paragraph({
    spacing: { before: 120, after: 80 },
    keepLines: true,
    // The chart stays with its caption (source) below it.
    keepNext: true,
    children: [
      new ImageRun({
        type: 'svg',
        data: Buffer.from(chart.svg, 'utf8'),
        fallback: { type: 'png', data: chart.png },
        transformation: { width: CHART_PX_W, height: CHART_PX_H },
        altText: { id: String(chart.id), name: title.slice(0, 250), title, description: chartDescription(ind) },
      }),
    ],
  });
}

// ---------------------------------------------------------------------------------------------------------
// Blocks

function para(text: string, o: { bold?: boolean; color?: string; size?: number; after?: number; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    spacing: { after: o.after ?? 80 },
    keepNext: o.keepNext,
    children: [new TextRun({ text, bold: o.bold, color: o.color, size: o.size })],
  });
}

/** "Label: value" with the label in bold. */
function labelled(label: string, value: string, o: { after?: number; keepNext?: boolean; size?: number } = {}): Paragraph {
  return new Paragraph({
    spacing: { after: o.after ?? 40 },
    keepNext: o.keepNext,
    children: [new TextRun({ text: `${label}: `, bold: true, size: o.size }), new TextRun({ text: value, size: o.size })],
  });
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4 } as const;

function heading(level: 1 | 2 | 3 | 4, text: string, o: { pageBreakBefore?: boolean } = {}): Paragraph {
  return new Paragraph({
    heading: HEADINGS[level],
    keepNext: true,
    keepLines: true,
    pageBreakBefore: o.pageBreakBefore,
    children: [new TextRun({ text })],
  });
}

const CELL_MARGINS = { top: 60, bottom: 60, left: 100, right: 100 };
const RULE = { style: BorderStyle.SINGLE, size: 4, color: 'C9CED6' };
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

interface TableOptions {
  firstColumnBold?: boolean;
  /** Font size in half-points (Word's unit): 18 = 9 pt. */
  size?: number;
  /** Rows (by index) that are group headings: one cell across the table, bold on a tint. */
  groupRows?: ReadonlySet<number>;
  /** Keep the whole table on one page (short tables only). */
  keepTogether?: boolean;
}

/**
 * Column widths in twips that never break a word: each column is at least as wide as its longest word, measured
 * in the table's font; when the longest words cannot stand side by side, the table is set a size smaller.
 */
function columnTwips(headers: string[], rows: string[][], widths: number[], o: TableOptions): { twips: number[]; size: number } {
  const margin = CELL_MARGINS.left + CELL_MARGINS.right + 40;
  let size = o.size ?? 21;
  for (;;) {
    const minimums = headers.map((h, i) => {
      let widest = 0;
      const measure = (text: string, bold: boolean) => {
        for (const word of wordsOf(text)) widest = Math.max(widest, textWidthPt(word, size / 2, bold));
      };
      measure(h, true);
      rows.forEach((r, ri) => {
        if (!o.groupRows?.has(ri)) measure(r[i] ?? '', i === 0 && !!o.firstColumnBold);
      });
      return Math.ceil(widest * 20) + margin;
    });
    const fitted = fitColumnWidths(widths, minimums, TEXT_TWIPS);
    if (fitted) {
      const twips = fitted.map((w) => Math.floor(w));
      twips[twips.length - 1]! += TEXT_TWIPS - twips.reduce((s, w) => s + w, 0);
      return { twips, size };
    }
    if (size <= 13) {
      const total = widths.reduce((s, w) => s + w, 0);
      return { twips: widths.map((w) => Math.round((w / total) * TEXT_TWIPS)), size };
    }
    size -= 1;
  }
}

/** A Word table: a header row that repeats on every page, rows that never split across pages. */
function table(headers: string[], rows: string[][], widths: number[], o: TableOptions = {}): Table {
  const { twips, size } = columnTwips(headers, rows, widths, o);
  const last = rows.length - 1;
  const cell = (text: string, i: number, header: boolean, keepNext: boolean, span = 1, fill?: string) =>
    new TableCell({
      width: { size: span > 1 ? TEXT_TWIPS : twips[i]!, type: WidthType.DXA },
      columnSpan: span > 1 ? span : undefined,
      margins: CELL_MARGINS,
      shading: header || fill ? { type: ShadingType.CLEAR, color: 'auto', fill: fill ?? HEAD_BG } : undefined,
      children: [
        new Paragraph({
          keepNext,
          children: [new TextRun({ text, bold: header || span > 1 || (i === 0 && !!o.firstColumnBold), size })],
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_TWIPS, type: WidthType.DXA },
    columnWidths: twips,
    layout: TableLayoutType.FIXED,
    borders: { top: NONE, left: NONE, right: NONE, insideVertical: NONE, bottom: RULE, insideHorizontal: RULE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => cell(h, i, true, true)) }),
      ...rows.map((r, ri) => {
        // A group heading stays with its first row; a short table stays whole.
        const keepNext = o.groupRows?.has(ri) || (!!o.keepTogether && ri < last);
        if (o.groupRows?.has(ri))
          return new TableRow({ cantSplit: true, children: [cell(r[0] ?? '', 0, false, true, headers.length, GROUP_BG)] });
        return new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, i, false, !!keepNext)) });
      }),
    ],
  });
}

function spacer(after = 120): Paragraph {
  return new Paragraph({ spacing: { after }, children: [] });
}

function warning(text: string): Paragraph {
  return new Paragraph({
    spacing: { before: 60, after: 120 },
    shading: { type: ShadingType.CLEAR, color: 'auto', fill: WARN_BG },
    border: { left: { style: BorderStyle.THICK, size: 24, color: WARN_INK, space: 6 } },
    keepNext: true,
    children: [new TextRun({ text, bold: true, color: WARN_INK })],
  });
}

/** Page 1: the title in a compact block, then the summary (as in the PDF), then the table of contents. */
function titlePage(report: FollowUpReport): Block[] {
  return [
    new Paragraph({ spacing: { before: 0, after: 60 }, children: [new TextRun({ text: report.kommun, size: 24, color: MUTED })] }),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      spacing: { before: 0, after: 60 },
      keepNext: true,
      children: [new TextRun({ text: `Uppföljningsrapport ${report.year}` })],
    }),
    para(report.planTitle, { size: 24, after: 160 }),
    labelled('Mötesdatum', dateLong(report.meetingDate), { after: 0, size: 18 }),
    labelled('Status', statusLine(report), { after: 0, size: 18 }),
    labelled('Skapad', formatGenerated(report.generatedAt), { after: 80, size: 18 }),
    para(
      `Värdena i rapporten är låsta per mötesdatum ${dateLong(report.meetingDate)}. Bedömningarna bygger på 95 % konfidensintervall (KI); ` +
        'en skillnad kallas säkerställd först när den inte kan förklaras av slumpen.',
      { size: 17, color: MUTED, after: 120 },
    ),
  ];
}

/** The one-screen summary: a group row per priority area, a row per övergripande mål. */
function summaryBlocks(report: FollowUpReport): Block[] {
  const rows: string[][] = [];
  const groups = new Set<number>();
  for (const area of report.summary) {
    groups.add(rows.length);
    rows.push([area.title, ...SUMMARY_COLUMNS.slice(1).map(() => '')]);
    for (const row of area.rows) rows.push(summaryCells(row));
  }
  const out: Block[] = [heading(1, SUMMARY_HEADING)];
  if (rows.length === 0) out.push(para('Planen har inga övergripande mål.', { color: MUTED }));
  else {
    out.push(
      table(
        SUMMARY_COLUMNS.map((c) => c.header),
        rows,
        SUMMARY_COLUMNS.map((c) => c.width),
        { size: 16, groupRows: groups },
      ),
    );
  }
  out.push(para(SUMMARY_NOTE, { size: 15, color: MUTED, after: 200 }));
  return out;
}

/**
 * The table of contents: a TOC field over Heading 1–2. Its entries are written in already (without page numbers),
 * so the list reads right before the field is updated; Word offers to update it when the file is opened.
 */
function contentsBlocks(report: FollowUpReport): Block[] {
  const entries = [
    { title: SUMMARY_HEADING, level: 1 },
    ...report.areas.flatMap((a) => [{ title: a.title, level: 1 }, ...a.goals.map((g) => ({ title: goalHeading(g), level: 2 }))]),
    ...(report.generalDecisions?.length ? [{ title: GENERAL_DECISIONS, level: 1 }] : []),
    { title: DATA_QUALITY, level: 1 },
  ];
  return [
    new Paragraph({
      style: 'TOCHeading',
      keepNext: true,
      spacing: { before: 240, after: 80 },
      children: [new TextRun({ text: 'Innehåll', bold: true, size: 26, color: ACCENT })],
    }),
    new TableOfContents(TOC_ALIAS, { hyperlink: true, headingStyleRange: '1-2', cachedEntries: entries, beginDirty: true }),
    para(
      'Innehållsförteckningen är ett fält. Visas inga sidnummer: högerklicka i förteckningen och välj Uppdatera fält (Word) ' +
        'eller Uppdatera förteckning (LibreOffice), eller svara Ja när Word frågar om fälten ska uppdateras.',
      { size: 15, color: MUTED, after: 0 },
    ),
  ];
}

const GENERAL_DECISIONS = 'Beslut för planen som helhet';
const TOC_ALIAS = 'Innehåll';
const DATA_QUALITY = 'Bilaga: Datakvalitet';
const goalHeading = (goal: ReportGoal) => `Mål ${goal.code}: ${goal.text}`;

/** The EUDA/SCORE sites the web review shows for the indicator. */
function referenceBlocks(ref: ReportReference): Block[] {
  return [
    spacer(60),
    para(ref.summary, { size: 18, after: 60, keepNext: true }),
    table(
      [`Reningsverk i`, `Dygnsmedel ${ref.period}`],
      ref.sites.map((s) => [s.place, s.value]),
      [60, 40],
      { size: 18 },
    ),
    spacer(80),
  ];
}

function indicatorBlocks(ind: ReportIndicator, charts: Map<ReportIndicator, Chart>): Block[] {
  const out: Block[] = [heading(3, ind.name)];
  if (ind.isExample) out.push(warning(EXAMPLE_WARNING));
  out.push(labelled('Bedömning', ind.verdictLabel, { keepNext: true }), para(ind.sentence, { keepNext: true }));
  if (ind.flags.length > 0) out.push(labelled('Observera', ind.flags.join('; '), { after: 80, keepNext: true }));
  if (ind.latest.length > 0) {
    out.push(
      table(
        ['Område', 'Period', 'Värde', '95 % KI', 'Underlag'],
        ind.latest.map((l) => [l.region, l.period, l.value, l.ci?.replace(/^KI\s*/, '') ?? '–', l.n ?? '–']),
        [30, 15, 15, 22, 18],
        // Short: kept whole, and with the heading above it; the chart below may go to the next page.
        { size: 18, keepTogether: true },
      ),
    );
  }
  if (ind.reference) out.push(...referenceBlocks(ind.reference));
  const chart = charts.get(ind);
  if (chart) out.push(chartImage(ind, chart));
  // A pure reference series (EUDA's SCORE sites) has its table instead of a chart.
  else if (!ind.reference || ind.reference.asContext) out.push(para('Diagram: inga värden att visa.', { color: MUTED }));
  out.push(para(`Källa: ${ind.source}. Mätområde: ${ind.measuredGeography}.`, { size: 17, color: MUTED, after: 20 }));
  if (ind.caveats) out.push(para(`Förbehåll: ${ind.caveats}`, { size: 17, color: MUTED, after: 20 }));
  out.push(spacer(160));
  return out;
}

function actionBlocks(action: ReportAction, year: number): Block[] {
  const out: Block[] = [
    heading(4, `${action.code} ${action.title}`),
    labelled('Status', action.status, { after: 0, keepNext: true }),
    labelled('Ansvariga', action.responsible.length > 0 ? action.responsible.join(', ') : 'Ej angivet', { after: 0, keepNext: true }),
    labelled('Start', action.startDate ? dateLong(action.startDate) : 'Ej angivet', { after: 100, keepNext: !!action.report }),
  ];
  if (action.report) {
    const r = action.report;
    out.push(
      table(
        [`Delrapport ${year}`, 'Svar'],
        DELRAPPORT_FIELDS.map((f) => [f.label, r[f.key] ?? '–']),
        [25, 75],
        { firstColumnBold: true, size: 19 },
      ),
      spacer(),
    );
  } else {
    out.push(para(`Ingen delrapport för ${year}.`, { color: MUTED, after: 160 }));
  }
  return out;
}

function goalBlocks(goal: ReportGoal, year: number, charts: Map<ReportIndicator, Chart>): Block[] {
  const out: Block[] = [heading(2, goalHeading(goal)), labelled('Indikatorernas utveckling', rollupLine(goal), { after: 80 })];
  if (goal.assessment) {
    out.push(labelled('Lokala Brå:s bedömning', goal.assessment.label));
    if (goal.assessment.justification) out.push(labelled('Motivering', goal.assessment.justification));
    if (goal.assessment.comment) out.push(labelled('Kommentar', goal.assessment.comment));
  } else {
    out.push(labelled('Lokala Brå:s bedömning', 'Ingen bedömning registrerad'));
  }
  if (goal.decisions.length > 0) {
    out.push(para('Beslut', { bold: true, after: 40, keepNext: true }));
    for (const d of goal.decisions) {
      out.push(new Paragraph({ bullet: { level: 0 }, spacing: { after: 40 }, children: [new TextRun({ text: `${d.kind}: ${d.text}` })] }));
    }
  }
  out.push(spacer(80));
  if (goal.indicators.length === 0) out.push(para('Inga indikatorer är kopplade till målet.', { color: MUTED }));
  for (const ind of goal.indicators) out.push(...indicatorBlocks(ind, charts));
  out.push(heading(3, `Åtgärder för mål ${goal.code}`));
  if (goal.actions.length === 0) out.push(para('Inga åtgärder är kopplade till målet.', { color: MUTED }));
  for (const action of goal.actions) out.push(...actionBlocks(action, year));
  return out;
}

function dataQualityBlocks(report: FollowUpReport): Block[] {
  const out: Block[] = [
    heading(1, DATA_QUALITY, { pageBreakBefore: true }),
    para('En rad per indikator: varifrån värdena kommer, vilka perioder som finns, underlagets storlek (n) och kända förbehåll.', {
      after: 160,
    }),
  ];
  if (report.dataQuality.length === 0) {
    out.push(para('Inga indikatorer.', { color: MUTED }));
    return out;
  }
  out.push(
    table(
      ['Indikator', 'Källa', 'Perioder', 'n', 'Förbehåll', 'Exempeldata'],
      report.dataQuality.map((d) => [d.indicator, d.source, d.periods, d.n, d.caveats || '–', d.example ? 'Ja' : 'Nej']),
      [26, 17, 12, 8, 24, 13],
      { size: 17 },
    ),
  );
  return out;
}

/** The follow-up report as a DOCX file. */
export async function renderFollowUpDocx(report: FollowUpReport): Promise<Buffer> {
  const title = `Uppföljningsrapport ${report.year} – ${report.kommun}`;
  const withValues = report.areas.flatMap((a) => a.goals.flatMap((g) => g.indicators)).filter(hasValues);
  const charts = new Map<ReportIndicator, Chart>(
    await Promise.all(
      withValues.map(async (ind, i): Promise<[ReportIndicator, Chart]> => {
        const svg = chartSvg(ind, { width: CHART_W, height: CHART_H });
        return [ind, { svg, png: await chartPng(svg), id: i + 1 }];
      }),
    ),
  );
  const children: Block[] = [...titlePage(report), ...summaryBlocks(report), ...contentsBlocks(report)];
  for (const area of report.areas) {
    children.push(heading(1, area.title, { pageBreakBefore: true }));
    if (area.goals.length === 0) children.push(para('Inga mål i området.', { color: MUTED }));
    for (const goal of area.goals) children.push(...goalBlocks(goal, report.year, charts));
  }
  if (report.generalDecisions?.length) {
    children.push(heading(1, GENERAL_DECISIONS, { pageBreakBefore: true }));
    for (const d of report.generalDecisions) {
      children.push(
        new Paragraph({ bullet: { level: 0 }, spacing: { after: 40 }, children: [new TextRun({ text: `${d.kind}: ${d.text}` })] }),
      );
    }
  }
  children.push(...dataQualityBlocks(report));

  const sv = { value: 'sv-SE' };
  const doc = new Document({
    title,
    creator: report.kommun,
    lastModifiedBy: report.kommun,
    subject: report.planTitle,
    description: `Uppföljning av ${report.planTitle}, ${report.year}. Mötesdatum ${dateLong(report.meetingDate)}. ${statusLine(report)}.`,
    keywords: `uppföljning, brottsförebyggande, ${report.kommun}, ${report.year}`,
    // Word asks to update the fields (the table of contents, the page count) when the file is opened.
    features: { updateFields: true },
    styles: {
      default: {
        // lineRule "auto" spelled out: LibreOffice reads a bare w:line as an exact height, which cuts every
        // picture to a one-line strip and lays the 28-point title over the line above it.
        document: { run: { font: BODY_FONT, size: 20, language: sv }, paragraph: { spacing: { line: 264, lineRule: LineRuleType.AUTO } } },
        title: { run: { font: BODY_FONT, size: 56, bold: true, color: ACCENT, language: sv } },
        heading1: {
          run: { font: BODY_FONT, size: 36, bold: true, color: ACCENT, language: sv },
          paragraph: { spacing: { before: 0, after: 200 } },
        },
        heading2: {
          run: { font: BODY_FONT, size: 28, bold: true, color: ACCENT, language: sv },
          paragraph: { spacing: { before: 320, after: 120 } },
        },
        heading3: {
          run: { font: BODY_FONT, size: 24, bold: true, color: '1B1B1B', language: sv },
          paragraph: { spacing: { before: 240, after: 80 } },
        },
        heading4: {
          run: { font: BODY_FONT, size: 21, bold: true, color: '1B1B1B', language: sv },
          paragraph: { spacing: { before: 200, after: 60 } },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } },
        },
        footers: {
          first: new Footer({ children: [new Paragraph({ children: [] })] }),
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({ text: `${title}    Sida `, size: 17, color: MUTED }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 17, color: MUTED }),
                  new TextRun({ text: ' av ', size: 17, color: MUTED }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 17, color: MUTED }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return markTableOfContents(await Packer.toBuffer(doc));
}

/**
 * Marks the table of contents the way Word writes one: its content control carries the "Table of Contents"
 * building-block gallery (without it LibreOffice shows the field code "TOC \o …" as text), and the field's begin,
 * code and separator are runs of their own. docx has no option for either, so document.xml is edited here.
 */
async function markTableOfContents(docx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const file = zip.file('word/document.xml');
  if (!file) return docx;
  const xml = await file.async('string');
  const fixed = xml
    .replace(
      `<w:sdtPr><w:alias w:val="${TOC_ALIAS}"/></w:sdtPr>`,
      '<w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr>',
    )
    .replace(
      /<w:r><w:fldChar w:fldCharType="begin"( w:dirty="true")?\/><w:instrText xml:space="preserve">(TOC [^<]*)<\/w:instrText><w:fldChar w:fldCharType="separate"\/><\/w:r>/,
      '<w:r><w:fldChar w:fldCharType="begin"$1/></w:r><w:r><w:instrText xml:space="preserve"> $2 </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>',
    );
  zip.file('word/document.xml', fixed);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
