'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { ROLE_LABELS, ROLES } from '@/lib/auth/roles';
import { inviteUserAction, setActiveAction, setRoleAction, unlockSignInAction, type UserActionState } from './actions';

const initial: UserActionState = { ok: null, message: null };

function Message({ state }: { state: UserActionState }) {
  if (!state.message) return null;
  return (
    <p className={`notice ${state.ok ? 'ok' : 'alert'}`} role={state.ok ? 'status' : 'alert'}>
      {state.message}
    </p>
  );
}

export function InviteForm() {
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
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
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
