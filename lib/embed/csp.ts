/*
 * The Content-Security-Policy and framing rules, shared by next.config.ts (static headers for every page but the
 * embeds) and proxy.ts (the embeds' headers, read from EMBED_ALLOWED_ORIGINS at run time: next.config's headers
 * are fixed when the app is built). Pure: no server-only imports.
 */

/** Embed pages: the chart or the map alone, for a kommun's own website (app/inbaddning/…). */
export const EMBED_PREFIX = '/inbaddning';

export function isEmbedPath(pathname: string): boolean {
  return pathname === EMBED_PREFIX || pathname.startsWith(`${EMBED_PREFIX}/`);
}

const ORIGIN = /^https?:\/\/(\[[0-9a-f:.]+\]|[a-z0-9-]+(\.[a-z0-9-]+)*)(:\d{1,5})?$/;

/**
 * The sites that may show the embeds in a frame: origins (scheme, host and optional port, nothing after it),
 * separated by commas or spaces. Throws a Swedish message naming the first bad entry.
 */
export function parseEmbedOrigins(raw: string | undefined): string[] {
  const out: string[] = [];
  for (const token of (raw ?? '').split(/[\s,]+/).filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(token);
    } catch {
      throw new Error(`"${token}" är ingen adress; ange ursprung som https://www.hedemora.se`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new Error(`"${token}" ska börja med https:// (eller http://)`);
    }
    // An origin only: no user, path, query or fragment (a CSP source with a path would mean something else).
    const bare = token.replace(/\/$/, '');
    if (url.username || url.password || url.search || url.hash || url.pathname !== '/' || bare.toLowerCase() !== url.origin) {
      throw new Error(`"${token}" ska vara bara ett ursprung (schema, värd och ev. port), till exempel ${url.origin}`);
    }
    // Only host-name characters: the value goes into a header, where ; or a quote would change the policy.
    if (!ORIGIN.test(url.origin)) throw new Error(`"${token}" innehåller tecken som inte får stå i en webbadress`);
    if (!out.includes(url.origin)) out.push(url.origin);
  }
  return out;
}

/** The frame-ancestors sources of the embeds: the app itself and the configured origins. */
export function embedFrameAncestors(raw: string | undefined): string[] {
  return ["'self'", ...parseEmbedOrigins(raw)];
}

/**
 * The Content-Security-Policy the app works under. Scripts and styles come only from this origin; Next's inline
 * bootstrap scripts and React's style attributes (recharts) need 'unsafe-inline' — nonces would make every page
 * dynamic and end the page cache. Images may be data:/blob: (chart PNG/SVG downloads). `frameAncestors` empty:
 * no page may show this one in a frame.
 */
export function buildCsp({ dev, frameAncestors }: { dev: boolean; frameAncestors: string[] }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.length > 0 ? frameAncestors.join(' ') : "'none'"}`,
  ].join('; ');
}

/** The embeds' policy from the environment; a bad EMBED_ALLOWED_ORIGINS (start-up refuses it) falls back to 'self'. */
export function embedCsp(env: { NODE_ENV?: string; EMBED_ALLOWED_ORIGINS?: string }): string {
  let ancestors: string[];
  try {
    ancestors = embedFrameAncestors(env.EMBED_ALLOWED_ORIGINS);
  } catch {
    ancestors = ["'self'"];
  }
  return buildCsp({ dev: env.NODE_ENV === 'development', frameAncestors: ancestors });
}
