/** An indicator's chart in the follow-up PDF: chartSvg drawn as vectors by svg-to-pdfkit, tagged as a Figure. */
import SVGtoPDF from 'svg-to-pdfkit';
import { chartDescription, chartSvg } from '../chart-svg';
import type { ReportIndicator } from '../types';
import { toWinAnsi } from './fonts';
import { BOTTOM, CHART_HEIGHT_PT, CHART_W, hasValues, LEFT, MUTED, WIDTH } from './layout';
import type { Writer } from './writer';

/** A chart may be drawn this much lower (never narrower) to fit the rest of a page rather than leave it empty. */
export const CHART_MIN_SHARE = 0.72;

/**
 * The chart spans the text width; its alternative text is the chart's description. `below` is the room to keep
 * under it on the same page (its caption). When the full height does not fit but CHART_MIN_SHARE of it does,
 * the chart is drawn that much lower to fill the page; else it starts the next page.
 */
export function figure(w: Writer, ind: ReportIndicator, below = 0): void {
  const { doc, fonts } = w;
  if (!hasValues(ind)) {
    w.text('Diagram: inga värden att visa.', { color: MUTED, gap: 6 });
    return;
  }
  const room = BOTTOM - doc.y - below - 8;
  const h = room >= CHART_HEIGHT_PT || room < CHART_HEIGHT_PT * CHART_MIN_SHARE ? CHART_HEIGHT_PT : room;
  w.ensure(h + 8 + below);
  const y = doc.y;
  let svg = chartSvg(ind, { width: CHART_W, height: Math.round((h / WIDTH) * CHART_W) });
  if (!fonts.embedded) svg = toWinAnsi(svg);
  const struct = doc.struct('Figure', { alt: fonts.clean(chartDescription(ind)) }, () => {
    SVGtoPDF(doc, svg, LEFT, y, {
      width: WIDTH,
      height: h,
      preserveAspectRatio: 'xMinYMin meet',
      fontCallback: (_family, bold) => (bold ? fonts.bold : fonts.regular),
      warningCallback: () => undefined,
    });
  });
  w.root.add(struct);
  struct.end();
  doc.x = LEFT;
  doc.y = y + h + 8;
}
