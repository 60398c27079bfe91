'use client';

import Link from 'next/link';
import { kommunPath } from '@/lib/kommun-path';
import type { AreaRowView, GoalRowView } from '@/lib/data/summary-query';
import { VerdictCells, VerdictHeaders } from './summary-columns';
import { Sparkline } from './sparkline';

function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

function DataCell({ data }: { data: GoalRowView['data'] }) {
  const parts = [
    data.real > 0 && <span key="real">{plural(data.real, 'verkligt', 'verkliga')}</span>,
    data.example > 0 && (
      <span key="example" className="summary-example">
        {data.example} exempeldata
      </span>
    ),
    data.none > 0 && <span key="none">{plural(data.none, 'utan värden', 'utan värden')}</span>,
  ].filter(Boolean);
  return <td className="summary-data">{parts.length > 0 ? parts : '–'}</td>;
}

/** A goal's row, its text linked to the goal's page in the kommun `kommunCode`'s pages. */
export function GoalRow({ goal, kommunCode }: { goal: GoalRowView; kommunCode: string }) {
  const measures = plural(goal.judged + goal.context, 'mått', 'mått');
  return (
    <tr data-summary-goal={goal.code}>
      <th scope="row" className="summary-goal">
        <Link href={kommunPath(kommunCode, `/mal/${goal.code}`)}>{goal.text}</Link> <span className="summary-code">{goal.code}</span>
        <span className="summary-sub">
          {measures}
          {goal.context > 0 && `, varav ${goal.context} sammanhang utan bedömning`}
          {goal.targetsMet > 0 && `; ${plural(goal.targetsMet, 'målvärde nått', 'målvärden nådda')}`}
        </span>
      </th>
      <VerdictCells verdicts={goal.verdicts} />
      <DataCell data={goal.data} />
      <td className="summary-period">
        {goal.latest ? (
          <>
            {goal.latest.period}
            {goal.latest.example && <span className="summary-sub">exempeldata</span>}
          </>
        ) : (
          <span className="missing">Inga kommunvärden</span>
        )}
      </td>
      <td className="summary-trend">
        {goal.trend ? (
          <>
            <Sparkline spark={goal.trend.spark} example={goal.trend.example} />
            <span className="sr-only">{goal.trend.text}</span>
          </>
        ) : (
          <span className="missing">Ingen tidsserie</span>
        )}
      </td>
    </tr>
  );
}

/**
 * The answer first: each övergripande mål as a row with how its indicators' verdicts fall, what data they rest on,
 * the latest period and the kommun's trend, grouped by priority area. A real table: it scrolls inside its own box on
 * a narrow screen, with the goal column kept in view.
 */
export function SummaryTable({ areas, kommunName, kommunCode }: { areas: AreaRowView[]; kommunName: string; kommunCode: string }) {
  return (
    <div className="summary-box">
      <h2 id="summary-heading" className="summary-heading">
        Läget per övergripande mål
      </h2>
      <div className="summary-scroll" tabIndex={0} role="region" aria-labelledby="summary-heading">
        <table className="summary-table">
          <thead>
            <tr>
              <th scope="col">Övergripande mål</th>
              <VerdictHeaders star />
              <th scope="col">Måttens data</th>
              <th scope="col">Senaste period</th>
              <th scope="col">Utveckling i {kommunName}</th>
            </tr>
          </thead>
          {areas.map((a) => (
            <tbody key={a.code} data-area-summary={a.code}>
              <tr className="summary-area">
                <th scope="rowgroup" colSpan={8}>
                  <Link href={kommunPath(kommunCode, `/omrade/${a.code}`)}>{a.title}</Link>
                </th>
              </tr>
              {a.goals.map((g) => (
                <GoalRow key={g.code} goal={g} kommunCode={kommunCode} />
              ))}
            </tbody>
          ))}
        </table>
      </div>
      <p className="summary-note">
        Antal mått per bedömning. Bara en <Link href="/metod#sakerstalld">säkerställd</Link> förändring räknas som förbättring eller
        försämring; * <Link href="/metod#tecken">tecken på förändring</Link> som inte är säkerställda räknas som oförändrat. Utveckling:
        kommunens värden för målets första huvudmått med minst två mätningar, verkliga data före exempeldata (prickad linje och ihålig
        punkt: exempeldata).
      </p>
    </div>
  );
}
