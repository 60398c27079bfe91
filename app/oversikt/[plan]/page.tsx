import { notFound } from 'next/navigation';
import Link from 'next/link';
import { getOverview } from '@/lib/data/overview';
import { getMeasureViews } from '@/lib/data/followup';
import { reminders } from '@/lib/followup/reminders';
import { IndicatorCard } from '../../_components/indicator-card';
import { PlanStatus } from '../../_components/plan-status';
import { RollupBadge } from '../../_components/verdict-badge';

/*
 * `/` is rewritten here (next.config.ts). A dynamic segment with no static params is never rendered at build
 * time (the build must not open the database), yet its HTML is cached after the first request and
 * regenerated at most every REVALIDATE seconds, or at once when an import or undo calls revalidatePath.
 */
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export default async function OverviewPage({ params }: { params: Promise<{ plan: string }> }) {
  // Only the one address `/` rewrites to: other values would each fill the page cache with a copy.
  if ((await params).plan !== 'plan') notFound();
  const overview = await getOverview();
  if (!overview) {
    return (
      <>
        <h1>Ingen åtgärdsplan inläst</h1>
        <p>Databasen innehåller ingen åtgärdsplan. Kör <code>npm run db:seed</code> för att läsa in planen.</p>
      </>
    );
  }
  const { plan, areas, regions } = overview;
  const todo = reminders(overview, await getMeasureViews(), new Date());
  return (
    <>
      <h1>{plan.title}</h1>
      <p className="lead">
        Uppföljning av {plan.kommunName} kommuns prioriterade områden: varje övergripande mål med de mått som följer
        det, senaste värde för {regions.map((r) => r.name).join(', ').replace(/, ([^,]*)$/, ' och $1')} samt utvecklingen över tid.
      </p>
      <PlanStatus plan={plan} />
      {todo.length > 0 && (
        <section className="reminders" aria-labelledby="reminders-heading">
          <h2 id="reminders-heading">Att göra</h2>
          <ul>
            {todo.map((r) => <li key={r.kind} data-reminder={r.kind}>{r.href ? <Link href={r.href}>{r.text}</Link> : r.text}</li>)}
          </ul>
        </section>
      )}
      {overview.hasExample && (
        <div className="notice warn" role="note">
          <p>
            <strong>Sidan visar exempeldata.</strong> Mått märkta <span className="badge example">Exempeldata</span> har
            påhittade värden för demonstration, tills verkliga värden importeras. Övriga mått visar verklig statistik med sin källa (t.ex. Brå, Indikatorer för kommuners lägesbild; EUDA för avloppsvatten), och en serie med verkliga värden visar aldrig exempelvärden.
          </p>
        </div>
      )}
      {areas.map((area) => (
        <section key={area.code} aria-labelledby={`area-${area.code}`} data-area={area.code}>
          <h2 id={`area-${area.code}`}>{area.title}</h2>
          <p className="summary"><strong>Från lägesbilden:</strong> {area.lagesbildSummary}</p>
          {area.goals.map((goal) => (
            <section key={goal.code} className="goal" aria-labelledby={`goal-${goal.code}`}>
              <h3 id={`goal-${goal.code}`}><Link href={`/mal/${goal.code}`}>Övergripande mål: {goal.text}</Link></h3>
              <p className="rollup">
                <span className="sr-only">Bedömning av målets mått: </span>
                {goal.rollup.length > 0 ? goal.rollup.map((r) => <RollupBadge key={r.label} label={r.label} count={r.count} />) : 'Endast sammanhangsmått.'}
              </p>
              <div className="cards">
                {goal.indicators.map((ind) => (
                  <IndicatorCard key={ind.id} ind={ind} regions={regions} headingId={`ind-${goal.code}-${ind.id}`} />
                ))}
              </div>
            </section>
          ))}
        </section>
      ))}
    </>
  );
}
