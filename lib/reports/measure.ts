/**
 * Text widths for laying out the DOCX tables: measured with the same metrics the word processor will use.
 * The DOCX is set in Arial, which LibreOffice draws with Liberation Sans (the same metrics); pdfkit measures
 * with the installed Liberation Sans, else with its built-in Helvetica metrics (again Arial's).
 */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { REPORT_FONT_CANDIDATES } from './chart-svg';

let measurer: { doc: PDFKit.PDFDocument; regular: string; bold: string } | null = null;

function get() {
  if (measurer) return measurer;
  const doc = new PDFDocument({ autoFirstPage: false });
  const found = REPORT_FONT_CANDIDATES.find((f) => f.family === 'Liberation Sans' && existsSync(f.regular) && existsSync(f.bold));
  if (found) {
    doc.registerFont('M', found.regular);
    doc.registerFont('M-Bold', found.bold);
    measurer = { doc, regular: 'M', bold: 'M-Bold' };
  } else {
    measurer = { doc, regular: 'Helvetica', bold: 'Helvetica-Bold' };
  }
  return measurer;
}

/** The width of `text` in points at `sizePt` in the report's sans (Arial metrics). */
export function textWidthPt(text: string, sizePt: number, bold = false): number {
  const m = get();
  m.doc.font(bold ? m.bold : m.regular).fontSize(sizePt);
  // Helvetica's AFM cannot measure characters outside WinAnsi; an average glyph stands in for them.
  try {
    return m.doc.widthOfString(text);
  } catch {
    return text.length * sizePt * 0.6;
  }
}
