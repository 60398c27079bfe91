'use client';

import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { UnitKind } from '@/lib/catalogue/catalogue-file';
import { AXIS_UNIT, axisTick } from '@/lib/charts/axis';
import { isExampleValue, withExampleMark, type SeriesRow } from '@/lib/charts/series';
import { CHART, REGION_STYLES } from '@/lib/charts/styles';
import type { RegionKey } from '@/lib/data/overview-query';
import { formatValue } from '@/lib/format';

export interface ChartLine {
  key: RegionKey;
  name: string;
}

interface Props {
  rows: SeriesRow[];
  lines: ChartLine[];
  unitKind: UnitKind;
  decimals: number;
  title: string;
}

type DotProps = { cx?: number; cy?: number; value?: unknown; payload?: Record<string, unknown> };

/** Real values are filled markers; invented example values are hollow, so the two never look alike. */
function marker(shape: 'circle' | 'square' | 'triangle', color: string, key: string) {
  function Dot({ cx, cy, value, payload }: DotProps) {
    if (cx === undefined || cy === undefined || value === null || value === undefined) return <g />;
    const example = isExampleValue(payload, key);
    const paint = example ? { fill: '#fff', stroke: color, strokeWidth: 1.5 } : { fill: color };
    if (shape === 'square') return <rect x={cx - 3} y={cy - 3} width={6} height={6} {...paint} />;
    if (shape === 'triangle') return <path d={`M${cx},${cy - 4} L${cx + 4},${cy + 3} L${cx - 4},${cy + 3} Z`} {...paint} />;
    return <circle cx={cx} cy={cy} r={3} {...paint} />;
  }
  return Dot;
}

export function TrendChart({ rows, lines, unitKind, decimals, title }: Props) {
  return (
    <LineChart
      className="chart"
      responsive
      style={{ width: '100%', height: 170 }}
      data={rows}
      margin={{ top: 8, right: 12, bottom: 0, left: 4 }}
      title={title}
    >
      <CartesianGrid stroke={CHART.grid} vertical={false} />
      <XAxis dataKey="period" tick={CHART.tick} interval="preserveStartEnd" minTickGap={12} />
      <YAxis
        niceTicks="snap125"
        width={60}
        tick={CHART.tick}
        tickFormatter={(v: number) => axisTick(v, decimals)}
        domain={[(min: number) => Math.min(0, min), 'auto']}
        label={{
          value: AXIS_UNIT[unitKind],
          angle: -90,
          position: 'insideLeft',
          offset: 0,
          style: { fontSize: 10, fill: CHART.axisLabel.fill, textAnchor: 'middle' },
        }}
      />
      <Tooltip
        formatter={(v: unknown, name: unknown, item: { dataKey?: unknown; payload?: Record<string, unknown> }) => [
          typeof v === 'number' ? formatValue(v, unitKind, decimals) : '–',
          withExampleMark(String(name), isExampleValue(item.payload, String(item.dataKey))),
        ]}
      />
      {lines.map((l) => {
        const s = REGION_STYLES[l.key];
        // A series of invented values only is drawn dashed and thin as well as hollow.
        const example = rows.some((r) => r[l.key] !== null) && rows.every((r) => r[l.key] === null || isExampleValue(r, l.key));
        return (
          <Line
            key={l.key}
            type="linear"
            dataKey={l.key}
            name={l.name}
            stroke={s.color}
            strokeWidth={example ? 1.5 : 2}
            strokeDasharray={example ? '2 3' : s.dash}
            dot={marker(s.marker, s.color, l.key)}
            activeDot={{ r: 5 }}
            connectNulls
            isAnimationActive={false}
          />
        );
      })}
    </LineChart>
  );
}
