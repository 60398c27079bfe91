import type { Metadata } from 'next';
import Link from 'next/link';
import { isRole, MEMBERSHIP_ROLE_LABELS, ROLE_DESCRIPTIONS, ROLE_LABELS } from '@/lib/auth/roles';
import { requirePageRole } from '@/lib/auth/session';
import { getAllMemberships } from '@/lib/data/memberships';
import { AccountForms } from './account-forms';

export const metadata: Metadata = { title: 'Mitt konto' };

export default async function AccountPage() {
  const user = await requirePageRole('reader', '/konto');
  const named = user.memberships.length > 0 ? await getAllMemberships(user.id) : [];
  return (
    <>
      <h1>Mitt konto</h1>
      <dl className="facts">
        <dt>Namn</dt>
        <dd>{user.name}</dd>
        <dt>E-postadress</dt>
        <dd>{user.email}</dd>
        <dt>Roll</dt>
        {user.role === 'admin' || named.length === 0 ? (
          <dd>
            {ROLE_LABELS[user.role]} – {ROLE_DESCRIPTIONS[user.role]}
            {user.role === 'admin' ? ' (i hela installationen)' : ''}
          </dd>
        ) : (
          named.map((m) => (
            <dd key={m.regionCode} data-membership={m.regionCode}>
              {MEMBERSHIP_ROLE_LABELS[m.role]} i {m.regionName} <span className="muted">({m.regionCode})</span> –{' '}
              {isRole(m.role) ? ROLE_DESCRIPTIONS[m.role] : 'Läser alla länets kommuner och den regionala vyn.'}
            </dd>
          ))
        )}
      </dl>
      {user.role === 'admin' && (
        <p>
          <Link href="/admin/anvandare">Användare och roller</Link> · <Link href="/admin/logg">Ändringslogg</Link>
        </p>
      )}
      <AccountForms />
    </>
  );
}
