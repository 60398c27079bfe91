import type { MapEntry } from '@/lib/data/comparison';
import { formatInterval, formatNumber, formatValue } from '@/lib/format';
import type { ProjectedMap } from '@/lib/maps/project';
import { SIGNIFICANCE_CLASS_LABELS, SIGNIFICANCE_ORDER, type SignificanceClass } from '@/lib/maps/significance';
import type { UnitKind } from '@/lib/vocabulary';
import styles from './choropleth.module.css';

/**
 * Colour-blind-safe fills (Okabe–Ito) with a pattern on top, so colour is never the only cue: dots for
 * better/lower, stripes for worse/higher, cross-hatch for missing, plain for no difference. Every shape has a
 * dark outline (≥ 3:1 against white and against its fill's neighbours).
 */
export const CLASS_STYLE: Readonly<Record<SignificanceClass, { fill: string; mark: 'dots' | 'stripes' | 'cross' | null; ink: string }>> = {
  better: { fill: '#0072B2', mark: 'dots', ink: '#ffffff' },
  lower: { fill: '#56B4E9', mark: 'dots', ink: '#1a1a1a' },
  similar: { fill: '#e8e8e8', mark: null, ink: '#1a1a1a' },
  higher: { fill: '#E69F00', mark: 'stripes', ink: '#1a1a1a' },
  worse: { fill: '#D55E00', mark: 'stripes', ink: '#ffffff' },
  none: { fill: '#ffffff', mark: 'cross', ink: '#6b6b6b' },
};

function Patterns({ prefix, only }: { prefix: string; only?: SignificanceClass }) {
  return (
    <defs>
      {(Object.keys(CLASS_STYLE) as SignificanceClass[])
        .filter((c) => !only || c === only)
        .map((c) => {
          const s = CLASS_STYLE[c];
          return (
            <pattern key={c} id={`${prefix}-${c}`} width="8" height="8" patternUnits="userSpaceOnUse">
              <rect width="8" height="8" fill={s.fill} />
              {s.mark === 'dots' && <circle cx="4" cy="4" r="1.4" fill={s.ink} />}
              {s.mark === 'stripes' && <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke={s.ink} strokeWidth="1.4" />}
              {s.mark === 'cross' && <path d="M0,0 l8,8 M8,0 l-8,8" stroke={s.ink} strokeWidth="0.8" />}
            </pattern>
          );
        })}
    </defs>
  );
}

export function Swatch({ cls, prefix }: { cls: SignificanceClass; prefix: string }) {
  return (
    <svg width="22" height="16" aria-hidden="true" focusable="false">
      <Patterns prefix={`${prefix}-sw`} only={cls} />
      <rect x="0.75" y="0.75" width="20.5" height="14.5" fill={`url(#${prefix}-sw-${cls})`} stroke="#333" strokeWidth="1.5" />
    </svg>
  );
}

export interface ValueFormat {
  unitKind: UnitKind;
  decimals: number;
  /** 'survey' (n = respondents) or 'count' (n = events). */
  type: string;
}

/** "658 (KI 560–770), 120 anmälda brott" — what the readout, title and aria-label say about a value. */
export function describeEntry(e: MapEntry, f: ValueFormat): string {
  if (e.value === null) return e.missing === 'exempeldata' ? 'Exempeldata' : `Underlag saknas (${e.missing ?? 'värde saknas'})`;
  const ki = e.ciLow !== null && e.ciHigh !== null ? ` (95 % KI ${formatInterval(e.ciLow, e.ciHigh, f.decimals)})` : '';
  const n = e.n !== null ? (f.type === 'count' ? `, antal ${formatNumber(e.n)}` : `, n ${formatNumber(e.n)}`) : '';
  return `${formatValue(e.value, f.unitKind, f.decimals)}${ki}${n}${e.example ? ', Exempeldata' : ''}`;
}

/**
 * A server-rendered choropleth: each kommun a focusable shape (tabindex 0) with its name, class, value, KI and
 * n in its title and aria-label, a readout at the top on hover and focus (CSS only), and a legend. The page
 * shows the same data as a table beside it.
 */
export function Choropleth({
  map,
  entries,
  format,
  label,
  prefix = 'karta',
  highlight,
}: {
  map: ProjectedMap;
  entries: MapEntry[];
  format: ValueFormat;
  label: string;
  prefix?: string;
  /** The plan's kommun: drawn with a thicker outline. */
  highlight?: string;
}) {
  const byCode = new Map(entries.map((e) => [e.code, e]));
  const top = 42;
  const present = new Set(map.shapes.map((s) => byCode.get(s.code)?.cls ?? 'none'));
  return (
    <figure style={{ margin: 0 }}>
      <svg className={styles.svg} viewBox={`0 0 ${map.width} ${map.height + top}`} role="group" aria-label={label}>
        <Patterns prefix={prefix} />
        <text x="4" y="16" fontSize="12" fill="#333">
          Peka på eller tabba till en kommun.
        </text>
        <g transform={`translate(0 ${top})`}>
          {map.shapes.map((s) => {
            const e = byCode.get(s.code);
            const cls = e?.cls ?? 'none';
            const what = e ? describeEntry(e, format) : 'Underlag saknas';
            const text = `${s.name}: ${SIGNIFICANCE_CLASS_LABELS[cls]}. ${what}`;
            return (
              <g key={s.code} className={styles.kommun} tabIndex={0} role="img" aria-label={text} data-kommun={s.code} data-class={cls}>
                <title>{text}</title>
                <path
                  className={styles.shape}
                  d={s.d}
                  fill={`url(#${prefix}-${cls})`}
                  stroke="#333"
                  strokeWidth={s.code === highlight ? 2 : 0.7}
                  strokeLinejoin="round"
                />
                <g className={styles.readout} transform={`translate(0 ${-top})`} aria-hidden="true">
                  <rect x="1" y="1" width={map.width - 2} height={top - 4} fill="#ffffff" stroke="#333" rx="3" />
                  <text x="6" y="16" fontSize="12" fontWeight="700" fill="#1a1a1a">
                    {s.name}: {SIGNIFICANCE_CLASS_LABELS[cls].toLowerCase()}
                  </text>
                  <text x="6" y="32" fontSize="11" fill="#1a1a1a">
                    {what}
                  </text>
                </g>
              </g>
            );
          })}
        </g>
      </svg>
      <figcaption>
        <ul className={styles.legend} aria-label="Teckenförklaring">
          {SIGNIFICANCE_ORDER.filter((c) => present.has(c) || c === 'similar' || c === 'none').map((c) => (
            <li key={c}>
              <Swatch cls={c} prefix={prefix} /> {SIGNIFICANCE_CLASS_LABELS[c]}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
