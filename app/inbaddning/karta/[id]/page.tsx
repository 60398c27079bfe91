import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getIndicatorView } from '@/lib/data/indicator';
import { queryKommun } from '@/lib/data/kommun';
import { indicatorQuery } from '@/lib/data/indicator-query';
import { embedPaths } from '@/lib/embed/url';
import { IndicatorMap } from '../../../_components/indicator-map';
import styles from '../../embed.module.css';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `Karta ${decodeURIComponent((await params).id)}` };
}

/**
 * The indicator's map alone, for a kommun's own website (the "Bädda in" code beside the map on /k/<kommun>/indikatorer/<id>):
 * the same query as the map's permanent link (karta, mot, period). The map section carries its summary, table,
 * source line and example-data mark.
 */
export default async function EmbedMapPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  await connection();
  const id = decodeURIComponent((await params).id);
  const sp = await searchParams;
  const kommun = await queryKommun(sp);
  const v = await getIndicatorView(id, indicatorQuery.parse({}), kommun);
  if (!v) notFound();
  const ind = v.indicator;
  const full = embedPaths('karta', ind.id, { ...sp, kommun: v.kommunCode }).full;
  return (
    <article aria-labelledby="inbaddning-rubrik">
      <h1 id="inbaddning-rubrik">{ind.name}</h1>
      <IndicatorMap
        kommunCode={v.kommunCode}
        indicatorId={ind.id}
        indicatorName={ind.name}
        searchParams={Promise.resolve(sp)}
        unit={ind.unit}
        format={{ unitKind: ind.unitKind, decimals: ind.decimals, type: ind.type }}
        embed
      />
      <p className={styles.source}>
        <a href={full} target="_blank" rel="noopener">
          Hela sidan i Trygghetsläget: {ind.name} (öppnas i ny flik)
        </a>
      </p>
    </article>
  );
}
