import crypto from 'node:crypto';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcProvider, type LocalOidc } from './oidc-provider';

/**
 * Proves the local OpenID provider does what the browser sign-in test relies on, with plain fetch:
 * discovery, the dev login and consent pages, the authorization code + PKCE flow, the id_token
 * and userinfo claims, and both client_secret_basic and client_secret_post at the token endpoint.
 */

const REDIRECT_URI = 'http://127.0.0.1:9/api/auth/oauth2/callback/oidc'; // never fetched
const ACCOUNTS = {
  anna: { email: 'anna@example.se', name: 'Anna Andersson' },
  bertil: { email: 'bertil@example.se', name: 'Bertil Berg' },
};

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint: string;
  jwks_uri: string;
  code_challenge_methods_supported?: string[];
  scopes_supported?: string[];
}

let op: LocalOidc;
let discovery: Discovery;
beforeAll(async () => {
  op = await startOidcProvider({ redirectUris: [REDIRECT_URI], accounts: ACCOUNTS });
  const res = await fetch(`${op.issuer}/.well-known/openid-configuration`);
  expect(res.status).toBe(200);
  discovery = (await res.json()) as Discovery;
});
afterAll(async () => {
  await op?.stop();
});

/** A cookie jar that ignores Path and Domain: enough for one host. */
class Jar {
  private cookies = new Map<string, string>();
  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const expired = attrs.some((a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) < Date.now()));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

function pkce() {
  const verifier = crypto.randomBytes(32).toString('base64url');
  const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

/** What a dev interaction page offers: its form action, prompt and input names. */
function readForm(html: string) {
  const action = /<form[^>]*action="([^"]+)"[^>]*method="post"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
  const prompt = /<input type="hidden" name="prompt" value="([^"]+)"/.exec(html)?.[1];
  const inputs = [...html.matchAll(/<input[^>]*name="([^"]+)"/g)].map((m) => m[1]);
  const button = /<button[^>]*type="submit"[^>]*>([^<]*)<\/button>/.exec(html)?.[1];
  return { action, prompt, inputs, button };
}

/**
 * Drives the browser's part of the flow: follows redirects by hand, submits the login page with
 * `login` and the consent page, until the provider redirects to REDIRECT_URI. Returns that URL and
 * the pages seen on the way.
 */
async function authorize(login: string, challenge: string, state: string, nonce: string) {
  const jar = new Jar();
  const authUrl = new URL(discovery.authorization_endpoint);
  authUrl.search = new URLSearchParams({
    client_id: op.clientId,
    response_type: 'code',
    scope: 'openid email profile',
    redirect_uri: REDIRECT_URI,
    state,
    nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();

  const pages: ReturnType<typeof readForm>[] = [];
  const htmls: string[] = [];
  let res = await fetch(authUrl, { redirect: 'manual', headers: { cookie: jar.header() } });
  for (let hop = 0; hop < 12; hop++) {
    jar.store(res);
    if (res.status >= 300 && res.status < 400) {
      const location = new URL(res.headers.get('location')!, res.url || op.issuer).href;
      if (location.startsWith(REDIRECT_URI)) return { callback: new URL(location), pages, htmls };
      res = await fetch(location, { redirect: 'manual', headers: { cookie: jar.header() } });
      continue;
    }
    expect(res.status, await res.clone().text()).toBe(200);
    const html = await res.text();
    const form = readForm(html);
    pages.push(form);
    htmls.push(html);
    expect(form.action).toBeDefined();
    const body =
      form.prompt === 'login'
        ? new URLSearchParams({ prompt: 'login', login, password: 'vad-som-helst' })
        : new URLSearchParams({ prompt: form.prompt ?? '' });
    res = await fetch(new URL(form.action!, op.issuer), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
  }
  throw new Error('the authorization flow did not reach the redirect URI');
}

async function signIn(login: keyof typeof ACCOUNTS, auth: 'basic' | 'post') {
  const { verifier, challenge } = pkce();
  const state = crypto.randomBytes(8).toString('hex');
  const nonce = crypto.randomBytes(8).toString('hex');
  const { callback, pages, htmls } = await authorize(login, challenge, state, nonce);

  expect(pages.map((p) => p.prompt)).toEqual(['login', 'consent']);
  expect(pages[0]).toMatchObject({ inputs: ['prompt', 'login', 'password'], button: 'Sign-in' });
  expect(pages[1]).toMatchObject({ inputs: ['prompt'], button: 'Continue' });
  expect(htmls[0]).toContain('<h1>Sign-in</h1>');
  expect(htmls[1]).toContain('<h1>Authorize</h1>');
  expect(htmls.join('')).not.toContain('fonts.googleapis.com');

  expect(callback.searchParams.get('error')).toBeNull();
  expect(callback.searchParams.get('state')).toBe(state);
  expect(callback.searchParams.get('iss')).toBe(op.issuer);
  const code = callback.searchParams.get('code');
  expect(code).toBeTruthy();

  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    code: code!,
    redirect_uri: REDIRECT_URI,
    code_verifier: verifier,
  });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (auth === 'basic') {
    headers.authorization = `Basic ${Buffer.from(`${op.clientId}:${op.clientSecret}`).toString('base64')}`;
  } else {
    form.set('client_id', op.clientId);
    form.set('client_secret', op.clientSecret);
  }
  // PKCE is enforced (checked before the code is consumed, so the right verifier still works after).
  const wrong = new URLSearchParams(form);
  wrong.set('code_verifier', pkce().verifier);
  const wrongRes = await fetch(discovery.token_endpoint, { method: 'POST', headers, body: wrong });
  expect(wrongRes.status).toBe(400);
  expect(await wrongRes.json()).toMatchObject({ error: 'invalid_grant' });

  const tokenRes = await fetch(discovery.token_endpoint, { method: 'POST', headers, body: form });
  const tokens = (await tokenRes.json()) as Record<string, unknown>;
  expect(tokenRes.status, JSON.stringify(tokens)).toBe(200);
  expect(tokens.token_type).toBe('Bearer');
  expect(typeof tokens.access_token).toBe('string');
  expect(typeof tokens.id_token).toBe('string');

  const idToken = decodeJwt(tokens.id_token as string);
  expect(idToken).toMatchObject({
    iss: op.issuer,
    aud: op.clientId,
    sub: login,
    nonce,
    email: ACCOUNTS[login].email,
    email_verified: true,
    name: ACCOUNTS[login].name,
  });

  const userinfoRes = await fetch(discovery.userinfo_endpoint, {
    headers: { authorization: `Bearer ${tokens.access_token as string}` },
  });
  expect(userinfoRes.status).toBe(200);
  expect(await userinfoRes.json()).toMatchObject({
    sub: login,
    email: ACCOUNTS[login].email,
    email_verified: true,
    name: ACCOUNTS[login].name,
  });
}

describe('local OpenID provider (test/e2e/oidc-provider.ts)', () => {
  it('publishes a discovery document for its issuer, with S256 PKCE', () => {
    expect(op.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(op.clientId).toBe('trygghetslaget');
    expect(discovery.issuer).toBe(op.issuer);
    expect(discovery.authorization_endpoint).toBe(`${op.issuer}/auth`);
    expect(discovery.token_endpoint).toBe(`${op.issuer}/token`);
    expect(discovery.userinfo_endpoint).toBe(`${op.issuer}/me`);
    expect(discovery.jwks_uri).toBe(`${op.issuer}/jwks`);
    expect(discovery.code_challenge_methods_supported).toContain('S256');
    expect(discovery.scopes_supported).toEqual(expect.arrayContaining(['openid', 'email', 'profile']));
  });

  it('signs in through the dev login and consent pages; code + PKCE; client_secret_basic', async () => {
    await signIn('anna', 'basic');
  });

  it('accepts client_secret_post too (what better-auth sends by default)', async () => {
    await signIn('bertil', 'post');
  });

  it('turns an unknown login into error=access_denied at the redirect URI', async () => {
    const { challenge } = pkce();
    const { callback, pages } = await authorize('okänd', challenge, 'st', 'no');
    expect(pages.map((p) => p.prompt)).toEqual(['login']);
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('code')).toBeNull();
  });
});
