import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFirstAdmin, FirstAdminRefused, firstAdminOpen, firstAdminTokenFile, prepareFirstAdmin } from '@/lib/auth/first-admin';
import { UserInputError } from '@/lib/auth/users';
import type { DbHandle } from '@/lib/db/client';
import * as s from '@/lib/db/schema';
import { DRIVERS, freshDb } from '../helpers/db';

const PASSWORD = 'Första-admin-lösen-2026';

describe.each(DRIVERS)('the first administrator through /forsta-start on %s', (driver) => {
  let h: DbHandle;
  let dir: string;
  /** Where the server's files go: the code's file lands beside the PGlite directory named here. */
  let env: { PGLITE_DIR: string; DATABASE_URL: undefined };
  let token: string;
  const users = () => h.db.select({ email: s.authUsers.email, role: s.authUsers.role }).from(s.authUsers);

  beforeAll(async () => {
    h = await freshDb(driver);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-first-admin-'));
    env = { PGLITE_DIR: path.join(dir, 'pglite'), DATABASE_URL: undefined };
  });
  afterAll(async () => {
    await h?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('at start without an administrator: a one-time code on the console and in a file only the owner reads', async () => {
    const lines: string[] = [];
    token = (await prepareFirstAdmin(h.db, env, (l) => lines.push(l)))!;
    expect(token).toMatch(/^[\w-]{24}$/);
    const file = firstAdminTokenFile(env);
    expect(file).toBe(path.join(dir, 'forsta-start.txt'));
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(token);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(lines.join('\n')).toContain(`/forsta-start med engångskoden ${token}`);
    expect(await firstAdminOpen(h.db)).toBe(true);
  });

  it('refuses a wrong code, different passwords and a short password, creates nobody, and keeps the code', async () => {
    const base = { token, email: 'anna.andersson@hedemora.se', name: 'Anna Andersson', password: PASSWORD, repeat: PASSWORD };
    const refusals: [typeof base, string][] = [
      [{ ...base, token: 'fel-kod-fel-kod-fel-kod1' }, 'Engångskoden stämmer inte'],
      [{ ...base, token: '' }, 'Engångskoden stämmer inte'],
      [{ ...base, repeat: `${PASSWORD}x` }, 'Lösenorden är inte lika'],
      [{ ...base, password: 'kort', repeat: 'kort' }, 'minst 12 tecken'],
      [{ ...base, email: 'inte-en-adress' }, 'Ogiltig e-postadress'],
    ];
    for (const [input, msg] of refusals) {
      const err = await createFirstAdmin(h.db, input, '127.0.0.1').then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, msg).toBeInstanceOf(UserInputError);
      expect((err as Error).message).toContain(msg);
    }
    expect(await users()).toEqual([]);
    expect(await firstAdminOpen(h.db)).toBe(true);
    expect(fs.existsSync(firstAdminTokenFile(env))).toBe(true);
  });

  it('with the code: one administrator, recorded, the file gone and the page closed; the code does not work twice', async () => {
    const input = {
      token: ` ${token}\n`,
      email: ' Anna.Andersson@Hedemora.se ',
      name: 'Anna Andersson',
      password: PASSWORD,
      repeat: PASSWORD,
    };
    const [first, second] = await Promise.allSettled([
      createFirstAdmin(h.db, input, '127.0.0.1'),
      createFirstAdmin(h.db, { ...input, email: 'bertil@hedemora.se' }, '127.0.0.1'),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(second.status).toBe('rejected');
    expect((second as PromiseRejectedResult).reason).toBeInstanceOf(FirstAdminRefused);
    expect(await users()).toEqual([{ email: 'anna.andersson@hedemora.se', role: 'admin' }]);
    const [audit] = await h.db.select().from(s.auditLog).where(eq(s.auditLog.action, 'user_invited'));
    expect(audit).toMatchObject({
      actor: 'första start (127.0.0.1)',
      summary: 'Skapade användaren anna.andersson@hedemora.se med rollen administratör.',
    });
    expect(fs.existsSync(firstAdminTokenFile(env))).toBe(false);
    expect(await firstAdminOpen(h.db)).toBe(false);
    await expect(createFirstAdmin(h.db, { ...input, email: 'cecilia@hedemora.se' }, null)).rejects.toBeInstanceOf(FirstAdminRefused);
    expect(await users()).toHaveLength(1);
  });

  it('a later start with an administrator makes no code and removes a stale file', async () => {
    fs.writeFileSync(firstAdminTokenFile(env), 'gammal-kod\n');
    const lines: string[] = [];
    expect(await prepareFirstAdmin(h.db, env, (l) => lines.push(l))).toBeNull();
    expect(lines).toEqual([]);
    expect(fs.existsSync(firstAdminTokenFile(env))).toBe(false);
    expect(await firstAdminOpen(h.db)).toBe(false);
  });
});
