import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '@/lib/auth/roles';
import { AUDIT_ACTIONS } from '@/lib/audit';
import { AS_PLANNED, DECISION_KINDS, EFFECT_HORIZONS, MEASURE_STATUSES, REVIEW_STATUSES } from '@/lib/vocabulary';
import { migrationFiles, migrationIndex, migrationStatements, RUNNERS, type Runner } from '../helpers/migrations';

/**
 * Migration 0007 renames the Swedish stored values to English identifiers in a database that already holds
 * them. The migrations are applied one file at a time (as drizzle splits them), with Swedish rows written
 * between 0006 and 0007, on PGlite and on PostgreSQL when DATABASE_URL is set.
 */
const files = migrationFiles;
const until = migrationIndex('0007_');
const statements = migrationStatements;

describe.each(RUNNERS)('migration 0007 (stored values in English) on %s', (_name, open) => {
  let db: Runner;
  beforeAll(async () => {
    db = await open();
    for (const f of files.slice(0, until)) for (const s of statements(f)) await db.run(s);
    await db.run(`insert into auth_users (id, name, email, role) values
      ('u1', 'Läsa', 'l@x.se', 'läsare'), ('u2', 'Samo', 's@x.se', 'samordnare'), ('u3', 'Adm', 'a@x.se', 'administratör')`);
    await db.run(`insert into audit_log (actor, action, summary) values
      ('a@x.se', 'inloggning', 's'), ('a@x.se', 'användare-roll', 's'), ('a@x.se', 'import', 's'), ('a@x.se', 'plan-reviderad', 's')`);
    for (const s of statements(files[until]!)) await db.run(s);
  }, 120_000);
  afterAll(async () => db?.close());

  it('renames every enum value to the vocabulary and keeps the order', async () => {
    const range = async (t: string) => (await db.rows<{ v: string }>(`select unnest(enum_range(null::${t}))::text as v`)).map((r) => r.v);
    expect(await range('action_status')).toEqual([...MEASURE_STATUSES]);
    expect(await range('as_planned')).toEqual([...AS_PLANNED]);
    expect(await range('effect_horizon')).toEqual([...EFFECT_HORIZONS]);
    expect(await range('review_status')).toEqual([...REVIEW_STATUSES]);
  });

  it('rewrites stored roles and audit actions, and the role check accepts only the new words', async () => {
    const roles = await db.rows<{ id: string; role: string }>('select id, role from auth_users order by id');
    expect(roles.map((r) => r.role)).toEqual(['reader', 'coordinator', 'admin']);
    expect(roles.every((r) => (ROLES as readonly string[]).includes(r.role))).toBe(true);
    const actions = (await db.rows<{ action: string }>('select action from audit_log order by id')).map((r) => r.action);
    expect(actions).toEqual(['sign_in', 'user_role_changed', 'import', 'plan_revised']);
    expect(actions.every((a) => Object.hasOwn(AUDIT_ACTIONS, a))).toBe(true);
    await expect(db.run(`insert into auth_users (id, name, email, role) values ('u4', 'X', 'x@x.se', 'samordnare')`)).rejects.toThrow();
    await db.run(`insert into auth_users (id, name, email) values ('u5', 'Y', 'y@x.se')`);
    expect(await db.rows<{ role: string }>(`select role from auth_users where id = 'u5'`)).toEqual([{ role: 'reader' }]);
  });

  it('leaves decision kinds that the vocabulary knows', async () => {
    // The update's target words are exactly the vocabulary's keys.
    const sql = statements(files[until]!).find((s) => s.includes('review_decisions'))!;
    for (const k of Object.keys(DECISION_KINDS)) expect(sql).toContain(`then '${k}'`);
  });
});
