'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { clientIp } from '@/lib/audit';
import { FirstAdminRefused } from '@/lib/auth/first-admin';
import { UserInputError } from '@/lib/auth/users';
import { describeDbError } from '@/lib/data/door';
import { saveFirstAdmin } from '@/lib/data/users';
import type { FormState } from '@/lib/form-action';
import { formText } from '@/lib/form-action';

/**
 * Creates the first administrator. Anyone may post here, by design: the one-time code (printed by the server at
 * start, in a file only its owner reads) is the check, and once an administrator exists every post is refused.
 */
export async function createFirstAdminAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await saveFirstAdmin(
      {
        token: formText(form, 'token') ?? '',
        email: formText(form, 'email') ?? '',
        name: formText(form, 'name'),
        password: formText(form, 'password') ?? '',
        repeat: formText(form, 'repeat') ?? '',
      },
      clientIp(await headers()),
    );
  } catch (err) {
    if (err instanceof UserInputError || err instanceof FirstAdminRefused) return { ok: false, message: err.message };
    console.error('first administrator failed:', describeDbError(err));
    return { ok: false, message: 'Administratören kunde inte skapas på grund av ett fel på servern. Inget sparades.' };
  }
  redirect('/logga-in?skapad=1&nasta=%2Fadmin%2Fanvandare');
}
