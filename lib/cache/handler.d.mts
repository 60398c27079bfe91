// Types of lib/cache/handler.mjs (plain ESM so that Next can load it at run time).

/** A cached value as Next hands it over (APP_PAGE, APP_ROUTE, PAGES, FETCH, …); only its tags are read here. */
export interface CachedValue {
  kind: string;
  headers?: Record<string, string | string[] | undefined>;
  tags?: string[];
  [key: string]: unknown;
}

export interface CacheEntry {
  lastModified: number;
  value: CachedValue | null;
  cacheControl?: { revalidate: number | false; expire?: number };
}

export interface GetContext {
  kind?: string;
  tags?: string[];
  softTags?: string[];
  [key: string]: unknown;
}

export interface SetContext {
  fetchCache?: boolean;
  tags?: string[];
  cacheControl?: { revalidate: number | false; expire?: number };
  [key: string]: unknown;
}

export declare const CHANNEL: string;
export declare const TAGS_HEADER: string;
export declare const TAG_TABLE_TTL_MS: number;
export declare const STORE: unique symbol;

export declare function valueTags(value: CachedValue | null | undefined): string[];
export declare function valueSize(value: CachedValue | null | undefined): number;
export declare function revalidatedSince(tags: readonly string[], storedAt: number, times: ReadonlyMap<string, number>): boolean;

export declare class PageCacheStore {
  constructor(opts?: { url?: string | null; maxBytes?: number; tableTtlMs?: number; log?: (line: string) => void });
  /** Resolves once LISTEN is in place (at once without PostgreSQL). */
  readonly listening: Promise<unknown>;
  readonly bytes: number;
  /** Changes whenever a page served earlier may be out of date. */
  readonly generation: number;
  readonly entries: ReadonlyMap<string, unknown>;
  get(key: string, ctx?: GetContext): Promise<CacheEntry | null>;
  set(key: string, value: CachedValue | null, ctx?: SetContext): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  close(): Promise<void>;
}

export default class PageCacheHandler {
  constructor(ctx?: { maxMemoryCacheSize?: number; [key: string]: unknown });
  get(key: string, ctx?: GetContext): Promise<CacheEntry | null>;
  set(key: string, data: CachedValue | null, ctx?: SetContext): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  resetRequestCache(): void;
}
