/** Tagged tables (Table > TR > TH/TD) for the follow-up PDF: measured before drawing, so a short one stays on one page. */
import { BOTTOM, HEAD_BG, INK, LEFT, MARGIN, MUTED, RULE, WIDTH } from './layout';
import type { Writer } from './writer';

export interface TableOptions {
  size?: number;
  firstColumnBold?: boolean;
}

export interface TableColumn {
  header: string;
  /** Share of the full width. */
  width: number;
}

/** Column positions and a row-height function for a table. */
function tableLayout(w: Writer, columns: TableColumn[], o: TableOptions) {
  const { doc, fonts } = w;
  const size = o.size ?? 9;
  const pad = 4;
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * WIDTH);
  const xs = widths.map((_, i) => LEFT + widths.slice(0, i).reduce((s, x) => s + x, 0));
  const cellHeight = (text: string, i: number, bold: boolean) => {
    doc.font(bold ? fonts.bold : fonts.regular).fontSize(size);
    return doc.heightOfString(fonts.clean(text) || ' ', { width: widths[i]! - 2 * pad, lineGap: 1 }) + 2 * pad;
  };
  const rowHeight = (cells: string[], header: boolean) =>
    Math.max(...cells.map((c, i) => cellHeight(c, i, header || (i === 0 && !!o.firstColumnBold))));
  return { size, pad, widths, xs, rowHeight };
}

/** The height a table will take (plus its spacing below). */
export function tableHeight(w: Writer, columns: TableColumn[], rows: string[][], o: TableOptions = {}): number {
  const { rowHeight } = tableLayout(w, columns, o);
  return rowHeight(columns.map((c) => c.header), true) + rows.reduce((s, r) => s + rowHeight(r, false), 0) + 8;
}

/**
 * A table with a header row. A short table is kept on one page; a long one breaks between rows and
 * repeats its header row (as an artifact) on the new page.
 */
export function table(w: Writer, columns: TableColumn[], rows: string[][], o: TableOptions = {}): void {
  const { doc, fonts } = w;
  const { size, pad, widths, xs, rowHeight } = tableLayout(w, columns, o);
  const headerH = rowHeight(columns.map((c) => c.header), true);
  const firstH = rows[0] ? rowHeight(rows[0], false) : 0;
  const whole = tableHeight(w, columns, rows, o);
  w.ensure(whole <= (BOTTOM - MARGIN.top) * 0.5 ? whole : headerH + firstH + 4);

  const tableStruct = doc.struct('Table');
  w.root.add(tableStruct);

  const drawRow = (cells: string[], header: boolean, tagged: boolean, stripe: boolean) => {
    const h = rowHeight(cells, header);
    const y = doc.y;
    w.artifact(() => {
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
      tableStruct.add(tr);
      cells.forEach((text, i) => {
        tr.add(doc.struct(header ? 'TH' : 'TD', {}, () => drawCell(text, i)));
      });
      tr.end();
    } else {
      w.artifact(() => cells.forEach(drawCell));
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
  tableStruct.end();
  doc.y += 8;
}
