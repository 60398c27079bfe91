import { spawn } from 'node:child_process';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle, Driver } from '@/lib/db/client';
import { imports, observations } from '@/lib/db/schema';
import { readSeedFiles } from '@/lib/seed/files';
import { cliTarget } from '../helpers/cli-target';
import { CLI_TEST_TIMEOUT, DRIVERS } from '../helpers/db';
import { startKoladaReplay, type KoladaReplay } from '../helpers/kolada-replay';

/** A seeded database the CLI (a separate process) can open. */
const seededTarget = (driver: Driver) => cliTarget(driver, readSeedFiles());

/** Runs `npm run fetch:kolada` as npm would (tsx scripts/fetch-kolada.ts), without blocking the replay server in this process. */
function cli(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/fetch-kolada.ts', ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

async function counts(t: { open: () => Promise<DbHandle> }) {
  const h = await t.open();
  try {
    const [o] = await h.db.select({ n: count() }).from(observations);
    const [i] = await h.db.select({ n: count() }).from(imports);
    return { observations: Number(o!.n), imports: Number(i!.n) };
  } finally {
    await h.close();
  }
}

let replay: KoladaReplay;
beforeAll(async () => {
  replay = await startKoladaReplay({ pageSize: 200 });
});
afterAll(async () => replay?.close());

describe.each(DRIVERS)('npm run fetch:kolada on %s', { timeout: CLI_TEST_TIMEOUT }, (driver) => {
  let target: Awaited<ReturnType<typeof seededTarget>>;
  let env: Record<string, string>;
  beforeAll(async () => {
    target = await seededTarget(driver);
    env = { ...target.env, KOLADA_BASE_URL: replay.baseUrl, USER: 'cli-test' };
  });
  afterAll(async () => target?.drop());

  it('previews without --yes (nothing written), commits with --yes, and a failing Kolada writes nothing', async () => {
    const before = await counts(target);
    const dry = await cli([], env);
    expect(dry.stderr).toBe('');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(
      /Kolada API v3, hämtat .*: N07403, N07540, N07402, U07418, U07417, U07452, N02905 för Hedemora, Dalarnas län, riket och länets kommuner \(1 anrop, \d+ sidor\)/,
    );
    expect(dry.stdout).toMatch(/Förhandsgranskning \(inget sparades\): \d+ värden: [1-9]\d* nya/);
    expect(dry.stdout).toContain('npm run fetch:kolada -- --yes');
    expect(await counts(target)).toEqual(before);

    replay.fault = { status: 500, page: 2 };
    const broken = await cli(['--yes'], env);
    replay.fault = null;
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/^Kolada svarade inte \(HTTP 500 på sida 2; 4 försök\) — inget har sparats\.$/m);
    expect(await counts(target)).toEqual(before);

    const yes = await cli(['--yes', '--json'], env);
    expect(yes.status).toBe(0);
    const report = JSON.parse(yes.stdout) as { committed: boolean; inserted: number; importId: number; kpis: string[] };
    expect(report.committed).toBe(true);
    expect(report.inserted).toBeGreaterThan(0);
    const after = await counts(target);
    expect(after.imports).toBe(before.imports + 1);
    expect(after.observations).toBe(before.observations + report.inserted);
    const h = await target.open();
    try {
      const [rec] = await h.db.select().from(imports).where(eq(imports.id, report.importId));
      expect(rec).toMatchObject({ publication: 'Kolada API v3', createdBy: 'cli-test' });
    } finally {
      await h.close();
    }
  });
});
