import { z } from 'zod';

/**
 * A small client for Kolada's open API v3 (docs: shared/docs/kolada-v3.md): GET only, JSON, no key.
 * It follows `next_url` page by page, sends at most 25 ids per path segment, retries 5xx answers and network
 * errors with exponential backoff, gives every request a timeout, and either returns every value of every page
 * or throws a KoladaError: never a partial answer.
 */

/** Kolada accepts at most this many ids (KPIs, municipalities, years) in one path segment. */
export const KOLADA_MAX_IDS = 25;
export const KOLADA_DEFAULT_BASE_URL = 'https://api.kolada.se/v3';

const genderValue = z.looseObject({
  gender: z.string(),
  value: z.number().nullable().optional(),
  count: z.number().nullable().optional(),
  status: z.string().nullable().optional(),
  isdeleted: z.boolean().optional(),
});
const dataItem = z.looseObject({
  kpi: z.string(),
  municipality: z.string(),
  period: z.union([z.number(), z.string()]),
  values: z.array(genderValue),
  isdeleted: z.boolean().optional(),
});
const envelope = z.looseObject({
  values: z.array(dataItem),
  count: z.number().optional(),
  next_url: z.string().nullish(),
  // v2's name, should an answer still carry it
  next_page: z.string().nullish(),
});

export type KoladaValue = z.infer<typeof genderValue>;
export type KoladaRecord = z.infer<typeof dataItem>;

/** Why the fetch failed, in the words the UI shows: "Kolada svarade inte (HTTP 500 på sida 2) — inget har sparats." */
export class KoladaError extends Error {
  constructor(
    readonly reason: string,
    readonly detail: { url: string; page: number; status?: number; attempts: number },
  ) {
    super(`Kolada svarade inte (${reason}) — inget har sparats.`);
    this.name = 'KoladaError';
  }
}

export interface KoladaClientOptions {
  /** e.g. https://api.kolada.se/v3 (KOLADA_BASE_URL). */
  baseUrl: string;
  /** Per request, until the whole answer is read. */
  timeoutMs?: number;
  /** Further attempts after the first, on a 5xx/429 answer or a network error. */
  retries?: number;
  /** The wait before the first retry; doubled for each further one. */
  backoffMs?: number;
  /** Injected by tests (a fake clock); setTimeout otherwise. */
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
  /** A guard against an answer whose next_url never ends. */
  maxPages?: number;
}

export interface KoladaRequestLog {
  /** The first page's URL. */
  url: string;
  pages: number;
}

export interface KoladaFetchResult {
  values: KoladaRecord[];
  requests: KoladaRequestLog[];
}

/** Splits ids into path segments of at most 25. */
export function chunk<T>(items: T[], size = KOLADA_MAX_IDS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function networkReason(err: unknown, timeoutMs: number, host: string): string {
  const e = err as { name?: string; code?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError')
    return `inget svar inom ${String(Math.round(timeoutMs / 100) / 10).replace('.', ',')} s`;
  const code = e?.cause?.code ?? e?.code;
  if (code === 'ECONNREFUSED') return `anslutningen till ${host} nekades`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `${host} kunde inte hittas (DNS)`;
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return `anslutningen till ${host} bröts`;
  return `ingen kontakt med ${host}${code ? `: ${code}` : ''}`;
}

export function createKoladaClient(opts: KoladaClientOptions) {
  const base = new URL(opts.baseUrl.endsWith('/') ? opts.baseUrl : `${opts.baseUrl}/`);
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const retries = opts.retries ?? 3;
  const backoffMs = opts.backoffMs ?? 500;
  const sleep = opts.sleep ?? defaultSleep;
  const doFetch = opts.fetch ?? fetch;
  const maxPages = opts.maxPages ?? 1000;

  /** One page, with retries; returns the parsed envelope. */
  async function getPage(url: string, page: number) {
    let attempt = 0;
    for (;;) {
      attempt++;
      let reason: string;
      let status: number | undefined;
      const ac = new AbortController();
      const timer = setTimeout(() => ac.abort(new DOMException('timeout', 'TimeoutError')), timeoutMs);
      try {
        const res = await doFetch(url, { headers: { accept: 'application/json' }, signal: ac.signal });
        status = res.status;
        if (res.ok) {
          let json: unknown;
          try {
            json = await res.json();
          } catch (err) {
            if (ac.signal.aborted) throw err;
            throw new KoladaError(`svaret på sida ${page} var inte JSON`, { url, page, status, attempts: attempt });
          }
          const parsed = envelope.safeParse(json);
          if (!parsed.success) {
            const where = parsed.error.issues[0];
            throw new KoladaError(
              `svaret på sida ${page} har ett oväntat format: ${where ? `${where.path.join('.')}: ${where.message}` : 'okänt fel'}`,
              { url, page, status, attempts: attempt },
            );
          }
          return parsed.data;
        }
        reason = `HTTP ${res.status} på sida ${page}`;
        await res.body?.cancel().catch(() => {});
        // 4xx (other than 429) will not change by asking again.
        if (res.status < 500 && res.status !== 429) throw new KoladaError(reason, { url, page, status, attempts: attempt });
      } catch (err) {
        if (err instanceof KoladaError) throw err;
        reason = `${networkReason(err, timeoutMs, base.host)}, sida ${page}`;
      } finally {
        clearTimeout(timer);
      }
      if (attempt > retries) throw new KoladaError(`${reason}; ${attempt} försök`, { url, page, status, attempts: attempt });
      await sleep(backoffMs * 2 ** (attempt - 1));
    }
  }

  /** The next page's absolute URL; only on Kolada's own host (an answer never sends us elsewhere). */
  function nextUrl(next: string, current: string): string {
    const u = new URL(next, current);
    if (u.host !== base.host)
      throw new KoladaError(`nästa sida pekar till en annan server (${u.host})`, { url: current, page: 0, attempts: 1 });
    u.protocol = base.protocol; // v2 wrote http:// links to an https API
    return u.toString();
  }

  /** Every value of one request, following next_url to the end. */
  async function getAll(url: string): Promise<{ values: KoladaRecord[]; pages: number }> {
    const values: KoladaRecord[] = [];
    const seen = new Set<string>();
    let current: string | null = url;
    let page = 0;
    while (current) {
      if (seen.has(current))
        throw new KoladaError(`nästa sida upprepar en tidigare sida (sida ${page + 1})`, { url: current, page: page + 1, attempts: 1 });
      if (page >= maxPages) throw new KoladaError(`fler än ${maxPages} sidor`, { url: current, page, attempts: 1 });
      seen.add(current);
      page++;
      const env = await getPage(current, page);
      values.push(...env.values);
      const next = env.next_url ?? env.next_page;
      current = next ? nextUrl(next, current) : null;
    }
    return { values, pages: page };
  }

  const path = (...segments: string[]) => new URL(segments.map(encodeURI).join('/'), base).toString();

  return {
    baseUrl: base.toString().replace(/\/$/, ''),

    /**
     * Values of KPIs × municipalities (Kolada ids: kommun 2083, län 0020, riket 0000), all years unless given:
     * `/data/kpi/{kpis}/municipality/{ids}[/year/{years}]`, each segment at most 25 ids.
     */
    async fetchValues(q: { kpis: string[]; municipalities: string[]; years?: number[] }): Promise<KoladaFetchResult> {
      const kpis = [...new Set(q.kpis)];
      const munis = [...new Set(q.municipalities)];
      const yearChunks = q.years && q.years.length > 0 ? chunk([...new Set(q.years)].map(String)) : [null];
      const values: KoladaRecord[] = [];
      const requests: KoladaRequestLog[] = [];
      for (const k of chunk(kpis)) {
        for (const m of chunk(munis)) {
          for (const y of yearChunks) {
            const url = path('data', 'kpi', k.join(','), 'municipality', m.join(','), ...(y ? ['year', y.join(',')] : []));
            const r = await getAll(url);
            values.push(...r.values);
            requests.push({ url, pages: r.pages });
          }
        }
      }
      return { values, requests };
    },
  };
}

export type KoladaClient = ReturnType<typeof createKoladaClient>;
