import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { pageKommun } from '@/lib/data/kommun';
import { kommunPath } from '@/lib/kommun-path';
import { mayIn } from '@/lib/auth/roles';
import { currentUser } from '@/lib/auth/session';
import { getGroupsPage } from '@/lib/data/comparison-view';
import { COMPARISON_GROUP_KIND_LABELS } from '@/lib/vocabulary';
import { StateForm } from '@/app/_components/state-form';
import { removeOwnGroupAction, saveOwnGroupAction } from './actions';

export const metadata: Metadata = { title: 'Jämförelsegrupper' };

export default async function ComparisonGroupsPage({ params }: { params: Promise<{ kommun: string }> }) {
  await connection();
  const kommun = await pageKommun(params);
  const [page, user] = await Promise.all([getGroupsPage(kommun), currentUser()]);
  if (!page)
    return (
      <>
        <h1>Jämförelsegrupper</h1>
        <p>Ingen åtgärdsplan är inläst.</p>
      </>
    );
  const canEdit = mayIn(user, 'coordinator', page.kommun.code);
  return (
    <>
      <p>
        <Link href={kommunPath(kommun, '/plan')}>Planen</Link>
      </p>
      <h1>Jämförelsegrupper för {page.kommun.name}</h1>
      <p className="lead">
        Jämför med liknande kommuner: SKR:s kommungruppsindelning och Koladas grupper av liknande kommuner (Källa: Kolada), eller en egen
        grupp, till exempel grannkommunerna. Gruppens median och mittersta 50 % räknas bara på verkliga värden.
      </p>
      {page.groups.map((g) => (
        <section key={g.id} aria-labelledby={`g-${g.id}`}>
          <h2 id={`g-${g.id}`}>{g.title}</h2>
          <p className="meta">
            {COMPARISON_GROUP_KIND_LABELS[g.kind]}
            {g.year ? `, ${g.year}` : ''}. {g.source}. Id: <code>{g.id}</code>
          </p>
          <p>
            {g.members.length} kommuner: {g.members.map((m) => m.name).join(', ')}.
          </p>
          {canEdit && g.kind === 'own' && (
            <StateForm action={removeOwnGroupAction.bind(null, kommun)} submit={`Ta bort gruppen ${g.title}`} className="inline">
              <input type="hidden" name="id" value={g.id} />
            </StateForm>
          )}
        </section>
      ))}
      {canEdit && (
        <section aria-labelledby="ny-grupp">
          <h2 id="ny-grupp">Ny egen grupp</h2>
          <StateForm action={saveOwnGroupAction.bind(null, kommun)} submit="Spara gruppen" resetOnSuccess>
            <p>
              <label htmlFor="title">Namn</label>
              <input id="title" name="title" required minLength={3} maxLength={120} placeholder="Grannkommuner" />
            </p>
            <fieldset>
              <legend>Kommuner i {page.lan}</legend>
              {page.lanKommuner.map((k) => (
                <label key={k.code} style={{ display: 'inline-block', fontWeight: 'normal', marginRight: '0.75rem' }}>
                  <input type="checkbox" name="members" value={k.code} /> {k.name}
                </label>
              ))}
            </fieldset>
            <p>
              <label htmlFor="extra">Kommuner i andra län (kommunkoder, t.ex. 1907 1981)</label>
              <input id="extra" name="extra" maxLength={400} inputMode="numeric" />
            </p>
          </StateForm>
        </section>
      )}
    </>
  );
}
