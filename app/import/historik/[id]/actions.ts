'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { clientIp } from '@/lib/audit';
import { isConfirmed } from '@/lib/auth/confirm';
import { requireRole } from '@/lib/auth/session';
import { describeDbError } from '@/lib/data/door';
import { saveImportUndo } from '@/lib/data/imports';
import type { FormState } from '@/lib/form-action';
import { UndoConflictError } from '@/lib/import/commit';

/** Undoes an import, only from its confirmation step (the token); the import's page then says so. */
export async function undoImportAction(_prev: FormState, form: FormData): Promise<FormState> {
  // Imports are shared by every kommun, and so is their undo: a samordnare of any kommun (README, roles).
  const user = await requireRole('coordinator', 'any');
  const parsed = z.coerce.number().int().positive().safeParse(form.get('importId'));
  if (!parsed.success) return { ok: false, message: 'Ogiltigt importnummer.' };
  if (!isConfirmed(form, 'import_undo', parsed.data, user.id)) {
    return { ok: false, message: 'Bekräfta först: välj Ångra importen och sedan Ja, ångra importen. Inget ändrades.' };
  }
  try {
    await saveImportUndo(parsed.data, { by: user.email, audit: { actorId: user.id, actor: user.email, ip: clientIp(await headers()) } });
  } catch (err) {
    if (err instanceof UndoConflictError) return { ok: false, message: err.message };
    console.error('undo failed:', describeDbError(err));
    return { ok: false, message: 'Ångringen avbröts av ett fel på servern. Inget ändrades.' };
  }
  revalidatePath('/', 'layout'); // every cached page that may show the restored values
  redirect(`/import/historik/${parsed.data}?angrad=1`);
}
