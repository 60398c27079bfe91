import { verifyPassword } from 'better-auth/crypto';
import { eq, sql } from 'drizzle-orm';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCsv, listAudit, writeAudit, type AuditAction } from '@/lib/audit';
import { authFor, LOCK_MINUTES, lockedAccounts, MAX_FAILED_SIGN_INS, type Auth } from '@/lib/auth/server';
import { createPasswordUser, unlockSignIn, UserInputError } from '@/lib/auth/users';
import type { Db, DbHandle } from '@/lib/db/client';
import * as s from '@/lib/db/schema';
import { readEnv } from '@/lib/env';
import { DRIVERS, freshDb } from '../helpers/db';

const APP_URL = 'http://localhost:3000';
const env = readEnv({ NODE_ENV: 'test', APP_URL, BETTER_AUTH_SECRET: 'x'.repeat(40) } as NodeJS.ProcessEnv);
const CLI = { actorId: null, actor: 'kommandoraden (test)' };
const LOCKED_MESSAGE = `För många felaktiga inloggningsförsök för kontot. Vänta ${LOCK_MINUTES} minuter och försök igen, eller be en administratör om hjälp.`;

/**
 * Each test case signs in from its own client address, so better-auth's per-address rate limiter (20 sign-ins a
 * minute, shared by all cases on one database) can neither help nor hinder the per-account lockout under test.
 */
let nextIp = 1;
const newIp = () => `10.77.${Math.floor(nextIp / 250)}.${(nextIp++ % 250) + 1}`;

async function signIn(auth: Auth, email: string, password: string, ip: string): Promise<Response> {
  return auth.handler(
    new Request(`${APP_URL}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: APP_URL, 'x-forwarded-for': ip },
      body: JSON.stringify({ email, password }),
    }),
  );
}

/** The session cookie (name=value) a response sets, and its attributes. */
function sessionCookie(res: Response): { pair: string; attributes: string[] } | null {
  const raw = res.headers.getSetCookie().find((c) => c.startsWith('tl.session_token='));
  if (!raw) return null;
  const [pair, ...attributes] = raw.split(';').map((p) => p.trim());
  return { pair: pair!, attributes };
}

async function auditFor(db: Db, email: string) {
  return db
    .select()
    .from(s.auditLog)
    .where(sql`lower(${s.auditLog.actor}) = lower(${email})`)
    .orderBy(s.auditLog.id);
}

const actionsOf = (rows: { action: string }[]) => rows.map((r) => r.action);

describe.each(DRIVERS)('authentication on %s', (driver) => {
  let h: DbHandle;
  let auth: Auth;

  beforeAll(async () => {
    h = await freshDb(driver);
    auth = authFor(h.db, env);
  });
  afterAll(async () => h?.close());

  describe('createPasswordUser', () => {
    it('creates a user whose password signs in through the HTTP handler, with an HttpOnly SameSite=Lax session cookie', async () => {
      const email = 'anna.andersson@hedemora.se';
      const password = 'rätt-häst-batteri-häftklammer';
      const { id } = await createPasswordUser(
        h.db,
        { email: '  Anna.Andersson@Hedemora.se ', name: 'Anna Andersson', role: 'reader', password },
        CLI,
      );

      const [user] = await h.db.select().from(s.authUsers).where(eq(s.authUsers.id, id));
      expect(user).toMatchObject({ email, name: 'Anna Andersson', role: 'reader', banned: false });

      const ip = newIp();
      const res = await signIn(auth, email, password, ip);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { user: { email: string } }).user.email).toBe(email);
      const cookie = sessionCookie(res);
      expect(cookie).not.toBeNull();
      const attrs = cookie!.attributes.map((a) => a.toLowerCase());
      expect(attrs).toContain('httponly');
      expect(attrs).toContain('samesite=lax');
      expect(attrs).not.toContain('secure'); // APP_URL is http
      expect(cookie!.pair.length).toBeGreaterThan('tl.session_token='.length + 20);

      // The cookie is a real session of that user.
      const session = await auth.api.getSession({ headers: new Headers({ cookie: cookie!.pair }) });
      expect(session?.user).toMatchObject({ id, email, role: 'reader' });

      const log = await auditFor(h.db, email);
      expect(actionsOf(log)).toEqual(['sign_in']);
      expect(log[0]).toMatchObject({ actorId: id, ip });
      const [invited] = await h.db.select().from(s.auditLog).where(eq(s.auditLog.targetId, id));
      expect(invited).toMatchObject({ action: 'user_invited', actor: CLI.actor, targetType: 'användare' });
    });

    it('a wrong password and an unknown address get 401 and no session cookie', async () => {
      const email = 'bo.berg@hedemora.se';
      await createPasswordUser(h.db, { email, role: 'reader', password: 'bo-bergs-långa-lösenord' }, CLI);
      for (const [e, p] of [
        [email, 'bo-bergs-långa-lösenorD'],
        ['ingen.alls@hedemora.se', 'bo-bergs-långa-lösenord'],
      ] as const) {
        const res = await signIn(auth, e, p, newIp());
        expect(res.status).toBe(401);
        expect(sessionCookie(res)).toBeNull();
      }
    });

    it('stores the password hashed, never as the plain text', async () => {
      const password = 'Klartext-får-aldrig-lagras-1';
      const { id } = await createPasswordUser(h.db, { email: 'cecilia.ceder@hedemora.se', role: 'reader', password }, CLI);
      const accounts = await h.db.select().from(s.authAccounts).where(eq(s.authAccounts.userId, id));
      expect(accounts).toHaveLength(1);
      const stored = accounts[0]!.password;
      expect(stored).toBeTruthy();
      expect(stored).not.toBe(password);
      expect(stored).not.toContain(password);
      expect(accounts[0]!.providerId).toBe('credential');
      // A real hash of exactly this password, checked by better-auth's own verifier.
      expect(await verifyPassword({ hash: stored!, password })).toBe(true);
      expect(await verifyPassword({ hash: stored!, password: `${password}x` })).toBe(false);
    });

    it('refuses a second user with the same e-mail in another case', async () => {
      await createPasswordUser(h.db, { email: 'david.dahl@hedemora.se', role: 'reader', password: 'david-dahls-lösenord' }, CLI);
      const again = createPasswordUser(h.db, { email: 'David.DAHL@Hedemora.SE', role: 'admin', password: 'ett-annat-lösenord' }, CLI);
      await expect(again).rejects.toBeInstanceOf(UserInputError);
      await expect(again).rejects.toThrow(/finns redan/);
      const rows = await h.db
        .select()
        .from(s.authUsers)
        .where(sql`lower(${s.authUsers.email}) = 'david.dahl@hedemora.se'`);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.role).toBe('reader');
    });

    it('refuses an 11-character password and accepts 12', async () => {
      const short = createPasswordUser(h.db, { email: 'erik.ek@hedemora.se', role: 'reader', password: '12345678901' }, CLI);
      await expect(short).rejects.toBeInstanceOf(UserInputError);
      await expect(short).rejects.toThrow('Lösenordet måste ha minst 12 tecken.');
      expect(await h.db.select().from(s.authUsers).where(eq(s.authUsers.email, 'erik.ek@hedemora.se'))).toEqual([]);

      await createPasswordUser(h.db, { email: 'erik.ek@hedemora.se', role: 'reader', password: '123456789012' }, CLI);
      expect((await signIn(auth, 'erik.ek@hedemora.se', '123456789012', newIp())).status).toBe(200);
    });

    it.each(['fredrik', 'fredrik@', '@hedemora.se', 'fredrik@hedemora', 'fredrik fors@hedemora.se', 'fredrik@@hedemora.se', ''])(
      'refuses the e-mail address %j',
      async (email) => {
        const before = await h.db.select({ n: sql<number>`count(*)::int` }).from(s.authUsers);
        const res = createPasswordUser(h.db, { email, role: 'reader', password: 'fredriks-lösenord' }, CLI);
        await expect(res).rejects.toBeInstanceOf(UserInputError);
        await expect(res).rejects.toThrow(/Ogiltig e-postadress/);
        expect(await h.db.select({ n: sql<number>`count(*)::int` }).from(s.authUsers)).toEqual(before);
      },
    );
  });

  describe('per-account lockout', () => {
    it(`${MAX_FAILED_SIGN_INS} wrong passwords in a row lock the account: even the right one then gets 429`, async () => {
      const email = 'gustav.gran@hedemora.se';
      const password = 'gustavs-riktiga-lösenord';
      await createPasswordUser(h.db, { email, role: 'reader', password }, CLI);
      const ip = newIp();
      for (let i = 1; i <= MAX_FAILED_SIGN_INS; i++) {
        const res = await signIn(auth, email, `fel-lösenord-nummer-${i}`, ip);
        expect(res.status, `wrong attempt ${i}`).toBe(401);
      }
      const locked = await signIn(auth, email, password, ip);
      expect(locked.status).toBe(429);
      expect(((await locked.json()) as { message: string }).message).toBe(LOCKED_MESSAGE);
      expect(sessionCookie(locked)).toBeNull();

      const log = await auditFor(h.db, email);
      expect(actionsOf(log)).toEqual([...Array<string>(MAX_FAILED_SIGN_INS).fill('sign_in_failed'), 'sign_in_locked']);
      expect(log.every((r) => r.ip === ip && r.actorId === null)).toBe(true);
      expect(log.at(-1)!.summary).toContain(`${LOCK_MINUTES} minuter`);
      expect(
        await h.db
          .select()
          .from(s.authSessions)
          .innerJoin(s.authUsers, eq(s.authSessions.userId, s.authUsers.id))
          .where(eq(s.authUsers.email, email)),
      ).toEqual([]);
    });

    it('the lock is per account: another user signs in from the same address meanwhile', async () => {
      const locked = 'hanna.holm@hedemora.se';
      const other = 'ivar.isaksson@hedemora.se';
      await createPasswordUser(h.db, { email: locked, role: 'reader', password: 'hannas-lösenord-123' }, CLI);
      await createPasswordUser(h.db, { email: other, role: 'reader', password: 'ivars-lösenord-123' }, CLI);
      const ip = newIp();
      for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) expect((await signIn(auth, locked, 'fel-fel-fel-fel', ip)).status).toBe(401);
      expect((await signIn(auth, locked, 'hannas-lösenord-123', ip)).status).toBe(429);
      expect((await signIn(auth, other, 'ivars-lösenord-123', ip)).status).toBe(200);
    });

    it('failed attempts count whatever the case of the typed address', async () => {
      const email = 'johan.jonsson@hedemora.se';
      const password = 'johans-lösenord-123';
      await createPasswordUser(h.db, { email, role: 'reader', password }, CLI);
      const ip = newIp();
      const spellings = [
        'Johan.Jonsson@hedemora.se',
        'JOHAN.JONSSON@HEDEMORA.SE',
        email,
        'johan.jonsson@Hedemora.se',
        'johan.JONSSON@hedemora.se',
      ];
      expect(spellings).toHaveLength(MAX_FAILED_SIGN_INS);
      for (const e of spellings) expect((await signIn(auth, e, 'inte-johans-lösenord', ip)).status).toBe(401);
      expect((await signIn(auth, email, password, ip)).status).toBe(429);
      expect(actionsOf(await auditFor(h.db, email)).filter((a) => a === 'sign_in_locked')).toHaveLength(1);
    });

    it('the lock is per account and address: wrong passwords from one address do not lock the owner out at another (#12.2)', async () => {
      const email = 'maja.malm@hedemora.se';
      const password = 'majas-riktiga-lösenord';
      await createPasswordUser(h.db, { email, role: 'admin', password }, CLI);
      const attacker = newIp();
      for (let i = 0; i < MAX_FAILED_SIGN_INS + 2; i++) await signIn(auth, email, `gissning-${i}-xxxxxxxx`, attacker);
      expect((await signIn(auth, email, password, attacker)).status).toBe(429);
      const owner = newIp();
      const res = await signIn(auth, email, password, owner);
      expect(res.status).toBe(200);
      const log = await auditFor(h.db, email);
      expect(log.filter((r) => r.action === 'sign_in_failed').every((r) => r.ip === attacker)).toBe(true);
      expect(log.at(-1)).toMatchObject({ action: 'sign_in', ip: owner });
    });

    it('an administrator lifts a lock: the right password then signs in from the locked address (#12.2)', async () => {
      const email = 'nils.nord@hedemora.se';
      const password = 'nils-riktiga-lösenord';
      const { id } = await createPasswordUser(h.db, { email, role: 'reader', password }, CLI);
      const ip = newIp();
      for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) expect((await signIn(auth, email, `fel-${i}-xxxxxxxxxx`, ip)).status).toBe(401);
      expect((await signIn(auth, email, password, ip)).status).toBe(429);
      expect(await lockedAccounts(h.db)).toContain(email);
      await unlockSignIn(h.db, id, { actorId: null, actor: 'admin@hedemora.se', ip: '10.9.9.9' });
      expect(await lockedAccounts(h.db)).not.toContain(email);
      const [unlocked] = await h.db
        .select()
        .from(s.auditLog)
        .where(sql`${s.auditLog.action} = 'sign_in_unlocked' and ${s.auditLog.targetId} = ${id}`);
      expect(unlocked).toMatchObject({ actor: 'admin@hedemora.se', targetType: 'användare', ip: '10.9.9.9' });
      expect(unlocked!.summary).toContain(email);
      expect((await signIn(auth, email, password, ip)).status).toBe(200);
    });

    it('a successful sign-in resets the count: 4 wrong, right, 4 wrong, right all pass', async () => {
      const email = 'karin.kvist@hedemora.se';
      const password = 'karins-riktiga-lösenord';
      await createPasswordUser(h.db, { email, role: 'reader', password }, CLI);
      const ip = newIp();
      const wrong = MAX_FAILED_SIGN_INS - 1;
      for (let round = 1; round <= 2; round++) {
        for (let i = 1; i <= wrong; i++) {
          expect((await signIn(auth, email, `fel-${round}-${i}-xxxxxxxx`, ip)).status, `round ${round}, wrong attempt ${i}`).toBe(401);
        }
        const res = await signIn(auth, email, password, ip);
        expect(res.status, `round ${round}, right password`).toBe(200);
        expect(sessionCookie(res)).not.toBeNull();
      }
      const actions = actionsOf(await auditFor(h.db, email));
      const round = [...Array<string>(wrong).fill('sign_in_failed'), 'sign_in'];
      expect(actions).toEqual([...round, ...round]);
    });
  });

  describe('own account changes through the API (#12.9)', () => {
    async function signedIn(email: string, password: string): Promise<{ id: string; cookie: string }> {
      const { id } = await createPasswordUser(h.db, { email, role: 'reader', password }, CLI);
      const res = await signIn(auth, email, password, newIp());
      return { id, cookie: sessionCookie(res)!.pair };
    }
    const call = (path: string, cookie: string, body: unknown) =>
      auth.handler(
        new Request(`${APP_URL}/api/auth${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: APP_URL, cookie, 'x-forwarded-for': newIp() },
          body: JSON.stringify(body),
        }),
      );

    it('a password change says whether the other sessions were ended, as they were', async () => {
      const email = 'olle.ost@hedemora.se';
      const { cookie } = await signedIn(email, 'olles-första-lösenord');
      expect(
        (await call('/change-password', cookie, { currentPassword: 'olles-första-lösenord', newPassword: 'olles-andra-lösenord' })).status,
      ).toBe(200);
      expect(
        (
          await call('/change-password', cookie, {
            currentPassword: 'olles-andra-lösenord',
            newPassword: 'olles-tredje-lösenord',
            revokeOtherSessions: true,
          })
        ).status,
      ).toBe(200);
      const changes = (await auditFor(h.db, email)).filter((r) => r.action === 'password_changed').map((r) => r.summary);
      expect(changes).toEqual(['Bytte sitt lösenord (andra sessioner behölls).', 'Bytte sitt lösenord (andra sessioner avslutades).']);
    });

    it('renaming oneself is recorded with the names before and after', async () => {
      const email = 'petra.palm@hedemora.se';
      const { id, cookie } = await signedIn(email, 'petras-lösenord-123');
      expect((await call('/update-user', cookie, { name: 'Petra Palm' })).status).toBe(200);
      const [row] = (await auditFor(h.db, email)).filter((r) => r.action === 'user_renamed');
      expect(row).toMatchObject({
        actorId: id,
        targetType: 'användare',
        targetId: id,
        before: { name: email },
        after: { name: 'Petra Palm' },
      });
    });
  });

  it('a deactivated (banned) user cannot sign in with the right password', async () => {
    const email = 'lena.lind@hedemora.se';
    const password = 'lenas-riktiga-lösenord';
    const { id } = await createPasswordUser(h.db, { email, role: 'admin', password }, CLI);
    const ip = newIp();
    expect((await signIn(auth, email, password, ip)).status).toBe(200); // works before the ban
    await h.db.delete(s.authSessions).where(eq(s.authSessions.userId, id));
    await h.db.update(s.authUsers).set({ banned: true }).where(eq(s.authUsers.id, id));

    const res = await signIn(auth, email, password, ip);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { message: string }).message).toBe('Kontot är inaktiverat. Kontakta en administratör.');
    expect(sessionCookie(res)?.pair.replace(/^tl\.session_token=/, '') ?? '').toBe('');
    expect(await h.db.select().from(s.authSessions).where(eq(s.authSessions.userId, id))).toEqual([]);
    expect(actionsOf(await auditFor(h.db, email))).toEqual(['sign_in', 'sign_in_failed']);
  });

  describe('the change log', () => {
    const DANGEROUS = /^[=+\-@\t\r]/;

    it('auditCsv: Swedish Excel CSV in which no cell can start a formula', async () => {
      await writeAudit(h.db, {
        actorId: null,
        actor: "=cmd|' /C calc'!A0",
        action: 'import_undone',
        summary: '+SUM(A1)',
        targetType: 'import',
        targetId: '@x',
        ip: '10.0.0.1',
      });
      await writeAudit(h.db, {
        actorId: null,
        actor: '-2+3',
        action: 'user_role_changed',
        summary: '\tdold flik',
        targetType: '\rvagn',
        targetId: 42,
        before: { roll: 'reader' },
        after: { roll: '=samordnare' },
      });
      const csv = await auditCsv(h.db, {});
      expect(csv.startsWith('\uFEFF')).toBe(true);
      expect(csv.endsWith('\r\n')).toBe(true);
      const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      const [header, ...rows] = parsed.data;
      expect(header).toEqual(['Tid', 'Vem', 'Händelse', 'Objekt', 'Id', 'Beskrivning', 'Före', 'Efter', 'IP-adress']);

      const calc = rows.find((r) => r[1] === "'=cmd|' /C calc'!A0");
      expect(calc).toBeDefined();
      expect(calc!.slice(2)).toEqual(['Import ångrad', 'import', "'@x", "'+SUM(A1)", '', '', '10.0.0.1']);
      expect(calc![0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

      const role = rows.find((r) => r[1] === "'-2+3");
      expect(role).toBeDefined();
      expect(role!.slice(2)).toEqual(['Roll ändrad', "'\rvagn", '42', "'\tdold flik", 'Roll: läsare', 'Roll: =samordnare', '']);

      // Every row of the log is there (sign-ins and invitations from the cases above included), each with 9 cells.
      const { total } = await listAudit(h.db, {});
      expect(rows).toHaveLength(total);
      expect(rows.every((r) => r.length === 9)).toBe(true);
      expect(rows.flat().filter((c) => DANGEROUS.test(c))).toEqual([]);
    });

    it('auditCsv honours the filter', async () => {
      const csv = await auditCsv(h.db, { action: 'import_undone' });
      const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true }).data.slice(1);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r[2] === 'Import ångrad')).toBe(true);
    });

    it('listAudit filters by action', async () => {
      const marker = 'åtgärdsfilter-7f3a';
      const entries: [AuditAction, string][] = [
        ['import', 'a'],
        ['import', 'b'],
        ['import_undone', 'c'],
        ['user_deactivated', 'd'],
      ];
      for (const [action, suffix] of entries) {
        await writeAudit(h.db, { actorId: null, actor: 'samordnare@hedemora.se', action, summary: `${marker} ${suffix}` });
      }
      const imports = await listAudit(h.db, { action: 'import', q: marker });
      expect(imports.rows.map((r) => r.summary).sort()).toEqual([`${marker} a`, `${marker} b`]);
      expect(imports.total).toBe(2);

      const all = await listAudit(h.db, { action: 'user_deactivated' });
      expect(all.rows.map((r) => r.summary)).toEqual([`${marker} d`]);
      expect(all.total).toBe(1);

      const failed = await listAudit(h.db, { action: 'sign_in_failed' });
      expect(failed.rows.length).toBeGreaterThan(0);
      expect(failed.rows.every((r) => r.action === 'sign_in_failed')).toBe(true);
      expect(failed.total).toBe(failed.rows.length);

      // Newest first, and limit/offset page through the same order.
      const page1 = await listAudit(h.db, { q: marker }, 2, 0);
      const page2 = await listAudit(h.db, { q: marker }, 2, 2);
      expect(page1.total).toBe(4);
      expect([...page1.rows, ...page2.rows].map((r) => r.summary)).toEqual([`${marker} d`, `${marker} c`, `${marker} b`, `${marker} a`]);
    });

    it('listAudit q: case-insensitive over who, what and target id, with % _ and \\ taken literally', async () => {
      const actor = 'qtest-Märta.Mört@Hedemora.se';
      const rows: [string, string, string | undefined][] = [
        [actor, 'qtest rabatt 100% klart', undefined],
        [actor, 'qtest 1000 poster', undefined],
        [actor, 'qtest fil_2025.csv', undefined],
        [actor, 'qtest filx2025.csv', undefined],
        [actor, 'qtest C:\\data\\fil', undefined],
        ['cli', 'qtest något annat', 'qtest-mål-17'],
      ];
      for (const [a, summary, targetId] of rows) {
        await writeAudit(h.db, { actorId: null, actor: a, action: 'import', summary, targetId, targetType: targetId ? 'mål' : undefined });
      }
      const q = async (text: string) => (await listAudit(h.db, { q: text })).rows.map((r) => r.summary).sort();

      expect(await q('0%')).toEqual(['qtest rabatt 100% klart']);
      expect(await q('l_2')).toEqual(['qtest fil_2025.csv']);
      expect(await q('%')).toEqual(['qtest rabatt 100% klart']);
      expect(await q('_')).toEqual(['qtest fil_2025.csv']);
      expect(await q('c:\\data')).toEqual(['qtest C:\\data\\fil']);
      expect(await q('QTEST FILX')).toEqual(['qtest filx2025.csv']);
      expect(await q('märta.mört@')).toHaveLength(5); // actor, case-insensitive, with å ä ö
      expect(await q('MÄRTA')).toHaveLength(5);
      expect(await q('qtest-MÅL-17')).toEqual(['qtest något annat']); // target id
      expect(await q('finns-inte-någonstans')).toEqual([]);
      expect((await listAudit(h.db, { q: 'qtest' })).total).toBe(6);
    });

    it('listAudit from/to: from is inclusive, to exclusive', async () => {
      await writeAudit(h.db, { actorId: null, actor: 'tidstest', action: 'import', summary: 'tidstest nu' });
      const [row] = (await listAudit(h.db, { q: 'tidstest' })).rows;
      expect(row).toBeDefined();
      const at = row!.at;
      const ids = async (from?: Date, to?: Date) => (await listAudit(h.db, { q: 'tidstest', from, to })).rows.map((r) => r.id);
      expect(await ids(at)).toEqual([row!.id]);
      expect(await ids(undefined, at)).toEqual([]);
      expect(await ids(new Date(at.getTime() - 60_000), new Date(at.getTime() + 60_000))).toEqual([row!.id]);
      expect(await ids(new Date(at.getTime() + 60_000))).toEqual([]);
      expect(await ids(undefined, new Date(at.getTime() - 60_000))).toEqual([]);
    });
  });
});
