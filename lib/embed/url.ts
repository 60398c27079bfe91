import { isKommunCode, kommunPath } from '../kommun-path';
import { EMBED_PREFIX } from './csp';

/**
 * The embed pages and the query keys each keeps from its full page (the view's permanent link). `kommun` is the kommun
 * whose series and mark the view shows: a query key of the embed, a segment of the full page's address.
 */
export const EMBED_KINDS = {
  /**
   * The indicator's chart: breakdown (kon, grupp, plats), comparison kommuner (jamfor) and the comparison group
   * whose median and middle-50 % band the embed draws under the chart (jmfgrupp, as on the goal page).
   */
  indikator: ['kommun', 'kon', 'grupp', 'plats', 'jamfor', 'jmfgrupp'],
  /** The map: area (karta), benchmark (mot) and period. */
  karta: ['kommun', 'karta', 'mot', 'period'],
} as const;
export type EmbedKind = keyof typeof EMBED_KINDS;

/**
 * Keys the full page's query leaves out: the kommun is in its address (/k/<kommun>/indikatorer/<id>), and the group is
 * shown elsewhere on it.
 */
const NOT_IN_FULL_QUERY: readonly string[] = ['kommun', 'jmfgrupp'];

type Params = Record<string, string | string[] | undefined>;

/** The query string of a view, only the keys that define it, in a fixed order; empty values are left out. */
export function viewQuery(kind: EmbedKind, params: Params, omit: readonly string[] = []): string {
  const q = new URLSearchParams();
  for (const key of EMBED_KINDS[kind]) {
    if (omit.includes(key)) continue;
    const v = params[key];
    for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) if (x !== '') q.append(key, x.slice(0, 100));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The embed page of a view, and the full page it comes from (both relative to the site). */
export function embedPaths(kind: EmbedKind, indicatorId: string, params: Params): { embed: string; full: string } {
  const id = encodeURIComponent(indicatorId);
  const kommun = typeof params.kommun === 'string' && isKommunCode(params.kommun) ? params.kommun : null;
  return {
    embed: `${EMBED_PREFIX}/${kind}/${id}${viewQuery(kind, { ...params, kommun: kommun ?? undefined })}`,
    full: `${kommunPath(kommun, `/indikatorer/${id}`)}${viewQuery(kind, params, NOT_IN_FULL_QUERY)}${kind === 'karta' ? '#karta' : ''}`,
  };
}

/**
 * The view of a goal page's chart for one indicator: the goal's series (kon and grupp of the goal's link, the
 * region itself), the kommun with the län and riket, and the comparison group the page draws as a band (if any).
 */
export function goalChartView(series: { sex: string; grp: string }, groupId: string | null): Params {
  return { kon: series.sex, grupp: series.grp || undefined, jmfgrupp: groupId ?? undefined };
}

/**
 * A site-relative path made absolute against an origin ("https://host[:port]"), for code pasted elsewhere. An empty
 * origin (not known yet: a cached page resolves it in the browser) leaves the path as it is.
 */
export function absoluteUrl(path: string, origin: string): string {
  // Only the site's own paths: "//host/…" or "https://…" would lead away from the origin.
  if (!origin || !path.startsWith('/') || path.startsWith('//')) return path;
  try {
    return new URL(path, `${new URL(origin).origin}/`).href;
  } catch {
    return path;
  }
}

/**
 * The site's address for code pasted elsewhere: APP_URL when set, else the request's own host (forwarded headers
 * reach the app only from TRUSTED_PROXIES, see lib/net/client-address.ts).
 */
export function siteOrigin(appUrl: string | undefined, headers: { get(name: string): string | null }): string {
  if (appUrl) {
    try {
      return new URL(appUrl).origin;
    } catch {
      // start-up refuses a bad APP_URL; fall through to the request's own address
    }
  }
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host') || 'localhost';
  const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https' ? 'https' : 'http';
  return `${proto}://${host}`;
}

/** Escapes text for an HTML attribute value in double quotes. */
function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The iframe code a kommun pastes into its own page. */
export function iframeCode(src: string, title: string, size: { width: string; height: number }): string {
  return `<iframe src="${attr(src)}" title="${attr(title)}" width="${attr(size.width)}" height="${size.height}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
}
