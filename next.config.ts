import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite loads its WASM/data files by URL; bundling it breaks every DB request (stack-notes §2.5).
  serverExternalPackages: ['@electric-sql/pglite'],
  // next dev refuses its HMR resources to 127.0.0.1 otherwise, and pages never hydrate.
  allowedDevOrigins: ['127.0.0.1'],
  poweredByHeader: false,
  experimental: {
    // Cached pages live in each server's memory only: a cache on disk would outlive the database it was
    // rendered from (a restart, a restore, or another server started from the same build).
    isrFlushToDisk: false,
  },
  // The overview lives on a dynamic segment so that it is cached after first render but never built with the app.
  async rewrites() {
    return [{ source: '/', destination: '/oversikt/plan' }];
  },
};

export default nextConfig;
