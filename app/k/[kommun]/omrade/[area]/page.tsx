import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { resolveKommun } from '@/lib/data/kommun';
import { getOverviewArea } from '@/lib/data/overview';
import { kommunPath } from '@/lib/kommun-path';
import { AreaGoals } from '../../_components/area-goals';
import { ExampleNotice } from '../../_components/example-notice';
import { isAreaCode } from '../../_components/area-code';

/*
 * One priority area's goals with every indicator's card: the detail the summary on `/` links to, and what an area
 * opened on `/` shows without JavaScript. Cached like the overview: rendered on the first request, then served from
 * memory, re-rendered at least every five minutes or at once after an import or undo.
 */
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ kommun: string; area: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { area, kommun } = await params;
  const code = await resolveKommun(kommun);
  const data = code && isAreaCode(area) ? await getOverviewArea(area, code) : null;
  return { title: data ? `${data.area.title} – mål och mått` : 'Området finns inte' };
}

export default async function AreaPage({ params }: Props) {
  const { area: code, kommun } = await params;
  const kommunCode = await resolveKommun(kommun);
  if (!kommunCode || !isAreaCode(code)) notFound();
  const data = await getOverviewArea(code, kommunCode);
  if (!data) notFound();
  const { area, regions } = data;
  return (
    <>
      <p className="summary-crumbs">
        <Link href={kommunPath(kommunCode)}>Översikt</Link> › Prioriterat område
      </p>
      <h1>{area.title}</h1>
      <p className="summary">
        <strong>Från lägesbilden:</strong> {area.lagesbildSummary}
      </p>
      {data.hasExample && <ExampleNotice />}
      <h2>Övergripande mål och deras mått</h2>
      <AreaGoals area={area} regions={regions} kommunCode={kommunCode} />
    </>
  );
}
