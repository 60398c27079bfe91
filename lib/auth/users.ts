import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { writeAudit } from '../audit';
import type { Db } from '../db/client';
import { authUsers, regions } from '../db/schema';
import { firstKommun, setMembership } from './memberships';
import { roleName, type MembershipRole } from './roles';
import { authFor, MIN_PASSWORD_LENGTH } from './server';

export class UserInputError extends Error {}

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
      await db.delete(authUsers).where(eq(authUsers.id, res.user.id)); // no half-made user
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
