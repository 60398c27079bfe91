/*
 * One indicator's chart as a self-contained SVG string, for the report files: drawn as vectors into the PDF
 * (svg-to-pdfkit) and rasterised to PNG for the DOCX (resvg). A pure function: no DOM, no I/O.
 *
 * Only SVG features both consumers handle are used: plain attributes (no CSS), path/rect/circle/line/text,
 * stroke-dasharray, fill-opacity, text-anchor. No paint-order, no dominant-baseline, no filters.
 * Every text comes from imported files, so all of it goes through esc().
 */
import { niceTicks } from '../charts/axis';
import { REGION_STYLES } from '../charts/styles';
import { formatNumber } from '../format';
import type { ChartSeries, ReportIndicator } from './types';
import { PALETTE } from './palette';

/**
 * The family the charts ask for, and the font files the renderers look for on disk. Liberation Sans has
 * Arial's metrics (Debian: fonts-liberation, which chromium-common depends on); DejaVu Sans is the fallback
 * (fonts-dejavu-core, pulled in by fontconfig). Both cover å ä ö é – ≤ ≥ − … unlike the PDF standard fonts.
 */
export const CHART_FONT_FAMILY = 'Liberation Sans, Arial, Helvetica, DejaVu Sans, sans-serif';
export const REPORT_FONT_CANDIDATES: readonly { family: string; regular: string; bold: string }[] = [
  {
    family: 'Liberation Sans',
    regular: '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
    bold: '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
  },
  {
    family: 'Liberation Sans',
    regular: '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf',
    bold: '/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf',
  },
  {
    family: 'DejaVu Sans',
    regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
    bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  },
];

export const CHART_DEFAULT_WIDTH = 640;
export const CHART_DEFAULT_HEIGHT = 320;

const NBSP = '\u00a0';
const { ink: TEXT, muted: MUTED } = PALETTE;
const GRID = '#e3e6ea';
const AXIS = '#767676';
const TARGET = '#1e6b30';
/** Dash-dot, unlike any region's dash pattern. */
const TARGET_DASH = '10 3 2 3';
const BASELINE = '#1b1b1b';
const EXAMPLE = '#8a1c24';

/** XML 1.0 forbids most control characters and lone surrogates even as entities: drop them. */
/* eslint-disable no-control-regex -- XML forbids these control characters: they are what this matches */
const INVALID_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/* eslint-enable no-control-regex */

/** Text or attribute value, safe inside an XML document. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
const esc = escapeXml;

/** Coordinates with at most one decimal: small files, no "1e-7". */
function n(v: number): string {
  return String(Math.round(v * 10) / 10);
}

/** A rough width of a string in the chart font (average glyph ≈ 0.55 em): enough to place and thin labels. */
function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.56;
}

/** "24,4 %" / "112,3 per 100 000 invånare": a value with its unit, for the description. */
export function formatChartValue(value: number, ind: Pick<ReportIndicator, 'unitKind' | 'unit' | 'decimals'>): string {
  const num = formatNumber(value, ind.decimals);
  if (ind.unitKind === 'percent') return `${num}${NBSP}%`;
  return ind.unit ? `${num} ${ind.unit}` : num;
}

/** The periods of all series in time order: each series is in order; a period missing from the first is slotted after its predecessor. */
function mergePeriods(series: ChartSeries[]): string[] {
  const out: string[] = [];
  for (const s of series) {
    let prev = -1;
    for (const p of s.points) {
      const at = out.indexOf(p.period);
      if (at >= 0) {
        prev = at;
        continue;
      }
      out.splice(prev + 1, 0, p.period);
      prev += 1;
    }
  }
  return out;
}

function markerSvg(kind: 'circle' | 'square' | 'triangle', x: number, y: number, color: string): string {
  if (kind === 'circle') return `<circle cx="${n(x)}" cy="${n(y)}" r="3.5" fill="${color}" stroke="#ffffff" stroke-width="1"/>`;
  if (kind === 'square')
    return `<rect x="${n(x - 3.5)}" y="${n(y - 3.5)}" width="7" height="7" fill="${color}" stroke="#ffffff" stroke-width="1"/>`;
  return `<path d="M${n(x)} ${n(y - 4.5)}L${n(x + 4.5)} ${n(y + 3.5)}L${n(x - 4.5)} ${n(y + 3.5)}Z" fill="${color}" stroke="#ffffff" stroke-width="1"/>`;
}

function svgOpen(width: number, height: number, id: string, title: string, desc: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `role="img" aria-labelledby="${id}-title ${id}-desc" font-family="${esc(CHART_FONT_FAMILY)}">` +
    `<title id="${id}-title">${esc(title)}</title><desc id="${id}-desc">${esc(desc)}</desc>` +
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`
  );
}

const finite = (v: number | null): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The series with anything that is not a finite number (NaN, Infinity from a bad import) treated as missing. */
function cleanSeries(series: ChartSeries[]): ChartSeries[] {
  return series.map((s) => ({
    ...s,
    points: s.points.map((p) => ({ period: p.period, value: finite(p.value), ciLow: finite(p.ciLow), ciHigh: finite(p.ciHigh) })),
  }));
}

/** The chart's plain-language description: what it shows and each region's latest value (the SVG's desc and the alt text). */
export function chartDescription(input: ReportIndicator): string {
  const ind = { ...input, series: cleanSeries(input.series), target: finite(input.target) };
  const withValues = ind.series.filter((s) => s.points.some((p) => p.value !== null));
  if (withValues.length === 0) return `Inga värden att visa för ${ind.name}.`;
  const periods = mergePeriods(withValues.map((s) => ({ ...s, points: s.points.filter((p) => p.value !== null) })));
  const span = periods.length > 1 ? `${periods[0]}–${periods[periods.length - 1]}` : (periods[0] ?? '');
  const unit = ind.unitKind === 'percent' ? 'procent' : ind.unit;
  const parts = [`Linjediagram: ${ind.name}${unit ? ` (${unit})` : ''}, ${span}, för ${withValues.map((s) => s.name).join(', ')}.`];
  for (const s of withValues) {
    const last = [...s.points].reverse().find((p) => p.value !== null);
    if (!last || last.value === null) continue;
    const ci =
      last.ciLow !== null && last.ciHigh !== null
        ? ` (95 % KI ${formatNumber(last.ciLow, ind.decimals)}–${formatNumber(last.ciHigh, ind.decimals)})`
        : '';
    parts.push(`${s.name} ${last.period}: ${formatChartValue(last.value, ind)}${ci}.`);
  }
  if (ind.baselinePeriod) parts.push(`Baslinje: ${ind.baselinePeriod}.`);
  if (ind.target !== null) parts.push(`Mål: ${formatChartValue(ind.target, ind)}.`);
  if (ind.isExample) parts.push('Exempeldata, inte verkliga värden.');
  return parts.join(' ');
}

/** A line chart of one indicator: kommun, län and riket, their 95 % KI bands, the baseline period and the target. */
export function chartSvg(input: ReportIndicator, opts: { width?: number; height?: number } = {}): string {
  const ind = { ...input, series: cleanSeries(input.series), target: finite(input.target) };
  const width = Math.max(240, Math.round(finite(opts.width ?? null) ?? CHART_DEFAULT_WIDTH));
  const height = Math.max(160, Math.round(finite(opts.height ?? null) ?? CHART_DEFAULT_HEIGHT));
  const id = `chart-${ind.id.replace(/[^A-Za-z0-9_-]/g, '_') || 'x'}`;
  const title = ind.name;
  const desc = chartDescription(input);
  const percent = ind.unitKind === 'percent';

  const series = ind.series.filter((s) => s.points.some((p) => p.value !== null));
  if (series.length === 0) {
    return (
      svgOpen(width, height, id, title, desc) +
      `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" fill="none" stroke="${GRID}"/>` +
      `<text x="${n(width / 2)}" y="${n(height / 2 + 5)}" font-size="14" fill="${MUTED}" text-anchor="middle">Inga värden</text>` +
      '</svg>'
    );
  }

  const periods = mergePeriods(series);
  const hasBand = series.some((s) => s.points.some((p) => p.value !== null && p.ciLow !== null && p.ciHigh !== null));

  // ---- Legend (top, wrapping) ----
  const fs = 12;
  const legendItems: { w: number; svg: (x: number, y: number) => string }[] = series.map((s) => {
    const st = REGION_STYLES[s.key];
    const label = s.name;
    return {
      w: 30 + textWidth(label, fs) + 18,
      svg: (x, y) =>
        `<line x1="${n(x)}" y1="${n(y - 4)}" x2="${n(x + 24)}" y2="${n(y - 4)}" stroke="${st.color}" stroke-width="2.5"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''}/>` +
        markerSvg(st.marker, x + 12, y - 4, st.color) +
        `<text x="${n(x + 30)}" y="${n(y)}" font-size="${fs}" fill="${TEXT}">${esc(label)}</text>`,
    };
  });
  if (hasBand) {
    const label = 'Skuggat fält: 95 % KI';
    legendItems.push({
      w: 22 + textWidth(label, fs) + 18,
      svg: (x, y) =>
        `<rect x="${n(x)}" y="${n(y - 10)}" width="16" height="12" fill="${REGION_STYLES.kommun.color}" fill-opacity="0.15"/>` +
        `<text x="${n(x + 22)}" y="${n(y)}" font-size="${fs}" fill="${TEXT}">${esc(label.replace(/ /g, NBSP))}</text>`,
    });
  }
  if (ind.target !== null) {
    const label = `Mål: ${formatChartValue(ind.target, { ...ind, unit: percent ? ind.unit : '' })}`;
    legendItems.push({
      w: 30 + textWidth(label, fs) + 18,
      svg: (x, y) =>
        `<line x1="${n(x)}" y1="${n(y - 4)}" x2="${n(x + 24)}" y2="${n(y - 4)}" stroke="${TARGET}" stroke-width="1.5" stroke-dasharray="${TARGET_DASH}"/>` +
        `<text x="${n(x + 30)}" y="${n(y)}" font-size="${fs}" fill="${TARGET}" font-weight="bold">${esc(label)}</text>`,
    });
  }
  if (ind.isExample) {
    // Said in the picture itself too: a chart copied out of the report must not pass for real statistics.
    const label = 'Exempeldata – inte verkliga värden';
    legendItems.push({
      w: textWidth(label, fs) + 18,
      svg: (x, y) => `<text x="${n(x)}" y="${n(y)}" font-size="${fs}" fill="${EXAMPLE}" font-weight="bold">${esc(label)}</text>`,
    });
  }
  const legendParts: string[] = [];
  let lx = 12;
  let ly = 18;
  for (const item of legendItems) {
    if (lx > 12 && lx + item.w > width - 8) {
      lx = 12;
      ly += 18;
    }
    legendParts.push(item.svg(lx, ly));
    lx += item.w;
  }

  // ---- Scales ----
  const values: number[] = [];
  for (const s of series) {
    for (const p of s.points) {
      if (p.value !== null) values.push(p.value);
      if (p.value !== null && p.ciLow !== null && p.ciHigh !== null) values.push(p.ciLow, p.ciHigh);
    }
  }
  if (ind.target !== null) values.push(ind.target);
  let lo = Math.min(...values);
  const hi = Math.max(...values);
  if (ind.unitKind !== 'index' && ind.unitKind !== 'other') lo = Math.min(0, lo);
  else if (lo > 0 && lo < (hi - lo) * 0.5) lo = 0;
  const { ticks, decimals: tickDecimals } = niceTicks(lo, hi, percent);
  const yMin = ticks[0]!;
  const yMax = ticks[ticks.length - 1]!;
  const tickLabel = (v: number) => formatNumber(v, tickDecimals) + (percent ? `${NBSP}%` : '');
  const axisFs = 11;
  const yLabelW = Math.max(...ticks.map((t) => textWidth(tickLabel(t), axisFs)));

  const hasBaseline = ind.baselinePeriod !== null && periods.includes(ind.baselinePeriod);
  // The unit, on a row of its own above the value axis ("per 100 000 inv.", "% av befolkningen 16–84 år").
  const unitLabel = ind.unit.trim() ? ind.unit.trim() : null;
  const unitY = ly + 20;
  const left = Math.ceil(12 + yLabelW + 8);
  const right = width - 16;
  const top = (unitLabel ? unitY : ly) + 14 + (hasBaseline ? 16 : 4);
  const bottom = height - 34;
  const plotW = right - left;
  const pad = periods.length > 1 ? Math.min(24, plotW / (periods.length * 2)) : 0;
  const xOf = (i: number) => (periods.length === 1 ? left + plotW / 2 : left + pad + (i * (plotW - 2 * pad)) / (periods.length - 1));
  const yOf = (v: number) => bottom - ((v - yMin) / (yMax - yMin)) * (bottom - top);
  const idx = new Map(periods.map((p, i) => [p, i]));

  const out: string[] = [svgOpen(width, height, id, title, desc)];

  // Grid and y axis labels.
  out.push('<g>');
  for (const t of ticks) {
    const y = yOf(t);
    out.push(`<line x1="${left}" y1="${n(y)}" x2="${right}" y2="${n(y)}" stroke="${t === 0 ? AXIS : GRID}" stroke-width="1"/>`);
    out.push(`<text x="${left - 8}" y="${n(y + 4)}" font-size="${axisFs}" fill="${MUTED}" text-anchor="end">${esc(tickLabel(t))}</text>`);
  }
  out.push(`<line x1="${left}" y1="${n(bottom)}" x2="${right}" y2="${n(bottom)}" stroke="${AXIS}" stroke-width="1"/>`);
  if (unitLabel) out.push(`<text x="12" y="${n(unitY)}" font-size="${axisFs}" fill="${MUTED}">${esc(unitLabel)}</text>`);
  out.push('</g>');

  // X axis labels, thinned so they never overlap; the latest period is always labelled.
  const slot = periods.length > 1 ? (plotW - 2 * pad) / (periods.length - 1) : plotW;
  const widest = Math.max(...periods.map((p) => textWidth(p, axisFs)));
  const every = Math.max(1, Math.ceil((widest + 10) / slot));
  out.push('<g>');
  periods.forEach((p, i) => {
    const x = xOf(i);
    const shown = (periods.length - 1 - i) % every === 0;
    out.push(`<line x1="${n(x)}" y1="${n(bottom)}" x2="${n(x)}" y2="${n(bottom + (shown ? 5 : 3))}" stroke="${AXIS}" stroke-width="1"/>`);
    if (shown)
      out.push(`<text x="${n(x)}" y="${n(bottom + 18)}" font-size="${axisFs}" fill="${MUTED}" text-anchor="middle">${esc(p)}</text>`);
  });
  out.push('</g>');

  // KI bands: one polygon per run of consecutive points with an interval; a lone interval is an error bar.
  for (const s of series) {
    const st = REGION_STYLES[s.key];
    let run: { x: number; lo: number; hi: number }[] = [];
    const flush = () => {
      if (run.length === 1) {
        const r = run[0]!;
        out.push(
          `<line x1="${n(r.x)}" y1="${n(yOf(r.lo))}" x2="${n(r.x)}" y2="${n(yOf(r.hi))}" stroke="${st.color}" stroke-opacity="0.35" stroke-width="6"/>`,
        );
      } else if (run.length > 1) {
        const upper = run.map((r, i) => `${i === 0 ? 'M' : 'L'}${n(r.x)} ${n(yOf(r.hi))}`).join('');
        const lower = [...run]
          .reverse()
          .map((r) => `L${n(r.x)} ${n(yOf(r.lo))}`)
          .join('');
        out.push(`<path d="${upper}${lower}Z" fill="${st.color}" fill-opacity="0.13" stroke="none"/>`);
      }
      run = [];
    };
    for (const p of s.points) {
      const i = idx.get(p.period);
      if (i === undefined || p.value === null || p.ciLow === null || p.ciHigh === null) {
        flush();
        continue;
      }
      run.push({ x: xOf(i), lo: p.ciLow, hi: p.ciHigh });
    }
    flush();
  }

  // Target line: named in the legend, so no label can cover the data.
  if (ind.target !== null) {
    const y = yOf(ind.target);
    out.push(
      `<line x1="${left}" y1="${n(y)}" x2="${right}" y2="${n(y)}" stroke="${TARGET}" stroke-width="1.5" stroke-dasharray="${TARGET_DASH}"/>`,
    );
  }

  // Baseline: a dashed vertical line with its label above the plot.
  if (hasBaseline) {
    const x = xOf(idx.get(ind.baselinePeriod!)!);
    const label = 'Baslinje';
    const w = textWidth(label, axisFs);
    const anchor = x - w / 2 < 4 ? 'start' : x + w / 2 > width - 4 ? 'end' : 'middle';
    const tx = anchor === 'start' ? Math.max(4, x - 4) : anchor === 'end' ? Math.min(width - 4, x + 4) : x;
    out.push(
      `<line x1="${n(x)}" y1="${n(top - 4)}" x2="${n(x)}" y2="${n(bottom)}" stroke="${BASELINE}" stroke-width="1" stroke-dasharray="4 3"/>`,
    );
    out.push(`<text x="${n(tx)}" y="${n(top - 7)}" font-size="${axisFs}" fill="${BASELINE}" text-anchor="${anchor}">${esc(label)}</text>`);
  }

  // Lines (broken where a value is missing) and markers; kommun last so it lies on top.
  const order: Record<string, number> = { riket: 0, lan: 1, kommun: 2 };
  const drawOrder = [...series].sort((a, b) => (order[a.key] ?? 0) - (order[b.key] ?? 0));
  for (const s of drawOrder) {
    const st = REGION_STYLES[s.key];
    let d = '';
    let pen = false;
    const marks: string[] = [];
    for (const p of s.points) {
      const i = idx.get(p.period);
      if (i === undefined || p.value === null) {
        pen = false;
        continue;
      }
      const x = xOf(i);
      const y = yOf(p.value);
      d += `${pen ? 'L' : 'M'}${n(x)} ${n(y)}`;
      pen = true;
      marks.push(markerSvg(st.marker, x, y, st.color));
    }
    out.push(`<g>`);
    if (d.includes('L')) {
      out.push(
        `<path d="${d}" fill="none" stroke="${st.color}" stroke-width="${s.key === 'kommun' ? 2.5 : 2}" stroke-linejoin="round"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''}/>`,
      );
    }
    out.push(...marks, '</g>');
  }

  out.push('<g>', ...legendParts, '</g>');
  out.push('</svg>');
  return out.join('');
}
