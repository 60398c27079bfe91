/** An indicator's chart in the follow-up PDF: chartSvg drawn as vectors by svg-to-pdfkit, tagged as a Figure. */
import SVGtoPDF from 'svg-to-pdfkit';
import { chartDescription, chartSvg } from '../chart-svg';
import type { ReportIndicator } from '../types';
import { toWinAnsi } from './fonts';
import { CHART_H, CHART_HEIGHT_PT, CHART_W, hasValues, LEFT, MUTED, WIDTH } from './layout';
import type { Writer } from './writer';

/** The chart spans the text width; its alternative text is the chart's description. */
export function figure(w: Writer, ind: ReportIndicator): void {
  const { doc, fonts } = w;
  if (!hasValues(ind)) {
    w.text('Diagram: inga värden att visa.', { color: MUTED, gap: 6 });
    return;
  }
  const h = CHART_HEIGHT_PT;
  w.ensure(h + 6);
  const y = doc.y;
  let svg = chartSvg(ind, { width: CHART_W, height: CHART_H });
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
