import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getGoalView } from '@/lib/data/goal';
import { resolveKommun } from '@/lib/data/kommun';
import { kommunPath } from '@/lib/kommun-path';
import { rollup } from '@/lib/data/overview-query';
import { REGION_STYLES } from '@/lib/charts/styles';
import { formatNumber } from '@/lib/format';
import { LINK_ROLE_LABELS } from '@/lib/vocabulary';
import { FollowUp } from '../../../../_components/follow-up';
import { GoalRanking } from '../../../../_components/goal-ranking';
import { GoalGroupBand } from '../../../../_components/group-band';
import { IndicatorChart } from '../../../../_components/indicator-chart';
import { ObservationTable } from '../../../../_components/observation-table';
import { TableScroll } from '../../../../_components/table-scroll';
import { RollupBadge } from '../../../../_components/verdict-badge';
import { GoalChartShare } from './chart-share';

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  return { title: `Mål ${(await params).code}` };
}

/* Cached after the first request, never built with the app (see app/k/[kommun]/page.tsx). */
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export default async function GoalPage({ params }: { params: Promise<{ kommun: string; code: string }> }) {
  const { kommun, code } = await params;
  const kommunCode = await resolveKommun(kommun);
  if (!kommunCode) notFound();
  const view = await getGoalView(decodeURIComponent(code), kommunCode);
  if (!view) notFound();
  const { goal, area, indicators, tableRows, names } = view;
  const counts = rollup(indicators);
  const c = view.comparisons;
  return (
    <>
      <p>
        <Link href={kommunPath(kommunCode)}>Översikt</Link> › {area.title}
      </p>
      <h1>
        {goal.kind === 'overall' ? 'Övergripande mål' : 'Mål'}: {goal.text}
      </h1>
      <p className="rollup">
        {counts.map((r) => (
          <RollupBadge key={r.label} label={r.label} count={r.count} />
        ))}
      </p>
      <p className="lead">
        Varje mått nedan jämförs med planens baslinje (senaste värde före beslutet {view.plan.decidedDate} om inget annat anges) och med{' '}
        {names.lan} och {names.riket}. Skillnader mot {names.lan} och {names.riket} säger inget om orsaker.
      </p>
      <p id="jamforelser">
        Sidan visar {c.m} statistiska {c.m === 1 ? 'jämförelse' : 'jämförelser'} (förändringar och jämförelser med {names.lan} och{' '}
        {names.riket}). Även om ingenting hade förändrats skulle ungefär {formatNumber(c.expectedFalse, 1)} av dem väntas se säkerställda ut
        av ren slump.{' '}
        {c.significant === 0
          ? 'Ingen av dem är säkerställd.'
          : c.holmSignificant === 0
            ? `${c.significant} är säkerställda var för sig, men efter korrigering för antalet jämförelser (Holms metod) är ingen säkerställd: sidan visar inte säkert någon verklig skillnad.`
            : `${c.significant} är säkerställda var för sig; efter korrigering för antalet jämförelser (Holms metod) är ${c.holmSignificant} fortfarande säkerställda: minst en skillnad är sannolikt verklig.`}{' '}
        <Link href="/metod#manga-jamforelser">Om många jämförelser</Link>.
      </p>
      {indicators.some((i) => i.hasExample) && (
        <div className="notice warn" role="note">
          <p>
            <strong>Sidan visar exempeldata</strong> för mått som saknar verkliga värden (märkta Exempeldata).
          </p>
        </div>
      )}
      {indicators.map((ind) => (
        <section key={ind.id} aria-labelledby={`h-${ind.id}`} className="goal-indicator" data-indicator={ind.id}>
          <h2 id={`h-${ind.id}`}>
            <Link href={kommunPath(view.plan.kommunCode, `/indikatorer/${ind.id}`)}>{ind.name}</Link>
          </h2>
          <p className="meta">
            <span className="badge role">{LINK_ROLE_LABELS[ind.role]}</span>
            {ind.hasExample && <span className="badge example">Exempeldata</span>}
            Källa: {ind.sources.length > 0 ? ind.sources.join('; ') : ind.sourceName}. Mäts för: {ind.measuredGeography}. Enhet:{' '}
            {ind.unit.replace(/\.$/, '')}.
          </p>
          {/* The rank is told with the ranked bars below (GoalRanking), not bare here. */}
          <FollowUp a={{ ...ind.assessment, rank: null }} kommunName={names.kommun} />
          {ind.chart.rows.length > 0 ? (
            <figure>
              <IndicatorChart
                rows={ind.chart.rows}
                annotations={ind.chart.annotations}
                unitKind={ind.unitKind}
                decimals={ind.decimals}
                title={`${ind.name} – ${names.kommun}, ${names.lan} och ${names.riket}`}
                fileName={`${ind.id}-${goal.code}`}
                lines={ind.lines.map((l) => ({
                  key: l.key,
                  name: l.name,
                  color: REGION_STYLES[l.key].color,
                  dash: REGION_STYLES[l.key].dash,
                  band: true,
                }))}
              />
              <figcaption className="chart-summary">
                {ind.summary}
                {ind.chart.rows.some((r) => ind.lines.some((l) => Array.isArray(r[`${l.key}_ki`])))
                  ? ' Skuggade band visar 95 % konfidensintervall.'
                  : ''}
              </figcaption>
            </figure>
          ) : (
            <p className="missing">Inga mätvärden ännu.</p>
          )}
          <GoalRanking
            indicatorId={ind.id}
            name={ind.name}
            unit={ind.unit}
            format={{ unitKind: ind.unitKind, decimals: ind.decimals, type: ind.type }}
            rank={ind.assessment.rank}
            kommunName={names.kommun}
            kommunCode={view.plan.kommunCode}
          />
          <GoalGroupBand
            indicatorId={ind.id}
            name={ind.name}
            kommunCode={view.plan.kommunCode}
            kommunName={names.kommun}
            format={{ unitKind: ind.unitKind, decimals: ind.decimals, type: ind.type }}
          />
          <details className="data-table">
            <summary>Visa data som tabell</summary>
            <ObservationTable
              rows={ind.table}
              caption={`${ind.name} (${ind.unit})`}
              ind={{ unitKind: ind.unitKind, decimals: ind.decimals, type: ind.type as 'survey' }}
            />
          </details>
          <p className="chart-tools">
            Ladda ner data: <a href={`/api/v1/indicators/${ind.id}/observations?format=csv`}>CSV (Excel)</a> ·{' '}
            <a href={`/api/v1/indicators/${ind.id}/observations`}>JSON</a>
          </p>
          <GoalChartShare
            indicatorId={ind.id}
            name={ind.name}
            series={ind.series}
            kommunCode={view.plan.kommunCode}
            hasChart={ind.chart.rows.length > 0}
            chartTitle={`${ind.name} – ${names.kommun}, ${names.lan} och ${names.riket}`}
            lanName={names.lan}
          />
        </section>
      ))}
      <h2>Planens åtgärder för målet</h2>
      {/* A phone scrolls the wide plan table on its own, not the page. */}
      <TableScroll label="Planens åtgärder för målet">
        <table className="data">
          <caption>Ur åtgärdsplanen: mål, orsak, åtgärd och vem som ansvarar</caption>
          <thead>
            <tr>
              <th scope="col">Mål</th>
              <th scope="col">Orsak</th>
              <th scope="col">Åtgärd</th>
              <th scope="col">Vem</th>
              <th scope="col">Förslag detaljerad plan</th>
            </tr>
          </thead>
          <tbody>
            {tableRows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={kommunPath(kommunCode, `/mal/${r.code}`)}>{r.text}</Link>
                </td>
                <td>{r.cause}</td>
                <td>{r.actionText}</td>
                <td>{r.responsibleText}</td>
                <td>{r.proposal}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
