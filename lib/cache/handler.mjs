// Next's cache handler for cached pages (next.config.ts `cacheHandler`), shared by every app instance over one
// PostgreSQL. Plain ESM: Next loads it at run time, outside the app's bundles.
//
// Entries live in each process's memory (nothing on disk: a cache on disk would outlive the database it was rendered
// from). What is shared is *invalidation*: revalidatePath/revalidateTag (Next's implicit `_N_T_/…` path tags
// included) are written to page_cache_tags and broadcast with NOTIFY tl_page_cache, '<tag>'. Every instance LISTENs
// and drops the entries carrying that tag at once; and `get` also treats an entry as stale when one of its tags was
// revalidated (by any instance) after the entry was stored, reading the table at most every TAG_TABLE_TTL_MS, so
// correctness does not hang on a notification arriving. Without DATABASE_URL (PGlite: one process) it is memory only.
//
// Times: an entry's lastModified is this process's clock, a tag's revalidated_at PostgreSQL's; servers are assumed
// to keep time (NTP). A skew only delays or repeats a render, and the notification path does not compare clocks.

import console from 'node:console';
import process from 'node:process';
import postgres from 'postgres';

/** The NOTIFY channel of tag revalidations. */
export const CHANNEL = 'tl_page_cache';
/** Where Next keeps a cached page's tags, implicit ones included. */
export const TAGS_HEADER = 'x-next-cache-tags';
/** How long a read of page_cache_tags is trusted before `get` reads it again. */
export const TAG_TABLE_TTL_MS = 1000;
/** Next's default for cacheMaxMemorySize. */
const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** The tags a cached value carries: a page's or route's from its tags header, a fetch's from the value itself. */
export function valueTags(value) {
  if (!value || typeof value !== 'object') return [];
  if (value.kind === 'FETCH') return Array.isArray(value.tags) ? value.tags : [];
  const header = value.headers?.[TAGS_HEADER];
  if (typeof header === 'string') return header.split(',').filter(Boolean);
  if (Array.isArray(header)) return header.flatMap((h) => String(h).split(',')).filter(Boolean);
  return [];
}

/** Roughly how many bytes a cached value holds (for the memory limit). */
export function valueSize(value) {
  if (!value || typeof value !== 'object') return 64;
  let n = 256;
  const add = (v) => {
    if (typeof v === 'string') n += v.length * 2;
    else if (v && typeof v.byteLength === 'number') n += v.byteLength;
  };
  add(value.html);
  add(value.rscData);
  add(value.body);
  add(value.postponed);
  if (value.segmentData instanceof Map) for (const v of value.segmentData.values()) add(v);
  if (value.kind === 'FETCH' && value.data) add(JSON.stringify(value.data));
  if (value.pageData) add(JSON.stringify(value.pageData));
  return n;
}

/** Whether any of `tags` was revalidated after `storedAt`, by a map of tag → time (ms). */
export function revalidatedSince(tags, storedAt, times) {
  for (const tag of tags) {
    const at = times.get(tag);
    if (at !== undefined && at > storedAt) return true;
  }
  return false;
}

/**
 * One process's page cache: entries in memory, invalidations through PostgreSQL when `url` is given. The handler
 * below uses one per process; tests make several to stand for several instances.
 */
export class PageCacheStore {
  /**
   * @param {{ url?: string | null, maxBytes?: number, tableTtlMs?: number, log?: (line: string) => void }} opts
   */
  constructor(opts = {}) {
    this.maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    this.tableTtlMs = opts.tableTtlMs ?? TAG_TABLE_TTL_MS;
    this.log = opts.log ?? ((line) => console.error(line));
    /** key → { value, lastModified, cacheControl, tags, size }, oldest use first (Map order). */
    this.entries = new Map();
    this.bytes = 0;
    /** Revalidations this process knows of without asking the table: its own and notified ones (tag → ms). */
    this.localTimes = new Map();
    /** The last read of page_cache_tags: { at, times } (tag → ms), or null to read anew. */
    this.table = null;
    this.tableRead = null;
    this.warned = false;
    /**
     * Counts every change that may make a page served earlier out of date (a tag revalidated here or elsewhere, an
     * entry replaced or found stale, notifications possibly missed). The response cache in front of Next
     * (response-cache.mjs) keeps a compressed copy of a page only while this is unchanged.
     */
    this.generation = 0;
    this.sql = opts.url
      ? postgres(opts.url, {
          max: 2,
          idle_timeout: 60,
          onnotice: () => {},
          connection: { application_name: 'trygghetslaget-page-cache' },
        })
      : null;
    this.listening = this.sql
      ? this.sql
          .listen(
            CHANNEL,
            (tag) => this.dropTag(tag, Date.now()),
            // On (re)connecting notifications may have been missed: read the table on the next get.
            () => {
              this.table = null;
              this.generation++;
            },
          )
          .catch((err) => this.warn(`kunde inte lyssna efter ändringar (${errorText(err)})`))
      : Promise.resolve();
  }

  warn(what) {
    if (this.warned) return;
    this.warned = true;
    this.log(`Trygghetsläget: sidcachen ${what}; sidor kan visas inaktuella tills det fungerar.`);
  }

  /** Forgets entries that carry `tag` and remembers when it was revalidated. */
  dropTag(tag, at) {
    if (!tag) return;
    this.generation++;
    this.localTimes.set(tag, Math.max(at, this.localTimes.get(tag) ?? 0));
    for (const [key, entry] of this.entries) if (entry.tags.includes(tag)) this.delete(key);
  }

  delete(key) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.size;
  }

  /** Revalidation times from page_cache_tags, read at most every tableTtlMs; null when the table cannot be read. */
  async tableTimes() {
    if (!this.sql) return null;
    if (this.table && Date.now() - this.table.at < this.tableTtlMs) return this.table.times;
    this.tableRead ??= (async () => {
      try {
        const rows = await this.sql`select tag, (extract(epoch from revalidated_at) * 1000)::float8 as ms from page_cache_tags`;
        const times = new Map(rows.map((r) => [r.tag, Number(r.ms)]));
        this.table = { at: Date.now(), times };
        this.warned = false;
        return times;
      } catch (err) {
        this.warn(`kunde inte läsa page_cache_tags (${errorText(err)})`);
        return null;
      } finally {
        this.tableRead = null;
      }
    })();
    return this.tableRead;
  }

  /** The entry under `key` unless one of its tags (or the request's, for a fetch) was revalidated since it was stored. */
  async get(key, ctx = {}) {
    const entry = this.entries.get(key);
    if (!entry) return null;
    const tags = ctx.kind === 'FETCH' ? [...entry.tags, ...(ctx.tags ?? []), ...(ctx.softTags ?? [])] : entry.tags;
    let stale = revalidatedSince(tags, entry.lastModified, this.localTimes);
    if (!stale && tags.length > 0) {
      const times = await this.tableTimes();
      stale = times !== null && revalidatedSince(tags, entry.lastModified, times);
    }
    // The entry may have been replaced while the table was read.
    if (this.entries.get(key) !== entry) return this.get(key, ctx);
    if (stale) {
      this.delete(key);
      this.generation++;
      return null;
    }
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return { lastModified: entry.lastModified, value: entry.value, cacheControl: entry.cacheControl };
  }

  async set(key, value, ctx = {}) {
    // A page rendered anew replaces what was served before.
    if (this.entries.has(key)) this.generation++;
    this.delete(key);
    const size = valueSize(value);
    if (size > this.maxBytes) return;
    const tags = [...new Set([...valueTags(value), ...(ctx.fetchCache && Array.isArray(ctx.tags) ? ctx.tags : [])])];
    const cacheControl = ctx.fetchCache ? undefined : ctx.cacheControl;
    this.entries.set(key, { value, lastModified: Date.now(), cacheControl, tags, size });
    this.bytes += size;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  /** Drops the tags here at once, then records them in page_cache_tags and tells every instance. */
  async revalidateTag(tags) {
    const list = [...new Set((typeof tags === 'string' ? [tags] : (tags ?? [])).filter(Boolean))];
    if (list.length === 0) return;
    const now = Date.now();
    for (const tag of list) this.dropTag(tag, now);
    if (!this.sql) return;
    try {
      await this.sql`
        with up as (
          insert into page_cache_tags (tag, revalidated_at)
          select t, now() from unnest(${list}::text[]) as t
          on conflict (tag) do update set revalidated_at = excluded.revalidated_at
          returning tag)
        select pg_notify(${CHANNEL}, tag) from up`;
      this.table = null;
    } catch (err) {
      this.log(`Trygghetsläget: sidcachen kunde inte meddela andra servrar att sidor ska förnyas (${errorText(err)}).`);
    }
  }

  async close() {
    await this.listening;
    await this.sql?.end({ timeout: 5 });
  }
}

function errorText(err) {
  return err instanceof Error ? err.message : String(err);
}

/** Where the process's store lives, for Next's handler instances and for the response cache (response-cache.mjs). */
export const STORE = Symbol.for('trygghetslaget.pageCacheStore');

/** The process's store: through PostgreSQL when the app runs on DATABASE_URL, memory only otherwise (and while building). */
function processStore(maxBytes) {
  const g = globalThis;
  if (!g[STORE]) {
    const building = process.env.NEXT_PHASE === 'phase-production-build';
    const url = building ? null : process.env.DATABASE_URL?.trim() || null;
    g[STORE] = new PageCacheStore({ url, maxBytes });
  }
  return g[STORE];
}

/** What Next constructs (once per request; the entries live in the process's store). */
export default class PageCacheHandler {
  constructor(ctx = {}) {
    this.store = processStore(typeof ctx.maxMemoryCacheSize === 'number' ? ctx.maxMemoryCacheSize : undefined);
  }

  get(key, ctx) {
    return this.store.get(key, ctx);
  }

  set(key, data, ctx) {
    return this.store.set(key, data, ctx);
  }

  revalidateTag(tags) {
    // Every revalidation expires at once (no stale-while-revalidate profile is used by the app).
    return this.store.revalidateTag(tags);
  }

  resetRequestCache() {}
}
