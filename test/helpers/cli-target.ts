import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb, type DbHandle, type Driver } from '@/lib/db/client';
import type { SeedFiles } from '@/lib/seed/files';
import { seed } from '@/lib/seed/seed';
import { createDatabase } from './db';

/** A database a CLI in its own process can open (its env), open here to look at, and drop afterwards. */
export interface CliTarget {
  env: Record<string, string>;
  open: () => Promise<DbHandle>;
  drop: () => Promise<void>;
}

/**
 * A migrated database for a CLI test: a PGlite directory or a PostgreSQL database of its own, seeded with `files`
 * (or left empty with `null`).
 */
export async function cliTarget(driver: Driver, files: SeedFiles | null): Promise<CliTarget> {
  if (driver === 'pglite') {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tl-cli-')), 'pglite');
    const h = await openDb({ pgliteDir: dir });
    if (files) await seed(h.db, files);
    await h.close();
    return {
      env: { PGLITE_DIR: dir, DATABASE_URL: '' },
      open: () => openDb({ pgliteDir: dir }),
      drop: async () => fs.rmSync(path.dirname(dir), { recursive: true, force: true }),
    };
  }
  const { url, drop } = await createDatabase();
  const h = await openDb({ url });
  if (files) await seed(h.db, files);
  await h.close();
  return { env: { DATABASE_URL: url }, open: () => openDb({ url }), drop };
}

/** Runs `node --import tsx <script> …args` as npm would, with the target's env; `input` goes to its stdin. */
export function runCli(script: string, args: string[], env: Record<string, string>, input?: string) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    input,
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** Opens the target, runs `f`, closes it again. */
export async function withTarget<T>(t: Pick<CliTarget, 'open'>, f: (h: DbHandle) => Promise<T>): Promise<T> {
  const h = await t.open();
  try {
    return await f(h);
  } finally {
    await h.close();
  }
}
