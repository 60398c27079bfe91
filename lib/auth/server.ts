import { AsyncLocalStorage } from 'node:async_hooks';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware, getSessionFromCtx } from 'better-auth/api';
import { nextCookies } from 'better-auth/next-js';
import { admin, genericOAuth } from 'better-auth/plugins';
import { createAccessControl } from 'better-auth/plugins/access';
import { adminAc, defaultStatements } from 'better-auth/plugins/admin/access';
import { sql, type SQL } from 'drizzle-orm';
import { clientIp, writeAudit } from '../audit';
import type { Db } from '../db/client';
import { rowsOf } from '../db/tx';
import { authAccounts, authRateLimits, authSessions, authUsers, authVerifications } from '../db/schema';
import { localAppUrl, readEnv, trustedOrigins, type Env } from '../env';
import { sessionSecret } from './cookie';
import { isOriginRefusal, originRefusalRecorder } from './origin-refusal';

/** Failed password attempts for one account, in a row, before it is refused for LOCK_MINUTES. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;
export const OIDC_PROVIDER_ID = 'oidc';
export const MIN_PASSWORD_LENGTH = 12;
/** An invitation link (a password-reset token) stays valid this long. */
const INVITE_SECONDS = 7 * 24 * 3600;

const ac = createAccessControl(defaultStatements);
const roles = {
  reader: ac.newRole({ user: [], session: [] }),
  coordinator: ac.newRole({ user: [], session: [] }),
  // Everything better-auth's admin role may do but impersonate: acting as someone else would be recorded as them.
  admin: ac.newRole({ ...adminAc.statements, user: adminAc.statements.user.filter((p) => p !== 'impersonate') }),
};

/** A user's name before an /update-user call, by user id, until the call has finished (for the change record). */
const namesBeforeRename = new Map<string, string>();

/**
 * Carries an invitation link out of better-auth's sendResetPassword callback to the action that asked for it.
 * better-auth calls the callback inside the requestPasswordReset call (awaited, or started there when it runs
 * background tasks), so the hand-over is request-local: an AsyncLocalStorage slot the caller opens around its call.
 * Nothing is kept in the process between requests (any app instance serves the link: its token is in the
 * verification table), and two invitations at once, of the same address too, never see each other's link.
 */
interface LinkSlot {
  email: string;
  deliver: (url: string) => void;
}
const gl = globalThis as typeof globalThis & { __trygghetInviteLinkSlot?: AsyncLocalStorage<LinkSlot> };
// On globalThis: Next bundles this module into several server chunks, and the auth instance (also on globalThis)
// was made by whichever chunk came first; one slot store for all of them.
const inviteLinkSlot = (gl.__trygghetInviteLinkSlot ??= new AsyncLocalStorage<LinkSlot>());

/** Runs `request` (a requestPasswordReset call for `email`) and returns the link better-auth made, or null after `ms`. */
export async function captureInviteLink(email: string, request: () => Promise<unknown>, ms = 10_000): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  let deliver: (url: string | null) => void = () => {};
  const link = new Promise<string | null>((resolve) => {
    deliver = resolve;
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    await inviteLinkSlot.run({ email: email.toLowerCase(), deliver }, request);
    return await link;
  } finally {
    clearTimeout(timer);
  }
}

/** Whether cookies are Secure and HSTS is sent: when the app's public address is https. */
export function isHttpsDeployment(env: Env = readEnv()): boolean {
  return env.APP_URL?.startsWith('https://') ?? false;
}

/** When an account's count of wrong passwords starts anew: its latest sign-in or lifted lock. */
const countFrom = (email: SQL) => sql`coalesce((select max(at) from audit_log
  where (action = 'sign_in' and lower(actor) = lower(${email}))
     or (action = 'sign_in_unlocked' and lower(after->>'email') = lower(${email}))), '-infinity')`;

/**
 * Wrong passwords for an account from one address since the account's last sign-in or lifted lock (within
 * LOCK_MINUTES). Per account *and* address: an anonymous visitor guessing at an address locks out only their own
 * address, never the owner signing in from another.
 */
async function failedSignInsInARow(db: Db, email: string, ip: string | null): Promise<number> {
  const rows = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from audit_log
    where action = 'sign_in_failed' and lower(actor) = lower(${email}) and ip is not distinct from ${ip}
      and at > now() - make_interval(mins => ${LOCK_MINUTES}) and at > ${countFrom(sql`${email}`)}`);
  return rowsOf<{ n: number }>(rows)[0]?.n ?? 0;
}

/** The (lower-case) e-mail addresses whose sign-in is now locked from at least one address. */
export async function lockedAccounts(db: Db): Promise<Set<string>> {
  const res = await db.execute<{ email: string }>(sql`
    select distinct lower(f.actor) as email from audit_log f
    where f.action = 'sign_in_failed' and f.at > now() - make_interval(mins => ${LOCK_MINUTES})
      and f.at > ${countFrom(sql`f.actor`)}
    group by lower(f.actor), f.ip having count(*) >= ${MAX_FAILED_SIGN_INS}`);
  return new Set(rowsOf<{ email: string }>(res).map((r) => r.email));
}

function createAuth(db: Db, env: Env) {
  const oidc =
    env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
      ? { issuer: env.OIDC_ISSUER.replace(/\/$/, ''), clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET }
      : null;
  const secure = isHttpsDeployment(env);
  return betterAuth({
    appName: 'Trygghetsläget',
    baseURL: env.APP_URL,
    secret: sessionSecret(env.BETTER_AUTH_SECRET),
    trustedOrigins: trustedOrigins(env.APP_URL),
    telemetry: { enabled: false },
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: authUsers, session: authSessions, account: authAccounts, verification: authVerifications, rateLimit: authRateLimits },
    }),
    emailAndPassword: {
      enabled: true,
      // Nobody signs themselves up: administrators invite (the user page) or the first one is made by the CLI.
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 256,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: INVITE_SECONDS,
      // No e-mail is sent from here: the link goes back to the administrator who invited, to pass on.
      sendResetPassword: async ({ user, url }) => {
        const slot = inviteLinkSlot.getStore();
        if (slot?.email === user.email.toLowerCase()) slot.deliver(url);
      },
    },
    session: { expiresIn: 12 * 3600, updateAge: 3600 },
    // An invited user (made by an administrator or the CLI, e-mail not "verified" by a mail round trip) signs in
    // with the kommun's own identity provider under the same address: trusting that one provider to link is the point.
    account: { accountLinking: { enabled: true, trustedProviders: oidc ? [OIDC_PROVIDER_ID] : [], requireLocalEmailVerified: false } },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 100,
      // Per address; the per-account limit (MAX_FAILED_SIGN_INS in a row) is the hook below.
      // The proxy checks each request of a private dashboard here: no budget for anyone to spend (a forged cookie
      // never gets this far).
      customRules: { '/sign-in/email': { window: 60, max: 20 }, '/change-password': { window: 60, max: 10 }, '/get-session': false },
    },
    advanced: {
      cookiePrefix: 'tl',
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure },
      // Explicit: left unset, better-auth turns both checks off whenever it sees a test environment (TEST=true or
      // NODE_ENV=test), and a server started from a test runner inherits that.
      disableOriginCheck: false,
      disableCSRFCheck: false,
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === '/sign-in/email') {
          const email = typeof ctx.body?.email === 'string' ? ctx.body.email.trim() : '';
          const ip = clientIp(ctx.request?.headers ?? ctx.headers);
          if (email && (await failedSignInsInARow(db, email, ip)) >= MAX_FAILED_SIGN_INS) {
            await writeAudit(db, {
              actorId: null,
              actor: email,
              action: 'sign_in_locked',
              ip,
              summary: `Inloggning nekad: ${MAX_FAILED_SIGN_INS} felaktiga lösenord i rad från adressen ${ip ?? 'okänd'}. Kontot är spärrat från den adressen i ${LOCK_MINUTES} minuter.`,
            });
            throw new APIError('TOO_MANY_REQUESTS', {
              message: `För många felaktiga inloggningsförsök för kontot. Vänta ${LOCK_MINUTES} minuter och försök igen, eller be en administratör om hjälp.`,
            });
          }
        }
        if (ctx.path === '/update-user' && typeof ctx.body?.name === 'string') {
          const session = await getSessionFromCtx(ctx).catch(() => null);
          if (session) namesBeforeRename.set(session.user.id, session.user.name);
        }
        if (ctx.path === '/sign-out') {
          const session = await getSessionFromCtx(ctx).catch(() => null);
          if (session) {
            await writeAudit(db, {
              actorId: session.user.id,
              actor: session.user.email,
              action: 'sign_out',
              summary: 'Loggade ut.',
              ip: clientIp(ctx.request?.headers ?? ctx.headers),
            });
          }
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        const ip = clientIp(ctx.request?.headers ?? ctx.headers);
        const failed = ctx.context.returned instanceof APIError;
        if (ctx.path === '/sign-in/email' && failed) {
          const email = typeof ctx.body?.email === 'string' ? ctx.body.email.trim() : '';
          const err = ctx.context.returned as APIError;
          // A refusal for its origin is not a wrong password: originRefusalRecorder records it.
          if (!isOriginRefusal(err) && email && err.statusCode !== 429) {
            await writeAudit(db, {
              actorId: null,
              actor: email,
              action: 'sign_in_failed',
              summary: 'Fel e-postadress eller lösenord, eller inaktiverat konto.',
              ip,
            });
          }
        }
        const newSession = ctx.context.newSession;
        if (newSession && (ctx.path === '/sign-in/email' || ctx.path.startsWith('/callback/'))) {
          const how = ctx.path === '/sign-in/email' ? 'e-post och lösenord' : 'enkel inloggning (OpenID Connect)';
          await writeAudit(db, {
            actorId: newSession.user.id,
            actor: newSession.user.email,
            action: 'sign_in',
            summary: `Loggade in med ${how}.`,
            ip,
          });
        }
        if (ctx.path === '/change-password' && !failed) {
          const session = ctx.context.session ?? ctx.context.newSession;
          if (session) {
            const others = ctx.body?.revokeOtherSessions === true ? 'andra sessioner avslutades' : 'andra sessioner behölls';
            await writeAudit(db, {
              actorId: session.user.id,
              actor: session.user.email,
              action: 'password_changed',
              summary: `Bytte sitt lösenord (${others}).`,
              ip,
            });
          }
        }
        if (ctx.path === '/update-user') {
          const session = ctx.context.session;
          const before = session ? namesBeforeRename.get(session.user.id) : undefined;
          if (session) namesBeforeRename.delete(session.user.id);
          const name = typeof ctx.body?.name === 'string' ? ctx.body.name : undefined;
          if (session && !failed && before !== undefined && name !== undefined && name !== before) {
            await writeAudit(db, {
              actorId: session.user.id,
              actor: session.user.email,
              action: 'user_renamed',
              targetType: 'användare',
              targetId: session.user.id,
              summary: `Ändrade sitt namn: ${before} → ${name}.`,
              before: { name: before },
              after: { name },
              ip,
            });
          }
        }
        if (ctx.path === '/reset-password' && !failed) {
          await writeAudit(db, {
            actorId: null,
            actor: 'inbjudningslänk',
            action: 'password_changed',
            summary: 'Ett lösenord sattes via en inbjudnings- eller återställningslänk.',
            ip,
          });
        }
      }),
    },
    plugins: [
      admin({
        defaultRole: 'reader',
        adminRoles: ['admin'],
        ac,
        roles,
        bannedUserMessage: 'Kontot är inaktiverat. Kontakta en administratör.',
      }),
      ...(oidc
        ? [
            genericOAuth({
              config: [
                {
                  providerId: OIDC_PROVIDER_ID,
                  name: env.OIDC_NAME,
                  discoveryUrl: `${oidc.issuer}/.well-known/openid-configuration`,
                  clientId: oidc.clientId,
                  clientSecret: oidc.clientSecret,
                  scopes: ['openid', 'email', 'profile'],
                  pkce: true,
                  disableImplicitSignUp: !env.OIDC_ALLOW_SIGNUP,
                },
              ],
            }),
          ]
        : []),
      originRefusalRecorder(db, env),
      nextCookies(), // last: lets server actions set the session cookie
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const g = globalThis as typeof globalThis & { __trygghetAuth?: Promise<Auth> };

/** The server's one better-auth instance, on the same database handle as everything else. */
export function getAuth(): Promise<Auth> {
  if (!g.__trygghetAuth) {
    const making = (async () => {
      const { getDb } = await import('../server-db');
      const { db } = await getDb();
      return createAuth(db, readEnv());
    })();
    g.__trygghetAuth = making;
    making.catch(() => {
      if (g.__trygghetAuth === making) g.__trygghetAuth = undefined;
    });
  }
  return g.__trygghetAuth;
}

/** For the CLI and tests: an instance on a database handle they opened themselves. */
export function authFor(db: Db, env: Env = readEnv()): Auth {
  // No request to derive an address from: links it makes (none from the CLI) would point here.
  return createAuth(db, { ...env, APP_URL: localAppUrl(env) });
}
