'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { MEMBERSHIP_ROLE_LABELS, MEMBERSHIP_ROLES, ROLE_LABELS, ROLES } from '@/lib/auth/roles';
import {
  addMembershipAction,
  inviteUserAction,
  removeMembershipAction,
  setActiveAction,
  setRoleAction,
  unlockSignInAction,
  type UserActionState,
} from './actions';

/** A kommun or län a role can be held in, as people read it. */
export interface RegionOption {
  code: string;
  name: string;
}

const initial: UserActionState = { ok: null, message: null };

function Message({ state }: { state: UserActionState }) {
  if (!state.message) return null;
  return (
    <p className={`notice ${state.ok ? 'ok' : 'alert'}`} role={state.ok ? 'status' : 'alert'}>
      {state.message}
    </p>
  );
}

function RegionOptions({ kommuner, lan }: { kommuner: RegionOption[]; lan: RegionOption[] }) {
  return (
    <>
      <optgroup label="Kommuner">
        {kommuner.map((k) => (
          <option key={k.code} value={k.code}>
            {k.name} ({k.code})
          </option>
        ))}
      </optgroup>
      {lan.length > 0 && (
        <optgroup label="Län (för regionsamordnare)">
          {lan.map((l) => (
            <option key={l.code} value={l.code}>
              {l.name} ({l.code})
            </option>
          ))}
        </optgroup>
      )}
    </>
  );
}

/**
 * Invite: administratör is the installation's; the other roles are held in the chosen kommun (or län, for
 * regionsamordnare). A kommun's administratör (`installation` false) is offered läsare and samordnare in their kommuner.
 */
export function InviteForm({
  kommuner,
  lan,
  first,
  installation,
}: {
  kommuner: RegionOption[];
  lan: RegionOption[];
  first: string | null;
  installation: boolean;
}) {
  const [state, action, pending] = useActionState(inviteUserAction, initial);
  return (
    <form action={action} className="invite">
      <p>
        <label htmlFor="invite-email">E-postadress</label>
        <input id="invite-email" name="email" type="email" required />
      </p>
      <p>
        <label htmlFor="invite-name">Namn</label>
        <input id="invite-name" name="name" type="text" />
      </p>
      <p>
        <label htmlFor="invite-role">Roll</label>
        <select id="invite-role" name="role" defaultValue="reader">
          {ROLES.filter((r) => installation || r !== 'admin').map((r) => (
            <option key={r} value={r}>
              {r === 'admin' ? `${ROLE_LABELS[r]} (hela installationen)` : ROLE_LABELS[r]}
            </option>
          ))}
          {installation && <option value="regional_coordinator">{MEMBERSHIP_ROLE_LABELS.regional_coordinator}</option>}
        </select>
      </p>
      <p>
        <label htmlFor="invite-region">{lan.length > 0 ? 'Kommun eller län' : 'Kommun'}</label>
        <select id="invite-region" name="region" defaultValue={kommuner.some((k) => k.code === first) ? first! : kommuner[0]?.code}>
          <RegionOptions kommuner={kommuner} lan={lan} />
        </select>
      </p>
      <p>
        <button type="submit" disabled={pending}>
          Bjud in
        </button>
      </p>
      <Message state={state} />
      {state.link && (
        <p>
          <label htmlFor="invite-link">Inbjudningslänk</label>
          <input id="invite-link" type="text" readOnly value={state.link} size={80} />
        </p>
      )}
    </form>
  );
}

export function RoleForm({ userId, email, role }: { userId: string; email: string; role: string }) {
  const [state, action, pending] = useActionState(setRoleAction, initial);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={`role-${userId}`} className="sr-only">
        Roll för {email}
      </label>
      <select id={`role-${userId}`} name="role" defaultValue={role}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      <button type="submit" disabled={pending}>
        Spara roll<span className="sr-only"> för {email}</span>
      </button>
      <Message state={state} />
    </form>
  );
}

/**
 * Deactivating asks first: a link to the confirmation step on the page (it works without JavaScript).
 * Reactivating (also the undo of a deactivation) posts at once.
 */
export function ActiveForm({ userId, email, active, label }: { userId: string; email: string; active: boolean; label?: string }) {
  const [state, action, pending] = useActionState(setActiveAction, initial);
  if (active) {
    return (
      <p className="inline-action">
        <Link className="button danger-start" href={`/admin/anvandare?inaktivera=${encodeURIComponent(userId)}#bekrafta`}>
          Inaktivera<span className="sr-only"> {email}</span>
        </Link>
      </p>
    );
  }
  return (
    <form action={action} className="inline">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="active" value="1" />
      <button type="submit" disabled={pending}>
        {label ?? 'Återaktivera'}
        <span className="sr-only"> {email}</span>
      </button>
      <Message state={state} />
    </form>
  );
}

/** Shown for an account with a sign-in lock (too many wrong passwords) within the last minutes. */
export function UnlockForm({ userId, email }: { userId: string; email: string }) {
  const [state, action, pending] = useActionState(unlockSignInAction, initial);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" disabled={pending}>
        Häv spärren<span className="sr-only"> för {email}</span>
      </button>
      <Message state={state} />
    </form>
  );
}

/** Gives a user a role in a kommun or län (the installation's administrator: any; a kommun's administratör: that kommun). */
export function MembershipAddForm({
  userId,
  email,
  kommuner,
  lan,
  first,
}: {
  userId: string;
  email: string;
  kommuner: RegionOption[];
  lan: RegionOption[];
  first: string | null;
}) {
  const [state, action, pending] = useActionState(addMembershipAction, initial);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={`m-role-${userId}`} className="sr-only">
        Vilken roll {email} ska få
      </label>
      <select id={`m-role-${userId}`} name="role" defaultValue="coordinator">
        {/* Regionsamordnare is held in a län: offered only to whoever may give roles in one. */}
        {MEMBERSHIP_ROLES.filter((r) => lan.length > 0 || r !== 'regional_coordinator').map((r) => (
          <option key={r} value={r}>
            {MEMBERSHIP_ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      <label htmlFor={`m-region-${userId}`} className="sr-only">
        Var {email} ska få rollen
      </label>
      <select id={`m-region-${userId}`} name="region" defaultValue={kommuner.some((k) => k.code === first) ? first! : kommuner[0]?.code}>
        <RegionOptions kommuner={kommuner} lan={lan} />
      </select>
      <button type="submit" disabled={pending}>
        Lägg till roll<span className="sr-only"> för {email}</span>
      </button>
      <Message state={state} />
    </form>
  );
}

export function MembershipRemoveForm({ userId, email, region, label }: { userId: string; email: string; region: string; label: string }) {
  const [state, action, pending] = useActionState(removeMembershipAction, initial);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="region" value={region} />
      <button type="submit" disabled={pending}>
        Ta bort
        <span className="sr-only">
          {' '}
          rollen {label} för {email}
        </span>
      </button>
      <Message state={state} />
    </form>
  );
}
