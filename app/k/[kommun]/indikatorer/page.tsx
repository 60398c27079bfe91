import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { pageKommun } from '@/lib/data/kommun';
import { kommunPath } from '@/lib/kommun-path';
import { getIndicatorList } from '@/lib/data/indicator-list';
import { listQuery } from '@/lib/data/indicator-list-query';
import { VERDICT_ORDER } from '@/lib/data/overview-query';
import { TableScroll } from '../../../_components/table-scroll';
import { VerdictBadge } from '../../../_components/verdict-badge';

export const metadata: Metadata = { title: 'Indikatorer' };

/** The catalogue with the verdicts for the kommun in the address (`/k/<kommunkod>/indikatorer`). */
export default async function IndicatorListPage({
  params,
  searchParams,
}: {
  params: Promise<{ kommun: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  await connection();
  const kommun = await pageKommun(params);
  const q = listQuery.parse(await searchParams);
  const list = await getIndicatorList(q, kommun);
  if (!list) return <p>Ingen åtgärdsplan är inläst.</p>;
  return (
    <>
      <h1>Indikatorer</h1>
      <p className="lead">
        Alla mått i katalogen med bedömningen för {list.kommunName}. Sök och filtrera; adressen sparar urvalet så att det kan delas.
      </p>
      <form className="filters" method="get" role="search" aria-label="Filtrera indikatorer">
        <p>
          <label htmlFor="q">Sök</label>
          <input id="q" name="q" type="search" defaultValue={q.q ?? ''} />
        </p>
        <p>
          <label htmlFor="omrade">Prioriterat område</label>
          <select id="omrade" name="omrade" defaultValue={q.omrade ?? ''}>
            <option value="">Alla</option>
            {list.areas.map((a) => (
              <option key={a.code} value={a.code}>
                {a.title}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor="kalla">Källa</label>
          <select id="kalla" name="kalla" defaultValue={q.kalla ?? ''}>
            <option value="">Alla</option>
            {list.sources.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor="bedomning">Bedömning</label>
          <select id="bedomning" name="bedomning" defaultValue={q.bedomning ?? ''}>
            <option value="">Alla</option>
            {[...VERDICT_ORDER, 'Sammanhang'].map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </p>
        <button type="submit">Filtrera</button>
      </form>
      <TableScroll label="Indikatorer">
        <table className="data indicator-list">
          <caption>
            {list.shown.length} av {list.all} indikatorer
          </caption>
          <thead>
            <tr>
              <th scope="col">Indikator</th>
              <th scope="col">Bedömning för {list.kommunName}</th>
              <th scope="col">Källa</th>
              <th scope="col">Mål</th>
            </tr>
          </thead>
          <tbody>
            {list.shown.map((i) => (
              <tr key={i.id} data-indicator={i.id}>
                <td>
                  <Link href={kommunPath(list.kommunCode, `/indikatorer/${i.id}`)}>{i.name}</Link>
                </td>
                <td>
                  <VerdictBadge verdict={i.assessment.verdict} />
                </td>
                <td>{i.sourceName}</td>
                <td>
                  {i.goalTexts.length > 0 && (
                    <ul className="plain goal-list">
                      {i.goalTexts.map((g) => (
                        <li key={g.code}>
                          <Link href={kommunPath(list.kommunCode, `/mal/${g.code}`)}>{g.code}</Link> {g.text}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
