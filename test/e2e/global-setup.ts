import { spawnSync } from 'node:child_process';

/** Browser tests run against `next start`: build first, unless the caller (CI) has just built. */
export default function setup() {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  const res = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (res.status !== 0) throw new Error('next build misslyckades: se utskriften ovan.');
}
