// A shared HTTP cache in front of Next, in the same process (lib/server/start.mjs): the compressed bytes of a cached
// page, exactly as Next sent them, kept for the next visitor. Plain ESM: it runs outside the app's bundles.
//
// Next serves a cached page from memory, yet runs its router, the proxy and gzip again on every request; for the
// overview that is most of what a visit costs (bench:web). This keeps what a shared cache may keep by the response's
// own Cache-Control (s-maxage, as Next sets it for cached pages; never `private`, `no-store` or a Set-Cookie) and
// only for plain document requests (GET, no Next router or action headers), keyed by host, address and
// Accept-Encoding (the only request header in the page's Vary that such a request carries).
//
// A copy is served only while the process's page cache (handler.mjs) has seen no change that can make a page out of
// date (an import's revalidation here or through NOTIFY from another instance, a page rendered anew), and never
// longer than maxAgeSeconds, so it is never older than what Next itself would have served. Without that page cache
// in the process nothing is kept.

import { Buffer } from 'node:buffer';
import console from 'node:console';
import { STORE } from './handler.mjs';

/** Headers of the connection, not of the response: never replayed. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date', 'proxy-connection', 'upgrade', 'te', 'trailer']);
/** Request headers with which Next answers something else than the page's HTML (router payloads, actions). */
const ROUTER_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-action', 'next-url'];
/** Request headers a stored page may vary on: Accept-Encoding is in the key, the router headers are absent. */
const VARY_ALLOWED = new Set(['accept-encoding', ...ROUTER_HEADERS]);

export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
export const DEFAULT_MAX_AGE_SECONDS = 30;

/** The process's page-cache generation (handler.mjs), or null when no page cache runs in this process. */
export function pageCacheGeneration() {
  const store = globalThis[STORE];
  return store && typeof store.generation === 'number' ? store.generation : null;
}

/** Whether a request may be answered by a stored page, or have its answer stored: a plain GET for a document. */
export function isDocumentRequest(req) {
  if (req.method !== 'GET') return false;
  for (const h of ROUTER_HEADERS) if (req.headers[h] !== undefined) return false;
  if (req.headers.authorization !== undefined) return false;
  const url = req.url ?? '';
  if (/[?&]_rsc(?:[=&#]|$)/.test(url)) return false;
  // Next's draft mode renders for the one visitor who has its cookie.
  if (/(?:^|;\s*)__prerender_bypass=/.test(String(req.headers.cookie ?? ''))) return false;
  return true;
}

/** Whether the visitor asked for a fresh answer (a reload with no-cache): not served from here, but stored anew. */
export function wantsFresh(req) {
  const cc = String(req.headers['cache-control'] ?? '').toLowerCase();
  return /(?:^|,)\s*(?:no-cache|no-store|max-age=0)\s*(?:,|$)/.test(cc) || /no-cache/i.test(String(req.headers.pragma ?? ''));
}

export function cacheKey(req) {
  return `${req.headers.host ?? ''} ${req.url ?? ''} ${req.headers['accept-encoding'] ?? ''}`;
}

/** Cache-Control's directives by lower-case name (a directive without value maps to true). */
export function parseCacheControl(value) {
  const out = new Map();
  for (const part of String(value ?? '').split(',')) {
    const [name, ...rest] = part.split('=');
    const key = name.trim().toLowerCase();
    if (!key) continue;
    out.set(key, rest.length ? rest.join('=').trim().replace(/^"|"$/g, '') : true);
  }
  return out;
}

/**
 * For how many seconds a shared cache may keep a response (at most `cap`): 0 when it may not. Only a complete 200
 * HTML page with a shared lifetime (s-maxage, or public with max-age), no cookie set, no stale copy from Next, and a
 * Vary this cache honours.
 */
export function storableSeconds(status, headers, cap) {
  if (status !== 200) return 0;
  if (headers['set-cookie'] !== undefined) return 0;
  if (
    !String(headers['content-type'] ?? '')
      .toLowerCase()
      .startsWith('text/html')
  )
    return 0;
  if (String(headers['x-nextjs-cache'] ?? '').toUpperCase() === 'STALE') return 0;
  if (headers['x-nextjs-postponed'] !== undefined) return 0;
  const vary = String(headers.vary ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  if (vary.some((h) => !VARY_ALLOWED.has(h))) return 0;
  const cc = parseCacheControl(headers['cache-control']);
  if (cc.has('private') || cc.has('no-store') || cc.has('no-cache')) return 0;
  const seconds = cc.has('s-maxage') ? Number(cc.get('s-maxage')) : cc.has('public') && cc.has('max-age') ? Number(cc.get('max-age')) : 0;
  if (!Number.isFinite(seconds) || seconds <= 0) return 0;
  return Math.min(seconds, cap);
}

/** Node's header value(s) as given to writeHead: an object, or a flat or nested array of name/value. */
function headerObject(given) {
  const out = {};
  if (!given) return out;
  if (Array.isArray(given)) {
    const flat = Array.isArray(given[0]) ? given.flat() : given;
    for (let i = 0; i + 1 < flat.length; i += 2) out[String(flat[i]).toLowerCase()] = flat[i + 1];
  } else {
    for (const [k, v] of Object.entries(given)) if (v !== undefined) out[k.toLowerCase()] = v;
  }
  return out;
}

function toBuffer(chunk, encoding) {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return null;
}

export class ResponseCache {
  /**
   * @param {{ enabled?: boolean, maxBytes?: number, maxAgeSeconds?: number, generation?: () => number | null, now?: () => number }} opts
   */
  constructor(opts = {}) {
    this.enabled = opts.enabled ?? true;
    this.maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    this.maxEntryBytes = Math.max(1, Math.floor(this.maxBytes / 8));
    this.maxAgeSeconds = opts.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS;
    this.generation = opts.generation ?? pageCacheGeneration;
    this.now = opts.now ?? Date.now;
    /** key → { status, headers, body, stored, expires } (all of the page cache's generation seenGeneration), least recently used first. */
    this.entries = new Map();
    this.bytes = 0;
    this.seenGeneration = null;
    this.hits = 0;
    this.stores = 0;
  }

  delete(key) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.body.length;
  }

  clear() {
    this.entries.clear();
    this.bytes = 0;
  }

  /**
   * Answers `req` from a stored page, or hands it to `pass` (Next), keeping the answer when it may be kept.
   * @returns {unknown} what `pass` returned, or undefined when answered here
   */
  handle(req, res, pass) {
    if (!this.enabled || !isDocumentRequest(req)) return pass();
    const generation = this.generation();
    if (generation === null) return pass();
    if (generation !== this.seenGeneration) {
      this.clear();
      this.seenGeneration = generation;
    }
    const key = cacheKey(req);
    const entry = this.entries.get(key);
    const now = this.now();
    if (entry && now < entry.expires && !wantsFresh(req)) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      this.hits++;
      res.writeHead(entry.status, {
        ...entry.headers,
        'content-length': String(entry.body.length),
        age: String(Math.max(0, Math.floor((now - entry.stored) / 1000))),
        'x-nextjs-cache': 'HIT',
      });
      res.end(entry.body);
      return undefined;
    }
    if (entry) this.delete(key);
    this.capture(res, key, generation);
    return pass();
  }

  /** Tees what is written to `res`; once the response has gone out whole, stores it if it may be kept. */
  capture(res, key, generation) {
    const chunks = [];
    let size = 0;
    let tooBig = false;
    let given = {};
    const take = (chunk, encoding) => {
      if (tooBig || chunk == null || typeof chunk === 'function') return;
      const buf = toBuffer(chunk, encoding);
      if (!buf) return;
      size += buf.length;
      if (size > this.maxEntryBytes) {
        tooBig = true;
        chunks.length = 0;
        return;
      }
      // Copied: a writer may reuse its buffer once write() returns.
      chunks.push(Buffer.from(buf));
    };
    const { writeHead, write, end } = res;
    res.writeHead = function (status, ...rest) {
      const headers = rest.find((r) => r && typeof r === 'object');
      if (headers) given = { ...given, ...headerObject(headers) };
      return writeHead.call(this, status, ...rest);
    };
    res.write = function (chunk, encoding, cb) {
      take(chunk, encoding);
      return write.call(this, chunk, encoding, cb);
    };
    res.end = function (chunk, encoding, cb) {
      take(chunk, encoding);
      return end.call(this, chunk, encoding, cb);
    };
    res.once('finish', () => {
      try {
        this.store(res, key, generation, chunks, given, tooBig);
      } catch (err) {
        // Keeping a copy is an optimisation: a failure here must never reach the request or the process.
        console.error(`Trygghetsläget: svarscachen kunde inte spara ${key}: ${err instanceof Error ? err.message : String(err)}`);
      }
    });
  }

  /** Stores a response that has gone out whole, if it may be kept and the page cache has not changed meanwhile. */
  store(res, key, generation, chunks, given, tooBig) {
    if (tooBig || this.generation() !== generation) return;
    const headers = { ...headerObject(res.getHeaders()), ...given };
    const seconds = storableSeconds(res.statusCode, headers, this.maxAgeSeconds);
    if (seconds <= 0) return;
    const body = Buffer.concat(chunks);
    const length = headers['content-length'];
    if (length !== undefined && Number(length) !== body.length) return;
    for (const h of Object.keys(headers)) if (HOP_BY_HOP.has(h) || h === 'content-length' || h === 'age') delete headers[h];
    this.delete(key);
    const now = this.now();
    this.entries.set(key, { status: res.statusCode, headers, body, stored: now, expires: now + seconds * 1000 });
    this.bytes += body.length;
    this.stores++;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }
}
