import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { pageKommun } from '@/lib/data/kommun';
import { kommunPath } from '@/lib/kommun-path';
import { mayIn } from '@/lib/auth/roles';
import { currentUser } from '@/lib/auth/session';
import { getReviewList } from '@/lib/data/followup';
import { formatDateLong } from '@/lib/format';
import { StateForm } from '@/app/_components/state-form';
import { TableScroll } from '@/app/_components/table-scroll';
import { openReviewAction } from './actions';

export const metadata: Metadata = { title: 'Uppföljning' };

export default async function ReviewsPage({ params }: { params: Promise<{ kommun: string }> }) {
  await connection();
  const kommun = await pageKommun(params);
  const [rows, user] = await Promise.all([getReviewList(kommun), currentUser()]);
  const year = new Date().getFullYear();
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <h1>Uppföljning</h1>
      <p className="lead">
        Lokala Brås årliga uppföljning av åtgärdsplanen. När årets uppföljning öppnas fryses de beräknade bedömningarna (värden,
        konfidensintervall och vilka importer de bygger på), så att mötet kan öppnas igen och visar det Brå såg då – även när nya data
        kommit. Brå för in sin egen bedömning per mål, kommentarer och beslut, och markerar till sist uppföljningen som beslutad; då låses
        den.
      </p>
      {rows.length === 0 ? (
        <p>Ingen uppföljning är öppnad ännu.</p>
      ) : (
        <TableScroll label="Uppföljningar">
          <table className="data">
            <caption>Uppföljningar</caption>
            <thead>
              <tr>
                <th scope="col">År</th>
                <th scope="col">Möte</th>
                <th scope="col">Plan</th>
                <th scope="col">Status</th>
                <th scope="col">Öppnad av</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link href={kommunPath(kommun, `/uppfoljning/${r.year}`)}>Uppföljning {r.year}</Link>
                  </th>
                  <td>{formatDateLong(r.meetingDate)}</td>
                  <td>
                    {r.planTitle} (beslutad {formatDateLong(r.planDecided)})
                  </td>
                  <td>{r.status === 'decided' ? `Beslutad${r.decidedBy ? ` av ${r.decidedBy}` : ''}` : 'Öppen'}</td>
                  <td>{r.openedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {rows.length >= 2 && (
        <p>
          <Link href={`${kommunPath(kommun, '/uppfoljning/jamfor')}?a=${rows[1]!.year}&b=${rows[0]!.year}`}>
            Jämför {rows[1]!.year} och {rows[0]!.year}
          </Link>
        </p>
      )}
      {mayIn(user, 'coordinator', kommun) && (
        <section aria-labelledby="open-heading">
          <h2 id="open-heading">Öppna en uppföljning</h2>
          <StateForm
            action={openReviewAction.bind(null, kommun)}
            submit="Öppna uppföljningen och frys bedömningarna"
            pendingText="Beräknar och fryser …"
          >
            <p>
              <label htmlFor="year">År</label>
              <input id="year" name="year" type="number" min={2020} max={2100} defaultValue={year} required />
            </p>
            <p>
              <label htmlFor="meetingDate">Mötesdatum</label>
              <input id="meetingDate" name="meetingDate" type="date" defaultValue={today} required />
            </p>
          </StateForm>
        </section>
      )}
    </>
  );
}
