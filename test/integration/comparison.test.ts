import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/lib/db/client';
import { auditLog, comparisonGroupMembers, comparisonGroups } from '@/lib/db/schema';
import { listComparisonGroups, loadGroupComparison, loadIndicatorMap } from '@/lib/data/comparison';
import { removeOwnGroup, saveOwnGroup } from '@/lib/data/comparison-groups';
import { InputError } from '@/lib/input';
import { readSeedFiles } from '@/lib/seed/files';
import { seed } from '@/lib/seed/seed';
import { DRIVERS, freshDb } from '../helpers/db';

const ID = 'bra_anm_narkotikabrott_100k';

describe.each(DRIVERS)('comparison groups and maps on %s', (driver) => {
  let h: DbHandle;

  beforeAll(async () => {
    h = await freshDb(driver);
    await seed(h.db, readSeedFiles());
  });
  afterAll(async () => h?.close());

  it("seeds SKR's 9 kommungrupper over all 290 kommuner and Kolada's 12 groups of 7 for Hedemora", async () => {
    const kinds = await h.db.select({ kind: comparisonGroups.kind, n: count() }).from(comparisonGroups).groupBy(comparisonGroups.kind);
    expect(Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n)]))).toEqual({ skr_kommungrupp: 9, kolada_liknande: 12 });
    const [skr] = await h.db
      .select({ n: count() })
      .from(comparisonGroupMembers)
      .innerJoin(comparisonGroups, eq(comparisonGroups.id, comparisonGroupMembers.groupId))
      .where(eq(comparisonGroups.kind, 'skr_kommungrupp'));
    expect(Number(skr!.n)).toBe(290);
    const groups = await listComparisonGroups(h.db, '2083');
    expect(groups[0]).toMatchObject({ kind: 'skr_kommungrupp', title: 'Pendlingskommun nära mindre tätort' });
    const overall = groups.find((g) => g.title === 'Liknande kommuner, övergripande, Hedemora, 2025');
    expect(overall?.members.map((m) => m.name).sort()).toEqual([
      'Hallsberg',
      'Hallstahammar',
      'Kungsör',
      'Markaryd',
      'Rättvik',
      'Tibro',
      'Tranås',
    ]);
    expect(groups.filter((g) => g.kind === 'kolada_liknande')).toHaveLength(12);
  });

  it('seeds again without changing a group or a member', async () => {
    const before = await h.db.execute(sql`select id, updated_at from comparison_groups order by id`);
    const [m0] = await h.db.select({ n: count() }).from(comparisonGroupMembers);
    await seed(h.db, readSeedFiles());
    const after = await h.db.execute(sql`select id, updated_at from comparison_groups order by id`);
    const [m1] = await h.db.select({ n: count() }).from(comparisonGroupMembers);
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
    expect(Number(m1!.n)).toBe(Number(m0!.n));
  });

  it("maps Dalarna's 15 kommuner for 2024 with the classes worked out by hand in test/unit/maps.test.ts", async () => {
    const m = (await loadIndicatorMap(h.db, ID, { scope: 'lan', benchmark: 'lan' }))!;
    expect(m.period).toBe('2024');
    expect(m.entries).toHaveLength(15);
    const cls = (name: string) => m.entries.find((e) => e.name === name)?.cls;
    // Robust to over-dispersion: Gagnef |z| 6.9 and Borlänge 17.6 stay beyond 1.96 for φ < 12; Hedemora's 1.10 only shrinks.
    expect([cls('Gagnef'), cls('Borlänge'), cls('Hedemora')]).toEqual(['lower', 'higher', 'similar']);
    const hedemora = m.entries.find((e) => e.code === '2083')!;
    expect(hedemora).toMatchObject({ value: 784, count: 120, example: false });
    expect(hedemora.ciLow!).toBeLessThan(784);
    expect(hedemora.ciHigh!).toBeGreaterThan(784);
    expect(m.sources.join(' ')).toMatch(/Brå/);
  });

  it('maps all of Sweden with the kommuner outside Dalarna as "underlag saknas"', async () => {
    const m = (await loadIndicatorMap(h.db, ID, { scope: 'riket', benchmark: 'riket', period: '2023' }))!;
    expect(m.period).toBe('2023');
    expect(m.entries).toHaveLength(290);
    expect(m.entries.filter((e) => e.cls !== 'none').length).toBe(15);
    expect(m.entries.find((e) => e.code === '0180')).toMatchObject({ cls: 'none', value: null });
  });

  it("gives a group's median and middle 50 % from its members' real values", async () => {
    // SKR's "Landsbygdskommun med besöksnäring" has six kommuner in Dalarna. Brå 2024, per 100 000:
    // Älvdalen 405, Leksand 609, Rättvik 672, Mora 974, Orsa 1 003, Malung-Sälen 1 053 →
    // median (672 + 974)/2 = 823; q1 609 + 0.25·63 = 624.75; q3 974 + 0.75·29 = 995.75. Hedemora 784 lies inside.
    const [g] = await h.db.select().from(comparisonGroups).where(eq(comparisonGroups.title, 'Landsbygdskommun med besöksnäring'));
    const c = (await loadGroupComparison(h.db, ID, g!.id, '2083'))!;
    const p = c.periods.find((x) => x.period === '2024')!;
    expect(p).toMatchObject({ n: 6, median: 823, q1: 624.75, q3: 995.75, kommun: 784, position: 'within' });
    expect(p.significance?.label).toMatch(/mot gruppen|än gruppen/);
  });

  it("draws no band for a group with fewer than three values (Hedemora's own SKR group has one kommun in Dalarna)", async () => {
    const c = (await loadGroupComparison(h.db, ID, 'G92789', '2083'))!;
    expect(c.periods.every((p) => p.median === null && p.n <= 1)).toBe(true);
  });

  it("keeps a kommun's own group (grannkommuner), audited, and compares with it; refuses unknown kommuner and reference groups", async () => {
    const actor = { actorId: null, actor: 'anna.andersson@hedemora.se', ip: '127.0.0.1' };
    await expect(saveOwnGroup(h.db, '2083', { title: 'Fel', members: ['2084', '9999'] }, actor)).rejects.toThrow(/okänd kommunkod 9999/);
    await expect(saveOwnGroup(h.db, '2083', { title: 'En', members: ['2084'] }, actor)).rejects.toBeInstanceOf(InputError);
    const g = await saveOwnGroup(h.db, '2083', { title: 'Grannkommuner', members: ['2084', '2082', '2080', '2081'] }, actor);
    const [entry] = await h.db.select().from(auditLog).where(eq(auditLog.targetId, g.id));
    expect(entry).toMatchObject({ action: 'comparison_group_saved', actor: 'anna.andersson@hedemora.se', targetType: 'comparison_group' });
    expect((await listComparisonGroups(h.db, '2083')).find((x) => x.id === g.id)?.members.map((m) => m.name)).toEqual([
      'Avesta',
      'Borlänge',
      'Falun',
      'Säter',
    ]);
    // Brå 2024 per 100 000: Säter 427, Falun 569, Avesta 1 275, Borlänge 1 534 → median (569 + 1 275)/2 = 922;
    // q1 427 + 0.75·142 = 533.5; q3 1 275 + 0.25·259 = 1 339.75. Hedemora 784 lies inside.
    const c = (await loadGroupComparison(h.db, ID, g.id, '2083'))!;
    expect(c.periods.find((p) => p.period === '2024')).toMatchObject({ n: 4, median: 922, q1: 533.5, q3: 1339.75, position: 'within' });
    await expect(removeOwnGroup(h.db, '2083', 'G92789', actor)).rejects.toBeInstanceOf(InputError);
    expect(await removeOwnGroup(h.db, '2083', g.id, actor)).toBe('Grannkommuner');
    expect(await h.db.select().from(comparisonGroupMembers).where(eq(comparisonGroupMembers.groupId, g.id))).toEqual([]);
    const [removed] = await h.db.select().from(auditLog).where(eq(auditLog.action, 'comparison_group_removed'));
    expect(removed?.before).toEqual({ title: 'Grannkommuner', members: ['2080', '2081', '2082', '2084'] });
  });
});
