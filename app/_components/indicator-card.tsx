import type { OverviewIndicator, RegionKey, RegionRef } from '@/lib/data/overview-query';
import { REGION_STYLES } from '@/lib/charts/styles';
import { summarizeSeries } from '@/lib/charts/summary';
import { describeValue } from '@/lib/display';
import { formatValue } from '@/lib/format';
import { SiteReferenceTable } from './site-reference';
import { LazyTrendChart as TrendChart } from './trend-chart-lazy';
import { VerdictBadge } from './verdict-badge';
import Link from 'next/link';

const ROLE_LABELS = { primary: 'Huvudmått', supporting: 'Kompletterande mått', context: 'Sammanhang' } as const;
const DIRECTION_LABELS = { down: 'Lägre är bättre', up: 'Högre är bättre', ctx: 'Sammanhangsindikator (ingen målriktning)' } as const;

/** Why a comparison region has no value: say what is true rather than leave a blank. */
function missingReason(ind: OverviewIndicator, key: RegionKey): string {
  if (ind.type === 'wastewater' && key === 'riket') return 'Ingen nationell mätning';
  if (!ind.comparable && key !== 'kommun') return 'Källan redovisar inte denna nivå';
  return 'Inga data ännu';
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

export function IndicatorCard({ ind, regions, headingId }: { ind: OverviewIndicator; regions: RegionRef[]; headingId: string }) {
  // A pure reference series (EUDA sites) has no kommun/län/riket values: show the sites instead.
  const referenceOnly = ind.siteReference !== null && ind.siteReference.indicatorId === ind.id;
  const lines = regions.filter((r) => ind.series.some((row) => typeof row[r.key] === 'number')).map((r) => ({ key: r.key, name: r.name }));
  const summary = summarizeSeries(ind.series, lines, ind);
  return (
    <article className="card" aria-labelledby={headingId} data-indicator={ind.id}>
      <h4 id={headingId}><Link href={`/indikatorer/${ind.id}`}>{ind.name}</Link></h4>
      {!referenceOnly && (
        <div>
          <VerdictBadge verdict={ind.assessment.verdict} />
          {ind.assessment.benchmarks.map((b) => b.label && <span key={b.key} className="verdict-badge v-ctx">{b.label}</span>)}
          <p className="sentence">{ind.assessment.verdict.sentence}</p>
          {ind.assessment.stale.stale && <p className="sentence"><strong>Inaktuellt:</strong> {ind.assessment.stale.text}</p>}
        </div>
      )}
      <p className="meta">
        <span className="badge role">{ROLE_LABELS[ind.role]}</span>
        {ind.hasExample && <span className="badge example">Exempeldata</span>}
        {DIRECTION_LABELS[ind.direction]}. Källa: {ind.sourceName}. Mäts för: {ind.measuredGeography}.
      </p>
      {referenceOnly ? (
        <SiteReferenceTable reference={ind.siteReference!} unitKind={ind.unitKind} decimals={ind.decimals} asContext={false} />
      ) : (
      <table className="latest">
        <caption className="sr-only">Senaste värden för {ind.name}</caption>
        <thead>
          <tr><th scope="col">Område</th><th scope="col">Senaste värde</th><th scope="col">Period</th></tr>
        </thead>
        <tbody>
          {regions.map((r) => {
            const latest = ind.latest[r.key];
            if (!latest) {
              return (
                <tr key={r.key}>
                  <th scope="row">{r.name}</th>
                  <td className="missing" colSpan={2}>{missingReason(ind, r.key)}</td>
                </tr>
              );
            }
            const v = describeValue(latest, ind);
            return (
              <tr key={r.key}>
                <th scope="row">{r.name}</th>
                <td className={v.missing ? 'missing' : 'num'}>
                  {v.text}
                  {latest.isExample && <span className="sr-only"> (exempeldata)</span>}
                  {v.detail && <span className="ci">{v.detail}</span>}
                  {v.flags.map((f) => <span key={f} className="ci">{f}</span>)}
                </td>
                <td>{latest.period}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      )}
      {ind.siteReference && !referenceOnly && (
        <SiteReferenceTable reference={ind.siteReference} unitKind={ind.unitKind} decimals={ind.decimals} asContext />
      )}
      {lines.length > 0 ? (
        <figure style={{ margin: 0 }}>
          <ul className="chart-legend" aria-hidden="true">
            {lines.map((l) => <li key={l.key}><Swatch k={l.key} />{l.name}</li>)}
          </ul>
          <div className="chart-box" data-chart={ind.id} style={{ height: 170 }}>
            <TrendChart rows={ind.series} lines={lines} unitKind={ind.unitKind} decimals={ind.decimals} title={`${ind.name} över tid`} />
          </div>
          <figcaption className="chart-summary">{summary}</figcaption>
          <details className="data-table">
            <summary>Visa diagrammets data som tabell</summary>
            <table>
              <caption className="sr-only">{ind.name} per period ({ind.unit})</caption>
              <thead>
                <tr><th scope="col">Period</th>{lines.map((l) => <th key={l.key} scope="col">{l.name}</th>)}</tr>
              </thead>
              <tbody>
                {ind.series.map((row) => (
                  <tr key={row.period}>
                    <th scope="row">{row.period}</th>
                    {lines.map((l) => {
                      const v = row[l.key];
                      return <td key={l.key}>{typeof v === 'number' ? formatValue(v, ind.unitKind, ind.decimals) : '–'}</td>;
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </figure>
      ) : referenceOnly ? null : (
        <p className="missing">Inga mätvärden ännu för detta mått.</p>
      )}
    </article>
  );
}
