import type { Metadata } from 'next';
import Link from 'next/link';
import { managedKommuner, MEMBERSHIP_ROLE_LABELS, ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, roleName } from '@/lib/auth/roles';
import { requirePageRole } from '@/lib/auth/session';
import { getAllMemberships, getMembershipRegions } from '@/lib/data/memberships';
import { getUserList } from '@/lib/data/users';
import { ConfirmStep } from '../../_components/confirm-step';
import { EmailText } from '../../_components/email-text';
import { setActiveAction } from './actions';
import { ActiveForm, InviteForm, MembershipAddForm, MembershipRemoveForm, RoleForm, UnlockForm } from './user-forms';
import { TableScroll } from '../../_components/table-scroll';

export const metadata: Metadata = { title: 'Användare och roller' };

const when = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeZone: 'Europe/Stockholm' });

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The installation's administrator manages everything; a kommun's administratör only the roles in that kommun.
  const me = await requirePageRole('admin', '/admin/anvandare', 'any');
  const [{ users, accounts, locked }, memberships, regions] = await Promise.all([
    getUserList(),
    getAllMemberships(),
    getMembershipRegions(),
  ]);
  const isInstallationAdmin = me.role === 'admin';
  const managed = managedKommuner(me);
  const mayManage = (code: string) => managed === null || managed.includes(code);
  const kommuner = regions.kommuner.filter((k) => mayManage(k.code));
  const lan = isInstallationAdmin ? regions.lan : [];
  const sp = await searchParams;
  const byId = (v: unknown) => (typeof v === 'string' ? users.find((u) => u.id === v) : undefined);
  // Deactivating asks first (?inaktivera=), then says so with an undo (?inaktiverad=); reactivation says so too.
  const deactivating = byId(sp.inaktivera);
  const deactivated = byId(sp.inaktiverad);
  const reactivated = byId(sp.ateraktiverad);
  // A removed role (?roll-borttagen=<user>:<region>) is said by name once the row has re-rendered without it.
  const [removedUserId, removedRegion] = typeof sp['roll-borttagen'] === 'string' ? sp['roll-borttagen'].split(':') : [];
  const removedFrom = byId(removedUserId);
  const removedRegionName = [...regions.kommuner, ...regions.lan].find((r) => r.code === removedRegion)?.name;
  // The role column: administratör (installation), else the role in the installation's first kommun.
  const first = regions.first;
  const roleOf = (u: { id: string; role: string }) =>
    u.role === 'admin'
      ? 'admin'
      : memberships.some((m) => m.userId === u.id && m.regionCode === first && m.role === 'coordinator')
        ? 'coordinator'
        : 'reader';
  // Every role the user holds, named as on /konto: the installation's administrator, then each kommun's and län's role.
  const rolesHeld = (u: { id: string; role: string }) => {
    const held = memberships
      .filter((m) => m.userId === u.id)
      .map((m) => `${MEMBERSHIP_ROLE_LABELS[m.role]} i ${m.regionName} (${m.regionCode})`);
    const all = u.role === 'admin' ? ['Administratör för installationen', ...held] : held;
    return all.length > 0 ? all : [`${ROLE_LABELS.reader} i alla kommuner`];
  };
  const who = (u: { name: string; email: string }) => (u.name && u.name !== u.email ? `${u.name} (${u.email})` : u.email);
  const ways = (id: string) =>
    accounts
      .filter((a) => a.userId === id)
      .map((a) => (a.providerId === 'credential' ? 'lösenord' : 'enkel inloggning'))
      .join(', ');
  return (
    <>
      <h1>Användare och roller</h1>
      <ul>
        {ROLES.map((r) => (
          <li key={r}>
            <strong>{ROLE_LABELS[r]}</strong>: {ROLE_DESCRIPTIONS[r]}
          </li>
        ))}
      </ul>
      <p>
        Roller gäller per kommun: en samordnare i en kommun är läsare i de andra.{' '}
        <strong>{MEMBERSHIP_ROLE_LABELS.regional_coordinator}</strong> läser alla kommuner i sitt län men ändrar inget i dem.
        Administratören för hela installationen får allt i alla kommuner.
      </p>
      {(isInstallationAdmin || kommuner.length > 0) && (
        <>
          <h2>Bjud in en användare</h2>
          <p>
            Den inbjudna får en länk där hen väljer lösenord. Med enkel inloggning (kommunens konto) kan hen också logga in direkt med samma
            e-postadress.
            {!isInstallationAdmin && ` Du bjuder in till ${kommuner.map((k) => `${k.name} (${k.code})`).join(', ')}.`}
          </p>
          <InviteForm kommuner={kommuner} lan={lan} first={regions.first} installation={isInstallationAdmin} />
        </>
      )}
      <h2>Alla användare</h2>
      {deactivated?.banned && (
        <div id="resultat" className="notice ok" role="status">
          <p>{who(deactivated)} är inaktiverad och utloggad. Hen kan inte logga in förrän kontot återaktiveras.</p>
          <ActiveForm userId={deactivated.id} email={deactivated.email} active={false} label="Ångra: återaktivera" />
        </div>
      )}
      {removedFrom && removedRegionName && !memberships.some((m) => m.userId === removedFrom.id && m.regionCode === removedRegion) && (
        <p id="resultat" className="notice ok" role="status">
          {removedFrom.email} har inte längre någon roll i {removedRegionName} ({removedRegion}).
        </p>
      )}
      {reactivated && !reactivated.banned && (
        <p id="resultat" className="notice ok" role="status">
          {who(reactivated)} är aktiv igen och kan logga in.
        </p>
      )}
      {isInstallationAdmin && deactivating && !deactivating.banned && deactivating.id !== me.id && (
        <ConfirmStep
          kind="user_deactivation"
          target={deactivating.id}
          userId={me.id}
          headingLevel={3}
          heading={`Inaktivera ${who(deactivating)}?`}
          action={setActiveAction}
          fields={{ userId: deactivating.id, active: '0' }}
          confirmLabel="Ja, inaktivera"
          cancelHref="/admin/anvandare"
        >
          <p>
            Hen loggas ut direkt och kan inte logga in (varken med lösenord eller enkel inloggning) förrän kontot återaktiveras. Rollen (
            {roleName(deactivating.role)}) och allt hen har gjort finns kvar. Du kan ångra med ett klick efteråt.
          </p>
        </ConfirmStep>
      )}
      <TableScroll label="Alla användare">
        <table className="data">
          <caption>{users.length} användare</caption>
          <thead>
            <tr>
              <th scope="col">E-post</th>
              <th scope="col">Namn</th>
              <th scope="col">Inloggning</th>
              <th scope="col">Skapad</th>
              <th scope="col">Roll</th>
              <th scope="col">Roller i kommuner och län</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-user={u.email}>
                <th scope="row" className="break">
                  <EmailText value={u.email} />
                  {u.id === me.id && ' (du)'}
                </th>
                <td>{u.name}</td>
                <td>{ways(u.id) || '–'}</td>
                <td>{when.format(u.createdAt)}</td>
                <td>
                  <ul className="plain" data-roles>
                    {rolesHeld(u).map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                  {isInstallationAdmin && <RoleForm userId={u.id} email={u.email} role={roleOf(u)} />}
                </td>
                <td>
                  <ul className="plain">
                    {memberships
                      .filter((m) => m.userId === u.id)
                      .map((m) => {
                        const label = `${MEMBERSHIP_ROLE_LABELS[m.role]} i ${m.regionName} (${m.regionCode})`;
                        return (
                          <li key={m.regionCode}>
                            {MEMBERSHIP_ROLE_LABELS[m.role]} i {m.regionName} <span className="muted">({m.regionCode})</span>
                            {mayManage(m.regionCode) && (
                              <MembershipRemoveForm userId={u.id} email={u.email} region={m.regionCode} label={label} />
                            )}
                          </li>
                        );
                      })}
                  </ul>
                  {kommuner.length > 0 && <MembershipAddForm userId={u.id} email={u.email} kommuner={kommuner} lan={lan} first={first} />}
                </td>
                <td>
                  {u.banned ? 'Inaktiverad' : 'Aktiv'}
                  {isInstallationAdmin && u.id !== me.id && <ActiveForm userId={u.id} email={u.email} active={!u.banned} />}
                  {locked.has(u.email.toLowerCase()) && (
                    <>
                      {' '}
                      Inloggningen spärrad (för många felaktiga lösenord).
                      {isInstallationAdmin && <UnlockForm userId={u.id} email={u.email} />}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {isInstallationAdmin && (
        <p>
          <Link href="/admin/logg">Ändringslogg</Link>
        </p>
      )}
    </>
  );
}
