import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite loads its WASM/data files by URL; bundling it breaks every DB request (stack-notes §2.5).
  serverExternalPackages: ['@electric-sql/pglite'],
  // next dev refuses its HMR resources to 127.0.0.1 otherwise, and pages never hydrate.
  allowedDevOrigins: ['127.0.0.1'],
  poweredByHeader: false,
};

export default nextConfig;
