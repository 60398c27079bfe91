import 'server-only';
import { revalidatePath } from 'next/cache';
import { describeDbError } from './db/errors';
import { InputError as FollowUpInputError } from './input';

/** What a form's server action answers: shown under the form, announced to screen readers. */
export interface FormState {
  ok: boolean | null;
  message: string | null;
}

/** A text field of a posted form, or undefined. */
export function formText(form: FormData, name: string): string | undefined {
  const v = form.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function formFields(form: FormData, names: string[]): Record<string, string | undefined> {
  return Object.fromEntries(names.map((n) => [n, formText(form, n)]));
}

/**
 * Runs a write for a form: its Swedish success message, or the refusal of bad input, or — for anything else —
 * a generic message with the detail in the server log (never a stack trace or SQL to the user). Revalidates the
 * cached pages the write may change.
 */
export async function runFormAction(work: () => Promise<string>, revalidate: { path: string; layout?: boolean }): Promise<FormState> {
  try {
    const message = await work();
    revalidatePath(revalidate.path, revalidate.layout ? 'layout' : undefined);
    return { ok: true, message };
  } catch (err) {
    if (err instanceof FollowUpInputError) return { ok: false, message: err.message };
    console.error('form action failed:', describeDbError(err));
    return { ok: false, message: 'Det gick inte att spara på grund av ett fel på servern. Inget ändrades.' };
  }
}
