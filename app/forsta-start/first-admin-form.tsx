'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/form-action';
import { createFirstAdminAction } from './actions';

const initial: FormState = { ok: null, message: null };

export function FirstAdminForm({ minLength }: { minLength: number }) {
  const [state, action, pending] = useActionState(createFirstAdminAction, initial);
  return (
    <form action={action} className="invite" aria-describedby={state.message ? 'first-admin-error' : undefined}>
      <p>
        <label htmlFor="fa-token">Engångskod</label>
        <input id="fa-token" name="token" type="text" autoComplete="off" spellCheck={false} required />
      </p>
      <p>
        <label htmlFor="fa-email">E-postadress</label>
        <input id="fa-email" name="email" type="email" autoComplete="username" required />
      </p>
      <p>
        <label htmlFor="fa-name">Namn</label>
        <input id="fa-name" name="name" type="text" autoComplete="name" />
      </p>
      <p>
        <label htmlFor="fa-password">Lösenord (minst {minLength} tecken)</label>
        <input id="fa-password" name="password" type="password" autoComplete="new-password" minLength={minLength} required />
      </p>
      <p>
        <label htmlFor="fa-repeat">Upprepa lösenordet</label>
        <input id="fa-repeat" name="repeat" type="password" autoComplete="new-password" minLength={minLength} required />
      </p>
      <p>
        <button type="submit" disabled={pending}>
          {pending ? 'Skapar …' : 'Skapa administratören'}
        </button>
      </p>
      {state.message && (
        <p id="first-admin-error" className="notice alert" role="alert">
          {state.message}
        </p>
      )}
    </form>
  );
}
