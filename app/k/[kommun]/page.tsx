import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getKommunChoices, getPlanKommuner, resolveKommun, type KommunChoice } from '@/lib/data/kommun';
import { getOverviewSummary } from '@/lib/data/overview';
import { areaRowViews } from '@/lib/data/summary-query';
import { getMeasureViews } from '@/lib/data/followup';
import { reminders } from '@/lib/followup/reminders';
import { KOMMUN_HOME, kommunPath } from '@/lib/kommun-path';
import { PlanStatus } from '../../_components/plan-status';
import { AreaDetail } from './_components/area-detail';
import { ExampleNotice } from './_components/example-notice';
import { SummaryTable } from './_components/summary-table';

/*
 * A kommun's overview, `/k/<kommunkod>/`. `/` is rewritten to `/k/hem` (next.config.ts): with one kommun in this
 * installation that is its overview, with several a chooser between them. A dynamic segment with no static params is never rendered at build
 * time (the build must not open the database), yet its HTML is cached after the first request and
 * regenerated at most every REVALIDATE seconds, or at once when an import or undo calls revalidatePath.
 *
 * The page is the answer on one screen: the summary table first, then the plan's status and reminders, then per
 * priority area a collapsed detail whose lägesbild text and cards are loaded when it is opened (or on the area's own
 * page). Keeping them out of this HTML keeps it small: it is what every visitor downloads first.
 */
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export default async function OverviewPage({ params }: { params: Promise<{ kommun: string }> }) {
  const segment = (await params).kommun;
  let kommunCode: string | null;
  if (segment === KOMMUN_HOME) {
    const kommuner = await getPlanKommuner();
    if (kommuner.length > 1) return <KommunChooser kommuner={await getKommunChoices()} />;
    kommunCode = kommuner[0] ?? null;
  } else {
    // Only kommun codes with a plan here: other values would each fill the page cache with a copy.
    kommunCode = await resolveKommun(segment);
    if (!kommunCode) notFound();
  }
  const result = kommunCode ? await getOverviewSummary(kommunCode) : null;
  if (!kommunCode || !result) {
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
  const todo = reminders(overview, await getMeasureViews(undefined, kommunCode), new Date());
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
      <SummaryTable areas={areaRowViews(areas)} kommunName={kommun} kommunCode={kommunCode} />
      <div className="summary-status">
        <PlanStatus plan={plan} />
        {todo.length > 0 && (
          <section className="reminders" aria-labelledby="reminders-heading">
            <h2 id="reminders-heading">Att göra</h2>
            <ul>
              {todo.map((r) => (
                <li key={r.kind} data-reminder={r.kind}>
                  {r.href ? <Link href={kommunPath(kommunCode, r.href)}>{r.text}</Link> : r.text}
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
          <AreaDetail
            code={area.code}
            kommunCode={kommunCode}
            title={area.title}
            indicatorCount={areas.find((a) => a.code === area.code)!.indicatorCount}
          />
        </section>
      ))}
    </>
  );
}

/** `/` with several kommuner: every kommun with a plan, and the län's regional view. */
function KommunChooser({ kommuner }: { kommuner: KommunChoice[] }) {
  const lans = [...new Map(kommuner.flatMap((k) => (k.lan ? [[k.lan.code, k.lan] as const] : []))).values()];
  return (
    <>
      <h1>Välj kommun</h1>
      <p className="lead">Här följs flera kommuners åtgärdsplaner upp. Välj kommunen vars plan du vill se.</p>
      <ul className="kommun-choices">
        {kommuner.map((k) => (
          <li key={k.code} data-kommun-choice={k.code}>
            <Link href={kommunPath(k.code)}>{k.name}</Link> <span className="summary-code">{k.code}</span>
            {k.planTitle && ` – ${k.planTitle}`}
          </li>
        ))}
      </ul>
      {lans.map((l) => (
        <p key={l.code}>
          <Link href={`/lan/${l.code}`}>Alla kommuner i {l.name}</Link>
        </p>
      ))}
    </>
  );
}
