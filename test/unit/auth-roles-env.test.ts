import { describe, expect, it } from 'vitest';
import { auditFilterFrom } from '@/lib/audit-query';
import { isRole, parseRole, roleAtLeast, ROLES, type Role } from '@/lib/auth/roles';
import { crossSiteRefusal } from '@/lib/auth/session';
import { ConfigError, readEnv as readEnvTyped } from '@/lib/env';

// Next's types make NODE_ENV a required key of ProcessEnv; a test source holds only what it sets.
const readEnv = (source: Record<string, string>) => readEnvTyped(source as NodeJS.ProcessEnv);

/** The error readEnv throws for `source`, or fails the test when it does not throw. */
function configError(source: Record<string, string>): ConfigError {
  try {
    readEnv(source);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  return expect.unreachable('readEnv should throw');
}

const SECRET_32 = 'abcdefghijklmnopqrstuvwxyz012345';

describe('parseRole', () => {
  it.each<[string, Role | null]>([
    // the stored words
    ['reader', 'reader'],
    ['coordinator', 'coordinator'],
    ['admin', 'admin'],
    // the Swedish names
    ['läsare', 'reader'],
    ['samordnare', 'coordinator'],
    ['administratör', 'admin'],
    // ASCII spellings, as typed on a keyboard without å ä ö
    ['lasare', 'reader'],
    ['administrator', 'admin'],
    // case and surrounding space
    ['LÄSARE', 'reader'],
    ['Samordnare', 'coordinator'],
    ['  Administratör  ', 'admin'],
    ['ADMINISTRATOR', 'admin'],
    ['Admin', 'admin'],
    // decomposed ä (a + combining diaeresis, as macOS file names and some keyboards produce)
    ['la\u0308sare', 'reader'],
    ['administrato\u0308r', 'admin'],
    // unknown
    ['', null],
    ['   ', null],
    ['läsar', null],
    ['superuser', null],
    ['readers', null],
    ['samordnare2', null],
    ['administrat', null],
  ])('parseRole(%j) → %j', (input, expected) => {
    expect(parseRole(input)).toBe(expected);
  });
});

describe('isRole', () => {
  it.each(ROLES)('accepts the stored word %s', (r) => expect(isRole(r)).toBe(true));
  it.each<unknown>(['administratör', 'samordnare', 'lasare', 'Läsare', 'Admin', 'administrator', '', null, undefined, 3, {}])(
    'refuses %j (only the exact stored words)',
    (v) => {
      expect(isRole(v)).toBe(false);
    },
  );
});

describe('roleAtLeast', () => {
  it.each<[Role, Role, boolean]>([
    ['reader', 'reader', true],
    ['reader', 'coordinator', false],
    ['reader', 'admin', false],
    ['coordinator', 'reader', true],
    ['coordinator', 'coordinator', true],
    ['coordinator', 'admin', false],
    ['admin', 'reader', true],
    ['admin', 'coordinator', true],
    ['admin', 'admin', true],
  ])('%s may do what needs %s: %s', (have, need, expected) => {
    expect(roleAtLeast(have, need)).toBe(expected);
  });

  // An unknown or missing role may do nothing, not even read; parseRole's ASCII spellings are not stored roles.
  it.each<[string | null | undefined, Role]>([
    [null, 'reader'],
    [undefined, 'reader'],
    ['', 'reader'],
    ['administratör', 'reader'],
    ['administrator', 'reader'],
    ['Administratör', 'reader'],
    ['superuser', 'reader'],
    ['root', 'admin'],
  ])('unknown role %j may not do what needs %s', (have, need) => {
    expect(roleAtLeast(have, need)).toBe(false);
  });
});

describe('readEnv: authentication settings', () => {
  it('production without BETTER_AUTH_SECRET is refused with a ConfigError naming the variable', () => {
    const err = configError({ NODE_ENV: 'production' });
    expect(err.message).toMatch(/^Ogiltig konfiguration/);
    expect(err.message).toContain('BETTER_AUTH_SECRET');
  });

  it('production with an empty (whitespace) BETTER_AUTH_SECRET is refused as missing', () => {
    expect(configError({ NODE_ENV: 'production', BETTER_AUTH_SECRET: '   ' }).message).toContain('BETTER_AUTH_SECRET');
  });

  it.each(['production', 'development', 'test'])('a 31-character secret is refused (NODE_ENV=%s)', (nodeEnv) => {
    const err = configError({ NODE_ENV: nodeEnv, BETTER_AUTH_SECRET: 'x'.repeat(31) });
    expect(err.message).toContain('BETTER_AUTH_SECRET');
    expect(err.message).toContain('minst 32 tecken');
  });

  it('production with a 32-character secret starts', () => {
    const env = readEnv({ NODE_ENV: 'production', BETTER_AUTH_SECRET: SECRET_32 });
    expect(env.NODE_ENV).toBe('production');
    expect(env.BETTER_AUTH_SECRET).toBe(SECRET_32);
  });

  it.each<Record<string, string>>([{ NODE_ENV: 'development' }, { NODE_ENV: 'test' }, {}])(
    'no secret outside production is fine: %j',
    (source) => {
      const env = readEnv(source);
      expect(env.BETTER_AUTH_SECRET).toBeUndefined();
      expect(env.NODE_ENV).toBe(source.NODE_ENV ?? 'development');
    },
  );

  it('PUBLIC_DASHBOARD defaults to true', () => {
    expect(readEnv({}).PUBLIC_DASHBOARD).toBe(true);
    expect(readEnv({ PUBLIC_DASHBOARD: '' }).PUBLIC_DASHBOARD).toBe(true);
  });

  it.each<[string, boolean]>([
    ['false', false],
    ['0', false],
    ['nej', false],
    ['NEJ', false],
    [' off ', false],
    ['no', false],
    ['true', true],
    ['1', true],
    ['ja', true],
    ['Ja', true],
    ['on', true],
    ['yes', true],
  ])('PUBLIC_DASHBOARD=%j → %s', (value, expected) => {
    expect(readEnv({ PUBLIC_DASHBOARD: value }).PUBLIC_DASHBOARD).toBe(expected);
  });

  it.each(['kanske', '2', 'falskt'])('PUBLIC_DASHBOARD=%j is refused', (value) => {
    const err = configError({ PUBLIC_DASHBOARD: value });
    expect(err.message).toContain('PUBLIC_DASHBOARD');
    expect(err.message).toContain('true eller false');
  });

  it.each<Record<string, string>>([
    { OIDC_ISSUER: 'https://login.example.se' },
    { OIDC_CLIENT_ID: 'trygghet' },
    { OIDC_CLIENT_SECRET: 's3cret' },
    { OIDC_ISSUER: 'https://login.example.se', OIDC_CLIENT_ID: 'trygghet' },
    { OIDC_CLIENT_ID: 'trygghet', OIDC_CLIENT_SECRET: 's3cret' },
    { OIDC_ISSUER: 'https://login.example.se', OIDC_CLIENT_ID: 'trygghet', OIDC_CLIENT_SECRET: '  ' },
  ])('partial OIDC settings are refused: %j', (source) => {
    const err = configError(source);
    expect(err.message).toContain('OIDC_ISSUER, OIDC_CLIENT_ID och OIDC_CLIENT_SECRET måste anges tillsammans');
  });

  it('all three OIDC settings are fine', () => {
    const env = readEnv({ OIDC_ISSUER: 'https://login.example.se/tenant', OIDC_CLIENT_ID: 'trygghet', OIDC_CLIENT_SECRET: 's3cret' });
    expect(env).toMatchObject({ OIDC_ISSUER: 'https://login.example.se/tenant', OIDC_CLIENT_ID: 'trygghet', OIDC_CLIENT_SECRET: 's3cret' });
    expect(env.OIDC_NAME).toBe('kommunens konto');
    expect(env.OIDC_ALLOW_SIGNUP).toBe(true);
  });

  it('no OIDC settings at all is fine', () => {
    const env = readEnv({});
    expect(env.OIDC_ISSUER).toBeUndefined();
    expect(env.OIDC_CLIENT_ID).toBeUndefined();
  });

  it.each(['-1', 'abc', '1e999'])('IMPORT_MAX_MB=%j is refused', (value) => {
    const err = configError({ IMPORT_MAX_MB: value });
    expect(err.message).toContain('IMPORT_MAX_MB');
    expect(err.message).toContain('megabyte');
  });

  it.each<[Record<string, string>, number]>([
    [{}, 50],
    [{ IMPORT_MAX_MB: '' }, 50],
    [{ IMPORT_MAX_MB: '0' }, 0],
    [{ IMPORT_MAX_MB: ' 12.5 ' }, 12.5],
  ])('IMPORT_MAX_MB from %j → %s', (source, expected) => {
    expect(readEnv(source).IMPORT_MAX_MB).toBe(expected);
  });
});

describe('crossSiteRefusal', () => {
  const req = (headers: Record<string, string>) => new Request('http://trygghet.hedemora.se/api/import', { method: 'POST', headers });
  const SWEDISH = 'Förfrågan kom från en annan webbplats och avvisades.';

  async function expectRefused(res: Response | null) {
    expect(res).not.toBeNull();
    expect(res!.status).toBe(403);
    expect(await res!.json()).toEqual({ status: 'refused', message: SWEDISH, issues: [] });
  }

  it.each<[string, Record<string, string>]>([
    ['same-origin Origin', { host: 'trygghet.hedemora.se', origin: 'http://trygghet.hedemora.se' }],
    ['same-origin Origin with port', { host: 'localhost:3000', origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' }],
    ['no Origin (curl, scripts)', { host: 'trygghet.hedemora.se' }],
    ['no Origin, no Host', {}],
    ['Sec-Fetch-Site same-site without Origin', { host: 'trygghet.hedemora.se', 'sec-fetch-site': 'same-site' }],
    ['Sec-Fetch-Site none (typed in the address bar)', { host: 'trygghet.hedemora.se', 'sec-fetch-site': 'none' }],
    [
      'behind a proxy: Origin matches X-Forwarded-Host, not Host',
      {
        host: '127.0.0.1:3000',
        'x-forwarded-host': 'trygghet.hedemora.se',
        origin: 'https://trygghet.hedemora.se',
      },
    ],
  ])('lets through: %s', (_name, headers) => {
    expect(crossSiteRefusal(req(headers))).toBeNull();
  });

  it.each<[string, Record<string, string>]>([
    ['Origin of another host', { host: 'trygghet.hedemora.se', origin: 'https://evil.example' }],
    ['Origin of a look-alike subdomain', { host: 'trygghet.hedemora.se', origin: 'http://trygghet.hedemora.se.evil.example' }],
    ['Origin on another port', { host: 'localhost:3000', origin: 'http://localhost:4000' }],
    ['Sec-Fetch-Site cross-site without Origin', { host: 'trygghet.hedemora.se', 'sec-fetch-site': 'cross-site' }],
    [
      'Sec-Fetch-Site cross-site even with a matching Origin',
      { host: 'trygghet.hedemora.se', origin: 'http://trygghet.hedemora.se', 'sec-fetch-site': 'cross-site' },
    ],
    ['Origin "null" (sandboxed iframe, data: URL)', { host: 'trygghet.hedemora.se', origin: 'null' }],
    ['Origin that is not a URL', { host: 'trygghet.hedemora.se', origin: 'garbage' }],
    ['Origin without any Host to compare with', { origin: 'http://trygghet.hedemora.se' }],
    [
      'behind a proxy: Origin matches Host but not X-Forwarded-Host',
      {
        host: 'trygghet.hedemora.se',
        'x-forwarded-host': 'intern.hedemora.se',
        origin: 'http://trygghet.hedemora.se',
      },
    ],
  ])('refuses with 403 and a Swedish message: %s', async (_name, headers) => {
    await expectRefused(crossSiteRefusal(req(headers)));
  });
});

describe('auditFilterFrom', () => {
  it('no parameters: no filter', () => {
    const f = auditFilterFrom({});
    expect(f).toMatchObject({ action: undefined, q: undefined, from: undefined, to: undefined });
  });

  it.each(['import', 'sign_in_failed', 'user_role_changed'])('a known handelse %j becomes the action filter', (h) => {
    expect(auditFilterFrom({ handelse: h }).action).toBe(h);
  });

  // Not covered here: names inherited from Object.prototype ('toString', '__proto__', 'constructor') pass the
  // schema's `v in AUDIT_ACTIONS` check and become the action filter (reported, lib/audit-query.ts).
  it.each(['hackad', 'Import', '', 'inloggning ', 'IMPORT'])('an unknown handelse %j is ignored', (h) => {
    expect(auditFilterFrom({ handelse: h }).action).toBeUndefined();
  });

  it('an unknown handelse does not drop the other filters', () => {
    expect(auditFilterFrom({ handelse: 'hackad', q: 'anna' })).toMatchObject({ action: undefined, q: 'anna' });
  });

  it('q is trimmed; an empty or blank q is no filter', () => {
    expect(auditFilterFrom({ q: '  anna@hedemora.se ' }).q).toBe('anna@hedemora.se');
    expect(auditFilterFrom({ q: '   ' }).q).toBeUndefined();
  });

  it('the first of repeated parameters counts', () => {
    expect(auditFilterFrom({ handelse: ['import', 'sign_out'], q: ['a', 'b'] })).toMatchObject({ action: 'import', q: 'a' });
  });

  it('dates are whole Swedish (winter-time) days: från from midnight, till up to the next midnight', () => {
    const f = auditFilterFrom({ fran: '2025-01-15', till: '2025-01-31' });
    expect(f.from?.toISOString()).toBe('2025-01-14T23:00:00.000Z');
    expect(f.to?.toISOString()).toBe('2025-01-31T23:00:00.000Z');
    expect(f.raw).toMatchObject({ fran: '2025-01-15', till: '2025-01-31' });
  });

  it('a single day: från and till the same date span exactly 24 hours', () => {
    const f = auditFilterFrom({ fran: '2025-02-03', till: '2025-02-03' });
    expect(f.to!.getTime() - f.from!.getTime()).toBe(86_400_000);
  });

  it.each(['igår', '15/1/2025', '2025-1-5', '20250115', "2025-01-15' or 1=1--"])('a malformed date %j is ignored', (d) => {
    const f = auditFilterFrom({ fran: d, till: d });
    expect(f.from).toBeUndefined();
    expect(f.to).toBeUndefined();
  });

  it('empty dates are no filter', () => {
    const f = auditFilterFrom({ fran: '', till: '' });
    expect(f.from).toBeUndefined();
    expect(f.to).toBeUndefined();
  });
});

describe('auditFilterFrom: edge cases', () => {
  it('ignores inherited property names as actions', () => {
    for (const v of ['toString', 'constructor', '__proto__', 'hasOwnProperty'])
      expect(auditFilterFrom({ handelse: v }).action).toBeUndefined();
  });
  it('drops impossible dates instead of failing or rolling over', () => {
    expect(auditFilterFrom({ fran: '2025-13-45' }).from).toBeUndefined();
    expect(auditFilterFrom({ fran: '2025-02-30' }).from).toBeUndefined();
  });
  it('keeps the good filters when one value is bad', () => {
    const f = auditFilterFrom({ handelse: 'import', q: 'x', fran: 'igår' });
    expect(f.action).toBe('import');
    expect(f.q).toBe('x');
    expect(f.from).toBeUndefined();
  });
  it('counts days from Stockholm midnight in summer time too', () => {
    const f = auditFilterFrom({ fran: '2025-07-01', till: '2025-07-01' });
    expect(f.from?.toISOString()).toBe('2025-06-30T22:00:00.000Z');
    expect(f.to?.toISOString()).toBe('2025-07-01T22:00:00.000Z');
    const w = auditFilterFrom({ fran: '2025-01-15' });
    expect(w.from?.toISOString()).toBe('2025-01-14T23:00:00.000Z');
  });
});
