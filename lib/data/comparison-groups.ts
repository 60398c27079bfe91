import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit } from '../audit';
import type { Db } from '../db/client';
import { withTx } from '../db/tx';
import { comparisonGroupMembers, comparisonGroups, regions } from '../db/schema';
import type { Actor } from '../import/commit';
import { InputError, parseInput } from '../input';
import { getCurrentPlan, getRegionWithParent } from '../db/queries/plan';
import { listComparisonGroups } from './comparison';

const ownGroupInput = z.object({
  title: z.string().trim().min(3, 'ange ett namn på minst 3 tecken').max(120, 'högst 120 tecken'),
  members: z
    .array(z.string().regex(/^\d{4}$/, 'kommunkoder har fyra siffror'))
    .min(2, 'välj minst två kommuner')
    .max(50, 'högst 50 kommuner'),
});

/**
 * Creates a kommun's own comparison group (grannkommuner …) with its members, and records it in the change
 * record in the same transaction. Members must be kommuner; the owning kommun may be one of them.
 */
export async function saveOwnGroup(db: Db, ownerCode: string, input: { title?: string; members: string[] }, actor: Actor) {
  const data = parseInput(
    ownGroupInput,
    { title: input.title ?? '', members: [...new Set(input.members.map((m) => m.trim()).filter(Boolean))] },
    (k) => (k.startsWith('members') ? 'Kommuner' : 'Namn'),
  );
  return withTx(db, async (tx) => {
    const known = await tx
      .select({ code: regions.code, name: regions.name })
      .from(regions)
      .where(and(inArray(regions.code, data.members), eq(regions.kind, 'kommun')));
    const unknown = data.members.filter((m) => !known.some((k) => k.code === m));
    if (unknown.length > 0) throw new InputError(`Kommuner: okänd kommunkod ${unknown.join(', ')} (väntat SCB:s fyrsiffriga kommunkoder).`);
    const [{ n }] = (await tx
      .select({ n: sql<number>`coalesce(max(substring(${comparisonGroups.id} from 5)::int), 0) + 1` })
      .from(comparisonGroups)
      .where(like(comparisonGroups.id, 'own-%'))) as [{ n: number }];
    const id = `own-${Number(n)}`;
    await tx
      .insert(comparisonGroups)
      .values({ id, kind: 'own', title: data.title, ownerCode, year: null, source: `Egen grupp, skapad av ${actor.actor}` });
    await tx.insert(comparisonGroupMembers).values(data.members.map((regionCode) => ({ groupId: id, regionCode })));
    await writeAudit(tx, {
      actorId: actor.actorId,
      actor: actor.actor,
      ip: actor.ip ?? null,
      action: 'comparison_group_saved',
      targetType: 'comparison_group',
      targetId: id,
      summary: `Jämförelsegruppen "${data.title}" skapad med ${known.map((k) => k.name).join(', ')}`,
      after: { title: data.title, members: data.members },
    });
    return { id, title: data.title, members: known };
  });
}

/** Removes one of the kommun's own groups (never a reference group), recorded in the change record. */
export async function removeOwnGroup(db: Db, ownerCode: string, id: string, actor: Actor): Promise<string> {
  return withTx(db, async (tx) => {
    const [g] = await tx
      .select()
      .from(comparisonGroups)
      .where(and(eq(comparisonGroups.id, id), eq(comparisonGroups.kind, 'own'), eq(comparisonGroups.ownerCode, ownerCode)));
    if (!g) throw new InputError('Gruppen finns inte, eller är inte en egen grupp som kan tas bort.');
    const members = await tx
      .select({ code: comparisonGroupMembers.regionCode })
      .from(comparisonGroupMembers)
      .where(eq(comparisonGroupMembers.groupId, id));
    await tx.delete(comparisonGroups).where(eq(comparisonGroups.id, id));
    await writeAudit(tx, {
      actorId: actor.actorId,
      actor: actor.actor,
      ip: actor.ip ?? null,
      action: 'comparison_group_removed',
      targetType: 'comparison_group',
      targetId: id,
      summary: `Jämförelsegruppen "${g.title}" borttagen`,
      before: { title: g.title, members: members.map((m) => m.code).sort() },
    });
    return g.title;
  });
}

/**
 * The plan's kommun, the kommuner of its län (for the form) and every group it can compare with; the given kommun's
 * (without one, the installation's first kommun's).
 */
export async function loadGroupsPage(db: Db, kommunCode?: string) {
  const plan = await getCurrentPlan(db, kommunCode);
  if (!plan) return null;
  const geo = await getRegionWithParent(db, plan.kommunCode);
  if (!geo?.parent) return null;
  const lanKommuner = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(eq(regions.parentCode, geo.parent.code))
    .orderBy(regions.name);
  return {
    kommun: { code: geo.region.code, name: geo.region.shortName },
    lan: geo.parent.shortName,
    lanKommuner,
    groups: await listComparisonGroups(db, plan.kommunCode),
  };
}

/** The plan's kommun (own groups belong to it). */
export async function planKommun(db: Db): Promise<string> {
  const plan = await getCurrentPlan(db);
  if (!plan) throw new InputError('Ingen åtgärdsplan är inläst.');
  return plan.kommunCode;
}
