import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getOverviewSummary } from '@/lib/data/overview';
import { getMeasureViews } from '@/lib/data/followup';
import { reminders } from '@/lib/followup/reminders';
import { PlanStatus } from '../../_components/plan-status';
import { AreaDetail } from '../_components/area-detail';
import { ExampleNotice } from '../_components/example-notice';
import { SummaryTable } from '../_components/summary-table';

/*
 * `/` is rewritten here (next.config.ts). A dynamic segment with no static params is never rendered at build
 * time (the build must not open the database), yet its HTML is cached after the first request and
 * regenerated at most every REVALIDATE seconds, or at once when an import or undo calls revalidatePath.
 *
 * The page is the answer on one screen: the summary table first, then the plan's status and reminders, then per
 * priority area a collapsed detail whose cards are loaded when it is opened (or on the area's own page). Keeping
 * the cards out of this HTML keeps it small: it is what every visitor downloads first.
 */
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export default async function OverviewPage({ params }: { params: Promise<{ plan: string }> }) {
  // Only the one address `/` rewrites to: other values would each fill the page cache with a copy.
  if ((await params).plan !== 'plan') notFound();
  const result = await getOverviewSummary();
  if (!result) {
    return (
      <>
        <h1>Ingen åtgärdsplan inläst</h1>
        <p>
          Databasen innehåller ingen åtgärdsplan. Kör <code>npm run db:seed</code> för att läsa in planen.
        </p>
      </>
    );
  }
  const { overview, areas } = result;
  const { plan, regions } = overview;
  const todo = reminders(overview, await getMeasureViews(), new Date());
  const kommun = regions.find((r) => r.key === 'kommun')!.name;
  return (
    <>
      <h1 className="summary-title">{plan.title}</h1>
      <p className="lead summary-lead">
        Hur det går för planens mål, bedömt med statistik för {kommun} jämfört med{' '}
        {regions
          .filter((r) => r.key !== 'kommun')
          .map((r) => r.name)
          .join(' och ')}
        .{' '}
        <Link href={`/lan/${regions.find((r) => r.key === 'lan')!.code}`}>
          Alla kommuner i {regions.find((r) => r.key === 'lan')!.name}
        </Link>
      </p>
      <SummaryTable areas={areas} kommunName={kommun} />
      <div className="summary-status">
        <PlanStatus plan={plan} />
        {todo.length > 0 && (
          <section className="reminders" aria-labelledby="reminders-heading">
            <h2 id="reminders-heading">Att göra</h2>
            <ul>
              {todo.map((r) => (
                <li key={r.kind} data-reminder={r.kind}>
                  {r.href ? <Link href={r.href}>{r.text}</Link> : r.text}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      {overview.hasExample && <ExampleNotice />}
      {overview.areas.map((area) => (
        <section key={area.code} className="summary-areadetail" aria-labelledby={`area-${area.code}`} data-area={area.code}>
          <h2 id={`area-${area.code}`}>{area.title}</h2>
          <p className="summary">
            <strong>Från lägesbilden:</strong> {area.lagesbildSummary}
          </p>
          <AreaDetail code={area.code} title={area.title} indicatorCount={areas.find((a) => a.code === area.code)!.indicatorCount} />
        </section>
      ))}
    </>
  );
}
