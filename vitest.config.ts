import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': path.resolve(import.meta.dirname),
  // `server-only` throws outside Next's server build; tests call the same functions directly.
  'server-only': path.resolve(import.meta.dirname, 'test/helpers/server-only.ts'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Each PGlite costs ~5 s and ~750 MB: two workers on this 2-core machine.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
