'use client';

import { useRef } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { UnitKind } from '@/lib/catalogue/catalogue-file';
import type { ChartRow } from '@/lib/charts/indicator-series';
import { AXIS_UNIT, axisTick, placeMarks } from '@/lib/charts/axis';
import { isExampleValue, withExampleMark } from '@/lib/charts/series';
import { CHART } from '@/lib/charts/styles';
import { formatNumber, formatValue } from '@/lib/format';
import { TERMS } from '@/lib/vocabulary';

export interface LineSpec {
  key: string;
  name: string;
  color: string;
  dash?: string;
  /** Draw the KI band of this line (the main series; comparison kommuner stay thin lines). */
  band: boolean;
}

export interface Annotations {
  baseline: string | null;
  target: number | null;
  breaks: { period: string; label: string }[];
  actions: { period: string; label: string }[];
}

interface Props {
  rows: ChartRow[];
  lines: LineSpec[];
  unitKind: UnitKind;
  decimals: number;
  title: string;
  annotations: Annotations;
  fileName: string;
}

const MARK_COLOR = { baseline: CHART.baseline, action: CHART.action, break: CHART.seriesBreak } as const;

/** A reference line's label in its own row (lib/charts/axis.ts placeMarks), on a white halo so lines never hide it. */
function markLabel(text: string, row: number, anchor: 'start' | 'end', color: string, fromBottom: boolean) {
  function MarkLabel({ viewBox }: { viewBox?: { x?: number; y?: number; height?: number } }) {
    const x = (viewBox?.x ?? 0) + (anchor === 'start' ? 4 : -4);
    const y = fromBottom ? (viewBox?.y ?? 0) + (viewBox?.height ?? 0) - 6 - row * 14 : (viewBox?.y ?? 0) + 12 + row * 14;
    return (
      <text x={x} y={y} textAnchor={anchor} fontSize={11} fill={color} stroke="#fff" strokeWidth={3} paintOrder="stroke">
        {text}
      </text>
    );
  }
  return MarkLabel;
}

export function IndicatorChart({ rows, lines, unitKind, decimals, title, annotations, fileName }: Props) {
  const box = useRef<HTMLDivElement>(null);
  // A band is promised in the legend only when there is one to draw.
  const hasBand = (key: string) => rows.some((r) => Array.isArray(r[`${key}_ki`]));
  const marks = placeMarks(
    [
      ...(annotations.baseline ? [{ period: annotations.baseline, label: TERMS.baseline, kind: 'baseline' as const }] : []),
      ...annotations.actions.map((a) => ({ period: a.period, label: a.label, kind: 'action' as const })),
      ...annotations.breaks.map((b) => ({ period: b.period, label: b.label, kind: 'break' as const })),
    ],
    rows.map((r) => r.period),
  );
  const topRows = marks.filter((m) => m.kind !== 'break').length;
  // Lines whose every value is invented example data: named in the legend, drawn dotted with hollow markers.
  const exampleLine = (key: string) => rows.some((r) => r[key] !== null) && rows.every((r) => r[key] === null || isExampleValue(r, key));

  function svgText(): string | null {
    const svg = box.current?.querySelector('svg.recharts-surface');
    if (!svg) return null;
    const clone = svg.cloneNode(true) as SVGSVGElement;
    clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    const t = document.createElementNS('http://www.w3.org/2000/svg', 'title');
    t.textContent = title;
    clone.insertBefore(t, clone.firstChild);
    return new XMLSerializer().serializeToString(clone);
  }

  function download(blob: Blob, ext: string) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${fileName}.${ext}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  function saveSvg() {
    const text = svgText();
    if (text) download(new Blob([text], { type: 'image/svg+xml' }), 'svg');
  }

  function savePng() {
    const text = svgText();
    const svg = box.current?.querySelector('svg.recharts-surface');
    if (!text || !svg) return;
    const { width, height } = svg.getBoundingClientRect();
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = width * 2;
      canvas.height = height * 2;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.scale(2, 2);
      ctx.drawImage(img, 0, 0, width, height);
      canvas.toBlob((b) => b && download(b, 'png'), 'image/png');
    };
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  }

  return (
    <div>
      <ul className="chart-legend" aria-label="Förklaring">
        {lines.map((l) => (
          <li key={l.key}>
            <svg width="26" height="10" aria-hidden="true" focusable="false">
              <line x1="1" y1="5" x2="25" y2="5" stroke={l.color} strokeWidth="2.5" strokeDasharray={l.dash} />
            </svg>
            {l.name}
            {l.band && hasBand(l.key) ? ' (band: 95 % KI)' : ''}
            {exampleLine(l.key) ? ' – exempeldata, ihåliga punkter' : ''}
          </li>
        ))}
      </ul>
      <div ref={box} className="indicator-chart" data-chart="indicator">
        <ComposedChart
          responsive
          style={{ width: '100%', height: 320 + Math.max(0, topRows - 2) * 14 }}
          data={rows}
          margin={{ top: 8, right: 16, bottom: 8, left: 4 }}
        >
          <CartesianGrid stroke={CHART.grid} vertical={false} />
          <XAxis dataKey="period" tick={CHART.tick} interval="preserveStartEnd" minTickGap={8} />
          <YAxis
            niceTicks="snap125"
            width={64}
            tick={CHART.tick}
            domain={[(min: number) => Math.min(0, min), 'auto']}
            tickFormatter={(v: number) => axisTick(v, decimals)}
            label={{
              value: AXIS_UNIT[unitKind],
              angle: -90,
              position: 'insideLeft',
              offset: 0,
              style: { ...CHART.axisLabel, textAnchor: 'middle' },
            }}
          />
          <Tooltip
            formatter={(v: unknown, name: unknown, item: { dataKey?: unknown; payload?: Record<string, unknown> }) => [
              Array.isArray(v)
                ? `KI ${formatNumber(v[0] as number, decimals)}–${formatNumber(v[1] as number, decimals)}`
                : typeof v === 'number'
                  ? formatValue(v, unitKind, decimals)
                  : '–',
              withExampleMark(String(name), isExampleValue(item.payload, String(item.dataKey).replace(/_ki$/, ''))),
            ]}
          />
          {lines
            .filter((l) => l.band)
            .map((l) => (
              <Area
                key={`${l.key}_ki`}
                dataKey={`${l.key}_ki`}
                name={`${l.name}, 95 % KI`}
                stroke="none"
                fill={l.color}
                fillOpacity={0.14}
                isAnimationActive={false}
                connectNulls
              />
            ))}
          {lines.map((l) => {
            const example = exampleLine(l.key);
            return (
              <Line
                key={l.key}
                type="linear"
                dataKey={l.key}
                name={l.name}
                stroke={l.color}
                strokeWidth={l.band ? 2.5 : 1.5}
                strokeDasharray={example ? '2 3' : l.dash}
                isAnimationActive={false}
                connectNulls
                dot={(p: { cx?: number; cy?: number; value?: unknown; payload?: Record<string, unknown>; index?: number }) =>
                  p.cx === undefined || p.cy === undefined || p.value === null || p.value === undefined ? (
                    <g key={p.index} />
                  ) : (
                    <circle
                      key={p.index}
                      cx={p.cx}
                      cy={p.cy}
                      r={3}
                      {...(isExampleValue(p.payload, l.key) ? { fill: '#fff', stroke: l.color, strokeWidth: 1.5 } : { fill: l.color })}
                    />
                  )
                }
              />
            );
          })}
          {annotations.target !== null && (
            <ReferenceLine
              y={annotations.target}
              stroke={CHART.target.stroke}
              strokeDasharray="6 3"
              label={{
                value: `${TERMS.target} ${formatValue(annotations.target, unitKind, decimals)}`,
                position: 'insideBottomRight',
                fontSize: 11,
                fill: CHART.target.text,
              }}
            />
          )}
          {marks.map((m) => (
            <ReferenceLine
              key={`${m.kind}${m.period}`}
              x={m.period}
              stroke={MARK_COLOR[m.kind]}
              strokeDasharray={m.kind === 'break' ? undefined : m.kind === 'baseline' ? '4 2' : '2 2'}
              label={markLabel(m.label, m.row, m.anchor, MARK_COLOR[m.kind], m.kind === 'break')}
            />
          ))}
        </ComposedChart>
      </div>
      <p className="chart-tools">
        Ladda ner diagrammet:{' '}
        <button type="button" className="link-button" onClick={savePng}>
          PNG
        </button>{' '}
        <button type="button" className="link-button" onClick={saveSvg}>
          SVG
        </button>
      </p>
    </div>
  );
}
