import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { writeAudit } from '../audit';
import type { Db } from '../db/client';
import { authUsers, authVerifications, regions } from '../db/schema';
import { withTx } from '../db/tx';
import { firstKommun, setMembership, type MembershipActor } from './memberships';
import { roleName, type MembershipRole } from './roles';
import { authFor, MIN_PASSWORD_LENGTH, type Auth } from './server';

export class UserInputError extends Error {}

/** An invitation failed after its user existed, and the user could not be removed again: it is left half-made. */
export class UnfinishedUserError extends Error {
  constructor(
    readonly email: string,
    cause: unknown,
  ) {
    super(`the invitation of ${email} failed and its user could not be removed`, { cause });
  }
}

/**
 * Removes a user whose creation did not finish, with everything written for it: its accounts, sessions and memberships
 * (by cascade) and its invitation link (a password-reset verification whose value is the user's id), in one transaction.
 */
export async function removeUnfinishedUser(db: Db, userId: string): Promise<void> {
  await withTx(db, async (tx) => {
    await tx.delete(authVerifications).where(eq(authVerifications.value, userId));
    await tx.delete(authUsers).where(eq(authUsers.id, userId));
  });
}

/**
 * Invites a user, all or nothing. better-auth writes the user and its credential account through its own adapter (on
 * the server's handle, outside any transaction of ours), so the rest follows it and undoes it on failure: the link is
 * made (`makeLink`, better-auth's password reset; null when none came back), then the role and the change record are
 * written in one transaction. When a step after the user exists throws, the user is removed with everything written
 * for it (removeUnfinishedUser) and the error is thrown on; UnfinishedUserError when even that fails. Who may invite
 * whom, and whether the address is free, are the caller's checks, made before.
 */
export async function inviteUser(
  db: Db,
  auth: Auth,
  input: { email: string; name: string; role: MembershipRole; region: string | null; password: string },
  by: MembershipActor,
  makeLink: () => Promise<string | null>,
): Promise<{ id: string; link: string | null }> {
  const { email, name, role, region } = input;
  const created = await auth.api.createUser({
    body: { email, name, password: input.password, role: role === 'admin' ? 'admin' : 'reader' },
  });
  const id = created.user.id;
  try {
    const link = await makeLink();
    await withTx(db, async (tx) => {
      const granted = region ? await setMembership(tx, { userId: id, regionCode: region, role }, by) : null;
      await writeAudit(tx, {
        actorId: by.actorId,
        actor: by.actor,
        ip: by.ip ?? null,
        action: 'user_invited',
        targetType: 'användare',
        targetId: id,
        summary: `Bjöd in ${email} med rollen ${roleName(role)}${granted ? ` i ${granted.regionName} (${region})` : ''}.`,
        after: { email, name, role, regionCode: region },
      });
    });
    return { id, link };
  } catch (err) {
    try {
      await removeUnfinishedUser(db, id);
    } catch (cleanup) {
      throw new UnfinishedUserError(email, new AggregateError([err, cleanup]));
    }
    throw err;
  }
}

const emailSchema = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A password that satisfies the policy, for the CLI when none is given: 24 characters from 18 random bytes. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

export function checkPassword(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Lösenordet måste ha minst ${MIN_PASSWORD_LENGTH} tecken.`;
  if (password.length > 256) return 'Lösenordet får ha högst 256 tecken.';
  return null;
}

/**
 * Where a new user's role is held: nowhere for the installation's administrator, the län `lan` for a
 * regionsamordnare (it must be a län in the regions table), else the kommun `kommun` (by default the installation's
 * first kommun; a läsare without any kommun yet is simply a läsare).
 */
async function regionOfNewRole(db: Db, input: { role: MembershipRole; kommun?: string; lan?: string }): Promise<string | null> {
  if (input.role === 'regional_coordinator') {
    if (input.kommun !== undefined) throw new UserInputError('En regionsamordnare har sin roll i ett län: ange --lan, inte --kommun.');
    if (input.lan === undefined) throw new UserInputError('En regionsamordnare behöver ett län (länskod, t.ex. 20).');
    if (!/^\d{2}$/.test(input.lan)) throw new UserInputError(`Ogiltig länskod "${input.lan}" (två siffror).`);
    const [lan] = await db
      .select({ code: regions.code })
      .from(regions)
      .where(and(eq(regions.code, input.lan), eq(regions.kind, 'lan')));
    if (!lan) throw new UserInputError(`Länet ${input.lan} finns inte.`);
    return lan.code;
  }
  if (input.lan !== undefined) throw new UserInputError('Ett län ges bara med rollen regionsamordnare.');
  if (input.kommun !== undefined && !/^\d{4}$/.test(input.kommun))
    throw new UserInputError(`Ogiltig kommunkod "${input.kommun}" (fyra siffror).`);
  if (input.role === 'admin') return null;
  const kommun = input.kommun ?? (await firstKommun(db));
  if (input.role === 'coordinator' && !kommun) throw new UserInputError('Ingen kommun har en plan ännu: en samordnare behöver en kommun.');
  return kommun;
}

/**
 * Creates a user with an e-mail + password account (hashed by better-auth) and records it in the change log.
 * Administratör is the installation's administrator; läsare and samordnare are given in `kommun`, regionsamordnare
 * in `lan` (see regionOfNewRole). Nothing is written when the input is refused.
 * Used by `npm run user:create` and by tests; administrators invite through the user page instead.
 */
export async function createPasswordUser(
  db: Db,
  input: { email: string; name?: string; role: MembershipRole; password: string; kommun?: string; lan?: string },
  by: { actorId: string | null; actor: string },
): Promise<{ id: string }> {
  const email = input.email.trim().toLowerCase();
  if (!emailSchema.test(email)) throw new UserInputError(`Ogiltig e-postadress: "${input.email}".`);
  const bad = checkPassword(input.password);
  if (bad) throw new UserInputError(bad);
  const [existing] = await db
    .select({ id: authUsers.id })
    .from(authUsers)
    .where(sql`lower(${authUsers.email}) = ${email}`);
  if (existing) throw new UserInputError(`Det finns redan en användare med e-postadressen ${email}.`);
  const region = await regionOfNewRole(db, input);
  const auth = authFor(db);
  const installationRole = input.role === 'admin' ? 'admin' : 'reader';
  const res = await auth.api.createUser({
    body: { email, name: input.name?.trim() || email, password: input.password, role: installationRole },
  });
  const member = region !== null && input.role !== 'reader';
  if (member) {
    try {
      await setMembership(db, { userId: res.user.id, regionCode: region, role: input.role }, by);
    } catch (err) {
      await removeUnfinishedUser(db, res.user.id); // no half-made user
      throw err instanceof Error ? new UserInputError(err.message) : err;
    }
  }
  await writeAudit(db, {
    ...by,
    action: 'user_invited',
    targetType: 'användare',
    targetId: res.user.id,
    summary: `Skapade användaren ${email} med rollen ${roleName(input.role)}${member ? ` i ${region}` : ''}.`,
    after: { email, role: input.role, regionCode: member ? region : null },
  });
  return { id: res.user.id };
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(authUsers)
    .where(sql`${authUsers.role} = 'admin' and not ${authUsers.banned}`);
  return row?.n ?? 0;
}

export async function findUser(db: Db, id: string) {
  const [row] = await db.select().from(authUsers).where(eq(authUsers.id, id));
  return row ?? null;
}

/**
 * Lifts a sign-in lock (MAX_FAILED_SIGN_INS wrong passwords) on a user's account, from every address at once:
 * the lockout counts only failures after the latest sign-in or lifted lock. Recorded in the change log.
 */
export async function unlockSignIn(
  db: Db,
  userId: string,
  by: { actorId: string | null; actor: string; ip?: string | null },
): Promise<{ email: string } | null> {
  const user = await findUser(db, userId);
  if (!user) return null;
  await writeAudit(db, {
    ...by,
    action: 'sign_in_unlocked',
    targetType: 'användare',
    targetId: user.id,
    summary: `Hävde inloggningsspärren för ${user.email}.`,
    after: { email: user.email },
  });
  return { email: user.email };
}
