'use client';

import { startTransition, useActionState, useEffect, useRef, type ReactNode } from 'react';
import type { FormState } from '@/lib/form-action';

const initial: FormState = { ok: null, message: null };

/**
 * A form posting to a server action, with its pending state and the action's Swedish answer announced.
 * React resets a form after its action runs; here what the user typed stays after a refusal (so a missing
 * justification can be added without choosing everything again), and is cleared only on success when asked.
 */
export function StateForm({
  action,
  submit,
  submitLabel,
  children,
  className,
  pendingText,
  resetOnSuccess = false,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  submit: string;
  /** The button's accessible name when the visible text alone is not unique on the page ("Ta bort" → "Ta bort X från Y"). */
  submitLabel?: string;
  children: ReactNode;
  className?: string;
  pendingText?: string;
  resetOnSuccess?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, initial);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok && resetOnSuccess) ref.current?.reset();
  }, [state, resetOnSuccess]);
  return (
    <form
      ref={ref}
      action={formAction}
      className={className ?? 'stacked'}
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      {children}
      <p>
        <button type="submit" disabled={pending} aria-label={submitLabel}>
          {pending ? (pendingText ?? 'Sparar …') : submit}
        </button>
      </p>
      {state.message && (
        <p className={`notice ${state.ok ? 'ok' : 'alert'}`} role={state.ok ? 'status' : 'alert'}>
          {state.message}
        </p>
      )}
    </form>
  );
}
