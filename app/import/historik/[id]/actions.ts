'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { headers } from 'next/headers';
import { clientIp } from '@/lib/audit';
import { requireRole } from '@/lib/auth/session';
import { describeDbError } from '@/lib/data/door';
import { saveImportUndo } from '@/lib/data/imports';
import { UndoConflictError } from '@/lib/import/commit';

export interface UndoState {
  error: string | null;
}

export async function undoImportAction(_prev: UndoState, form: FormData): Promise<UndoState> {
  const user = await requireRole('coordinator');
  const parsed = z.coerce.number().int().positive().safeParse(form.get('importId'));
  if (!parsed.success) return { error: 'Ogiltigt importnummer.' };
  try {
    await saveImportUndo(parsed.data, { by: user.email, audit: { actorId: user.id, actor: user.email, ip: clientIp(await headers()) } });
  } catch (err) {
    if (err instanceof UndoConflictError) return { error: err.message };
    console.error('undo failed:', describeDbError(err));
    return { error: 'Ångringen avbröts av ett fel på servern. Inget ändrades.' };
  }
  revalidatePath('/', 'layout'); // every cached page that may show the restored values
  redirect(`/import/historik/${parsed.data}?angrad=1`);
}
