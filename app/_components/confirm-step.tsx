import type { ReactNode } from 'react';
import { CONFIRM_FIELD, confirmToken, type ConfirmKind } from '@/lib/auth/confirm';
import type { FormState } from '@/lib/form-action';
import { ConfirmForm } from './confirm-form';

/**
 * The confirmation step of a destructive action, rendered by the server (it works without JavaScript): what
 * will happen, to what (by name), whether it can be undone, and "Ja, …" / "Avbryt". The form carries a token
 * for exactly this action, target and user; the action refuses a post without it.
 */
export function ConfirmStep({
  kind,
  target,
  userId,
  heading,
  children,
  action,
  fields,
  confirmLabel,
  cancelHref,
  headingLevel = 2,
}: {
  kind: ConfirmKind;
  target: string | number;
  userId: string;
  heading: string;
  children: ReactNode;
  action: (state: FormState, form: FormData) => Promise<FormState>;
  fields: Record<string, string | number>;
  confirmLabel: string;
  cancelHref: string;
  headingLevel?: 2 | 3 | 4;
}) {
  const H = `h${headingLevel}` as const;
  return (
    <section id="bekrafta" className="confirm" aria-labelledby="bekrafta-rubrik" data-confirm={kind}>
      <H id="bekrafta-rubrik" tabIndex={-1}>
        {heading}
      </H>
      {children}
      <ConfirmForm
        action={action}
        fields={{ ...fields, [CONFIRM_FIELD]: confirmToken(kind, target, userId) }}
        confirmLabel={confirmLabel}
        cancelHref={cancelHref}
      />
    </section>
  );
}
