import { z } from 'zod';
import { parseEmbedOrigins } from './embed/csp';
import { parseTrustedProxies } from './net/client-address';

const flag = (fallback: boolean) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      if (['1', 'true', 'ja', 'on', 'yes'].includes(v)) return true;
      if (['0', 'false', 'nej', 'off', 'no'].includes(v)) return false;
      ctx.addIssue({ code: 'custom', message: 'ska vara true eller false' });
      return z.NEVER;
    });

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));
const positiveMb = (fallback: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0) {
        ctx.addIssue({ code: 'custom', message: 'ska vara ett antal megabyte (ett tal ≥ 0)' });
        return z.NEVER;
      }
      return n;
    });

/**
 * Every setting the app reads, validated once at start-up (instrumentation.ts) and wherever read.
 * `.env.example` documents each one; keep the two in step.
 */
const envShape = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: optionalText.pipe(
    z.url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_URL måste vara en postgres://-adress' }).optional(),
  ),
  PGLITE_DIR: z.string().trim().min(1).default('.data/pglite'),
  /** Skip loading the plan and example data on an empty database (tests that want an empty one). */
  SEED_ON_START: z.enum(['0', '1']).default('1'),
  /** The port `npm start` (lib/server/start.mjs) / `npm run dev` listen on; the local address follows it. */
  PORT: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 65535) {
        ctx.addIssue({ code: 'custom', message: 'ska vara ett portnummer (1–65535)' });
        return z.NEVER;
      }
      return n;
    }),
  /**
   * The address users reach the app at, e.g. https://trygghet.hedemora.se. https makes cookies Secure and turns on
   * HSTS. Unset: each request's own address counts (any port works on this machine).
   */
  APP_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'APP_URL måste vara en http(s)://-adress' }).optional()),
  /** Signs and encrypts sessions and cookies: at least 32 random characters (openssl rand -base64 32). */
  BETTER_AUTH_SECRET: optionalText.pipe(z.string().min(32, 'BETTER_AUTH_SECRET måste vara minst 32 tecken').optional()),
  /** Whether anonymous visitors may read the dashboard and the read API (default true). */
  PUBLIC_DASHBOARD: flag(true),
  /** Single sign-on through OpenID Connect (e.g. Microsoft Entra ID): all three or none. */
  OIDC_ISSUER: optionalText.pipe(z.url({ error: 'OIDC_ISSUER måste vara en adress' }).optional()),
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  /** The button text: "Logga in med {OIDC_NAME}". */
  OIDC_NAME: z.string().trim().min(1).default('kommunens konto'),
  /** Whether a first SSO sign-in creates a user (as läsare). When false, an administrator must invite them first. */
  OIDC_ALLOW_SIGNUP: flag(true),
  /**
   * Proxies in front of the app whose X-Forwarded-For is believed (addresses or CIDR ranges, comma-separated).
   * Default none: the address of the connection itself counts, whatever headers a client sends.
   */
  TRUSTED_PROXIES: optionalText.superRefine((v, ctx) => {
    try {
      parseTrustedProxies(v);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
    }
  }),
  /**
   * The sites that may show the embed pages (/inbaddning/…) in a frame: origins, comma- or space-separated.
   * Unset: only the app itself. Every other page refuses every frame.
   */
  EMBED_ALLOWED_ORIGINS: optionalText.superRefine((v, ctx) => {
    try {
      parseEmbedOrigins(v);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
    }
  }),
  IMPORT_MAX_MB: positiveMb(50),
  IMPORT_STREAM_MB: positiveMb(8),
  /** Kolada's open API (the "Hämta från Kolada" fetch and npm run fetch:kolada); tests point it at a local replay server. */
  KOLADA_BASE_URL: optionalText
    .pipe(z.url({ protocol: /^https?$/, error: 'KOLADA_BASE_URL måste vara en http(s)://-adress' }).optional())
    .transform((v) => v ?? 'https://api.kolada.se/v3'),
  /** Fetch from Kolada inside the server on a schedule (one server at a time): unset = only by hand. */
  KOLADA_REFRESH: optionalText.pipe(
    z.enum(['daily', 'weekly'], { error: 'KOLADA_REFRESH ska vara daily eller weekly (eller tom)' }).optional(),
  ),
  /** Seconds Kolada gets to answer one request before it counts as not answering. */
  KOLADA_TIMEOUT_S: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return 30;
      const n = Number(v);
      if (!Number.isFinite(n) || n <= 0) {
        ctx.addIssue({ code: 'custom', message: 'ska vara ett antal sekunder (ett tal > 0)' });
        return z.NEVER;
      }
      return n;
    }),
});

/** Every variable the app reads (a test checks that .env.example documents each one). */
export const ENV_KEYS = Object.keys(envShape.shape);

const envSchema = envShape.superRefine((env, ctx) => {
  const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    ctx.addIssue({
      code: 'custom',
      path: ['OIDC_ISSUER'],
      message: 'OIDC_ISSUER, OIDC_CLIENT_ID och OIDC_CLIENT_SECRET måste anges tillsammans',
    });
  }
  if (env.NODE_ENV === 'production' && !env.BETTER_AUTH_SECRET) {
    ctx.addIssue({
      code: 'custom',
      path: ['BETTER_AUTH_SECRET'],
      message:
        'saknas: i produktion startar appen inte utan en hemlig nyckel för sessioner (minst 32 tecken, t.ex. openssl rand -base64 32). `npm run setup` skapar en i .env.local.',
    });
  }
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The origins a sign-in may come from: APP_URL's, and — when APP_URL is this machine — the same port under its
 * other loopback names (a newcomer opens http://127.0.0.1:3000 as often as http://localhost:3000). Empty when
 * APP_URL is unset: better-auth then trusts the address each request was sent to.
 */
export function trustedOrigins(appUrl: string | undefined): string[] {
  if (!appUrl) return [];
  const url = new URL(appUrl);
  if (!LOOPBACK.includes(url.hostname)) return [url.origin];
  const port = url.port ? `:${url.port}` : '';
  return [url.origin, ...LOOPBACK.map((h) => `${url.protocol}//${h}${port}`).filter((o) => o !== url.origin)];
}

/** The address links point to when there is no request to take it from (the CLI): APP_URL, else this machine's PORT. */
export function localAppUrl(env: Pick<Env, 'APP_URL' | 'PORT'>): string {
  return env.APP_URL ?? `http://localhost:${env.PORT ?? 3000}`;
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) throw new ConfigError(`Ogiltig konfiguration:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
