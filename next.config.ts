import path from 'node:path';
import type { NextConfig } from 'next';
import { buildCsp, EMBED_PREFIX } from './lib/embed/csp';

const dev = process.env.NODE_ENV === 'development';

/*
 * Static security headers. Every page but the embeds (/inbaddning/…) refuses every frame (frame-ancestors 'none',
 * X-Frame-Options DENY); the embeds' Content-Security-Policy is set by proxy.ts from EMBED_ALLOWED_ORIGINS at run
 * time (these headers are fixed when the app is built). lib/embed/csp.ts builds both policies.
 */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];
const noFraming = [
  { key: 'Content-Security-Policy', value: buildCsp({ dev, frameAncestors: [] }) },
  { key: 'X-Frame-Options', value: 'DENY' },
];

const nextConfig: NextConfig = {
  // The browser tests build into their own directory (NEXT_DIST_DIR=.next-test, test/e2e/dist-dir.ts), so that
  // `npm test` never replaces the build a running `npm start` in the same folder serves from.
  distDir: process.env.NEXT_DIST_DIR?.trim() || '.next',
  // PGlite loads its WASM/data files by URL; bundling it breaks every DB request (stack-notes §2.5).
  // pdfkit reads its font metrics from its own folder, and resvg is a native addon: both are loaded from
  // node_modules at run time rather than bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pdfkit', 'svg-to-pdfkit', '@resvg/resvg-js'],
  // next dev refuses its HMR resources to 127.0.0.1 otherwise, and pages never hydrate.
  allowedDevOrigins: ['127.0.0.1'],
  poweredByHeader: false,
  // Cached pages in each server's memory, their invalidation shared through PostgreSQL (page_cache_tags and
  // NOTIFY tl_page_cache) so that every app instance serves an import's values at once (lib/cache/handler.mjs).
  cacheHandler: path.resolve(process.cwd(), 'lib/cache/handler.mjs'),
  // Next hashes every HTML response in JavaScript to make an ETag (about 1 ms for the overview's 210 kB on a busy
  // core, a fifth of what serving a cached page costs under load): cached pages are served without one.
  generateEtags: false,
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // Every path except /inbaddning and below (the negative look-ahead also matches "/").
      { source: `/((?!${EMBED_PREFIX.slice(1)}(?:/|$)).*)`, headers: noFraming },
    ];
  },
  experimental: {
    // forbidden() and unauthorized() from next/navigation: 403 and 401 with their own pages.
    authInterrupts: true,
    // Cached pages live in each server's memory only: a cache on disk would outlive the database it was
    // rendered from (a restart, a restore, or another server started from the same build).
    isrFlushToDisk: false,
  },
  // The overview lives on a dynamic segment (app/k/[kommun]) so that it is cached after first render but never built
  // with the app; `/` is the placeholder kommun `hem`: the only kommun's overview, or a chooser (lib/kommun-path.ts).
  // Before the file-system check: `/` has no page or public file of its own, and looking for one first costs every
  // visit to the front page a tenth of its time (bench:web).
  async rewrites() {
    return { beforeFiles: [{ source: '/', destination: '/k/hem' }], afterFiles: [], fallback: [] };
  },
};

export default nextConfig;
