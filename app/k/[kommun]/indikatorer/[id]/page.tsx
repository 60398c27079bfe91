import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { pageKommun } from '@/lib/data/kommun';
import { kommunPath } from '@/lib/kommun-path';
import { embedPaths, siteOrigin } from '@/lib/embed/url';
import { getIndicatorView } from '@/lib/data/indicator';
import { indicatorQuery } from '@/lib/data/indicator-query';
import { splitWorkingNotes } from '@/lib/notes';
import { DIRECTION_LABELS, GEOGRAPHY_LEVEL_LABELS, INDICATOR_TYPE_LABELS, labelOf, TERMS } from '@/lib/vocabulary';
import { EmbedOffer } from '../../../../_components/embed-offer';
import { FollowUp } from '../../../../_components/follow-up';
import { IndicatorFigure } from '../../../../_components/indicator-figure';
import { IndicatorMap } from '../../../../_components/indicator-map';
import { ObservationTable } from '../../../../_components/observation-table';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `Indikator ${(await params).id}` };
}

function publishedLevelsText(levels: string[]): string {
  const text = levels.map((l) => labelOf(GEOGRAPHY_LEVEL_LABELS, l)).join(', ');
  return levels.includes('kommun') ? text : `${text} – källan publicerar inga kommunvärden för måttet`;
}

/** An indicator for the kommun in the address (`/k/<kommunkod>/indikatorer/<id>`), beside its län and riket. */
export default async function IndicatorPage({
  params,
  searchParams,
}: {
  params: Promise<{ kommun: string; id: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  await connection();
  const kommun = await pageKommun(params);
  const id = decodeURIComponent((await params).id);
  const q = indicatorQuery.parse(await searchParams);
  const v = await getIndicatorView(id, q, kommun);
  if (!v) notFound();
  const { indicator: ind, source, names } = v;
  const qs = new URLSearchParams({ kon: v.chosen.sex, grupp: v.chosen.grp, plats: v.chosen.site });
  const dataQs = new URLSearchParams({ sex: v.chosen.sex, group: v.chosen.grp, site: v.chosen.site });
  // Working notes ("… ej verifierat") and the source's notes are for analysts, behind a disclosure.
  const cadence = splitWorkingNotes(ind.cadence);
  const caveats = splitWorkingNotes(ind.caveats);
  const origin = siteOrigin(process.env.APP_URL, await headers());
  // The chart's view: breakdown and comparison kommuner (its permanent link and embed keep exactly these).
  const chartView = {
    kommun: v.kommunCode,
    kon: v.chosen.sex,
    grupp: v.chosen.grp || undefined,
    plats: v.chosen.site || undefined,
    jamfor: v.compare,
  };
  const chartTitle = `${ind.name} (${v.chosen.sex === 'T' && !v.chosen.grp && !v.chosen.site ? 'totalt' : 'delgrupp'})`;
  return (
    <>
      <p>
        <Link href={kommunPath(v.kommunCode, '/indikatorer')}>Alla indikatorer</Link>
      </p>
      <h1>{ind.name}</h1>
      <p className="meta">
        {INDICATOR_TYPE_LABELS[ind.type]}. {DIRECTION_LABELS[ind.direction]}. Enhet: {ind.unit.replace(/\.$/, '')}. Id:{' '}
        <code>{ind.id}</code>
      </p>
      {v.hasExample && (
        <div className="notice warn" role="note">
          <p>
            <strong>Exempeldata:</strong> värden märkta Exempeldata är påhittade tills verkliga värden importeras.
          </p>
        </div>
      )}
      {v.notHedemora && (
        <div className="notice warn" role="note">
          <p>
            Det finns inga värden för {names.kommun} i den här uppdelningen. {source.geography}
          </p>
        </div>
      )}

      <form className="filters" method="get" aria-label="Välj vy, uppdelning och jämförelse">
        <p>
          <label htmlFor="vy">Visa</label>
          <select id="vy" name="vy" defaultValue={q.vy}>
            <option value="diagram">Diagram</option>
            <option value="tabell">Tabell</option>
          </select>
        </p>
        <fieldset>
          <legend>Jämför med andra kommuner i {names.lan}</legend>
          {v.lanKommuner.map((k) => (
            <label key={k.code} style={{ display: 'inline-block', fontWeight: 'normal', marginRight: '0.75rem' }}>
              <input type="checkbox" name="jamfor" value={k.code} defaultChecked={v.compare.includes(k.code)} /> {k.name}
            </label>
          ))}
        </fieldset>
        <input type="hidden" name="kon" value={v.chosen.sex} />
        <input type="hidden" name="grupp" value={v.chosen.grp} />
        <input type="hidden" name="plats" value={v.chosen.site} />
        <button type="submit">Visa</button>
      </form>
      {v.breakdowns.length > 1 && (
        <nav aria-label="Uppdelningar">
          <p>
            Uppdelning:{' '}
            {v.breakdowns.map((b, i) => {
              const link = new URLSearchParams({ vy: q.vy, kon: b.sex, grupp: b.grp, plats: b.site });
              for (const c of v.compare) link.append('jamfor', c);
              const current = b.sex === v.chosen.sex && b.grp === v.chosen.grp && b.site === v.chosen.site;
              return (
                <span key={i}>
                  {i > 0 && ' · '}
                  {current ? <strong aria-current="true">{b.label}</strong> : <Link href={`?${link}`}>{b.label}</Link>}
                </span>
              );
            })}
          </p>
        </nav>
      )}
      {v.compare.filter((c) => !v.lines.some((l) => l.key === `k${c}`)).length > 0 && (
        <p className="notice warn">
          Inga värden i den här uppdelningen för{' '}
          {v.compare
            .filter((c) => !v.lines.some((l) => l.key === `k${c}`))
            .map((c) => v.lanKommuner.find((k) => k.code === c)?.name ?? c)
            .join(', ')}
          .
        </p>
      )}
      {v.subgroup && <p className="notice warn">Delgrupp – tolka med försiktighet: målets bedömning gäller {names.kommun} totalt.</p>}

      <h2>Bedömning</h2>
      <FollowUp a={v.assessment} kommunName={names.kommun} />

      <h2>Utveckling</h2>
      {q.vy === 'tabell' || v.chart.rows.length === 0 ? null : <IndicatorFigure view={v} title={chartTitle} />}
      <details className="data-table" open={q.vy === 'tabell'}>
        <summary>Tabell: värde, KI, n och status per område och period</summary>
        <ObservationTable rows={v.table} caption={`${ind.name} (${ind.unit})`} ind={ind} />
      </details>
      <p className="chart-tools">
        Ladda ner data: <a href={`/api/v1/indicators/${ind.id}/observations?format=csv&${dataQs}`}>CSV (öppnas i Excel)</a> ·{' '}
        <a href={`/api/v1/indicators/${ind.id}/observations?${dataQs}`}>JSON</a> · <Link href={`?vy=tabell&${qs}`}>Tabellvy</Link> ·{' '}
        <Link href={embedPaths('indikator', ind.id, chartView).full}>Permanent länk till diagrammet</Link> (uppdelning och jämförda kommuner
        står i adressen)
      </p>
      {v.chart.rows.length > 0 && <EmbedOffer kind="indikator" indicatorId={ind.id} params={chartView} title={`Diagram: ${chartTitle}`} />}

      <IndicatorMap
        kommunCode={v.kommunCode}
        indicatorId={ind.id}
        indicatorName={ind.name}
        origin={origin}
        searchParams={searchParams}
        unit={ind.unit}
        format={{ unitKind: ind.unitKind, decimals: ind.decimals, type: ind.type }}
      />

      <h2>Om indikatorn</h2>
      <dl className="facts">
        <dt>Definition</dt>
        <dd>{ind.definition}</dd>
        {ind.question && (
          <>
            <dt>Frågans lydelse</dt>
            <dd>{ind.question}</dd>
          </>
        )}
        <dt>Källa</dt>
        <dd>
          {source.name} ({source.publisher})
          {source.url && (
            <>
              {' '}
              – <a href={source.url}>{source.url}</a>
            </>
          )}
        </dd>
        <dt>Värdena kommer från</dt>
        <dd>
          {v.provenance.length > 0 ? (
            <ul className="plain">
              {v.provenance.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : (
            'Inga värden ännu.'
          )}
        </dd>
        <dt>Publiceras för</dt>
        <dd>{publishedLevelsText(ind.publishedLevels)}</dd>
        <dt>Enhet</dt>
        <dd>{ind.unit}</dd>
        <dt>Geografi som mäts</dt>
        <dd>
          {ind.measuredGeography}. {source.geography}
        </dd>
        <dt>Utgivning</dt>
        <dd>
          {cadence.text.replace(/\.$/, '')}. {v.assessment.stale.text}
        </dd>
        <dt>Uppdelningar</dt>
        <dd>{ind.breakdowns.join(', ') || 'inga'}</dd>
        {caveats.text && (
          <>
            <dt>Att tänka på</dt>
            <dd>{caveats.text}</dd>
          </>
        )}
        <dt>Mål i planen</dt>
        <dd>
          {v.goals.length
            ? v.goals.map((g, i) => (
                <span key={g.code}>
                  {i > 0 && '; '}
                  <Link href={kommunPath(v.kommunCode, `/mal/${g.code}`)}>{g.code}</Link> {g.text}
                </span>
              ))
            : 'Inget mål i planen använder måttet.'}
        </dd>
      </dl>
      {(source.notes || cadence.unverified.length + caveats.unverified.length > 0) && (
        <details className="analyst">
          <summary>{TERMS.forAnalysts}: om källan och det som ännu inte är bekräftat</summary>
          {source.notes && (
            <>
              <h3>Om källan</h3>
              <p>{source.notes}</p>
            </>
          )}
          {cadence.unverified.length + caveats.unverified.length > 0 && (
            <>
              <h3>Ännu inte bekräftat</h3>
              <ul>
                {[...cadence.unverified, ...caveats.unverified].map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </>
          )}
        </details>
      )}
    </>
  );
}
