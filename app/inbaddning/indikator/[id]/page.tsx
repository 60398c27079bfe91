import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getIndicatorView } from '@/lib/data/indicator';
import { queryKommun } from '@/lib/data/kommun';
import { indicatorQuery } from '@/lib/data/indicator-query';
import { getEmbedGroupComparison } from '@/lib/embed/group';
import { embedPaths } from '@/lib/embed/url';
import { GroupBandChart } from '../../../_components/group-band';
import { IndicatorFigure } from '../../../_components/indicator-figure';
import { ObservationTable } from '../../../_components/observation-table';
import styles from '../../embed.module.css';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `Diagram ${decodeURIComponent((await params).id)}` };
}

/**
 * The indicator's chart alone, for a kommun's own website (the "Bädda in" code on /k/<kommun>/indikatorer/<id>): title, chart,
 * text summary, the table behind a disclosure, the source line, the example-data mark, and a link to the full page.
 * The same query as the chart's permanent link (kon, grupp, plats, jamfor), and from a goal page the comparison
 * group it draws as a band (jmfgrupp): the group's median and middle 50 % under the chart, as on the goal page.
 */
export default async function EmbedIndicatorPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  await connection();
  const id = decodeURIComponent((await params).id);
  const sp = await searchParams;
  const q = indicatorQuery.parse(sp);
  const kommun = await queryKommun(sp);
  const v = await getIndicatorView(id, q, kommun);
  if (!v) notFound();
  const { indicator: ind, source, names } = v;
  const breakdown = v.breakdowns.find((b) => b.sex === v.chosen.sex && b.grp === v.chosen.grp && b.site === v.chosen.site);
  const title = `${ind.name}${v.subgroup ? ` – ${breakdown?.label ?? 'delgrupp'}` : ''}`;
  const groupId = typeof sp.jmfgrupp === 'string' ? sp.jmfgrupp.slice(0, 100) : '';
  const group = groupId ? await getEmbedGroupComparison(ind.id, groupId, v.kommunCode) : null;
  const full = embedPaths('indikator', ind.id, {
    kommun: v.kommunCode,
    kon: v.chosen.sex,
    grupp: v.chosen.grp || undefined,
    plats: v.chosen.site || undefined,
    jamfor: v.compare,
  }).full;
  return (
    <article aria-labelledby="inbaddning-rubrik">
      <h1 id="inbaddning-rubrik">{title}</h1>
      {v.hasExample && (
        <p className="notice warn" data-example-mark="">
          <strong>Exempeldata:</strong> värden märkta Exempeldata är påhittade tills verkliga värden importeras.
        </p>
      )}
      {v.subgroup && <p className="notice warn">Delgrupp – tolka med försiktighet: målets bedömning gäller {names.kommun} totalt.</p>}
      {v.chart.rows.length === 0 ? <p className="missing">Inga mätvärden ännu.</p> : <IndicatorFigure view={v} title={title} />}
      <details className="data-table">
        <summary>Tabell: värde, KI, n och status per område och period</summary>
        <ObservationTable rows={v.table} caption={`${ind.name} (${ind.unit})`} ind={ind} />
      </details>
      {group && (
        <section aria-labelledby="inbaddning-grupp">
          <h2 id="inbaddning-grupp">Jämfört med liknande kommuner</h2>
          <GroupBandChart
            c={group}
            kommunName={names.kommun}
            format={{ unitKind: ind.unitKind, decimals: ind.decimals, type: ind.type }}
            title={`${ind.name}: ${names.kommun} och ${group.group.title}`}
          />
        </section>
      )}
      <p className={styles.source} data-source-line="">
        Källa: {v.sources.length > 0 ? v.sources.join('; ') : `${source.name} (${source.publisher})`}. Enhet: {ind.unit.replace(/\.$/, '')}.
      </p>
      <p className={styles.source}>
        <a href={full} target="_blank" rel="noopener">
          Hela sidan i Trygghetsläget: {ind.name} (öppnas i ny flik)
        </a>
      </p>
    </article>
  );
}
