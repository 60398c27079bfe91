/** Tagged tables (Table > TR > TH/TD) for the follow-up PDF: measured before drawing, so a short one stays on one page. */
import { fitColumnWidths, wordsOf } from '../column-widths';
import { BOTTOM, HEAD_BG, INK, LEFT, MARGIN, MUTED, RULE, WIDTH } from './layout';
import type { Writer } from './writer';

export interface TableOptions {
  size?: number;
  firstColumnBold?: boolean;
  /** Rows (by index) that are group headings: their first cell spans the table, in bold on a tint. */
  groupRows?: ReadonlySet<number>;
}

export interface TableColumn {
  header: string;
  /** Share of the full width. */
  width: number;
}

/** The smallest type a table is set in before a word that does not fit is allowed to break. */
const MIN_SIZE = 6.5;

/**
 * Column positions and a row-height function for a table. Each column is at least as wide as its longest word
 * (measured in the font it is drawn in), so no word is broken mid-word ("trygghetsu ndersökningen"); when the
 * longest words do not fit side by side, the whole table is set in smaller type.
 */
function tableLayout(w: Writer, columns: TableColumn[], rows: string[][], o: TableOptions) {
  const { doc, fonts } = w;
  const pad = 4;
  const isBold = (i: number, header: boolean) => header || (i === 0 && !!o.firstColumnBold);
  const minimums = (size: number) =>
    columns.map((c, i) => {
      let widest = 0;
      // pdfkit measures a word with the space after it, and breaks it by letters when that does not fit.
      const measure = (text: string, bold: boolean) => {
        doc.font(bold ? fonts.bold : fonts.regular).fontSize(size);
        for (const word of wordsOf(fonts.clean(text))) widest = Math.max(widest, doc.widthOfString(`${word} `));
      };
      measure(c.header, true);
      rows.forEach((r, ri) => {
        if (!o.groupRows?.has(ri)) measure(r[i] ?? '', isBold(i, false));
      });
      return widest + 2 * pad + 1;
    });
  let size = o.size ?? 9;
  let widths = fitColumnWidths(
    columns.map((c) => c.width),
    minimums(size),
    WIDTH,
  );
  while (!widths && size > MIN_SIZE) {
    size = Math.max(MIN_SIZE, size - 0.5);
    widths = fitColumnWidths(
      columns.map((c) => c.width),
      minimums(size),
      WIDTH,
    );
  }
  if (!widths) {
    const total = columns.reduce((s, c) => s + c.width, 0);
    widths = columns.map((c) => (c.width / total) * WIDTH);
  }
  const ws = widths;
  const xs = ws.map((_, i) => LEFT + ws.slice(0, i).reduce((s, x) => s + x, 0));
  const cellHeight = (text: string, width: number, bold: boolean) => {
    doc.font(bold ? fonts.bold : fonts.regular).fontSize(size);
    return doc.heightOfString(fonts.clean(text) || ' ', { width: width - 2 * pad, lineGap: 1 }) + 2 * pad;
  };
  const rowHeight = (cells: string[], header: boolean, group = false) =>
    group ? cellHeight(cells[0] ?? '', WIDTH, true) : Math.max(...cells.map((c, i) => cellHeight(c, ws[i]!, isBold(i, header))));
  return { size, pad, widths: ws, xs, rowHeight, isBold };
}

/** The height a table will take (plus its spacing below). */
export function tableHeight(w: Writer, columns: TableColumn[], rows: string[][], o: TableOptions = {}): number {
  const { rowHeight } = tableLayout(w, columns, rows, o);
  return (
    rowHeight(
      columns.map((c) => c.header),
      true,
    ) +
    rows.reduce((s, r, i) => s + rowHeight(r, false, !!o.groupRows?.has(i)), 0) +
    8
  );
}

/**
 * A table with a header row. A short table is kept on one page; a long one breaks between rows and
 * repeats its header row (as an artifact) on the new page.
 */
export function table(w: Writer, columns: TableColumn[], rows: string[][], o: TableOptions = {}): void {
  const { doc, fonts } = w;
  const { size, pad, widths, xs, rowHeight, isBold } = tableLayout(w, columns, rows, o);
  const headerH = rowHeight(
    columns.map((c) => c.header),
    true,
  );
  const firstH = rows[0] ? rowHeight(rows[0], false) : 0;
  const whole = tableHeight(w, columns, rows, o);
  w.ensure(whole <= (BOTTOM - MARGIN.top) * 0.5 ? whole : headerH + firstH + 4);

  const tableStruct = doc.struct('Table');
  w.root.add(tableStruct);

  const drawRow = (cells: string[], header: boolean, tagged: boolean, stripe: boolean, group = false) => {
    const h = rowHeight(cells, header, group);
    const y = doc.y;
    w.artifact(() => {
      if (header || stripe || group) doc.rect(LEFT, y, WIDTH, h).fill(header ? HEAD_BG : group ? '#eef2f7' : '#f6f7f9');
      doc
        .moveTo(LEFT, y + h)
        .lineTo(LEFT + WIDTH, y + h)
        .lineWidth(header ? 1 : 0.5)
        .strokeColor(header ? MUTED : RULE)
        .stroke();
    });
    const drawCell = (text: string, i: number) => {
      doc
        .font(group || isBold(i, header) ? fonts.bold : fonts.regular)
        .fontSize(size)
        .fillColor(INK);
      doc.text(fonts.clean(text), xs[i]! + pad, y + pad, { width: (group ? WIDTH : widths[i]!) - 2 * pad, lineGap: 1 });
    };
    const shown = group ? cells.slice(0, 1) : cells;
    if (tagged) {
      const tr = doc.struct('TR');
      tableStruct.add(tr);
      shown.forEach((text, i) => {
        tr.add(doc.struct(header || group ? 'TH' : 'TD', {}, () => drawCell(text, i)));
      });
      tr.end();
    } else {
      w.artifact(() => shown.forEach(drawCell));
    }
    doc.x = LEFT;
    doc.y = y + h;
  };

  drawRow(
    columns.map((c) => c.header),
    true,
    true,
    false,
  );
  let stripe = false;
  rows.forEach((cells, r) => {
    const group = !!o.groupRows?.has(r);
    const h = rowHeight(cells, false, group);
    // A group heading keeps at least its first row below it.
    const next = group && rows[r + 1] ? rowHeight(rows[r + 1]!, false) : 0;
    if (doc.y + h + next > BOTTOM) {
      doc.addPage();
      drawRow(
        columns.map((c) => c.header),
        true,
        false,
        false,
      );
    }
    stripe = group ? false : !stripe;
    drawRow(cells, false, true, !group && !stripe, group);
  });
  tableStruct.end();
  doc.y += 8;
}
