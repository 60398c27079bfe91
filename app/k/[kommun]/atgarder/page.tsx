import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { pageKommun } from '@/lib/data/kommun';
import { kommunPath } from '@/lib/kommun-path';
import { getMeasureViews } from '@/lib/data/followup';
import { EFFECT_HORIZON_LABELS, MEASURE_STATUS_LABELS } from '@/lib/vocabulary';
import { formatDateLong } from '@/lib/format';
import { TableScroll } from '@/app/_components/table-scroll';

export const metadata: Metadata = { title: 'Åtgärder' };

export default async function ActionsPage({ params }: { params: Promise<{ kommun: string }> }) {
  await connection();
  const kommun = await pageKommun(params);
  const views = await getMeasureViews(undefined, kommun);
  const year = new Date().getFullYear();
  const areas = [...new Set(views.map((v) => v.areaCode))];
  const missing = views.filter((v) => v.action.status !== 'cancelled' && !v.reports.some((r) => r.year === year)).length;
  return (
    <>
      <h1>Åtgärder</h1>
      <p className="lead">
        Planens åtgärder med ansvariga, status och den årliga delrapporten till lokala Brå.{' '}
        {missing > 0
          ? `${missing} av ${views.length} åtgärder saknar delrapport för ${year}.`
          : `Alla åtgärder har delrapport för ${year}.`}
      </p>
      {areas.map((code) => {
        const mine = views.filter((v) => v.areaCode === code);
        return (
          <section key={code} aria-labelledby={`area-${code}`}>
            <h2 id={`area-${code}`}>{mine[0]!.areaTitle}</h2>
            <TableScroll label={`Åtgärder inom ${mine[0]!.areaTitle}`}>
              <table className="data">
                <caption className="sr-only">Åtgärder inom {mine[0]!.areaTitle}</caption>
                <thead>
                  <tr>
                    <th scope="col">Åtgärd</th>
                    <th scope="col">Vem</th>
                    <th scope="col">Status</th>
                    <th scope="col">Start</th>
                    <th scope="col">Effekt</th>
                    <th scope="col">Delrapport {year}</th>
                  </tr>
                </thead>
                <tbody>
                  {mine.map((v) => (
                    <tr key={v.action.id} data-action={v.action.code}>
                      <th scope="row">
                        <Link href={kommunPath(kommun, `/atgarder/${encodeURIComponent(v.action.code)}`)}>{v.action.code}</Link>{' '}
                        {v.action.title}
                      </th>
                      <td>{v.responsible.join(', ')}</td>
                      <td>{MEASURE_STATUS_LABELS[v.action.status]}</td>
                      <td>{v.action.startDate ? formatDateLong(v.action.startDate) : '–'}</td>
                      <td>{v.action.effectHorizon ? EFFECT_HORIZON_LABELS[v.action.effectHorizon] : '–'}</td>
                      <td>{v.reports.some((r) => r.year === year) ? 'Inlämnad' : <strong>Saknas</strong>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </section>
        );
      })}
    </>
  );
}
