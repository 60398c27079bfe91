import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import JSZip from 'jszip';
import { PDFParse } from 'pdf-parse';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { chartDescription, chartSvg, escapeXml, REPORT_FONT_CANDIDATES } from '@/lib/reports/chart-svg';
import { chartRasterOptions, renderFollowUpDocx } from '@/lib/reports/render-docx';
import { renderFollowUpPdf } from '@/lib/reports/render-pdf';
import { statusLine, summaryCells } from '@/lib/reports/report-text';
import type { FollowUpReport, ReportIndicator } from '@/lib/reports/types';
import { followUp2026, SCRIPT_NAME } from '../fixtures/reports/follow-up-2026';
import { brokenWords, emptyPages, readPdf, strandedHeadings } from '../helpers/pdf';

const OUT_DIR = path.resolve(import.meta.dirname, '../../test-results');
const NBSP = '\u00a0';

const allIndicators = (r: FollowUpReport) => r.areas.flatMap((a) => a.goals.flatMap((g) => g.indicators));
const withValues = (r: FollowUpReport) => allIndicators(r).filter((i) => i.series.some((s) => s.points.some((p) => p.value !== null)));
const byId = (id: string): ReportIndicator => {
  const ind = allIndicators(followUp2026).find((i) => i.id === id);
  if (!ind) throw new Error(`no indicator ${id}`);
  return ind;
};
/** Whether an installed TrueType font is there for the PDF to embed (CI: fonts-liberation via chromium). */
const systemFont = REPORT_FONT_CANDIDATES.some((f) => existsSync(f.regular) && existsSync(f.bold));

// ---------------------------------------------------------------------------------------------------------
// A tiny XML well-formedness checker: balanced tags, quoted attributes, only known entities, one root.

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string, where: string): string {
  return s.replace(/&([^;\s&<]*);?/g, (m, body: string) => {
    if (!m.endsWith(';')) throw new Error(`bare & in ${where}`);
    if (body in ENTITIES) return ENTITIES[body]!;
    if (/^#\d+$/.test(body)) return String.fromCodePoint(Number(body.slice(1)));
    if (/^#x[0-9a-fA-F]+$/.test(body)) return String.fromCodePoint(parseInt(body.slice(2), 16));
    throw new Error(`unknown entity &${body}; in ${where}`);
  });
}

function parseXml(xml: string): XmlNode {
  let i = 0;
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;
  const nameAt = () => {
    const m = /^[A-Za-z_][\w:.-]*/.exec(xml.slice(i));
    if (!m) throw new Error(`expected a name at ${i}: ${xml.slice(i, i + 20)}`);
    i += m[0].length;
    return m[0];
  };
  const skipWs = () => {
    while (i < xml.length && /\s/.test(xml[i]!)) i++;
  };
  while (i < xml.length) {
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i);
      if (end < 0) throw new Error('unclosed comment');
      i = end + 3;
    } else if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i);
      if (end < 0) throw new Error('unclosed processing instruction');
      i = end + 2;
    } else if (xml.startsWith('</', i)) {
      i += 2;
      const name = nameAt();
      skipWs();
      if (xml[i] !== '>') throw new Error(`bad end tag ${name}`);
      i++;
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`end tag ${name} does not match ${open?.name ?? 'nothing'}`);
      if (stack.length === 0) root = open;
    } else if (xml[i] === '<') {
      i++;
      if (stack.length === 0 && root) throw new Error('second root element');
      const node: XmlNode = { name: nameAt(), attrs: {}, children: [], text: '' };
      for (;;) {
        skipWs();
        if (xml.startsWith('/>', i)) {
          i += 2;
          if (stack.length === 0) root = node;
          else stack[stack.length - 1]!.children.push(node);
          break;
        }
        if (xml[i] === '>') {
          i++;
          if (stack.length > 0) stack[stack.length - 1]!.children.push(node);
          stack.push(node);
          break;
        }
        const attr = nameAt();
        skipWs();
        if (xml[i] !== '=') throw new Error(`attribute ${attr} without value`);
        i++;
        skipWs();
        const q = xml[i];
        if (q !== '"' && q !== "'") throw new Error(`unquoted attribute ${attr}`);
        const end = xml.indexOf(q, i + 1);
        if (end < 0) throw new Error(`unclosed attribute ${attr}`);
        const raw = xml.slice(i + 1, end);
        if (raw.includes('<')) throw new Error(`< in attribute ${attr}`);
        if (attr in node.attrs) throw new Error(`duplicate attribute ${attr}`);
        node.attrs[attr] = decode(raw, `attribute ${attr}`);
        i = end + 1;
      }
    } else {
      const end = xml.indexOf('<', i);
      const raw = xml.slice(i, end < 0 ? xml.length : end);
      if (stack.length === 0) {
        if (raw.trim()) throw new Error('text outside the root element');
      } else {
        if (raw.includes('>')) throw new Error('unescaped > in text');
        stack[stack.length - 1]!.text += decode(raw, `<${stack[stack.length - 1]!.name}>`);
      }
      i = end < 0 ? xml.length : end;
    }
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (!root) throw new Error('no root element');
  return root;
}

function all(node: XmlNode, name: string): XmlNode[] {
  return [...(node.name === name ? [node] : []), ...node.children.flatMap((c) => all(c, name))];
}
function texts(node: XmlNode): string[] {
  return [node.text, ...node.children.flatMap(texts)].filter(Boolean);
}

describe('XML checker (self-test)', () => {
  it('accepts well-formed XML and rejects the usual mistakes', () => {
    expect(parseXml('<a x="1&amp;2"><b/>t &lt; u</a>').attrs.x).toBe('1&2');
    for (const bad of ['<a><b></a></b>', '<a>', '<a x=1/>', '<a>&foo;</a>', '<a>1 & 2</a>', '<a/><b/>', '<a x="<"/>']) {
      expect(() => parseXml(bad), bad).toThrow();
    }
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('chartSvg', () => {
  it('is one well-formed SVG document for every indicator', () => {
    for (const ind of allIndicators(followUp2026)) {
      const root = parseXml(chartSvg(ind));
      expect(root.name).toBe('svg');
      expect(root.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
      expect(root.attrs.role).toBe('img');
      // Accessible name and description, referenced by id.
      const [title] = all(root, 'title');
      const [desc] = all(root, 'desc');
      expect(title?.text).toBe(ind.name);
      expect(desc?.text).toBe(chartDescription(ind));
      expect(root.attrs['aria-labelledby']).toBe(`${title!.attrs.id} ${desc!.attrs.id}`);
    }
  });

  it('escapes text from imported files', () => {
    const ind = byId('exempel-avstatt');
    const svg = chartSvg({ ...ind, series: ind.series.map((s) => ({ ...s, name: `${s.name} <b>&"'` })) });
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;test&apos;');
    const root = parseXml(svg);
    expect(all(root, 'title')[0]!.text).toBe(SCRIPT_NAME);
    expect(texts(root)).toContain(`Hedemora <b>&"'`);
    expect(all(root, 'script')).toHaveLength(0);
  });

  it('drops characters XML cannot carry', () => {
    const ind = byId('ntu-otrygg-kvall');
    const svg = chartSvg({ ...ind, name: 'Otrygg\u0000 \u0007kväll\ud800', id: 'x"><script>' });
    const root = parseXml(svg);
    expect(all(root, 'title')[0]!.text).toBe('Otrygg kväll');
    expect(root.attrs['aria-labelledby']).not.toContain('<');
    expect(escapeXml('a\u000bb\u0009c')).toBe('ab\tc');
  });

  it('draws one line per region, told apart by colour, dash pattern and marker', () => {
    const ind = byId('can-gy2-cannabis');
    const root = parseXml(chartSvg(ind));
    const lines = all(root, 'path').filter((p) => p.attrs.fill === 'none');
    expect(lines.map((l) => [l.attrs.stroke, l.attrs['stroke-dasharray'] ?? null])).toEqual([
      ['#4d4d4d', '2 3'], // riket, dotted
      ['#a34700', '6 3'], // län, dashed
      ['#1f4e79', null], // kommun, solid, drawn last (on top)
    ]);
    // Markers: 12 circles (kommun) + 1 in the legend; 12 squares (län) + 1; triangles as paths.
    expect(all(root, 'circle').filter((c) => c.attrs.fill === '#1f4e79')).toHaveLength(13);
    expect(all(root, 'rect').filter((r) => r.attrs.fill === '#a34700' && r.attrs.width === '7')).toHaveLength(13);
    expect(all(root, 'path').filter((p) => p.attrs.fill === '#4d4d4d' && p.attrs.stroke === '#ffffff')).toHaveLength(13);
    // A KI band per region (closed, translucent).
    expect(all(root, 'path').filter((p) => p.attrs['fill-opacity'] === '0.13')).toHaveLength(3);
    // The legend names each region.
    const t = texts(root);
    for (const name of ['Hedemora', 'Dalarnas län', 'Riket', 'Skuggat fält: 95 % KI'.replace(/ /g, NBSP)]) expect(t).toContain(name);
  });

  it('marks the baseline period and the target', () => {
    const ind = byId('can-gy2-cannabis');
    const root = parseXml(chartSvg(ind));
    const t = texts(root);
    expect(t).toContain('Baslinje');
    expect(t).toContain(`Mål: 15,0${NBSP}%`);
    const dashedVertical = all(root, 'line').filter((l) => l.attrs['stroke-dasharray'] === '4 3' && l.attrs.x1 === l.attrs.x2);
    expect(dashedVertical).toHaveLength(1);
    const target = all(root, 'line').filter(
      (l) => l.attrs['stroke-dasharray'] === '10 3 2 3' && l.attrs.y1 === l.attrs.y2 && l.attrs.x1 !== l.attrs.x2,
    );
    expect(target.length).toBeGreaterThanOrEqual(1);

    const plain = parseXml(chartSvg({ ...ind, baselinePeriod: null, target: null }));
    expect(texts(plain)).not.toContain('Baslinje');
    expect(texts(plain).some((s) => s.startsWith('Mål'))).toBe(false);
  });

  it('starts a percent axis at 0 and formats ticks the Swedish way', () => {
    const ind = byId('can-gy2-cannabis');
    const small: ReportIndicator = {
      ...ind,
      target: null,
      series: ind.series.map((s) => ({
        ...s,
        points: s.points.map((p) => ({ ...p, value: p.value! / 100, ciLow: p.ciLow! / 100, ciHigh: p.ciHigh! / 100 })),
      })),
    };
    const t = texts(parseXml(chartSvg(small)));
    expect(t).toContain(`0,0${NBSP}%`); // the axis starts at 0
    expect(t.some((s) => /^\d+,\d+\u00a0%$/.test(s))).toBe(true); // "0,1 %", "0,2 %" …
    expect(t.some((s) => /\d\.\d/.test(s))).toBe(false);
    // A rate axis has no per cent sign.
    const rate = texts(parseXml(chartSvg(byId('bra-misshandel-nara'))));
    expect(rate).toContain('0');
    expect(rate.some((s) => s.endsWith('%') && /^\d/.test(s))).toBe(false);
  });

  it('names the unit above the value axis', () => {
    for (const id of ['bra-misshandel-nara', 'can-gy2-cannabis']) {
      const ind = byId(id);
      expect(ind.unit.length).toBeGreaterThan(0);
      expect(texts(parseXml(chartSvg(ind)))).toContain(ind.unit);
    }
    expect(texts(parseXml(chartSvg({ ...byId('bra-misshandel-nara'), unit: '' }))).some((t) => /inv|procent/.test(t))).toBe(false);
  });

  it('thins the period labels when they would collide, always keeping the latest', () => {
    const ind = byId('ntu-otrygg-kvall');
    const periods = Array.from({ length: 48 }, (_, i) => `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    const dense: ReportIndicator = {
      ...ind,
      baselinePeriod: null,
      series: [
        {
          key: 'kommun',
          name: 'Hedemora',
          points: periods.map((period, i) => ({ period, value: 20 + (i % 5), ciLow: null, ciHigh: null })),
        },
      ],
    };
    const labels = texts(parseXml(chartSvg(dense))).filter((s) => /^\d{4}-\d{2}$/.test(s));
    expect(labels.length).toBeGreaterThan(3);
    expect(labels.length).toBeLessThan(periods.length);
    expect(labels[labels.length - 1]).toBe('2025-12');
  });

  it('labels example data in the picture and the description', () => {
    const ind = byId('exempel-avstatt');
    expect(texts(parseXml(chartSvg(ind)))).toContain('Exempeldata – inte verkliga värden');
    expect(chartDescription(ind)).toMatch(/Exempeldata, inte verkliga värden\.$/);
    expect(chartSvg(byId('ntu-otrygg-kvall'))).not.toContain('Exempeldata');
  });

  it('says "Inga värden" when there is nothing to draw', () => {
    const root = parseXml(chartSvg(byId('lokal-kvinnofrid')));
    expect(texts(root)).toContain('Inga värden');
    expect(all(root, 'path')).toHaveLength(0);
  });

  it('treats NaN and Infinity from a bad import as missing values', () => {
    const ind = byId('ntu-otrygg-kvall');
    const bad: ReportIndicator = {
      ...ind,
      target: Number.NaN,
      series: ind.series.map((s) => ({
        ...s,
        points: s.points.map((p, i) => (i === 3 ? { ...p, value: Number.NaN, ciHigh: Number.POSITIVE_INFINITY } : p)),
      })),
    };
    const svg = chartSvg(bad, { width: Number.NaN });
    expect(svg).not.toMatch(/NaN|Infinity/);
    const root = parseXml(svg);
    expect(root.attrs.width).toBe('640');
    expect(texts(root).some((t) => t.startsWith('Mål'))).toBe(false);
    const allBad = chartSvg({
      ...ind,
      series: ind.series.map((s) => ({ ...s, points: s.points.map((p) => ({ ...p, value: Number.NaN })) })),
    });
    expect(texts(parseXml(allBad))).toContain('Inga värden');
  });

  it('honours the requested size', () => {
    const root = parseXml(chartSvg(byId('ntu-otrygg-kvall'), { width: 500, height: 250 }));
    expect(root.attrs.viewBox).toBe('0 0 500 250');
  });
});

// ---------------------------------------------------------------------------------------------------------

/** The decompressed content of every FlateDecode stream in a PDF. */
function pdfStreams(pdf: Buffer): string[] {
  const out: string[] = [];
  const raw = pdf.toString('latin1');
  const re = /\/Filter\s*\/FlateDecode[^]*?>>\s*stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not a content stream we can read (e.g. a truncated match): ignore
    }
  }
  return out;
}

describe('renderFollowUpPdf', () => {
  let pdf: Buffer;
  let text: string;
  let pages: number;
  let info: Record<string, unknown>;

  beforeAll(async () => {
    pdf = await renderFollowUpPdf(followUp2026);
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(path.join(OUT_DIR, 'uppfoljningsrapport-2026.pdf'), pdf);
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    try {
      const result = await parser.getText();
      text = result.text.replace(/\s+/g, ' ');
      pages = result.total;
      info = (await parser.getInfo()).info as Record<string, unknown>;
    } finally {
      await parser.destroy();
    }
  });

  it('is a PDF of several pages', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pages).toBeGreaterThan(3);
  });

  it('has the title page: report, plan, kommun, meeting date, status, generated', () => {
    expect(text).toContain('Uppföljningsrapport 2026');
    expect(text).toContain('Åtgärdsplan för Hedemora kommuns brottsförebyggande arbete 2024–2027');
    expect(text).toContain('Mötesdatum: 20 november 2026');
    expect(text).toContain('Status: Beslutad 27 november 2026');
    expect(text).toContain('Skapad: 28 november 2026 kl. 10:15');
    expect(text).toMatch(/Narkotika\s+sida 2/);
    expect(statusLine({ status: 'open', decidedAt: null })).toBe('Utkast – ej beslutad');
  });

  it('has every area, goal, verdict and delrapport, with å ä ö and dashes intact', () => {
    for (const area of followUp2026.areas) expect(text).toContain(area.title);
    expect(text).toContain('Mål N1: Andelen unga i Hedemora som använder narkotika ska minska.');
    expect(text).toContain('Tryggheten i Hedemoras bostadsområden ska öka – särskilt kvällstid.');
    expect(text).toContain('Bedömning: Säkerställd försämring');
    expect(text).toContain('Bedömning: Tecken på förbättring (ej säkerställd)');
    expect(text).toContain('Lokala Brå:s bedömning: Delvis på väg');
    expect(text).toContain('Justering: Krogar mot knark utökas till även festivaler och evenemang.');
    expect(text).toContain('Två utbildningar för krogpersonal (34 deltagare)');
    expect(text).toContain('Flytta utbildningen till våren och erbjuda en kortare digital variant.');
    expect(text).toContain('Ingen delrapport för 2026.');
    expect(text).toContain('Ansvariga: Brottsförebyggande samordnare, Länsstyrelsen Dalarna, Polisen');
    expect(text).toContain('Hedemora 2025 17,1 % 11,6–22,6 n = 188');
    expect(text).toContain('Diagram: inga värden att visa.');
    expect(text).toContain('Bilaga: Datakvalitet');
    expect(text).toMatch(/Sida 2 av \d+/);
    expect(text).not.toMatch(/Ã|â€/); // no mojibake
  });

  it('draws characters outside WinAnsi (≤) with an embedded font, or spells them out without one', () => {
    if (systemFont) {
      expect(text).toMatch(/\(p ≤\s0,05\)/);
      expect(pdf.toString('latin1')).toContain('/FontFile2');
    } else {
      expect(text).toContain('(p <=');
    }
  });

  it('shows imported markup as text and warns about example data', () => {
    expect(text).toContain('<script>alert("x")</script> & \'test\'');
    expect(text).toContain('Exempeldata: värdena för den här indikatorn är exempel');
  });

  it('draws the charts as vectors, not images', () => {
    const raw = pdf.toString('latin1');
    expect(raw).not.toContain('/Subtype /Image');
    const content = pdfStreams(pdf).join('\n');
    const lineOps = content.match(/^-?[\d.]+ -?[\d.]+ l$/gm) ?? [];
    // Six charts: line segments, band outlines, triangle markers, grid.
    expect(lineOps.length).toBeGreaterThan(500); // without charts: ~70 (table rules)
    // The chart text is real text (searchable), e.g. the legend and axis labels.
    expect(text).toContain('Baslinje');
    expect(text).toMatch(/30 %/);
  });

  it('carries metadata, language and a structure tree', () => {
    expect(info.Title).toBe('Uppföljningsrapport 2026 – Hedemora');
    expect(info.Author).toBe('Hedemora');
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/Lang (sv-SE)');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toContain('/Outlines');
  });

  it('has the one-screen summary as its first page: a row per övergripande mål, code beside the name', async () => {
    const { pages: read } = await readPdf(pdf);
    const first = read[0]!.text;
    expect(first).toContain('Sammanfattning');
    for (const area of followUp2026.summary) {
      expect(first).toContain(area.title);
      for (const row of area.rows) expect(first).toContain(summaryCells(row).join(' '));
    }
    expect(first.indexOf('Innehåll')).toBeGreaterThan(first.indexOf('Sammanfattning'));
    expect(first).not.toContain('Indikatorernas utveckling');
    expect(read[1]!.text.startsWith('Narkotika')).toBe(true);
  });

  it('spells Trygghetsläget in its metadata', () => {
    expect(info.Creator).toBe('Trygghetsläget');
    expect(info.Producer).toBe('Trygghetsläget (PDFKit)');
    // The XMP packet (UTF-8) says the same.
    const xmp = Buffer.from('<xmp:CreatorTool>Trygghetsläget</xmp:CreatorTool>', 'utf8').toString('latin1');
    expect(pdf.toString('latin1')).toContain(xmp);
  });

  it('breaks no word inside a table cell', async () => {
    const { pages: read } = await readPdf(pdf);
    expect(brokenWords(read, JSON.stringify(followUp2026).split(/[^\p{L}]+/u))).toEqual([]);
    // A cell too narrow for a long word widens; the table still spans the text width.
    const narrow: FollowUpReport = {
      ...followUp2026,
      dataQuality: followUp2026.dataQuality.map((d) => ({ ...d, source: 'Nationella trygghetsundersökningen (NTU), kommunvärden' })),
    };
    const again = await readPdf(await renderFollowUpPdf(narrow));
    expect(again.pages.at(-1)!.text).toContain('trygghetsundersökningen');
    expect(brokenWords(again.pages, ['trygghetsundersökningen', 'kommunvärden'])).toEqual([]);
  });

  it('leaves no page 40 % empty within a section, and no heading at the foot of a page', async () => {
    const { pages: read } = await readPdf(pdf);
    const sections = [...followUp2026.areas.map((a) => a.title), 'Bilaga: Datakvalitet'];
    const headings = followUp2026.areas.flatMap((a) =>
      a.goals.flatMap((g) => [
        `Mål ${g.code}: ${g.text}`,
        `Åtgärder för mål ${g.code}`,
        ...g.indicators.map((i) => i.name),
        ...g.actions.map((x) => `${x.code} ${x.title}`),
      ]),
    );
    expect(emptyPages(read, sections)).toEqual([]);
    expect(strandedHeadings(read, headings)).toEqual([]);
  });

  it('renders an open (undecided) report with no actions or indicators', async () => {
    const draft: FollowUpReport = {
      ...followUp2026,
      status: 'open',
      decidedAt: null,
      areas: [
        {
          code: 'X',
          title: 'Tomt område',
          goals: [{ ...followUp2026.areas[0]!.goals[0]!, indicators: [], actions: [], decisions: [], assessment: null, rollup: [] }],
        },
      ],
      dataQuality: [],
    };
    const buf = await renderFollowUpPdf(draft);
    const parser = new PDFParse({ data: new Uint8Array(buf) });
    try {
      const t = (await parser.getText()).text.replace(/\s+/g, ' ');
      expect(t).toContain('Status: Utkast – ej beslutad');
      expect(t).toContain('Inga indikatorer är kopplade till målet.');
      expect(t).toContain('Inga åtgärder är kopplade till målet.');
      expect(t).toContain('Lokala Brå:s bedömning: Ingen bedömning registrerad');
    } finally {
      await parser.destroy();
    }
  });
});

describe('renderFollowUpPdf without an installed TrueType font', () => {
  it('falls back to Helvetica and spells out what WinAnsi cannot encode', async () => {
    vi.resetModules();
    vi.doMock('node:fs', async (importOriginal) => ({ ...(await importOriginal<typeof import('node:fs')>()), existsSync: () => false }));
    try {
      const { renderFollowUpPdf: render } = await import('@/lib/reports/render-pdf');
      const buf = await render(followUp2026);
      const raw = buf.toString('latin1');
      expect(raw).not.toContain('/FontFile2');
      expect(raw).toContain('/BaseFont /Helvetica');
      const parser = new PDFParse({ data: new Uint8Array(buf) });
      try {
        const t = (await parser.getText()).text.replace(/\s+/g, ' ');
        expect(t).toContain('(p <= 0,05)');
        expect(t).toContain('ny målnivå (<= 18 %)');
        expect(t).toContain('Åtgärdsplan för Hedemora kommuns brottsförebyggande arbete 2024–2027');
        expect(t).toContain('Tryggheten i Hedemoras bostadsområden ska öka – särskilt kvällstid.');
        expect(t).not.toMatch(/"d|"e/); // what ≤ ≥ turn into when sent to Helvetica as they are
      } finally {
        await parser.destroy();
      }
    } finally {
      vi.doUnmock('node:fs');
      vi.resetModules();
    }
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('renderFollowUpDocx', () => {
  let zip: JSZip;
  let documentXml: string;

  beforeAll(async () => {
    const docx = await renderFollowUpDocx(followUp2026);
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(path.join(OUT_DIR, 'uppfoljningsrapport-2026.docx'), docx);
    zip = await JSZip.loadAsync(docx);
    documentXml = await zip.file('word/document.xml')!.async('string');
  });

  it('is well-formed WordprocessingML', () => {
    expect(parseXml(documentXml).name).toBe('w:document');
  });

  it('uses real Word headings', () => {
    expect(documentXml).toContain('<w:pStyle w:val="Title"/>');
    for (const h of ['Heading1', 'Heading2', 'Heading3', 'Heading4']) expect(documentXml).toContain(`<w:pStyle w:val="${h}"/>`);
    const body = parseXml(documentXml);
    const headingTexts = all(body, 'w:p')
      .filter((p) => all(p, 'w:pStyle').some((s) => s.attrs['w:val'] === 'Heading1'))
      .map((p) =>
        all(p, 'w:t')
          .map((t) => t.text)
          .join(''),
      );
    expect(headingTexts).toEqual(['Sammanfattning', 'Narkotika', 'Våld i nära relationer', 'Upplevd trygghet', 'Bilaga: Datakvalitet']);
  });

  it('has the goals, verdicts, delrapport and tables with header rows', () => {
    const body = parseXml(documentXml);
    const paragraphs = all(body, 'w:p').map((p) =>
      all(p, 'w:t')
        .map((t) => t.text)
        .join(''),
    );
    expect(paragraphs).toContain('Uppföljningsrapport 2026');
    expect(paragraphs).toContain('Mål N1: Andelen unga i Hedemora som använder narkotika ska minska.');
    expect(paragraphs).toContain('Mål V1: Fler våldsutsatta i Hedemora ska söka och få stöd.');
    expect(paragraphs).toContain('Bedömning: Säkerställd förbättring');
    expect(paragraphs).toContain('Status: Beslutad 27 november 2026');
    expect(paragraphs).toContain('Ingen delrapport för 2026.');
    expect(paragraphs).toContain('Sex trygghetsvandringar; belysning åtgärdad på Vasagatan och vid resecentrum.');
    expect(paragraphs).toContain('Diagram: inga värden att visa.');
    const tables = all(body, 'w:tbl');
    // Latest values (6 indicators with values … 7 with a latest table), 3 delrapporter, data quality, the summary.
    expect(tables.length).toBe(allIndicators(followUp2026).filter((i) => i.latest.length > 0).length + 3 + 1 + 1);
    for (const t of tables) expect(all(t, 'w:tblHeader').length).toBe(1);
  });

  it('keeps imported markup as escaped text', () => {
    expect(documentXml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(documentXml).not.toContain('<script');
    const body = parseXml(documentXml);
    expect(all(body, 'w:t').map((t) => t.text)).toContain(SCRIPT_NAME);
  });

  it('embeds each chart as SVG with a PNG fallback and alt text', async () => {
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    const pngs = media.filter((f) => f.endsWith('.png'));
    const svgs = media.filter((f) => f.endsWith('.svg'));
    const n = withValues(followUp2026).length;
    expect(pngs.length).toBeGreaterThanOrEqual(n);
    expect(svgs.length).toBeGreaterThanOrEqual(n);
    const png = await zip.file(pngs[0]!)!.async('nodebuffer');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1280); // IHDR width: twice the 640 px chart
    const svg = await zip.file(svgs[0]!)!.async('string');
    expect(parseXml(svg).name).toBe('svg');
    // Alt text on every drawing: wp:docPr with a description.
    const docPrs = all(parseXml(documentXml), 'wp:docPr');
    expect(docPrs).toHaveLength(n);
    expect(new Set(docPrs.map((d) => d.attrs.id)).size).toBe(n); // unique ids, or Word may call the file damaged
    for (const d of docPrs) expect(d.attrs.descr).toMatch(/^Linjediagram: /);
    expect(documentXml).toContain('asvg:svgBlip');
  });

  it('renders chart text into the PNG (a font was found)', () => {
    // The "Inga värden" chart has no dark pixels except its text.
    const svg = chartSvg(byId('lokal-kvinnofrid'));
    const { pixels } = new Resvg(svg, chartRasterOptions()).render();
    let dark = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 120 && pixels[i + 1]! < 120 && pixels[i + 2]! < 120) dark++;
    expect(dark).toBeGreaterThan(50);
  });

  it('opens with the summary table and a table of contents field over Heading 1–2, with a note to update it', () => {
    const body = parseXml(documentXml);
    const paragraphs = all(body, 'w:p').map((p) =>
      all(p, 'w:t')
        .map((t) => t.text)
        .join(''),
    );
    const at = (t: string) => paragraphs.findIndex((p) => p === t);
    expect(at('Sammanfattning')).toBeGreaterThan(at('Uppföljningsrapport 2026'));
    expect(at('Innehåll')).toBeGreaterThan(at('Sammanfattning'));
    const area = all(body, 'w:p').findIndex(
      (p) =>
        all(p, 'w:pStyle').some((st) => st.attrs['w:val'] === 'Heading1') &&
        all(p, 'w:t')
          .map((t) => t.text)
          .join('') === 'Narkotika',
    );
    expect(area).toBeGreaterThan(at('Innehåll'));
    const summary = all(body, 'w:tbl')[0]!;
    const cells = all(summary, 'w:tc').map((c) =>
      all(c, 'w:t')
        .map((t) => t.text)
        .join(''),
    );
    for (const row of followUp2026.summary.flatMap((a) => a.rows)) for (const c of summaryCells(row)) expect(cells).toContain(c);
    // The field: begin, instruction, separate … end, inside a Table of Contents content control.
    const instr = all(body, 'w:instrText').map((i) => i.text.trim());
    expect(instr).toContain('TOC \\h \\o "1-2"');
    const sdt = all(body, 'w:sdt')[0]!;
    expect(all(sdt, 'w:docPartGallery')[0]!.attrs['w:val']).toBe('Table of Contents');
    expect(all(sdt, 'w:fldChar').map((f) => f.attrs['w:fldCharType'])).toEqual(['begin', 'separate', 'end']);
    expect(paragraphs.some((p) => p.includes('Uppdatera fält'))).toBe(true);
  });

  it('keeps every heading with what follows, and each chart with its caption', () => {
    const body = parseXml(documentXml);
    const paras = all(body, 'w:p');
    const headings = paras.filter((p) => all(p, 'w:pStyle').some((st) => /^Heading[1-4]$/.test(st.attrs['w:val']!)));
    expect(headings.length).toBeGreaterThan(10);
    for (const p of headings) expect(all(p, 'w:keepNext')).toHaveLength(1);
    const charts = paras.filter((p) => all(p, 'w:drawing').length > 0);
    expect(charts).toHaveLength(withValues(followUp2026).length);
    for (const p of charts) {
      expect(all(p, 'w:keepNext')).toHaveLength(1);
      // Inline, with its size given: nothing a word processor may float over the text.
      expect(all(p, 'wp:inline')).toHaveLength(1);
      expect(all(p, 'wp:anchor')).toHaveLength(0);
      const extent = all(p, 'wp:extent')[0]!;
      expect(Number(extent.attrs.cx)).toBe(624 * 9525);
      expect(Number(extent.attrs.cy)).toBe(293 * 9525);
    }
  });

  it('sets line spacing as "auto", which LibreOffice does not read as an exact height', async () => {
    const styles = parseXml(await zip.file('word/styles.xml')!.async('string'));
    const defaults = all(all(styles, 'w:pPrDefault')[0]!, 'w:spacing');
    expect(defaults.length).toBeGreaterThan(0);
    for (const sp of defaults) if (sp.attrs['w:line']) expect(sp.attrs['w:lineRule']).toBe('auto');
    for (const sp of all(parseXml(documentXml), 'w:spacing')) if (sp.attrs['w:line']) expect(sp.attrs['w:lineRule']).toBe('auto');
  });

  it('has the title in the core properties and Swedish as the proofing language', async () => {
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dc:title>Uppföljningsrapport 2026 – Hedemora</dc:title>');
    expect(core).toContain('<dc:creator>Hedemora</dc:creator>');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain('<w:lang w:val="sv-SE"/>');
  });
});
