'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import type { FormState } from '@/lib/form-action';

const initial: FormState = { ok: null, message: null };

/**
 * The "Ja, …" / "Avbryt" pair of a confirmation step. A plain form posting to a server action: without
 * JavaScript the browser posts it and the server answers with the next page; the action redirects on success
 * (the page then says what happened) and answers a refusal here.
 */
export function ConfirmForm({
  action,
  fields,
  confirmLabel,
  cancelHref,
  pendingLabel,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  fields: Record<string, string | number>;
  confirmLabel: string;
  cancelHref: string;
  pendingLabel?: string;
}) {
  const [state, formAction, pending] = useActionState(action, initial);
  return (
    <form action={formAction} className="confirm-actions">
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button type="submit" className="danger" disabled={pending}>
        {pending ? (pendingLabel ?? 'Utför …') : confirmLabel}
      </button>
      <Link href={cancelHref} className="button secondary">
        Avbryt
      </Link>
      {state.message && (
        <p className={`notice ${state.ok ? 'ok' : 'alert'}`} role={state.ok ? 'status' : 'alert'}>
          {state.message}
        </p>
      )}
    </form>
  );
}
