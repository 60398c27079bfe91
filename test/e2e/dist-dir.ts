import fs from 'node:fs';
import path from 'node:path';

/**
 * Where the browser tests' build lives: its own directory (next.config.ts reads NEXT_DIST_DIR), so that `npm test`
 * never rebuilds the `.next` a running `npm start` in the same folder serves from.
 */
export const TEST_DIST_DIR = process.env.NEXT_DIST_DIR?.trim() || '.next-test';

/**
 * The build the tests start the server (`npm start`) on. With E2E_SKIP_BUILD=1 and no test build yet, an existing
 * `.next` (from `npm run build`) is used instead, and the tests say so.
 */
export function distDirForStart(): string {
  if (
    process.env.E2E_SKIP_BUILD === '1' &&
    !fs.existsSync(path.join(TEST_DIST_DIR, 'BUILD_ID')) &&
    fs.existsSync(path.join('.next', 'BUILD_ID'))
  ) {
    return '.next';
  }
  return TEST_DIST_DIR;
}
