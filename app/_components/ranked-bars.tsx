import type { IndicatorMap } from '@/lib/data/comparison';
import { formatNumber } from '@/lib/format';
import { SIGNIFICANCE_CLASS_LABELS } from '@/lib/maps/significance';
import { niceTicks } from '@/lib/charts/axis';
import { CLASS_STYLE, describeEntry, Swatch, type ValueFormat } from './choropleth';

/**
 * The honest replacement for a bare rank: the län's kommuner ranked by value, each with its 95 % KI as whiskers
 * and coloured by the benchmark test, the benchmark as a vertical line; kommuner without a usable value are
 * listed below. Server-rendered SVG with the same data as a table.
 */
export function RankedBars({
  data,
  format,
  unit,
  title,
  prefix = 'rank',
  note,
}: {
  data: IndicatorMap;
  format: ValueFormat;
  unit: string;
  title: string;
  prefix?: string;
  /** A sentence for the end of the text summary (the goal page: the kommun's rank with its interval). */
  note?: React.ReactNode;
}) {
  const shown = data.entries.filter((e) => e.value !== null && !e.example).sort((a, b) => (b.value as number) - (a.value as number));
  const missing = data.entries.filter((e) => e.value === null || e.example);
  if (shown.length === 0) return null;
  const tested = shown.filter((e) => e.cls !== 'none').length;
  const label = 120;
  const width = 560;
  const row = 22;
  const top = 22;
  const highest = Math.max(...shown.map((e) => e.ciHigh ?? (e.value as number)), data.benchmarkValue ?? 0);
  const { ticks, decimals: tickDecimals } = niceTicks(0, highest || 1, format.unitKind === 'percent');
  const max = ticks.at(-1)!;
  const x = (v: number) => label + (v / max) * (width - label - 10);
  const height = top + shown.length * row + 24;
  return (
    <figure className="ranked-bars" style={{ margin: '0.75rem 0' }}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        style={{ width: '100%', maxWidth: `${width}px`, height: 'auto' }}
        role="img"
        aria-label={`${title}: ${shown.map((e) => `${e.name} ${formatNumber(e.value as number, format.decimals)}`).join(', ')}`}
      >
        <defs>
          {(['better', 'lower', 'similar', 'higher', 'worse', 'none'] as const).map((c) => (
            <pattern key={c} id={`${prefix}-${c}`} width="8" height="8" patternUnits="userSpaceOnUse">
              <rect width="8" height="8" fill={CLASS_STYLE[c].fill} />
              {CLASS_STYLE[c].mark === 'dots' && <circle cx="4" cy="4" r="1.4" fill={CLASS_STYLE[c].ink} />}
              {CLASS_STYLE[c].mark === 'stripes' && (
                <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke={CLASS_STYLE[c].ink} strokeWidth="1.4" />
              )}
            </pattern>
          ))}
        </defs>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={top - 4} y2={height - 20} stroke="#ddd" />
            <text className="axis-tick" x={x(t)} y={height - 6} fontSize="10" textAnchor="middle" fill="#444">
              {formatNumber(t, tickDecimals)}
            </text>
          </g>
        ))}
        {shown.map((e, i) => {
          const y = top + i * row;
          return (
            <g key={e.code}>
              <text
                x={label - 6}
                y={y + 14}
                fontSize="11"
                textAnchor="end"
                fontWeight={e.code === data.kommunCode ? 700 : 400}
                fill="#1a1a1a"
              >
                {e.name}
              </text>
              <rect
                x={label}
                y={y + 4}
                width={Math.max(0, x(e.value as number) - label)}
                height={row - 8}
                fill={`url(#${prefix}-${e.cls})`}
                stroke="#333"
                strokeWidth="0.7"
              />
              {e.ciLow !== null && e.ciHigh !== null && (
                <path
                  d={`M${x(e.ciLow)},${y + row / 2} H${x(e.ciHigh)} M${x(e.ciLow)},${y + 6} V${y + row - 6} M${x(e.ciHigh)},${y + 6} V${y + row - 6}`}
                  stroke="#000"
                  strokeWidth="1.2"
                  fill="none"
                />
              )}
            </g>
          );
        })}
        {data.benchmarkValue !== null && (
          <g>
            <line
              x1={x(data.benchmarkValue)}
              x2={x(data.benchmarkValue)}
              y1={top - 6}
              y2={height - 20}
              stroke="#000"
              strokeWidth="1.5"
              strokeDasharray="5 3"
            />
            <text x={x(data.benchmarkValue)} y={top - 9} fontSize="10" textAnchor="middle" fill="#000">
              {data.benchmarkName} {formatNumber(data.benchmarkValue, format.decimals)}
            </text>
          </g>
        )}
      </svg>
      <figcaption className="chart-summary">
        {title}: {shown.length} kommuner rangordnade efter värde, med 95 % konfidensintervall (strecken) och {data.benchmarkName} som
        streckad linje. Färg och mönster: jämförelsen med {data.benchmarkName} (samma test som kartan). En rangplats säger lite när
        intervallen överlappar. Diagrammet visar {tested} jämförelser med {data.benchmarkName}, som inte ingår i sidans räkning ovan; av ren
        slump väntas ungefär {formatNumber(0.05 * tested, 1)} av dem se säkerställda ut.
        {missing.length > 0 && <> Utan jämförbart värde: {missing.map((e) => `${e.name} (${e.missing ?? 'värde saknas'})`).join(', ')}.</>}
        {note && <> {note}</>}
      </figcaption>
      <details className="data-table">
        <summary>Visa rangordningen som tabell</summary>
        <table>
          <caption>
            {title} ({unit.replace(/\.$/, '')})
          </caption>
          <thead>
            <tr>
              <th scope="col">Kommun</th>
              <th scope="col">Värde (95 % KI, antal)</th>
              <th scope="col">Jämfört med {data.benchmarkName}</th>
            </tr>
          </thead>
          <tbody>
            {[...shown, ...missing].map((e) => (
              <tr key={e.code}>
                <td>{e.name}</td>
                <td>{describeEntry(e, format)}</td>
                <td style={{ textAlign: 'left' }}>
                  <Swatch cls={e.cls} prefix={`${prefix}-t${e.code}`} /> {SIGNIFICANCE_CLASS_LABELS[e.cls]}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
