import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { COLUMNS, VerdictCells, VerdictHeaders } from '@/app/k/[kommun]/_components/summary-columns';
import { GoalRow } from '@/app/k/[kommun]/_components/summary-table';
import { kommunPath } from '@/lib/kommun-path';
import { formatDateLong } from '@/lib/format';
import { getRegionalView } from '@/lib/data/regional';
import type { RegionalKommun } from '@/lib/data/regional-query';
import { goalRowView } from '@/lib/data/summary-query';

export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

const LAN_CODE = /^\d{2}$/;

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  const { code } = await params;
  const view = LAN_CODE.test(code) ? await getRegionalView(code) : null;
  return { title: view ? `${view.lan.name}: kommunernas åtgärdsplaner` : 'Länet finns inte' };
}

function coverage(k: RegionalKommun): string {
  const total = k.data.real + k.data.example + k.data.none;
  if (total === 0) return 'Inga mått';
  return `${k.data.real} av ${total} på verkliga data`;
}

/** One row per kommun: its plan, its goals' verdicts added up, and how much rests on real data. */
function KommunRow({ k }: { k: RegionalKommun }) {
  return (
    <tr data-kommun={k.code}>
      <th scope="row" className="summary-goal">
        {k.plan ? <a href={`#kommun-${k.code}`}>{k.name}</a> : k.name} <span className="summary-code">{k.code}</span>
      </th>
      {k.plan ? (
        <>
          <td>
            {k.plan.title}
            <span className="summary-sub">beslutad {formatDateLong(k.plan.decidedDate)}</span>
          </td>
          <VerdictCells verdicts={k.verdicts} />
          <td className="summary-data">{coverage(k)}</td>
        </>
      ) : (
        <td colSpan={COLUMNS.length + 2} className="missing">
          Ingen åtgärdsplan i Trygghetsläget
        </td>
      )}
    </tr>
  );
}

/**
 * The regional view for a länsstyrelse's or region's crime-prevention coordinator: every kommun of the län, each
 * with its own plan's övergripande mål and verdicts (computed from that kommun's plan and values, as on its own
 * overview), and how much of it rests on real data. Public like the rest of the dashboard.
 */
export default async function RegionalPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  if (!LAN_CODE.test(code)) notFound();
  const view = await getRegionalView(code);
  if (!view) notFound();
  const planned = view.kommuner.filter((k) => k.plan);
  return (
    <>
      <h1>{view.lan.name}: kommunernas åtgärdsplaner</h1>
      <p className="lead">
        Läget för varje kommuns övergripande mål, bedömt med kommunens egen plan och statistik. {view.withPlan} av {view.kommuner.length}{' '}
        kommuner i {view.lan.name} har en åtgärdsplan i Trygghetsläget.
      </p>

      <section aria-labelledby="kommuner-heading" className="summary-box">
        <h2 id="kommuner-heading" className="summary-heading">
          Kommunerna
        </h2>
        <div className="summary-scroll" tabIndex={0} role="region" aria-labelledby="kommuner-heading">
          <table className="summary-table">
            <thead>
              <tr>
                <th scope="col">Kommun</th>
                <th scope="col">Åtgärdsplan</th>
                <VerdictHeaders />
                <th scope="col">Måttens data</th>
              </tr>
            </thead>
            <tbody>
              {view.kommuner.map((k) => (
                <KommunRow key={k.code} k={k} />
              ))}
            </tbody>
          </table>
        </div>
        <p className="summary-note">
          Antal mått per bedömning, summerat över planens övergripande mål. Bara en <Link href="/metod#sakerstalld">säkerställd</Link>{' '}
          förändring räknas som förbättring eller försämring.
        </p>
      </section>

      {planned.length > 0 && (
        <section aria-labelledby="mal-heading" className="summary-box">
          <h2 id="mal-heading" className="summary-heading">
            Övergripande mål per kommun
          </h2>
          <div className="summary-scroll" tabIndex={0} role="region" aria-labelledby="mal-heading">
            <table className="summary-table">
              <thead>
                <tr>
                  <th scope="col">Övergripande mål</th>
                  <VerdictHeaders />
                  <th scope="col">Måttens data</th>
                  <th scope="col">Senaste period</th>
                  <th scope="col">Utveckling i kommunen</th>
                </tr>
              </thead>
              {planned.map((k) => (
                <tbody key={k.code} id={`kommun-${k.code}`} data-kommun-goals={k.code}>
                  <tr className="summary-area">
                    <th scope="rowgroup" colSpan={8}>
                      <Link href={kommunPath(k.code)}>{k.name}</Link> <span className="summary-code">{k.code}</span>
                    </th>
                  </tr>
                  {k.areas.flatMap((a) =>
                    a.goals.map((g) => <GoalRow key={`${a.code}-${g.code}`} goal={goalRowView(g)} kommunCode={k.code} />),
                  )}
                </tbody>
              ))}
            </table>
          </div>
        </section>
      )}
    </>
  );
}
