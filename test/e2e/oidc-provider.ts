/**
 * A real OpenID Connect provider (`oidc-provider` v9) on 127.0.0.1 for end-to-end sign-in tests.
 *
 * One confidential client, `trygghetslaget`, with a random secret; authorization code flow only;
 * scopes `openid email profile`; PKCE (S256) accepted (not required); the id_token carries the
 * scope claims as well (`conformIdTokenClaims: false`), and so does the userinfo endpoint.
 * Everything lives in memory and dies with `stop()`.
 *
 * Client authentication at the token endpoint: the client is registered as `client_secret_basic`,
 * and a request using `client_secret_post` (client_id + client_secret in the form body, which is
 * what better-auth's genericOAuth sends unless configured with `authentication: 'basic'`) is
 * rewritten to Basic before oidc-provider sees it. So both work, as at most real identity providers.
 *
 * Signing in with a browser: oidc-provider's built-in dev interactions (English, unstyled).
 *
 *   1. Login page, GET `${issuer}/interaction/<uid>`, `<h1>Sign-in</h1>`:
 *        <form autocomplete="off" action="${issuer}/interaction/<uid>" method="post">
 *          <input type="hidden" name="prompt" value="login"/>
 *          <input required type="text" name="login" placeholder="Enter any login">
 *          <input required type="password" name="password" placeholder="and password">
 *          <button type="submit" class="login login-submit">Sign-in</button>
 *        </form>
 *      Playwright: page.fill('input[name="login"]', 'anna'); page.fill('input[name="password"]', 'x');
 *                  page.click('button[type="submit"]')   // or getByRole('button', { name: 'Sign-in' })
 *      The login is the key in `accounts`; the password is required by the form but never checked.
 *      If `login_hint` is sent, the login field is pre-filled (and the password field focused).
 *
 *   2. Consent page, same URL with a new uid, `<h1>Authorize</h1>`, lists the scopes (email, profile)
 *      and claims asked for, then:
 *        <form autocomplete="off" action="${issuer}/interaction/<uid>" method="post">
 *          <input type="hidden" name="prompt" value="consent"/>
 *          <button autofocus type="submit" class="login login-submit">Continue</button>
 *        </form>
 *      Playwright: page.click('button[type="submit"]')   // or getByRole('button', { name: 'Continue' })
 *      Consent is remembered for the provider session: a second sign-in in the same browser
 *      context goes login-free and consent-free straight back to the relying party.
 *
 *   Both pages also have a `[ Cancel ]` link (`${issuer}/interaction/<uid>/abort`) that returns
 *   `error=access_denied` to the redirect URI, and a collapsed "DEBUG information" <details>.
 *   Both pages have <title>Sign-in</title>; tell them apart by the <h1> or the hidden `prompt` input.
 *   (The stock page @imports a Google Fonts stylesheet; this helper strips it so no page waits on
 *   the network.)
 *
 * Unknown logins (not a key of `accounts`) fail the sign-in: the login form submission ends the
 * interaction with `error=access_denied` (error_description "unknown login: <login>"), which is
 * sent to the client's redirect URI as with any other OAuth error.
 *
 * Cookies (`_session`, `_interaction`, `_interaction_resume`, plus `.sig` twins) are httpOnly,
 * SameSite=Lax and never `Secure`, so they work over plain http.
 */
import crypto from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';

export interface LocalOidc {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

export const OIDC_CLIENT_ID = 'trygghetslaget';

/** The slice of oidc-provider's API used here (the package ships no type declarations). */
interface KoaContext {
  method: string;
  path: string;
  req: IncomingMessage & { body?: unknown };
  res: ServerResponse;
  body: unknown;
  type: string;
  is(type: string): string | false | null;
}
interface OidcProvider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  use(fn: (ctx: KoaContext, next: () => Promise<void>) => Promise<void>): void;
  on(event: string, listener: (...args: unknown[]) => void): void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<{ prompt: { name: string } }>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    opts?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
}
type ProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => OidcProvider;

/** Warnings oidc-provider prints that are expected for a throwaway test provider. */
const EXPECTED_WARNINGS = [
  'Unsupported runtime', // it wants Node 22+, works on this Node 20
  'devInteractions is enabled', // the dev login + consent pages are exactly what we want
  'in-memory adapter', // nothing here should outlive the test
  'already parsed request body', // the client_secret_post rewrite below
];

/**
 * Drops exactly those warnings (console.warn, process-wide, installed once; everything else passes).
 * Not a swap-and-restore around each call: overlapping async calls would restore the wrong function.
 */
function silenceExpectedWarnings(): void {
  const g = globalThis as typeof globalThis & { __localOidcWarnFilter?: true };
  if (g.__localOidcWarnFilter) return;
  g.__localOidcWarnFilter = true;
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    const first = args[0];
    if (typeof first === 'string' && first.includes('oidc-provider WARNING') && EXPECTED_WARNINGS.some((w) => first.includes(w))) return;
    warn(...args);
  };
}

let providerClass: Promise<ProviderConstructor> | undefined;
function loadProvider(): Promise<ProviderConstructor> {
  silenceExpectedWarnings();
  providerClass ??= (async () => {
    // @ts-expect-error -- oidc-provider ships no type declarations (see OidcProvider above)
    const mod = (await import('oidc-provider')) as { Provider: ProviderConstructor };
    return mod.Provider;
  })();
  return providerClass;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** RFC 6749 §2.3.1: each part form-urlencoded, then base64. */
function basicAuth(id: string, secret: string): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${enc(id)}:${enc(secret)}`).toString('base64')}`;
}

export async function startOidcProvider(opts: {
  redirectUris: string[];
  accounts: Record<string, { email: string; name: string }>;
}): Promise<LocalOidc> {
  const Provider = await loadProvider();
  const accounts = opts.accounts;
  const known = (login: string) => Object.hasOwn(accounts, login);

  // Listen first (port 0: no race for a port), then build the provider, whose issuer needs the port.
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server = http.createServer((req, res) => {
    if (handler) return handler(req, res);
    res.statusCode = 503;
    res.end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  const clientSecret = crypto.randomBytes(32).toString('base64url');
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: 'local-oidc', alg: 'RS256', use: 'sig' };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT_ID,
        client_secret: clientSecret,
        redirect_uris: opts.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    scopes: ['openid', 'email', 'profile'],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    // Put the scope claims in the id_token too, not only in userinfo.
    conformIdTokenClaims: false,
    async findAccount(_ctx: unknown, id: string) {
      if (!known(id)) return undefined;
      const account = accounts[id]!;
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: account.email, email_verified: true, name: account.name };
        },
      };
    },
    jwks: { keys: [signingKey] },
    cookies: {
      keys: [crypto.randomBytes(32).toString('hex')],
      long: { httpOnly: true, sameSite: 'lax', secure: false },
      short: { httpOnly: true, sameSite: 'lax', secure: false },
    },
    features: {
      devInteractions: { enabled: true },
    },
    // Numbers rather than the default functions, which print "you SHOULD change it" notices.
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 3600,
      Session: 86_400,
      Grant: 86_400,
    },
    async renderError(ctx: KoaContext, out: Record<string, string>) {
      ctx.type = 'html';
      ctx.body = `<!DOCTYPE html><html><head><title>oidc error</title></head><body><h1>oidc error</h1><pre>${Object.entries(out)
        .map(([k, v]) => `${k}: ${String(v).replace(/[<>&]/g, '')}`)
        .join('\n')}</pre></body></html>`;
    },
  });

  provider.on('server_error', (_ctx: unknown, err: unknown) => {
    console.error('[local-oidc] server_error', err);
  });

  provider.use(async (ctx, next) => {
    // The login form: refuse logins that are not in `accounts` (otherwise oidc-provider would carry
    // on with a session whose account does not exist and fail obscurely later).
    if (ctx.method === 'POST' && /^\/interaction\/[^/]+$/.test(ctx.path)) {
      let prompt: string | undefined;
      try {
        prompt = (await provider.interactionDetails(ctx.req, ctx.res)).prompt.name;
      } catch {
        // no or stale interaction cookie: the dev handler renders the proper error
      }
      if (prompt === 'login') {
        const login = new URLSearchParams(await readBody(ctx.req)).get('login') ?? '';
        // The same result oidc-provider's own dev login submit produces, for known logins.
        await provider.interactionFinished(
          ctx.req,
          ctx.res,
          known(login) ? { login: { accountId: login } } : { error: 'access_denied', error_description: `unknown login: ${login}` },
          { mergeWithLastSubmission: false },
        );
        return; // the response (303 to the authorization resume URL) is already sent
      }
    }

    // The token endpoint: accept client_secret_post by rewriting it to client_secret_basic.
    if (ctx.method === 'POST' && ctx.path === '/token' && !ctx.req.headers.authorization && ctx.is('application/x-www-form-urlencoded')) {
      const form = new URLSearchParams(await readBody(ctx.req));
      const id = form.get('client_id');
      const secret = form.get('client_secret');
      if (id !== null && secret !== null) {
        form.delete('client_id');
        form.delete('client_secret');
        ctx.req.headers.authorization = basicAuth(id, secret);
      }
      // The stream is consumed; oidc-provider's body parser falls back to req.body.
      ctx.req.body = form.toString();
      await next();
      return;
    }

    await next();

    // The dev pages @import Google Fonts: drop it, so no browser page waits on the network.
    if (ctx.method === 'GET' && ctx.path.startsWith('/interaction/') && typeof ctx.body === 'string') {
      ctx.body = ctx.body.replace(/@import url\([^)]*\);?/g, '');
    }
  });

  handler = provider.callback();

  return {
    issuer,
    clientId: OIDC_CLIENT_ID,
    clientSecret,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
