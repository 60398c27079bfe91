/**
 * The writer: a pdfkit document with its fonts and structure root, and the text blocks the report is made of
 * (paragraphs, "label: value" lines, headings with outline entries, lists, the example-data warning), each
 * tagged for assistive technology. Tables are in table.ts, charts in figure.ts.
 */
import type { Fonts } from './fonts';
import { ACCENT, BOTTOM, type Doc, INK, LEFT, MARGIN, type Struct, WARN_BG, WARN_INK, WIDTH } from './layout';

export interface TextOptions {
  bold?: boolean;
  size?: number;
  color?: string;
  gap?: number;
  x?: number;
  width?: number;
  tag?: string;
  align?: 'left' | 'right' | 'center';
}

export class Writer {
  readonly outlineStack: PDFKit.PDFOutline[] = [];
  /** The page each area (and the appendix) starts on, 1-based: the title page's table of contents. */
  readonly sectionPages: number[] = [];

  constructor(
    readonly doc: Doc,
    readonly fonts: Fonts,
    readonly root: Struct,
  ) {}

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

  text(s: string, o: TextOptions = {}): void {
    const { doc } = this;
    const x = o.x ?? LEFT;
    doc
      .font(o.bold ? this.fonts.bold : this.fonts.regular)
      .fontSize(o.size ?? 10)
      .fillColor(o.color ?? INK);
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
    doc
      .font(this.fonts.bold)
      .fontSize(size)
      .fillColor(o.color ?? INK);
    doc.text(this.fonts.clean(`${label}: `), LEFT, doc.y, {
      width: WIDTH,
      lineGap: 1.5,
      continued: true,
      structParent: this.root,
      structType: 'P',
    });
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
      this.artifact(() =>
        doc
          .moveTo(LEFT, y)
          .lineTo(LEFT + WIDTH, y)
          .lineWidth(1)
          .strokeColor(ACCENT)
          .stroke(),
      );
      doc.y += 4;
    }
  }

  /** A bulleted list (L > LI > Lbl + LBody). */
  list(items: string[], o: { size?: number } = {}): void {
    if (items.length === 0) return;
    const { doc } = this;
    const list = doc.struct('L');
    this.root.add(list);
    doc
      .font(this.fonts.regular)
      .fontSize(o.size ?? 10)
      .fillColor(INK);
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
