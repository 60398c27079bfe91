import type { Metadata } from 'next';
import Link from 'next/link';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from '@/lib/auth/roles';
import { requirePageRole } from '@/lib/auth/session';
import { getUserList } from '@/lib/data/users';
import { ActiveForm, InviteForm, RoleForm, UnlockForm } from './user-forms';
import { TableScroll } from '../../_components/table-scroll';

export const metadata: Metadata = { title: 'Användare och roller' };

const when = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeZone: 'Europe/Stockholm' });

export default async function UsersPage() {
  const me = await requirePageRole('admin', '/admin/anvandare');
  const { users, accounts, locked } = await getUserList();
  const ways = (id: string) => accounts.filter((a) => a.userId === id).map((a) => (a.providerId === 'credential' ? 'lösenord' : 'enkel inloggning')).join(', ');
  return (
    <>
      <h1>Användare och roller</h1>
      <ul>
        {ROLES.map((r) => <li key={r}><strong>{ROLE_LABELS[r]}</strong>: {ROLE_DESCRIPTIONS[r]}</li>)}
      </ul>
      <h2>Bjud in en användare</h2>
      <p>Den inbjudna får en länk där hen väljer lösenord. Med enkel inloggning (kommunens konto) kan hen också logga in direkt med samma e-postadress.</p>
      <InviteForm />
      <h2>Alla användare</h2>
      <TableScroll label="Alla användare">
      <table className="data">
        <caption>{users.length} användare</caption>
        <thead>
          <tr><th scope="col">E-post</th><th scope="col">Namn</th><th scope="col">Inloggning</th><th scope="col">Skapad</th><th scope="col">Roll</th><th scope="col">Status</th></tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-user={u.email}>
              <th scope="row" className="break">{u.email}{u.id === me.id && ' (du)'}</th>
              <td>{u.name}</td>
              <td>{ways(u.id) || '–'}</td>
              <td>{when.format(u.createdAt)}</td>
              <td><RoleForm userId={u.id} email={u.email} role={u.role} /></td>
              <td>
                {u.banned ? 'Inaktiverad' : 'Aktiv'}
                {u.id !== me.id && <ActiveForm userId={u.id} email={u.email} active={!u.banned} />}
                {locked.has(u.email.toLowerCase()) && <>{' '}Inloggningen spärrad (för många felaktiga lösenord).<UnlockForm userId={u.id} email={u.email} /></>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
      <p><Link href="/admin/logg">Ändringslogg</Link></p>
    </>
  );
}
