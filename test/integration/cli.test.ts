import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle, Driver } from '@/lib/db/client';
import { imports, observations } from '@/lib/db/schema';
import { readSeedFiles } from '@/lib/seed/files';
import { cliTarget, runCli } from '../helpers/cli-target';
import { CLI_TEST_TIMEOUT, DRIVERS } from '../helpers/db';

const CLI = ['--import', 'tsx', 'scripts/import.ts'];
const fixture = (rel: string) => path.resolve('test/fixtures/import', rel);

/** A seeded database the CLI (a separate process) can open: a PGlite directory or a PostgreSQL database. */
const seededTarget = (driver: Driver, files = readSeedFiles()) => cliTarget(driver, files);
const cli = (args: string[], env: Record<string, string>) => runCli('scripts/import.ts', args, env);

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

// Each test starts the CLI (tsx, then a database) once to three times: on a loaded two-core machine one start can take 20 s.
describe.each(DRIVERS)('npm run import on %s', { timeout: CLI_TEST_TIMEOUT }, (driver) => {
  let target: Awaited<ReturnType<typeof seededTarget>>;
  beforeAll(async () => {
    target = await seededTarget(driver);
  });
  afterAll(async () => target?.drop());

  it('prints the one JSON object, exits 0 and commits; a dry run writes nothing', async () => {
    const before = await counts(target);
    const dry = cli([fixture('generic/hedemora-2025.csv'), '--dry-run', '--json'], target.env);
    expect(dry.status).toBe(0);
    const report = JSON.parse(dry.stdout);
    expect(Object.keys(report).sort()).toEqual(
      ['committed', 'errors', 'file', 'inserted', 'observations', 'rows', 'sha256', 'source', 'unchanged', 'updated'].sort(),
    );
    expect(report).toMatchObject({
      source: 'generic',
      file: 'hedemora-2025.csv',
      rows: 7,
      observations: 7,
      inserted: 5,
      updated: 2,
      unchanged: 0,
      errors: [],
      committed: false,
    });
    expect(report.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await counts(target)).toEqual(before);

    const real = cli([fixture('generic/hedemora-2025.csv'), '--json', '--user', 'analytiker'], target.env);
    expect(real.status).toBe(0);
    expect(JSON.parse(real.stdout)).toMatchObject({ inserted: 5, updated: 2, committed: true });
    const again = cli([fixture('generic/hedemora-2025.csv'), '--json'], target.env);
    expect(JSON.parse(again.stdout)).toMatchObject({ inserted: 0, updated: 0, unchanged: 7, committed: true });
  });

  it("Brå's workbook, every sheet in one go, changes nothing in a database the seed loaded the same values into", () => {
    const res = cli([fixture('bra-lagesbild/Hedemora.xlsx'), '--json'], target.env);
    expect(res.status).toBe(0);
    const report = JSON.parse(res.stdout);
    expect(report).toMatchObject({ source: 'bra_lagesbild', inserted: 0, updated: 0, errors: [], committed: true });
    expect(report.unchanged).toBe(report.observations);
  });

  it("Brå's workbook imports into a database without it, and a second import changes nothing", async () => {
    const bare = await seededTarget(driver, { ...readSeedFiles(), realData: [] });
    try {
      const first = cli([fixture('bra-lagesbild/Hedemora.xlsx'), '--json'], bare.env);
      expect(first.status).toBe(0);
      const report = JSON.parse(first.stdout);
      expect(report).toMatchObject({ source: 'bra_lagesbild', updated: 0, errors: [], committed: true });
      expect(report.inserted).toBe(report.observations);
      expect(report.inserted).toBeGreaterThan(1000);
      const h = await bare.open();
      try {
        const [narko] = await h.db
          .select()
          .from(observations)
          .where(
            and(
              eq(observations.indicatorId, 'ntu_problem_narkotikahandel'),
              eq(observations.regionCode, '2083'),
              eq(observations.period, '2025'),
            ),
          );
        expect(narko).toMatchObject({ value: 6, ciLow: 4, ciHigh: 9, n: 98, isExample: false });
        const [imp] = await h.db.select().from(imports).where(eq(imports.id, narko!.importId));
        expect(imp).toMatchObject({ kind: 'upload', publication: 'Indikatorer för kommuners lägesbild', publisher: 'Brå' });
        expect(imp!.sheet).toMatch(/^\d+ blad$/);
      } finally {
        await h.close();
      }
      const again = JSON.parse(cli([fixture('bra-lagesbild/Hedemora.xlsx'), '--json'], bare.env).stdout);
      expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: report.observations, committed: true });
    } finally {
      await bare.drop();
    }
  });

  it('refuses a bad file with exit 1, located errors, and nothing written', async () => {
    const before = await counts(target);
    const res = cli([fixture('generic/errors.csv'), '--json'], target.env);
    expect(res.status).toBe(1);
    const report = JSON.parse(res.stdout);
    expect(report.committed).toBe(false);
    expect(report.errors).toContainEqual({
      row: 2,
      column: 'värde',
      value: '130',
      message: 'en andel ska ligga mellan 0 och 100 (procent)',
    });
    expect(await counts(target)).toEqual(before);
    const text = cli([fixture('generic/errors.csv')], target.env);
    expect(text.status).toBe(1);
    expect(text.stderr).toContain('rad 5, kolumn värde: "tjugo": förväntade ett tal');
  });

  it('exits 2 on a usage error', () => {
    expect(cli([], target.env).status).toBe(2);
    expect(cli(['/finns/inte.csv'], target.env).status).toBe(2);
    expect(cli([fixture('generic/hedemora-2025.csv'), '--okänd'], target.env).status).toBe(2);
  });

  it('streams large files: identical repeats count once, conflicting repeats refuse the file', async () => {
    const env = { ...target.env, IMPORT_STREAM_MB: '0' };
    const ok = cli([fixture('stream/dubbletter.csv'), '--json'], env);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ rows: 3, inserted: 2, committed: true });
    const h = await target.open();
    try {
      const [row] = await h.db
        .select()
        .from(observations)
        .where(and(eq(observations.indicatorId, 'grannsamverkan_omraden'), eq(observations.period, '2030')));
      expect(row?.note).toBe('med\ttab och "citat"');
    } finally {
      await h.close();
    }
    const before = await counts(target);
    const bad = cli([fixture('stream/motstridiga.csv'), '--json'], env);
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout).errors[0]).toMatchObject({ row: 3, message: expect.stringMatching(/som rad 2 men ett annat värde/) });
    expect(await counts(target)).toEqual(before);
  });

  it('leaves the database as it was when killed in the middle of a commit', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tl-kill-')), 'stor.csv');
    spawnSync(process.execPath, ['--import', 'tsx', 'bench/generate-generic.ts', file, '200000']);
    const before = await counts(target);
    const child = spawn(process.execPath, [...CLI, file, '--json'], {
      env: { ...process.env, ...target.env, IMPORT_STREAM_MB: '0', TL_TEST_SIGNAL_STAGED: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // Wait until the CLI says its import transaction holds staged rows, then kill it without warning.
    await new Promise<void>((resolve, reject) => {
      let stderr = '';
      child.stderr!.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (stderr.includes('rows staged in the open transaction')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`the import ended (exit ${code}) before it staged rows:\n${stderr}`)));
    });
    expect(child.exitCode).toBeNull();
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    if (driver === 'pglite') fs.rmSync(`${target.env.PGLITE_DIR}.lock`, { force: true }); // a killed process leaves its pid file
    expect(await counts(target)).toEqual(before);
  });
});
