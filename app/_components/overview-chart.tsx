'use client';

import type { UnitKind } from '@/lib/catalogue/catalogue-file';
import { isExampleValue, type SeriesRow } from '@/lib/charts/series';
import { REGION_STYLES } from '@/lib/charts/styles';
import type { RegionKey } from '@/lib/data/overview-query';
import { formatValue } from '@/lib/format';
import { LazyTrendChart } from './trend-chart-lazy';

interface Props {
  id: string;
  name: string;
  unit: string;
  unitKind: UnitKind;
  decimals: number;
  rows: SeriesRow[];
  lines: { key: RegionKey; name: string }[];
  summary: string;
}

function Swatch({ k }: { k: RegionKey }) {
  const s = REGION_STYLES[k];
  return (
    <svg width="26" height="10" aria-hidden="true" focusable="false">
      <line x1="1" y1="5" x2="25" y2="5" stroke={s.color} strokeWidth="2" strokeDasharray={s.dash} />
      {s.marker === 'circle' && <circle cx="13" cy="5" r="3" fill={s.color} />}
      {s.marker === 'square' && <rect x="10" y="2" width="6" height="6" fill={s.color} />}
      {s.marker === 'triangle' && <path d="M13,1 L17,8 L9,8 Z" fill={s.color} />}
    </svg>
  );
}

/**
 * A small chart with its legend, text summary and data table. One client component renders all of them
 * from the same rows, so the page carries the numbers once (as props) rather than once more as a server-
 * rendered table; the table and summary are still in the server HTML, the chart draws in the browser.
 */
export function OverviewChart({ id, name, unit, unitKind, decimals, rows, lines, summary }: Props) {
  return (
    <figure style={{ margin: 0 }}>
      <ul className="chart-legend" aria-hidden="true">
        {lines.map((l) => (
          <li key={l.key}>
            <Swatch k={l.key} />
            {l.name}
            {rows.some((r) => isExampleValue(r, l.key)) ? ' (exempeldata, ihåliga punkter)' : ''}
          </li>
        ))}
      </ul>
      <div className="chart-box" data-chart={id} style={{ height: 170 }}>
        <LazyTrendChart rows={rows} lines={lines} unitKind={unitKind} decimals={decimals} title={`${name} över tid`} />
      </div>
      <figcaption className="chart-summary">{summary}</figcaption>
      <details className="data-table">
        <summary>Visa diagrammets data som tabell</summary>
        <table>
          <caption className="sr-only">
            {name} per period ({unit})
          </caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              {lines.map((l) => (
                <th key={l.key} scope="col">
                  {l.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.period}>
                <th scope="row">{row.period}</th>
                {lines.map((l) => {
                  const v = row[l.key];
                  return (
                    <td key={l.key}>
                      {typeof v === 'number' ? formatValue(v, unitKind, decimals) : '–'}
                      {isExampleValue(row, l.key) && ' (exempel)'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
