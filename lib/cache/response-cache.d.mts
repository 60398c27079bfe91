// Types of lib/cache/response-cache.mjs (plain ESM, run by lib/server/start.mjs outside the app's bundles).
import type { IncomingMessage, ServerResponse, OutgoingHttpHeaders } from 'node:http';

export declare const DEFAULT_MAX_BYTES: number;
export declare const DEFAULT_MAX_AGE_SECONDS: number;

export declare function pageCacheGeneration(): number | null;
export declare function isDocumentRequest(req: IncomingMessage): boolean;
export declare function wantsFresh(req: IncomingMessage): boolean;
export declare function cacheKey(req: IncomingMessage): string;
export declare function parseCacheControl(value: unknown): Map<string, string | true>;
export declare function storableSeconds(status: number, headers: OutgoingHttpHeaders, cap: number): number;

export interface StoredResponse {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  stored: number;
  expires: number;
}

export declare class ResponseCache {
  constructor(opts?: {
    enabled?: boolean;
    maxBytes?: number;
    maxAgeSeconds?: number;
    generation?: () => number | null;
    now?: () => number;
  });
  readonly enabled: boolean;
  readonly maxBytes: number;
  readonly entries: ReadonlyMap<string, StoredResponse>;
  readonly bytes: number;
  readonly hits: number;
  readonly stores: number;
  clear(): void;
  handle<T>(req: IncomingMessage, res: ServerResponse, pass: () => T): T | undefined;
}
