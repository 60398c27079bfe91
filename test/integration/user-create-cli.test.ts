import os from 'node:os';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '@/lib/auth/roles';
import { authFor, MIN_PASSWORD_LENGTH } from '@/lib/auth/server';
import type { DbHandle, Driver } from '@/lib/db/client';
import * as s from '@/lib/db/schema';
import { readEnv } from '@/lib/env';
import { cliTarget, runCli } from '../helpers/cli-target';
import { CLI_TEST_TIMEOUT, DRIVERS } from '../helpers/db';

const APP_URL = 'http://localhost:3000';
const authEnv = readEnv({ NODE_ENV: 'test', APP_URL, BETTER_AUTH_SECRET: 'y'.repeat(40) } as NodeJS.ProcessEnv);
/** How the CLI names itself in the change log: the operating-system user that ran it. */
const CLI_ACTOR = `kommandoraden (${os.userInfo().username})`;
const PASSWORD_LINE = /^Lösenord \(visas bara nu, byt det under Konto efter första inloggningen\): (\S+)$/m;

/** A migrated, empty database the CLI (a separate process) can open: a PGlite directory or a PostgreSQL database. */
const emptyTarget = (driver: Driver) => cliTarget(driver, null);
const cli = (args: string[], env: Record<string, string>, input?: string) => runCli('scripts/user-create.ts', args, env, input);

let nextIp = 1;
const newIp = () => `10.88.0.${nextIp++}`;

// Each test starts the CLI (tsx, then a database) once to three times: on a loaded two-core machine one start can take 20 s.
describe.each(DRIVERS)('npm run user:create on %s', { timeout: CLI_TEST_TIMEOUT }, (driver) => {
  let target: Awaited<ReturnType<typeof emptyTarget>>;

  /** Runs `fn` on a handle of its own, closed again before the next CLI run (PGlite allows one process at a time). */
  async function withDb<T>(fn: (h: DbHandle) => Promise<T>): Promise<T> {
    const h = await target.open();
    try {
      return await fn(h);
    } finally {
      await h.close();
    }
  }
  const state = () =>
    withDb(async (h) => ({
      users: (await h.db.select().from(s.authUsers).orderBy(s.authUsers.email)).map((u) => [u.email, u.role]),
      accounts: Number((await h.db.select({ n: count() }).from(s.authAccounts))[0]!.n),
      invited: Number((await h.db.select({ n: count() }).from(s.auditLog).where(eq(s.auditLog.action, 'user_invited')))[0]!.n),
    }));
  async function signIn(h: DbHandle, email: string, password: string) {
    const res = await authFor(h.db, authEnv).handler(
      new Request(`${APP_URL}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: APP_URL, 'x-forwarded-for': newIp() },
        body: JSON.stringify({ email, password }),
      }),
    );
    return { status: res.status, body: (await res.json().catch(() => null)) as { user?: { email: string; role?: string } } | null };
  }

  beforeAll(async () => {
    target = await emptyTarget(driver);
  });
  afterAll(async () => target?.drop());

  it('creates an administratör with a generated password that signs in, lower-casing the e-mail', async () => {
    const res = cli(['--email', 'Anna@Hedemora.se', '--role', 'admin'], target.env);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('Användaren anna@hedemora.se skapades med rollen administratör.');
    expect(res.stdout).not.toContain('Anna@Hedemora.se');
    const password = PASSWORD_LINE.exec(res.stdout)?.[1];
    expect(password).toBeDefined();
    expect(password!.length).toBeGreaterThanOrEqual(MIN_PASSWORD_LENGTH);
    expect(MIN_PASSWORD_LENGTH).toBe(12);

    await withDb(async (h) => {
      const [user] = await h.db.select().from(s.authUsers).where(eq(s.authUsers.email, 'anna@hedemora.se'));
      expect(user).toMatchObject({ email: 'anna@hedemora.se', role: 'admin', banned: false });

      const ok = await signIn(h, 'anna@hedemora.se', password!);
      expect(ok.status).toBe(200);
      expect(ok.body?.user).toMatchObject({ email: 'anna@hedemora.se', role: 'admin' });
      // The typed spelling signs in too; a wrong password does not.
      expect((await signIn(h, 'Anna@Hedemora.se', password!)).status).toBe(200);
      expect((await signIn(h, 'anna@hedemora.se', `${password!}x`)).status).toBe(401);

      const audit = await h.db.select().from(s.auditLog).where(eq(s.auditLog.action, 'user_invited'));
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        actorId: null,
        actor: CLI_ACTOR,
        targetType: 'användare',
        targetId: user!.id,
        summary: 'Skapade användaren anna@hedemora.se med rollen administratör.',
        after: { email: 'anna@hedemora.se', role: 'admin' },
      });
      expect(audit[0]!.actor).toMatch(/^kommandoraden \(.+\)$/);
    });
  });

  it('takes the password from stdin with --password-stdin, prints no password, and that password signs in; a samordnare in --kommun', async () => {
    // Without a plan there is no first kommun to make a samordnare in: refused, nothing written.
    const before = await state();
    const noKommun = cli(['--email', 'bertil.berg@hedemora.se', '--role', 'samordnare'], target.env);
    expect(noKommun.status).toBe(1);
    expect(noKommun.stderr).toContain('Ingen kommun har en plan ännu: en samordnare behöver en kommun.');
    expect(await state()).toEqual(before);
    await withDb((h) =>
      h.db.insert(s.regions).values([
        { code: '20', kind: 'lan', name: 'Dalarnas län', shortName: 'Dalarna' },
        { code: '2084', kind: 'kommun', name: 'Avesta', shortName: 'Avesta', parentCode: '20' },
      ]),
    );
    const password = 'Bertils-eget-lösenord-2026';
    const res = cli(
      ['--email', 'bertil.berg@hedemora.se', '--role', 'coordinator', '--kommun', '2084', '--name', 'Bertil Berg', '--password-stdin'],
      target.env,
      `${password}\n`,
    );
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('Användaren bertil.berg@hedemora.se skapades med rollen samordnare i kommun 2084.');
    expect(res.stdout).not.toMatch(/Lösenord/);
    expect(res.stdout).not.toContain(password);

    await withDb(async (h) => {
      const ok = await signIn(h, 'bertil.berg@hedemora.se', password);
      expect(ok.status).toBe(200);
      expect(ok.body?.user).toMatchObject({ email: 'bertil.berg@hedemora.se', role: 'reader' });
      // The trailing newline of the pipe is not part of the password.
      expect((await signIn(h, 'bertil.berg@hedemora.se', `${password}\n`)).status).toBe(401);
      const [user] = await h.db.select().from(s.authUsers).where(eq(s.authUsers.email, 'bertil.berg@hedemora.se'));
      expect(user).toMatchObject({ name: 'Bertil Berg', role: 'reader' });
      const memberships = await h.db.select().from(s.memberships).where(eq(s.memberships.userId, user!.id));
      expect(memberships.map((m) => [m.regionCode, m.role])).toEqual([['2084', 'coordinator']]);
      const audit = await h.db.select().from(s.auditLog).where(eq(s.auditLog.targetId, user!.id)).orderBy(s.auditLog.id);
      expect(audit.map((a) => a.action)).toEqual(['membership_added', 'user_invited']);
      expect(audit[1]).toMatchObject({
        action: 'user_invited',
        actor: CLI_ACTOR,
        actorId: null,
        after: { email: 'bertil.berg@hedemora.se', role: 'coordinator', regionCode: '2084' },
      });
    });
  });

  it('exits 2 on an unknown role, naming the roles in Swedish, and on a missing --email; nothing is written', async () => {
    const before = await state();
    const chef = cli(['--email', 'cecilia@hedemora.se', '--role', 'chef'], target.env);
    expect(chef.status).toBe(2);
    expect(chef.stderr).toContain('Okänd roll "chef": välj läsare, samordnare, administratör, regionsamordnare.');
    expect(ROLES).toEqual(['reader', 'coordinator', 'admin']);
    expect(chef.stdout).toBe('');

    const noEmail = cli(['--role', 'reader'], target.env);
    expect(noEmail.status).toBe(2);
    expect(noEmail.stderr).toContain('Ange --email.');
    expect(noEmail.stderr).toContain('Användning: npm run user:create');
    expect(noEmail.stdout).toBe('');
    expect(await state()).toEqual(before);
  });

  it('exits 1 for an e-mail that already has a user (in any case), and for a too short password from stdin', async () => {
    const before = await state();
    expect(before.users).toEqual([
      ['anna@hedemora.se', 'admin'],
      ['bertil.berg@hedemora.se', 'reader'],
    ]);

    const again = cli(['--email', 'ANNA@hedemora.se', '--role', 'reader'], target.env);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('Det finns redan en användare med e-postadressen anna@hedemora.se.');
    expect(again.stderr).toMatch(/finns redan/);
    expect(again.stdout).not.toMatch(/skapades|Lösenord/);

    const short = cli(['--email', 'david@hedemora.se', '--role', 'reader', '--password-stdin'], target.env, 'kort1\n');
    expect(short.status).toBe(1);
    expect(short.stderr).toContain(`Lösenordet måste ha minst ${MIN_PASSWORD_LENGTH} tecken.`);
    expect(short.stdout).toBe('');

    expect(await state()).toEqual(before);
    expect(
      await withDb(
        async (h) =>
          (
            await h.db
              .select()
              .from(s.authUsers)
              .where(sql`lower(${s.authUsers.email}) = 'david@hedemora.se'`)
          ).length,
      ),
    ).toBe(0);
  });

  it('gives a regionsamordnare the län --lan names, checked against the regions; an unknown län or a kommun role there is refused', async () => {
    await withDb((h) => h.db.insert(s.regions).values({ code: '00', kind: 'riket', name: 'Sverige', shortName: 'Sverige' }));
    const before = await state();
    // Unknown or not a län (00 is riket): refused with the län named, nothing written.
    for (const lan of ['99', '00']) {
      const res = cli(['--email', 'region@dalarna.se', '--lan', lan], target.env);
      expect(res.status, lan).toBe(1);
      expect(res.stderr, lan).toContain(`Länet ${lan} finns inte.`);
      expect(res.stdout, lan).toBe('');
    }
    // Usage errors: a länskod of the wrong shape, a län for a kommun role, a regionsamordnare without a län or with a kommun.
    for (const [args, message] of [
      [['--lan', '2'], 'Ogiltig länskod "2": ange två siffror, t.ex. 20.'],
      [['--role', 'samordnare', '--lan', '20'], '--lan ges bara med rollen regionsamordnare.'],
      [['--role', 'regionsamordnare'], 'Ange --lan <länskod> för en regionsamordnare, t.ex. --lan 20.'],
      [
        ['--role', 'regionsamordnare', '--lan', '20', '--kommun', '2084'],
        'En regionsamordnare har sin roll i ett län: ange --lan, inte --kommun.',
      ],
    ] as const) {
      const res = cli(['--email', 'region@dalarna.se', ...args], target.env);
      expect(res.status, args.join(' ')).toBe(2);
      expect(res.stderr, args.join(' ')).toContain(message);
    }
    expect(await state()).toEqual(before);

    const password = 'Regionens-eget-lösenord-2026';
    const res = cli(['--email', 'Region@Dalarna.se', '--lan', '20', '--password-stdin'], target.env, `${password}\n`);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('Användaren region@dalarna.se skapades med rollen regionsamordnare i län 20.');
    // Spelled out as a role too.
    const named = cli(['--email', 'lan@dalarna.se', '--role', 'Regionsamordnare', '--lan', '20'], target.env);
    expect(named.stderr).toBe('');
    expect(named.status).toBe(0);

    await withDb(async (h) => {
      const ok = await signIn(h, 'region@dalarna.se', password);
      expect(ok.status).toBe(200);
      // A läsare to better-auth: the regional role is a membership on the län, and nothing in any kommun.
      expect(ok.body?.user).toMatchObject({ email: 'region@dalarna.se', role: 'reader' });
      const rows = await h.db
        .select({ email: s.authUsers.email, region: s.memberships.regionCode, role: s.memberships.role })
        .from(s.memberships)
        .innerJoin(s.authUsers, eq(s.authUsers.id, s.memberships.userId))
        .where(eq(s.memberships.regionCode, '20'))
        .orderBy(s.authUsers.email);
      expect(rows).toEqual([
        { email: 'lan@dalarna.se', region: '20', role: 'regional_coordinator' },
        { email: 'region@dalarna.se', region: '20', role: 'regional_coordinator' },
      ]);
      const [user] = await h.db.select().from(s.authUsers).where(eq(s.authUsers.email, 'region@dalarna.se'));
      const audit = await h.db.select().from(s.auditLog).where(eq(s.auditLog.targetId, user!.id)).orderBy(s.auditLog.id);
      expect(audit.map((a) => [a.action, a.actor])).toEqual([
        ['membership_added', CLI_ACTOR],
        ['user_invited', CLI_ACTOR],
      ]);
      expect(audit[1]).toMatchObject({
        summary: 'Skapade användaren region@dalarna.se med rollen regionsamordnare i 20.',
        after: { email: 'region@dalarna.se', role: 'regional_coordinator', regionCode: '20' },
      });
    });
  });
});
