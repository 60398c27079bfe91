/** The follow-up PDF's page geometry and colours, in PDF points (A4). */
import { PALETTE } from '../palette';
import type { ReportIndicator } from '../types';

export type Doc = PDFKit.PDFDocument;
export type Struct = PDFKit.PDFStructureElement;

export const PAGE = { width: 595.28, height: 841.89 };
export const MARGIN = { top: 56, bottom: 60, left: 50, right: 50 };
export const LEFT = MARGIN.left;
export const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const BOTTOM = PAGE.height - MARGIN.bottom;

export const { ink: INK, muted: MUTED, accent: ACCENT, rule: RULE, headBg: HEAD_BG, warnBg: WARN_BG, warnInk: WARN_INK } = PALETTE;

/** The chart is drawn at CHART_W × CHART_H SVG units and scaled to span the text width. */
export const CHART_W = 640;
export const CHART_H = 300;
export const CHART_HEIGHT_PT = (CHART_H / CHART_W) * WIDTH;

export function hasValues(ind: ReportIndicator): boolean {
  return ind.series.some((s) => s.points.some((p) => p.value !== null));
}
