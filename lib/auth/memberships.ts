import { and, asc, eq } from 'drizzle-orm';
import { writeAudit } from '../audit';
import type { Db } from '../db/client';
import { getCurrentPlan } from '../db/queries/plan';
import { actions, authUsers, comparisonGroups, memberships, plans, regions, reviews } from '../db/schema';
import { withTx } from '../db/tx';
import { fitsRegion, isMembershipRole, roleName, type Membership, type MembershipRole } from './roles';

export class MembershipInputError extends Error {}

/** Who gives or takes a role, for the change record. */
export interface MembershipActor {
  actorId: string | null;
  actor: string;
  ip?: string | null;
}

/** One user's memberships (one query), for the session. */
export async function listMemberships(db: Db, userId: string): Promise<Membership[]> {
  const rows = await db
    .select({ regionCode: memberships.regionCode, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.regionCode));
  return rows.filter((r): r is Membership => isMembershipRole(r.role));
}

/**
 * Memberships with their regions' names: every user's for the user administration page, or one user's for their own
 * account page ("Samordnare i Hedemora (2083)").
 */
export async function listAllMemberships(db: Db, userId?: string) {
  const rows = await db
    .select({ userId: memberships.userId, regionCode: memberships.regionCode, role: memberships.role, regionName: regions.name })
    .from(memberships)
    .innerJoin(regions, eq(regions.code, memberships.regionCode))
    .where(userId === undefined ? undefined : eq(memberships.userId, userId))
    .orderBy(asc(regions.name));
  return rows.filter((r): r is typeof r & { role: MembershipRole } => isMembershipRole(r.role));
}

/** The kommuner with a plan and every län, with names: what a role can be given on; and the installation's first kommun. */
export async function listMembershipRegions(db: Db) {
  const kommuner = await db
    .selectDistinct({ code: regions.code, name: regions.name })
    .from(plans)
    .innerJoin(regions, eq(regions.code, plans.kommunCode))
    .orderBy(asc(regions.name));
  const lan = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(eq(regions.kind, 'lan'))
    .orderBy(asc(regions.name));
  return { kommuner, lan, first: await firstKommun(db) };
}

/** The installation's first kommun (its first plan's, as getCurrentPlan() without a kommun), or null before any plan. */
export async function firstKommun(db: Db): Promise<string | null> {
  const [row] = await db.select({ kommunCode: plans.kommunCode }).from(plans).orderBy(asc(plans.id)).limit(1);
  return row?.kommunCode ?? null;
}

async function regionName(db: Db, code: string): Promise<string | null> {
  const [row] = await db.select({ name: regions.name, kind: regions.kind }).from(regions).where(eq(regions.code, code));
  return row ? row.name : null;
}

/**
 * The name of the region a role is to be held on, or MembershipInputError when the role cannot be held there (a kommun
 * role on a län or the reverse, an unknown code): checked before a user is invited with the role, and by setMembership.
 */
export async function checkMembershipRegion(db: Db, input: { regionCode: string; role: MembershipRole }): Promise<string> {
  if (!fitsRegion(input.role, input.regionCode)) {
    throw new MembershipInputError(
      input.role === 'regional_coordinator'
        ? 'Regionsamordnare är en roll i ett län (tvåsiffrig länskod).'
        : 'Rollen ges i en kommun (fyrsiffrig kommunkod).',
    );
  }
  const name = await regionName(db, input.regionCode);
  if (!name) throw new MembershipInputError(`Okänd region ${input.regionCode}.`);
  return name;
}

/**
 * Gives a user a role on a kommun or län (replacing the role they had there), recorded in the change record in the
 * same transaction. Who may do so is checked by the caller (lib/auth/roles.ts mayManage).
 */
export async function setMembership(
  db: Db,
  input: { userId: string; regionCode: string; role: MembershipRole },
  by: MembershipActor,
): Promise<{ email: string; regionName: string; changed: boolean }> {
  const name = await checkMembershipRegion(db, input);
  return withTx(db, async (tx) => {
    const [user] = await tx.select({ email: authUsers.email }).from(authUsers).where(eq(authUsers.id, input.userId));
    if (!user) throw new MembershipInputError('Användaren finns inte.');
    const [before] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.userId, input.userId), eq(memberships.regionCode, input.regionCode)));
    if (before?.role === input.role) return { email: user.email, regionName: name, changed: false };
    await tx
      .insert(memberships)
      .values({ userId: input.userId, regionCode: input.regionCode, role: input.role, createdBy: by.actor })
      .onConflictDoUpdate({
        target: [memberships.userId, memberships.regionCode],
        set: { role: input.role, createdBy: by.actor, createdAt: new Date() },
      });
    await writeAudit(tx, {
      actorId: by.actorId,
      actor: by.actor,
      ip: by.ip ?? null,
      action: 'membership_added',
      targetType: 'användare',
      targetId: input.userId,
      summary: `Gav ${user.email} rollen ${roleName(input.role)} i ${name} (${input.regionCode})${before ? ` (tidigare ${roleName(before.role)})` : ''}.`,
      before: before ? { regionCode: input.regionCode, role: before.role } : undefined,
      after: { regionCode: input.regionCode, role: input.role },
    });
    return { email: user.email, regionName: name, changed: true };
  });
}

/** Takes a user's role on a kommun or län away, recorded in the change record; null when there was none. */
export async function removeMembership(
  db: Db,
  input: { userId: string; regionCode: string },
  by: MembershipActor,
): Promise<{ email: string; regionName: string; role: MembershipRole } | null> {
  return withTx(db, async (tx) => {
    const [row] = await tx
      .select({ role: memberships.role, email: authUsers.email, regionName: regions.name })
      .from(memberships)
      .innerJoin(authUsers, eq(authUsers.id, memberships.userId))
      .innerJoin(regions, eq(regions.code, memberships.regionCode))
      .where(and(eq(memberships.userId, input.userId), eq(memberships.regionCode, input.regionCode)));
    if (!row || !isMembershipRole(row.role)) return null;
    await tx.delete(memberships).where(and(eq(memberships.userId, input.userId), eq(memberships.regionCode, input.regionCode)));
    await writeAudit(tx, {
      actorId: by.actorId,
      actor: by.actor,
      ip: by.ip ?? null,
      action: 'membership_removed',
      targetType: 'användare',
      targetId: input.userId,
      summary: `Tog bort rollen ${roleName(row.role)} i ${row.regionName} (${input.regionCode}) från ${row.email}.`,
      before: { regionCode: input.regionCode, role: row.role },
    });
    return { email: row.email, regionName: row.regionName, role: row.role };
  });
}

// The kommun a write touches, always read from the object in the database (never from a form field).

/** The kommun of the plan the plan pages edit today: the installation's first kommun's plan in force. */
export async function kommunOfCurrentPlan(db: Db): Promise<string | null> {
  return (await getCurrentPlan(db))?.kommunCode ?? null;
}

/** The kommun of an åtgärd: its plan's. */
export async function kommunOfAction(db: Db, actionId: number): Promise<string | null> {
  const [row] = await db
    .select({ kommunCode: plans.kommunCode })
    .from(actions)
    .innerJoin(plans, eq(plans.id, actions.planId))
    .where(eq(actions.id, actionId));
  return row?.kommunCode ?? null;
}

/** The kommun of a review (uppföljning): its plan's. */
export async function kommunOfReview(db: Db, reviewId: number): Promise<string | null> {
  const [row] = await db
    .select({ kommunCode: plans.kommunCode })
    .from(reviews)
    .innerJoin(plans, eq(plans.id, reviews.planId))
    .where(eq(reviews.id, reviewId));
  return row?.kommunCode ?? null;
}

/** The kommun that owns a comparison group (reference groups have none). */
export async function kommunOfGroup(db: Db, groupId: string): Promise<string | null> {
  const [row] = await db.select({ ownerCode: comparisonGroups.ownerCode }).from(comparisonGroups).where(eq(comparisonGroups.id, groupId));
  return row?.ownerCode ?? null;
}
