'use client';

import { useActionState, type ReactNode } from 'react';
import type { FormState } from '../atgarder/actions';

const initial: FormState = { ok: null, message: null };

/** A form posting to a server action, with its pending state and the action's Swedish answer announced. */
export function StateForm({ action, submit, children, className, pendingText }: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  submit: string;
  children: ReactNode;
  className?: string;
  pendingText?: string;
}) {
  const [state, formAction, pending] = useActionState(action, initial);
  return (
    <form action={formAction} className={className ?? 'stacked'}>
      {children}
      <p><button type="submit" disabled={pending}>{pending ? (pendingText ?? 'Sparar …') : submit}</button></p>
      {state.message && <p className={`notice ${state.ok ? 'ok' : 'alert'}`} role={state.ok ? 'status' : 'alert'}>{state.message}</p>}
    </form>
  );
}
