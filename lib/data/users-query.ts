import { asc, sql } from 'drizzle-orm';
import { lockedAccounts } from '../auth/server';
import type { Db } from '../db/client';
import { authAccounts, authUsers } from '../db/schema';

/** Every user by e-mail, how each signs in (account providers), and the e-mails whose sign-in is locked. */
export async function loadUserList(db: Db) {
  const [users, accounts, locked] = await Promise.all([
    db.select().from(authUsers).orderBy(asc(authUsers.email)),
    db.select({ userId: authAccounts.userId, providerId: authAccounts.providerId }).from(authAccounts),
    lockedAccounts(db),
  ]);
  return { users, accounts, locked };
}

/** The id of the user with this e-mail (compared in lower case), or null. */
export async function loadUserIdByEmail(db: Db, email: string): Promise<string | null> {
  const [existing] = await db
    .select({ id: authUsers.id })
    .from(authUsers)
    .where(sql`lower(${authUsers.email}) = ${email}`);
  return existing?.id ?? null;
}
