import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { writeAudit } from '../audit';
import type { Db } from '../db/client';
import { authUsers } from '../db/schema';
import { firstKommun, setMembership } from './memberships';
import { ROLE_LABELS, type Role } from './roles';
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
 * Creates a user with an e-mail + password account (hashed by better-auth) and records it in the change log.
 * Administratör is the installation's administrator; läsare and samordnare are given in `kommun` (by default the
 * installation's first kommun; a läsare without any kommun yet is simply a läsare).
 * Used by `npm run user:create` and by tests; administrators invite through the user page instead.
 */
export async function createPasswordUser(
  db: Db,
  input: { email: string; name?: string; role: Role; password: string; kommun?: string },
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
  const kommun = input.role === 'admin' ? null : (input.kommun ?? (await firstKommun(db)));
  if (input.kommun !== undefined && !/^\d{4}$/.test(input.kommun))
    throw new UserInputError(`Ogiltig kommunkod "${input.kommun}" (fyra siffror).`);
  if (input.role === 'coordinator' && !kommun) throw new UserInputError('Ingen kommun har en plan ännu: en samordnare behöver en kommun.');
  const auth = authFor(db);
  const installationRole = input.role === 'admin' ? 'admin' : 'reader';
  const res = await auth.api.createUser({
    body: { email, name: input.name?.trim() || email, password: input.password, role: installationRole },
  });
  if (kommun && input.role !== 'reader') {
    try {
      await setMembership(db, { userId: res.user.id, regionCode: kommun, role: input.role }, by);
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
    summary: `Skapade användaren ${email} med rollen ${ROLE_LABELS[input.role].toLowerCase()}${kommun && input.role !== 'reader' ? ` i ${kommun}` : ''}.`,
    after: { email, role: input.role, regionCode: input.role === 'reader' ? null : kommun },
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
