import { describe, expect, it } from 'vitest';
import { isConfirmed, confirmToken, CONFIRM_FIELD } from '@/lib/auth/confirm';
import { localAppUrl, readEnv as readEnvTyped, trustedOrigins } from '@/lib/env';
import { planEnvFile } from '@/lib/setup-env';

const readEnv = (source: Record<string, string>) => readEnvTyped(source as NodeJS.ProcessEnv);
const NOW = new Date('2026-12-03T10:00:00Z');
/** What `npm run setup` wrote before this change: APP_URL pinned to port 3000. */
const OLD_SETUP =
  '# Skapad av npm run setup 2026-11-01: nyckeln för sessioner. Dela den inte.\nBETTER_AUTH_SECRET=' +
  'a'.repeat(43) +
  '\n# Adressen appen nås på. Sätt https://… i drift: då blir kakor Secure och HSTS skickas.\nAPP_URL=http://localhost:3000\n';

describe('APP_URL and PORT', () => {
  it("unset APP_URL trusts no fixed origin: better-auth takes each request's own address", () => {
    expect(readEnv({}).APP_URL).toBeUndefined();
    expect(trustedOrigins(undefined)).toEqual([]);
  });

  it('an APP_URL on this machine is trusted under all its loopback names, on its own port only', () => {
    expect(trustedOrigins('http://localhost:3005')).toEqual(['http://localhost:3005', 'http://127.0.0.1:3005', 'http://[::1]:3005']);
    expect(trustedOrigins('http://127.0.0.1:3000/')).toEqual(['http://127.0.0.1:3000', 'http://localhost:3000', 'http://[::1]:3000']);
  });

  it('a public APP_URL is trusted as itself only', () => {
    expect(trustedOrigins('https://trygghet.hedemora.se')).toEqual(['https://trygghet.hedemora.se']);
    expect(trustedOrigins('https://trygghet.hedemora.se:8443/app')).toEqual(['https://trygghet.hedemora.se:8443']);
  });

  it('the address the CLI links to follows PORT when APP_URL is unset', () => {
    expect(localAppUrl(readEnv({}))).toBe('http://localhost:3000');
    expect(localAppUrl(readEnv({ PORT: '3005' }))).toBe('http://localhost:3005');
    expect(localAppUrl(readEnv({ PORT: '3005', APP_URL: 'https://trygghet.hedemora.se' }))).toBe('https://trygghet.hedemora.se');
  });

  it.each(['0', '70000', 'tre', '30.5'])('refuses PORT=%j', (port) => {
    expect(() => readEnv({ PORT: port })).toThrow(/PORT/);
  });
});

describe('npm run setup: the env file', () => {
  it('a first run writes a session secret and no APP_URL, and names the port it will start on', () => {
    const plan = planEnvFile('', { PORT: '3005' }, NOW);
    expect(plan.content).toMatch(/^BETTER_AUTH_SECRET=[\w-]{43}$/m);
    expect(plan.content).not.toMatch(/^APP_URL=/m);
    expect(
      readEnv({
        ...Object.fromEntries(
          plan.content
            .split('\n')
            .filter((l) => /^\w+=/.test(l))
            .map((l) => l.split(/=(.*)/s).slice(0, 2)),
        ),
      }).APP_URL,
    ).toBeUndefined();
    expect(plan.messages.join('\n')).toContain('http://localhost:3005');
  });

  it('a second run changes nothing', () => {
    const first = planEnvFile('', {}, NOW).content;
    expect(planEnvFile(first, {}, NOW).content).toBe(first);
  });

  it('removes the APP_URL an earlier setup pinned to port 3000, and keeps the secret', () => {
    const plan = planEnvFile(OLD_SETUP, { PORT: '3005' }, NOW);
    expect(plan.content).not.toMatch(/^APP_URL=/m);
    expect(plan.content).toContain(`BETTER_AUTH_SECRET=${'a'.repeat(43)}`);
    expect(plan.messages.join('\n')).toContain('Tog bort APP_URL=http://localhost:3000');
  });

  it("keeps a person's own APP_URL, and warns when it names this machine on another port", () => {
    const own = `BETTER_AUTH_SECRET=${'b'.repeat(43)}\nAPP_URL=http://localhost:3000\n`;
    const plan = planEnvFile(own, { PORT: '3005' }, NOW);
    expect(plan.content).toBe(own);
    expect(plan.messages.join('\n')).toMatch(/Obs: APP_URL=http:\/\/localhost:3000 men servern startar på port 3005/);
    expect(planEnvFile(own, { PORT: '3000' }, NOW).messages.join('\n')).not.toContain('Obs');
    const pub = `BETTER_AUTH_SECRET=${'b'.repeat(43)}\nAPP_URL=https://trygghet.hedemora.se\n`;
    expect(planEnvFile(pub, { PORT: '3005' }, NOW).messages.join('\n')).not.toContain('Obs');
  });
});

describe('confirmation tokens', () => {
  const secret = 's'.repeat(40);
  const form = (token: string | null) => {
    const f = new FormData();
    if (token !== null) f.set(CONFIRM_FIELD, token);
    return f;
  };

  it('a token confirms exactly its action, target and user', () => {
    const t = confirmToken('import_undo', 12, 'user-1', secret);
    expect(isConfirmed(form(t), 'import_undo', 12, 'user-1', secret)).toBe(true);
    expect(isConfirmed(form(t), 'import_undo', 13, 'user-1', secret)).toBe(false);
    expect(isConfirmed(form(t), 'import_undo', 12, 'user-2', secret)).toBe(false);
    expect(isConfirmed(form(t), 'user_deactivation', 12, 'user-1', secret)).toBe(false);
    expect(isConfirmed(form(t), 'import_undo', 12, 'user-1', 't'.repeat(40))).toBe(false);
  });

  it('no token, an empty one or a wrong one is not a confirmation', () => {
    for (const v of [null, '', 'ja', confirmToken('import_undo', 12, 'user-1', secret).slice(1)]) {
      expect(isConfirmed(form(v), 'import_undo', 12, 'user-1', secret), String(v)).toBe(false);
    }
  });
});
