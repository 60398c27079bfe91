import { spawnSync } from 'node:child_process';
import { distDirForStart, TEST_DIST_DIR } from './dist-dir';

/**
 * Browser tests run against the server `npm start` runs: build first, unless the caller (CI) has just built. The build goes to
 * its own directory (TEST_DIST_DIR), never to the `.next` a running `npm start` in the same folder uses.
 */
export default function setup() {
  if (process.env.E2E_SKIP_BUILD === '1') {
    const dir = distDirForStart();
    if (dir !== TEST_DIST_DIR) console.log(`E2E_SKIP_BUILD=1: ingen testbygge i ${TEST_DIST_DIR}; testerna använder ${dir}.`);
    return;
  }
  const res = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: TEST_DIST_DIR },
  });
  if (res.status !== 0) throw new Error('next build misslyckades: se utskriften ovan.');
}
