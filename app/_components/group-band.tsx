import { cache } from 'react';
import Link from 'next/link';
import { kommunPath } from '@/lib/kommun-path';
import { getComparisonGroups, getGroupComparison } from '@/lib/data/comparison-view';
import type { ComparisonGroup, GroupComparison } from '@/lib/data/comparison';
import { formatNumber, formatValue } from '@/lib/format';
import { niceTicks } from '@/lib/charts/axis';
import type { ValueFormat } from './choropleth';

const POSITION = {
  below: 'under gruppens mittersta 50 %',
  within: 'inom gruppens mittersta 50 %',
  above: 'över gruppens mittersta 50 %',
} as const;

/** The kommun's line against its comparison group's median and middle-50 % band, over time (SVG + table). */
export function GroupBandChart({
  c,
  kommunName,
  format,
  title,
}: {
  c: GroupComparison;
  kommunName: string;
  format: ValueFormat;
  title: string;
}) {
  const pts = c.periods;
  const vals = pts.flatMap((p) => [p.q1, p.q3, p.kommun, p.median]).filter((v): v is number => v !== null);
  if (vals.length === 0) return null;
  const w = 560;
  const h = 200;
  const left = 48;
  const { ticks, decimals: tickDecimals } = niceTicks(0, Math.max(...vals) || 1, format.unitKind === 'percent');
  const max = ticks.at(-1)!;
  const x = (i: number) => left + (pts.length === 1 ? (w - left) / 2 : (i / (pts.length - 1)) * (w - left - 16));
  const y = (v: number) => 10 + (1 - v / max) * (h - 40);
  const band = pts.map((p, i) => ({ i, p })).filter(({ p }) => p.q1 !== null && p.q3 !== null);
  const bandPath =
    band.length > 1
      ? `M${band.map(({ i, p }) => `${x(i)},${y(p.q3!)}`).join(' L')} L${[...band]
          .reverse()
          .map(({ i, p }) => `${x(i)},${y(p.q1!)}`)
          .join(' L')} Z`
      : null;
  const line = (key: 'median' | 'kommun') =>
    pts
      .map((p, i) => (p[key] === null ? null : `${x(i)},${y(p[key]!)}`))
      .filter(Boolean)
      .join(' L');
  const latest = [...pts].reverse().find((p) => p.median !== null && p.kommun !== null);
  return (
    <figure style={{ margin: '0.75rem 0' }}>
      <svg
        viewBox={`0 0 ${w} ${h}`}
        style={{ width: '100%', maxWidth: `${w}px`, height: 'auto' }}
        role="img"
        aria-label={`${title}. ${latest ? `${latest.period}: ${kommunName} ${formatNumber(latest.kommun!, format.decimals)}, gruppens median ${formatNumber(latest.median!, format.decimals)}, ${POSITION[latest.position!]}.` : ''}`}
      >
        {ticks.map((t) => (
          <g key={t}>
            <line x1={left} x2={w} y1={y(t)} y2={y(t)} stroke="#ddd" />
            <text className="axis-tick" x={left - 4} y={y(t) + 4} fontSize="10" textAnchor="end" fill="#444">
              {formatNumber(t, tickDecimals)}
            </text>
          </g>
        ))}
        {bandPath && <path d={bandPath} fill="#cfd8e3" stroke="none" />}
        {band.length === 1 && (
          <rect x={x(band[0]!.i) - 6} y={y(band[0]!.p.q3!)} width="12" height={y(band[0]!.p.q1!) - y(band[0]!.p.q3!)} fill="#cfd8e3" />
        )}
        {line('median') && <path d={`M${line('median')}`} fill="none" stroke="#37474f" strokeWidth="1.5" strokeDasharray="5 3" />}
        {line('kommun') && <path d={`M${line('kommun')}`} fill="none" stroke="#0b3d91" strokeWidth="2.5" />}
        {pts.map((p, i) => p.kommun !== null && <circle key={p.period} cx={x(i)} cy={y(p.kommun)} r="3.5" fill="#0b3d91" />)}
        {pts.map((p, i) => (
          <text key={p.period} x={x(i)} y={h - 6} fontSize="10" textAnchor="middle" fill="#444">
            {p.period}
          </text>
        ))}
      </svg>
      <figcaption className="chart-summary">
        Heldragen linje: {kommunName}. Streckad linje: medianen för {c.group.title}; skuggat band: gruppens mittersta 50 % (kvartilerna),
        bara verkliga värden, minst 3 kommuner.
        {latest && (
          <>
            {' '}
            {latest.period} ligger {kommunName} {POSITION[latest.position!]} ({latest.n} av {c.others.length} andra kommuner i gruppen har
            värden). {latest.significance?.text ?? ''}
          </>
        )}
      </figcaption>
      <details className="data-table">
        <summary>Visa gruppjämförelsen som tabell</summary>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">{kommunName}</th>
              <th scope="col">Gruppens median</th>
              <th scope="col">Mittersta 50 %</th>
              <th scope="col">Kommuner med värde</th>
            </tr>
          </thead>
          <tbody>
            {pts.map((p) => (
              <tr key={p.period}>
                <td>{p.period}</td>
                <td>{p.kommun === null ? 'saknas' : formatValue(p.kommun, format.unitKind, format.decimals)}</td>
                <td>{p.median === null ? 'för få värden' : formatValue(p.median, format.unitKind, format.decimals)}</td>
                <td>
                  {p.q1 === null || p.q3 === null ? '–' : `${formatNumber(p.q1, format.decimals)}–${formatNumber(p.q3, format.decimals)}`}
                </td>
                <td>
                  {p.n} av {c.others.length}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/**
 * The group the goal page compares with: the kommun's own group first, else its SKR kommungrupp, else Kolada's
 * groups; the first with a band (`chosen`, null when none has one). Null when the kommun has no groups. The goal
 * page's "Bädda in" asks the embed for the same group (one look-up per request: React's cache).
 */
export const goalGroupComparison = cache(async function goalGroupComparison(
  indicatorId: string,
  kommunCode: string,
): Promise<{ first: ComparisonGroup; chosen: GroupComparison | null } | null> {
  const groups = await getComparisonGroups(kommunCode);
  if (groups.length === 0) return null;
  const ordered = [...groups.filter((g) => g.kind === 'own'), ...groups.filter((g) => g.kind !== 'own')];
  for (const g of ordered) {
    const c = await getGroupComparison(indicatorId, g.id, kommunCode);
    if (c && c.periods.some((p) => p.median !== null)) return { first: ordered[0]!, chosen: c };
  }
  return { first: ordered[0]!, chosen: null };
});

/**
 * The goal page's comparison with like kommuner: the kommun's own group first, else its SKR kommungrupp, else
 * Kolada's groups; the first with a band is drawn, and when none has enough real values the page says so.
 */
export async function GoalGroupBand({
  indicatorId,
  name,
  kommunCode,
  kommunName,
  format,
}: {
  indicatorId: string;
  name: string;
  kommunCode: string;
  kommunName: string;
  format: ValueFormat;
}) {
  const pick = await goalGroupComparison(indicatorId, kommunCode);
  if (!pick) return null;
  const { first, chosen } = pick;
  return (
    <section aria-label={`Jämförelse med liknande kommuner, ${name}`}>
      <h3>Jämfört med liknande kommuner</h3>
      {chosen ? (
        <GroupBandChart c={chosen} kommunName={kommunName} format={format} title={`${name}: ${kommunName} och ${chosen.group.title}`} />
      ) : (
        <p className="missing">
          Ingen jämförelsegrupp har verkliga värden för minst tre andra kommuner (t.ex. {first.title}: {first.members.length} kommuner).
          Bandet visas när minst tre andra kommuner i gruppen har verkliga värden; i dag finns verkliga värden främst för kommunerna i det
          egna länet. Lägg gärna till en egen grupp, till exempel grannkommunerna.
        </p>
      )}
      <p className="chart-tools">
        <Link href={kommunPath(kommunCode, '/plan/jamforelsegrupper')}>Jämförelsegrupper</Link>
      </p>
    </section>
  );
}
