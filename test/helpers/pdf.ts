/**
 * A PDF read the way a reader sees it, with pdf.js: per page its size, its text pieces with their position
 * (PDF points, origin bottom left) and every image drawn, with the size and place it is drawn at.
 */
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  str: string;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  height: number;
}

export interface PdfImage {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  texts: PdfText[];
  images: PdfImage[];
  /** The page's text in reading order as pdf.js gives it, pieces joined by spaces (whitespace collapsed). */
  text: string;
}

export interface PdfRead {
  pages: PdfPage[];
  info: Record<string, unknown>;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  n[0] * m[0] + n[1] * m[2],
  n[0] * m[1] + n[1] * m[3],
  n[2] * m[0] + n[3] * m[2],
  n[2] * m[1] + n[3] * m[3],
  n[4] * m[0] + n[5] * m[2] + m[4],
  n[4] * m[1] + n[5] * m[3] + m[5],
];

export async function readPdf(data: Uint8Array): Promise<PdfRead> {
  const doc = await getDocument({ data: new Uint8Array(data), verbosity: 0, disableFontFace: true, useSystemFonts: false }).promise;
  try {
    const meta = await doc.getMetadata();
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , width, height] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const texts: PdfText[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const t = item.transform as Matrix;
        texts.push({ str: item.str, x: t[4], y: t[5], width: item.width, height: item.height });
      }
      const ops = await page.getOperatorList();
      const images: PdfImage[] = [];
      let ctm: Matrix = [1, 0, 0, 1, 0, 0];
      const stack: Matrix[] = [];
      for (let i = 0; i < ops.fnArray.length; i++) {
        const fn = ops.fnArray[i];
        const args = ops.argsArray[i] as unknown[];
        if (fn === OPS.save) stack.push(ctm);
        else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
        else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
        else if (fn === OPS.paintFormXObjectBegin) {
          stack.push(ctm);
          const m = args[0] as Matrix | null;
          if (m) ctm = multiply(ctm, m);
        } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
        else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject) {
          images.push({ x: ctm[4], y: ctm[5], width: Math.hypot(ctm[0], ctm[1]), height: Math.hypot(ctm[2], ctm[3]) });
        }
      }
      pages.push({
        number: n,
        width,
        height,
        texts,
        images,
        text: texts
          .map((t) => t.str)
          .join(' ')
          .replace(/\s+/g, ' '),
      });
      page.cleanup();
    }
    return { pages, info: (meta.info ?? {}) as Record<string, unknown> };
  } finally {
    await doc.destroy();
  }
}

/**
 * Words of `vocabulary` that the PDF breaks inside (e.g. "trygghetsu" at a line's end and "ndersökningen" at the
 * next line's start): both parts at least two letters, and the word itself nowhere whole on that page.
 */
export function brokenWords(pages: PdfPage[], vocabulary: Iterable<string>): string[] {
  const words = [...new Set([...vocabulary].filter((w) => w.length >= 6 && /^[\p{L}]+$/u.test(w)))];
  const broken = new Set<string>();
  for (const page of pages) {
    const pieces = page.texts.filter((t) => t.str.trim() !== '');
    for (let i = 0; i + 1 < pieces.length; i++) {
      // Only where the next piece starts a new line below (pieces of one line may split a word harmlessly).
      if (!(pieces[i + 1]!.y < pieces[i]!.y - 1)) continue;
      const end = /(\p{L}+)$/u.exec(pieces[i]!.str.trim())?.[1];
      const start = /^(\p{L}+)/u.exec(pieces[i + 1]!.str.trim())?.[1];
      if (!end || !start || end.length < 2 || start.length < 2) continue;
      for (const w of words) {
        for (let k = 2; k <= w.length - 2; k++) {
          if (end.endsWith(w.slice(0, k)) && start === w.slice(k) && !end.endsWith(w)) broken.add(`${w.slice(0, k)} ${w.slice(k)}`);
        }
      }
    }
  }
  return [...broken];
}

/**
 * Pages left more than `share` empty below their last line, other than the last page of a section (the page
 * before one that starts with a section title) and the last page. Text below `footerY` (points from the page
 * bottom) is the footer; `bottom` and `top` bound the text area.
 */
export function emptyPages(
  pages: PdfPage[],
  sections: string[],
  o: { share?: number; footerY?: number; bottom?: number; top?: number } = {},
): { page: number; empty: number }[] {
  const { share = 0.4, footerY = 50, bottom = 60, top = 786 } = o;
  const out: { page: number; empty: number }[] = [];
  for (let i = 0; i + 1 < pages.length; i++) {
    const next = pages[i + 1]!.text;
    if (sections.some((s) => next.startsWith(s))) continue;
    const ys = pages[i]!.texts.filter((t) => t.str.trim() && t.y > footerY).map((t) => t.y);
    const lowest = ys.length ? Math.min(...ys) : top;
    const empty = (lowest - bottom) / (top - bottom);
    if (empty > share) out.push({ page: i + 1, empty: Math.round(empty * 100) / 100 });
  }
  return out;
}

/** Pages whose last line (above the footer) is a heading, or the start of one, left at the foot of the page. */
export function strandedHeadings(
  pages: PdfPage[],
  headings: string[],
  o: { footerY?: number; minSize?: number } = {},
): { page: number; text: string }[] {
  const { footerY = 50, minSize = 10.4 } = o;
  const flatHeadings = headings.map((h) => h.replace(/\s+/g, ' '));
  const out: { page: number; text: string }[] = [];
  pages.forEach((p, i) => {
    if (i === pages.length - 1) return;
    const body = p.texts.filter((t) => t.str.trim() && t.y > footerY);
    if (body.length === 0) return;
    const lowest = Math.min(...body.map((t) => t.y));
    const line = body.filter((t) => Math.abs(t.y - lowest) < 1);
    const text = line
      .map((t) => t.str)
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (line.every((t) => t.height >= minSize) && flatHeadings.some((h) => h.includes(text))) out.push({ page: i + 1, text });
  });
  return out;
}
