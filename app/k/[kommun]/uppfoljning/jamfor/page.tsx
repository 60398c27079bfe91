import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { pageKommun } from '@/lib/data/kommun';
import { kommunPath } from '@/lib/kommun-path';
import { getReviewList, getReviewView } from '@/lib/data/followup';
import type { ReviewView } from '@/lib/data/followup/reviews';
import { DECISION_KINDS } from '@/lib/vocabulary';
import { RollupBadge } from '@/app/_components/verdict-badge';

export const metadata: Metadata = { title: 'Jämför uppföljningar' };

function Side({ view, code }: { view: ReviewView; code: string }) {
  const goal = view.snapshot.overview.areas.flatMap((a) => a.goals).find((g) => g.code === code);
  if (!goal) return <td>Målet fanns inte i planen då.</td>;
  const a = view.assessments.find((x) => x.goalId === view.goalIds.get(code));
  const ds = view.decisions.filter((d) => d.goalId === view.goalIds.get(code));
  return (
    <td>
      <p>
        {goal.rollup.map((r) => (
          <RollupBadge key={r.label} label={r.label} count={r.count} />
        ))}
      </p>
      <p>
        Brå: {a ? <strong>{a.label}</strong> : 'ingen bedömning'}
        {a?.justification ? ` – ${a.justification}` : ''}
      </p>
      {ds.length > 0 && (
        <ul>
          {ds.map((d) => (
            <li key={d.id}>
              {DECISION_KINDS[d.kind as keyof typeof DECISION_KINDS] ?? d.kind}: {d.text}
            </li>
          ))}
        </ul>
      )}
    </td>
  );
}

export default async function CompareReviewsPage({
  params,
  searchParams,
}: {
  params: Promise<{ kommun: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const sp = await searchParams;
  const kommun = await pageKommun(params);
  const all = await getReviewList(kommun);
  const pick = (v: unknown, fallback: number | undefined) => (typeof v === 'string' && /^\d{4}$/.test(v) ? Number(v) : fallback);
  const yearA = pick(sp.a, all[1]?.year);
  const yearB = pick(sp.b, all[0]?.year);
  const [a, b] = await Promise.all([yearA ? getReviewView(yearA, kommun) : null, yearB ? getReviewView(yearB, kommun) : null]);
  return (
    <>
      <p>
        <Link href={kommunPath(kommun, '/uppfoljning')}>Alla uppföljningar</Link>
      </p>
      <h1>Jämför uppföljningar</h1>
      <form method="get" className="filters">
        <p>
          <label htmlFor="a">Första</label>
          <select id="a" name="a" defaultValue={yearA}>
            {all.map((r) => (
              <option key={r.year} value={r.year}>
                {r.year}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor="b">Andra</label>
          <select id="b" name="b" defaultValue={yearB}>
            {all.map((r) => (
              <option key={r.year} value={r.year}>
                {r.year}
              </option>
            ))}
          </select>
        </p>
        <p>
          <button type="submit">Jämför</button>
        </p>
      </form>
      {!a || !b ? (
        <p>Välj två uppföljningar som finns.</p>
      ) : (
        <table className="data compare">
          <caption>
            Beräknade bedömningar, Brås bedömning och beslut per mål: {a.review.year} och {b.review.year}
          </caption>
          <thead>
            <tr>
              <th scope="col">Mål</th>
              <th scope="col">{a.review.year}</th>
              <th scope="col">{b.review.year}</th>
            </tr>
          </thead>
          <tbody>
            {[
              ...new Map(
                [...a.snapshot.overview.areas, ...b.snapshot.overview.areas].flatMap((ar) => ar.goals).map((g) => [g.code, g.text]),
              ).entries(),
            ].map(([code, text]) => (
              <tr key={code} data-goal={code}>
                <th scope="row">
                  {code}: {text}
                </th>
                <Side view={a} code={code} />
                <Side view={b} code={code} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
