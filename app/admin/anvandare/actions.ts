'use server';

import { randomBytes } from 'node:crypto';
import { headers } from 'next/headers';
import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { isConfirmed } from '@/lib/auth/confirm';
import { clientIp } from '@/lib/audit';
import { parseRole, roleName, type Role } from '@/lib/auth/roles';
import { captureInviteLink, getAuth } from '@/lib/auth/server';
import { requireRole } from '@/lib/auth/session';
import { describeDbError } from '@/lib/data/door';
import { getActiveAdminCount, getUser, getUserIdByEmail, saveAuditEntry, saveSignInUnlock } from '@/lib/data/users';

export interface UserActionState {
  ok: boolean | null;
  message: string | null;
  /** An invitation link to pass on (shown once). */
  link?: string;
}

const inviteSchema = z.object({
  email: z.email({ error: 'Ange en giltig e-postadress.' }).transform((v) => v.trim().toLowerCase()),
  name: z.string().trim().max(200).optional(),
  role: z.string().transform((v, ctx) => parseRole(v) ?? (ctx.addIssue({ code: 'custom', message: 'Välj en roll.' }), z.NEVER)),
});

/** Invite: create the user (no password yet) and return a link where they choose one, valid 7 days. */
export async function inviteUserAction(_prev: UserActionState, form: FormData): Promise<UserActionState> {
  const admin = await requireRole('admin');
  const parsed = inviteSchema.safeParse({ email: form.get('email'), name: form.get('name') || undefined, role: form.get('role') });
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => i.message).join(' ') };
  const { email, name, role } = parsed.data;
  const h = await headers();
  try {
    if (await getUserIdByEmail(email)) return { ok: false, message: `Det finns redan en användare med e-postadressen ${email}.` };
    const auth = await getAuth();
    // A random password nobody knows: the credential account exists, and the invite link replaces it.
    const created = await auth.api.createUser({
      headers: h,
      body: { email, name: name || email, password: randomBytes(32).toString('base64url'), role },
    });
    const link = await captureInviteLink(email, () =>
      auth.api.requestPasswordReset({ headers: h, body: { email, redirectTo: '/konto/nytt-losenord' } }),
    );
    await saveAuditEntry({
      actorId: admin.id,
      actor: admin.email,
      action: 'user_invited',
      targetType: 'användare',
      targetId: created.user.id,
      summary: `Bjöd in ${email} med rollen ${roleName(role)}.`,
      after: { email, name: name || email, role },
      ip: clientIp(h),
    });
    revalidatePath('/admin/anvandare');
    if (!link)
      return {
        ok: true,
        message: `${email} är inbjuden som ${roleName(role)}, men länken kunde inte skapas. Personen kan logga in med enkel inloggning, eller bjud in igen.`,
      };
    return {
      ok: true,
      message: `${email} är inbjuden som ${roleName(role)}. Skicka länken nedan till personen; den gäller i 7 dagar och visas bara nu.`,
      link,
    };
  } catch (err) {
    console.error('invite failed:', describeDbError(err));
    return { ok: false, message: 'Inbjudan kunde inte skapas. Inget sparades.' };
  }
}

const idSchema = z.string().min(1).max(100);

async function loadTarget(form: FormData) {
  const id = idSchema.safeParse(form.get('userId'));
  if (!id.success) return null;
  return getUser(id.data);
}

export async function setRoleAction(_prev: UserActionState, form: FormData): Promise<UserActionState> {
  const admin = await requireRole('admin');
  const role: Role | null = parseRole(String(form.get('role') ?? ''));
  if (!role) return { ok: false, message: 'Välj en roll.' };
  const user = await loadTarget(form);
  if (!user) return { ok: false, message: 'Användaren finns inte.' };
  if (user.role === role) return { ok: true, message: `${user.email} har redan rollen ${roleName(role)}.` };
  if (user.role === 'admin' && !user.banned && (await getActiveAdminCount()) <= 1) {
    return { ok: false, message: 'Det måste finnas minst en aktiv administratör. Utse en annan först.' };
  }
  const h = await headers();
  const auth = await getAuth();
  await auth.api.setRole({ headers: h, body: { userId: user.id, role } });
  await saveAuditEntry({
    actorId: admin.id,
    actor: admin.email,
    action: 'user_role_changed',
    targetType: 'användare',
    targetId: user.id,
    summary: `Ändrade rollen för ${user.email}: ${roleName(user.role)} → ${roleName(role)}.`,
    before: { role: user.role },
    after: { role },
    ip: clientIp(h),
  });
  revalidatePath('/admin/anvandare');
  return { ok: true, message: `${user.email} har nu rollen ${roleName(role)}.` };
}

export async function setActiveAction(_prev: UserActionState, form: FormData): Promise<UserActionState> {
  const admin = await requireRole('admin');
  const activate = form.get('active') === '1';
  const user = await loadTarget(form);
  if (!user) return { ok: false, message: 'Användaren finns inte.' };
  if (!activate && !isConfirmed(form, 'user_deactivation', user.id, admin.id)) {
    return { ok: false, message: `Bekräfta först: välj Inaktivera vid ${user.email} och sedan Ja, inaktivera. Inget ändrades.` };
  }
  if (!activate && user.id === admin.id) return { ok: false, message: 'Du kan inte inaktivera ditt eget konto.' };
  if (!activate && user.role === 'admin' && (await getActiveAdminCount()) <= 1) {
    return { ok: false, message: 'Det måste finnas minst en aktiv administratör.' };
  }
  const h = await headers();
  const auth = await getAuth();
  if (activate) await auth.api.unbanUser({ headers: h, body: { userId: user.id } });
  else await auth.api.banUser({ headers: h, body: { userId: user.id, banReason: `Inaktiverad av ${admin.email}` } }); // also ends their sessions
  await saveAuditEntry({
    actorId: admin.id,
    actor: admin.email,
    action: activate ? 'user_reactivated' : 'user_deactivated',
    targetType: 'användare',
    targetId: user.id,
    summary: `${activate ? 'Återaktiverade' : 'Inaktiverade'} ${user.email}.`,
    before: { active: !user.banned },
    after: { active: activate },
    ip: clientIp(h),
  });
  revalidatePath('/admin/anvandare');
  // The page says what happened (and offers to undo a deactivation): the row's own form may be gone by then.
  redirect(`/admin/anvandare?${activate ? 'ateraktiverad' : 'inaktiverad'}=${encodeURIComponent(user.id)}#resultat`);
}

/** Lifts a sign-in lock (too many wrong passwords) on the account, from every address. */
export async function unlockSignInAction(_prev: UserActionState, form: FormData): Promise<UserActionState> {
  const admin = await requireRole('admin');
  const user = await loadTarget(form);
  if (!user) return { ok: false, message: 'Användaren finns inte.' };
  await saveSignInUnlock(user.id, { actorId: admin.id, actor: admin.email, ip: clientIp(await headers()) });
  return { ok: true, message: `${user.email} kan logga in igen.` };
}
