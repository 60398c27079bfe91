'use server';

import { randomBytes } from 'node:crypto';
import { headers } from 'next/headers';
import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { forbidden, redirect, unauthorized } from 'next/navigation';
import { isConfirmed } from '@/lib/auth/confirm';
import { clientIp } from '@/lib/audit';
import { managedKommuner, mayManage, parseMembershipRole, parseRole, roleName, type MembershipRole, type Role } from '@/lib/auth/roles';
import { captureInviteLink, getAuth } from '@/lib/auth/server';
import { currentUser, requireRole } from '@/lib/auth/session';
import { MembershipInputError } from '@/lib/auth/memberships';
import { assertMembershipRegion, deleteMembership, getKommunOfCurrentPlan, saveMembership } from '@/lib/data/memberships';
import { describeDbError } from '@/lib/data/door';
import { getActiveAdminCount, getUser, getUserIdByEmail, saveAuditEntry, saveInvitation, saveSignInUnlock } from '@/lib/data/users';
import { UnfinishedUserError } from '@/lib/auth/users';

export interface UserActionState {
  ok: boolean | null;
  message: string | null;
  /** An invitation link to pass on (shown once). */
  link?: string;
}

const inviteSchema = z.object({
  email: z.email({ error: 'Ange en giltig e-postadress.' }).transform((v) => v.trim().toLowerCase()),
  name: z.string().trim().max(200).optional(),
  role: z.string().transform((v, ctx) => parseMembershipRole(v) ?? (ctx.addIssue({ code: 'custom', message: 'Välj en roll.' }), z.NEVER)),
  region: z
    .string()
    .trim()
    .regex(/^(\d{2}|\d{4})$/, 'Välj en kommun eller ett län.')
    .optional(),
});

/**
 * Where an invited or changed role is held: administratör is the installation's (everything everywhere), läsare and
 * samordnare a kommun's (the chosen one, by default the installation's first), regionsamordnare a län's.
 */
async function roleRegion(role: MembershipRole, region: string | undefined): Promise<string | null> {
  if (role === 'admin') return null;
  return region ?? (await getKommunOfCurrentPlan());
}

/**
 * Invite: create the user (no password yet) and return a link where they choose one, valid 7 days. The installation's
 * administrator invites anyone anywhere; a kommun's administratör invites into that kommun only, as läsare or
 * samordnare (mayManage: the same rule as giving a role there). Nothing is written before both checks.
 */
export async function inviteUserAction(_prev: UserActionState, form: FormData): Promise<UserActionState> {
  const admin = await currentUser();
  if (!admin) unauthorized();
  const managed = managedKommuner(admin);
  if (managed !== null && managed.length === 0) forbidden();
  const parsed = inviteSchema.safeParse({
    email: form.get('email'),
    name: form.get('name') || undefined,
    role: form.get('role'),
    region: form.get('region') || undefined,
  });
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => i.message).join(' ') };
  const { email, name, role } = parsed.data;
  const region = await roleRegion(role, parsed.data.region);
  if (role === 'admin' ? managed !== null : region !== null && !mayManage(admin, region)) forbidden();
  if (role !== 'admin' && !region) return { ok: false, message: 'Välj en kommun eller ett län för rollen.' };
  const h = await headers();
  try {
    if (await getUserIdByEmail(email)) return { ok: false, message: `Det finns redan en användare med e-postadressen ${email}.` };
    if (region) await assertMembershipRegion({ regionCode: region, role }); // before the user exists: no half-made invitation
    const auth = await getAuth();
    // A random password nobody knows: the credential account exists, and the invite link replaces it. Created as the
    // server, not with the caller's session: who may invite was checked above, and better-auth's own roles know only
    // the installation's administrator, not a kommun's. All or nothing: a failure after the user exists removes it.
    const { link } = await saveInvitation(
      auth,
      { email, name: name || email, role, region, password: randomBytes(32).toString('base64url') },
      { actorId: admin.id, actor: admin.email, ip: clientIp(h) },
      () =>
        captureInviteLink(email, () => auth.api.requestPasswordReset({ headers: h, body: { email, redirectTo: '/konto/nytt-losenord' } })),
    );
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
    if (err instanceof MembershipInputError) return { ok: false, message: `${err.message} Inget sparades.` };
    console.error('invite failed:', describeDbError(err instanceof UnfinishedUserError ? err.cause : err));
    if (err instanceof UnfinishedUserError) {
      revalidatePath('/admin/anvandare');
      return {
        ok: false,
        message: `Inbjudan kunde inte slutföras, och användaren ${email} kunde inte tas bort igen (databasfel). Den finns kvar i listan utan roll: inaktivera den.`,
      };
    }
    return { ok: false, message: 'Inbjudan kunde inte skapas. Inget sparades.' };
  }
}

const idSchema = z.string().min(1).max(100);

async function loadTarget(form: FormData) {
  const id = idSchema.safeParse(form.get('userId'));
  if (!id.success) return null;
  return getUser(id.data);
}

/**
 * The role column of the user list: administratör makes the installation's administrator; läsare and samordnare are the
 * role in the installation's first kommun (other kommuner and län: the memberships beside it).
 */
export async function setRoleAction(_prev: UserActionState, form: FormData): Promise<UserActionState> {
  const admin = await requireRole('admin', 'installation');
  const role: Role | null = parseRole(String(form.get('role') ?? ''));
  if (!role) return { ok: false, message: 'Välj en roll.' };
  const user = await loadTarget(form);
  if (!user) return { ok: false, message: 'Användaren finns inte.' };
  const first = await getKommunOfCurrentPlan();
  if (role !== 'admin' && !first) return { ok: false, message: 'Ingen kommun har en plan ännu: rollen kan inte ges.' };
  if (user.role === 'admin' && role !== 'admin' && !user.banned && (await getActiveAdminCount()) <= 1) {
    return { ok: false, message: 'Det måste finnas minst en aktiv administratör. Utse en annan först.' };
  }
  const h = await headers();
  const by = { actorId: admin.id, actor: admin.email, ip: clientIp(h) };
  const installationRole = role === 'admin' ? 'admin' : 'reader';
  if (user.role !== installationRole) {
    const auth = await getAuth();
    await auth.api.setRole({ headers: h, body: { userId: user.id, role: installationRole } });
  }
  if (role === 'coordinator') await saveMembership({ userId: user.id, regionCode: first!, role }, by);
  if (role === 'reader') await deleteMembership({ userId: user.id, regionCode: first! }, by);
  const before = user.role === 'admin' ? 'admin' : 'reader';
  await saveAuditEntry({
    ...by,
    action: 'user_role_changed',
    targetType: 'användare',
    targetId: user.id,
    summary: `Ändrade rollen för ${user.email}: ${roleName(before)} → ${roleName(role)}${role === 'admin' ? '' : ` (i ${first})`}.`,
    before: { role: before },
    after: { role, regionCode: role === 'admin' ? null : first },
  });
  revalidatePath('/admin/anvandare');
  return { ok: true, message: `${user.email} har nu rollen ${roleName(role)}.` };
}

const membershipSchema = z.object({
  userId: z.string().min(1).max(100),
  region: z
    .string()
    .trim()
    .regex(/^(\d{2}|\d{4})$/, 'Välj en kommun eller ett län.'),
});

/**
 * The signed-in user who may manage roles on `region` (the installation's administrator anywhere, a kommun's
 * administratör on that kommun only), else 401/403.
 */
async function requireManager(region: string) {
  const me = await currentUser();
  if (!me) unauthorized();
  if (!mayManage(me, region)) forbidden();
  return me;
}

/** Gives a user a role in a kommun or län (replacing their role there), recorded in the change log. */
export async function addMembershipAction(_prev: UserActionState, form: FormData): Promise<UserActionState> {
  const parsed = membershipSchema.safeParse({ userId: form.get('userId'), region: form.get('region') });
  const me = await requireManager(parsed.success ? parsed.data.region : '');
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => i.message).join(' ') };
  const role = parseMembershipRole(String(form.get('role') ?? ''));
  if (!role) return { ok: false, message: 'Välj en roll.' };
  try {
    const r = await saveMembership(
      { userId: parsed.data.userId, regionCode: parsed.data.region, role },
      { actorId: me.id, actor: me.email, ip: clientIp(await headers()) },
    );
    revalidatePath('/admin/anvandare');
    return { ok: true, message: `${r.email} är ${roleName(role)} i ${r.regionName}${r.changed ? '' : ' (redan)'}.` };
  } catch (err) {
    if (err instanceof MembershipInputError) return { ok: false, message: err.message };
    console.error('membership failed:', describeDbError(err));
    return { ok: false, message: 'Rollen kunde inte sparas. Inget ändrades.' };
  }
}

/** Takes a user's role in a kommun or län away (they stay läsare), recorded in the change log. */
export async function removeMembershipAction(_prev: UserActionState, form: FormData): Promise<UserActionState> {
  const parsed = membershipSchema.safeParse({ userId: form.get('userId'), region: form.get('region') });
  const me = await requireManager(parsed.success ? parsed.data.region : '');
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => i.message).join(' ') };
  const r = await deleteMembership(
    { userId: parsed.data.userId, regionCode: parsed.data.region },
    { actorId: me.id, actor: me.email, ip: clientIp(await headers()) },
  );
  if (!r) return { ok: true, message: 'Rollen fanns inte. Inget ändrades.' };
  revalidatePath('/admin/anvandare');
  // The row's form is gone with the role: the page says what happened.
  redirect(`/admin/anvandare?roll-borttagen=${encodeURIComponent(`${parsed.data.userId}:${parsed.data.region}`)}#resultat`);
}

export async function setActiveAction(_prev: UserActionState, form: FormData): Promise<UserActionState> {
  const admin = await requireRole('admin', 'installation');
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
  const admin = await requireRole('admin', 'installation');
  const user = await loadTarget(form);
  if (!user) return { ok: false, message: 'Användaren finns inte.' };
  await saveSignInUnlock(user.id, { actorId: admin.id, actor: admin.email, ip: clientIp(await headers()) });
  return { ok: true, message: `${user.email} kan logga in igen.` };
}
