import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationFiles, migrationIndex, migrationStatements, RUNNERS, type Runner } from '../helpers/migrations';

/**
 * Migration 0011 (roles per kommun) on a database built by the previous version: the migrations before it are applied
 * one file at a time, users with the three old installation roles are written, then 0011 and everything after it run.
 * On PGlite and on PostgreSQL when DATABASE_URL is set.
 */
const files = migrationFiles;
const at = migrationIndex('0011_');
const statements = migrationStatements;

/** A plan row for kommun `code`: every required column of the table as it is before 0011 gets a plain value. */
async function insertPlan(db: Runner, code: string) {
  const cols = await db.rows<{ column_name: string; data_type: string }>(
    `select column_name, data_type from information_schema.columns
     where table_name = 'plans' and is_nullable = 'NO' and column_default is null and column_name <> 'kommun_code'`,
  );
  const value = (t: string) => (t === 'date' ? `'2024-01-01'` : t === 'integer' ? '1' : t === 'jsonb' ? `'{}'` : `'x'`);
  await db.run(
    `insert into plans (kommun_code, ${cols.map((c) => c.column_name).join(', ')}) values ('${code}', ${cols.map((c) => value(c.data_type)).join(', ')})`,
  );
}

const USERS = `insert into auth_users (id, name, email, role, banned) values
  ('u1', 'Läsa', 'l@x.se', 'reader', false), ('u2', 'Samo', 's@x.se', 'coordinator', false),
  ('u3', 'Adm', 'a@x.se', 'admin', false), ('u4', 'Samo2', 's2@x.se', 'coordinator', true)`;

describe.each(RUNNERS)('migration 0011 (roles per kommun) on %s', (_name, open) => {
  let db: Runner;
  beforeAll(async () => {
    db = await open();
    for (const f of files.slice(0, at)) for (const s of statements(f)) await db.run(s);
    await db.run(`insert into regions (code, kind, name, short_name, parent_code) values
      ('00', 'riket', 'Riket', 'Sverige', null), ('20', 'lan', 'Dalarnas län', 'Dalarna', '00'),
      ('2083', 'kommun', 'Hedemora', 'Hedemora', '20'), ('2084', 'kommun', 'Avesta', 'Avesta', '20')`);
    // The first plan loaded (lowest id) is Avesta's: its kommun is the installation's first, whatever the codes' order.
    await insertPlan(db, '2084');
    await insertPlan(db, '2083');
    await db.run(USERS);
    for (const f of files.slice(at)) for (const s of statements(f)) await db.run(s);
  }, 120_000);
  afterAll(async () => db?.close());

  it('makes every samordnare (active or not) samordnare of the first kommun, and a läsare in the installation', async () => {
    const members = await db.rows<{ user_id: string; region_code: string; role: string }>(
      'select user_id, region_code, role from memberships order by user_id',
    );
    expect(members).toEqual([
      { user_id: 'u2', region_code: '2084', role: 'coordinator' },
      { user_id: 'u4', region_code: '2084', role: 'coordinator' },
    ]);
    const roles = await db.rows<{ id: string; role: string }>('select id, role from auth_users order by id');
    expect(roles).toEqual([
      { id: 'u1', role: 'reader' },
      { id: 'u2', role: 'reader' },
      { id: 'u3', role: 'admin' },
      { id: 'u4', role: 'reader' },
    ]);
  });

  it('refuses an installation role other than läsare or administratör, and a membership role that does not fit its region', async () => {
    await expect(db.run(`update auth_users set role = 'coordinator' where id = 'u1'`)).rejects.toThrow(/auth_users_role_check/);
    await expect(
      db.run(`insert into memberships (user_id, region_code, role, created_by) values ('u1', '20', 'coordinator', 't')`),
    ).rejects.toThrow(/memberships_role_check/);
    await expect(
      db.run(`insert into memberships (user_id, region_code, role, created_by) values ('u1', '2083', 'regional_coordinator', 't')`),
    ).rejects.toThrow(/memberships_role_check/);
    await db.run(`insert into memberships (user_id, region_code, role, created_by) values ('u1', '20', 'regional_coordinator', 't')`);
    await db.run(`delete from auth_users where id = 'u1'`);
    expect(await db.rows(`select * from memberships where user_id = 'u1'`)).toEqual([]);
  });
});

describe('migration 0011 without any plan', () => {
  it('makes samordnare läsare with no membership (there is no kommun to give them)', async () => {
    const db = await RUNNERS[0]![1]();
    try {
      for (const f of files.slice(0, at)) for (const s of statements(f)) await db.run(s);
      await db.run(USERS);
      for (const f of files.slice(at)) for (const s of statements(f)) await db.run(s);
      expect(await db.rows('select * from memberships')).toEqual([]);
      expect((await db.rows<{ role: string }>(`select role from auth_users where id = 'u2'`))[0]!.role).toBe('reader');
    } finally {
      await db.close();
    }
  });
});
