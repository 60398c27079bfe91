import Link from 'next/link';
import type { OverviewIndicator, RegionKey, RegionRef } from '@/lib/data/overview-query';
import { summarizeSeries } from '@/lib/charts/summary';
import { describeValue } from '@/lib/display';
import { kommunPath } from '@/lib/kommun-path';
import { DIRECTION_LABELS, LINK_ROLE_LABELS } from '@/lib/vocabulary';
import { SiteReferenceTable } from './site-reference';
import { OverviewChart } from './overview-chart';
import { VerdictBadge } from './verdict-badge';

/** Why a comparison region has no value: say what is true rather than leave a blank. */
function missingReason(ind: OverviewIndicator, key: RegionKey): string {
  if (ind.type === 'wastewater' && key === 'riket') return 'Ingen nationell mätning';
  if (!ind.comparable && key !== 'kommun') return 'Källan redovisar inte denna nivå';
  if (!ind.publishedLevels.includes(key))
    return key === 'kommun' ? 'Källan redovisar inte kommunvärden (bara län och riket)' : 'Källan redovisar inte denna nivå';
  return 'Inga data ännu';
}

export function IndicatorCard({ ind, regions, headingId }: { ind: OverviewIndicator; regions: RegionRef[]; headingId: string }) {
  // A pure reference series (EUDA sites) has no kommun/län/riket values: show the sites instead.
  const referenceOnly = ind.siteReference !== null && ind.siteReference.indicatorId === ind.id;
  const lines = regions.filter((r) => ind.series.some((row) => typeof row[r.key] === 'number')).map((r) => ({ key: r.key, name: r.name }));
  const summary = summarizeSeries(ind.series, lines, ind);
  return (
    <article className="card" aria-labelledby={headingId} data-indicator={ind.id}>
      <h4 id={headingId}>
        <Link href={kommunPath(regions.find((r) => r.key === 'kommun')?.code, `/indikatorer/${ind.id}`)}>{ind.name}</Link>
      </h4>
      {!referenceOnly && (
        <div>
          <VerdictBadge verdict={ind.assessment.verdict} />
          {ind.assessment.benchmarks.map(
            (b) =>
              b.label && (
                <Link key={b.key} href="/metod#jamforelse" className="verdict-badge v-ctx">
                  {b.label}
                </Link>
              ),
          )}
          <p className="sentence">{ind.assessment.verdict.sentence}</p>
          {ind.assessment.stale.stale && (
            <p className="sentence">
              <strong>Inaktuellt:</strong> {ind.assessment.stale.text}
            </p>
          )}
        </div>
      )}
      <p className="meta">
        <span className="badge role">{LINK_ROLE_LABELS[ind.role]}</span>
        {ind.hasExample && <span className="badge example">Exempeldata</span>}
        {DIRECTION_LABELS[ind.direction]}. Källa: {ind.sources.length > 0 ? ind.sources.join('; ') : ind.sourceName}. Mäts för:{' '}
        {ind.measuredGeography}.
      </p>
      {referenceOnly ? (
        <SiteReferenceTable reference={ind.siteReference!} unitKind={ind.unitKind} decimals={ind.decimals} asContext={false} />
      ) : (
        <table className="latest">
          <caption className="sr-only">Senaste värden för {ind.name}</caption>
          <thead>
            <tr>
              <th scope="col">Område</th>
              <th scope="col">Senaste värde</th>
              <th scope="col">Period</th>
            </tr>
          </thead>
          <tbody>
            {regions.map((r) => {
              const latest = ind.latest[r.key];
              if (!latest) {
                return (
                  <tr key={r.key}>
                    <th scope="row">{r.name}</th>
                    <td className="missing" colSpan={2}>
                      {missingReason(ind, r.key)}
                    </td>
                  </tr>
                );
              }
              const v = describeValue(latest, ind);
              return (
                <tr key={r.key}>
                  <th scope="row">{r.name}</th>
                  <td className={v.missing ? 'missing' : 'num'}>
                    {v.text}
                    {latest.isExample && <span className="ci">exempeldata</span>}
                    {v.detail && <span className="ci">{v.detail}</span>}
                    {v.flags.map((f) => (
                      <span key={f} className="ci">
                        {f}
                      </span>
                    ))}
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
        <OverviewChart
          id={ind.id}
          name={ind.name}
          unit={ind.unit}
          unitKind={ind.unitKind}
          decimals={ind.decimals}
          rows={ind.series.map(({ start: _start, ...row }) => row as (typeof ind.series)[number])}
          lines={lines}
          summary={summary}
        />
      ) : referenceOnly ? null : (
        <p className="missing">Inga mätvärden ännu för detta mått.</p>
      )}
    </article>
  );
}
