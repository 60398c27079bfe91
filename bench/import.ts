// npm run bench:import [-- <rows>]  (needs DATABASE_URL: a PostgreSQL server where it may create databases)
// Measures the streaming CLI import of a generated generic-format file against a plain COPY of the same
// rows into the same table, both in this run, and the 10 000-row upload-to-preview time on PGlite.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openDb } from '../lib/db/client';
import { analyzeFile } from '../lib/import/analyze';
import { diffAgainstDb } from '../lib/import/commit';
import { loadImportContext } from '../lib/import/load-context';
import { toPreview } from '../lib/import/preview';
import { stagingValues } from '../lib/import/stage';
import { genericAdapter } from '../lib/import/sources/generic';
import { parseDelimited } from '../lib/import/table';
import { readSeedFiles } from '../lib/seed/files';
import { seed } from '../lib/seed/seed';

const rows = Number(process.argv[2] ?? 1_000_000);
const server = process.env.DATABASE_URL;
if (!server) {
  console.error('Sätt DATABASE_URL till en PostgreSQL-server där benchmarken får skapa databaser.');
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-bench-'));

async function freshDatabase(name: string): Promise<string> {
  const admin = postgres(server!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(server!);
  url.pathname = `/${name}`;
  const h = await openDb({ url: url.toString() });
  await seed(h.db, readSeedFiles());
  await h.close();
  return url.toString();
}

/** Runs a command, sampling its resident memory: returns wall time and peak RSS (VmHWM). */
function measure(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; peakRssMb: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    let peak = 0;
    child.stdout.on('data', (d) => (stdout += d));
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]) / 1024);
      } catch {
        /* exited */
      }
    }, 20);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`${cmd} ${args.join(' ')} avslutades med ${code}`));
      else resolve({ ms: performance.now() - t0, peakRssMb: peak, stdout });
    });
  });
}

console.log(`Genererar ${rows.toLocaleString('sv-SE')} rader …`);
const file = path.join(tmp, `generisk-${rows}.csv`);
spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench/generate-generic.ts'), file, String(rows)], { stdio: 'inherit' });
const sizeMb = fs.statSync(file).size / 1048576;

// 1. The import, as a user runs it: a separate CLI process (parse, validate, stage, merge, commit).
const importUrl = await freshDatabase('tl_bench_import');
const imp = await measure(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/import.ts'), file, '--json', '--user', 'bench'], {
  ...process.env,
  DATABASE_URL: importUrl,
});
const report = JSON.parse(imp.stdout) as { committed: boolean; inserted: number; errors: unknown[] };
if (!report.committed || report.inserted !== rows) throw new Error(`importen lyckades inte: ${imp.stdout.slice(0, 500)}`);

// 2. The baseline: the same rows as a ready COPY stream straight into the same table of a fresh database.
const copyUrl = await freshDatabase('tl_bench_copy');
const tsv = path.join(tmp, 'copy.tsv');
{
  const ctx = await (async () => {
    const h = await openDb({ url: copyUrl });
    try {
      return await loadImportContext(h.db);
    } finally {
      await h.close();
    }
  })();
  const table = parseDelimited(fs.readFileSync(file, 'utf8'), 'bench');
  const parsed = genericAdapter.parse(table, ctx);
  const out = fs.createWriteStream(tsv);
  for (const o of parsed.observations) {
    const v = stagingValues(o)
      .slice(1)
      .map((x) => (x === null ? '\\N' : String(x)));
    out.write(`${v.join('\t')}\tf\t1\n`);
  }
  await new Promise((r) => out.end(r));
}
const cols =
  'indicator_id, region_code, period, period_kind, period_start, period_end, reference_year, sex, grp, site, value, ci_low, ci_high, n, numerator, denominator, response_rate, status, note, detail, is_example, import_id';
const pg = postgres(copyUrl, { max: 1, onnotice: () => {} });
const t0 = performance.now();
const writable = await pg.unsafe(`copy observations (${cols}) from stdin`).writable();
await new Promise<void>((resolve, reject) => fs.createReadStream(tsv).pipe(writable).on('finish', resolve).on('error', reject));
const copyMs = performance.now() - t0;
await pg.end();

// 3. Upload to preview for 10 000 rows on PGlite (what the web page does before anything is written).
const small = path.join(tmp, 'generisk-10000.csv');
spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench/generate-generic.ts'), small, '10000'], { stdio: 'ignore' });
const lite = await openDb({ pgliteDir: 'memory://' });
await seed(lite.db, readSeedFiles());
const p0 = performance.now();
const ctx = await loadImportContext(lite.db);
const analysis = await analyzeFile({ fileName: 'generisk-10000.csv', bytes: new Uint8Array(fs.readFileSync(small)) }, ctx);
const preview = toPreview(analysis, await diffAgainstDb(lite.db, analysis.observations));
const previewMs = performance.now() - p0;
await lite.close();

const result = {
  date: new Date().toISOString(),
  rows,
  fileMb: +sizeMb.toFixed(1),
  importMs: Math.round(imp.ms),
  importPeakRssMb: Math.round(imp.peakRssMb),
  copyMs: Math.round(copyMs),
  ratio: +(imp.ms / copyMs).toFixed(2),
  previewRows: preview.observations,
  previewMs: Math.round(previewMs),
  goals: { peakRssMb: 300, ratio: 2.5, previewMs: 2000 },
};
fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench/results/import.json'), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));
console.log(
  `Import ${(imp.ms / 1000).toFixed(1)} s mot COPY ${(copyMs / 1000).toFixed(1)} s: kvot ${result.ratio} (mål ≤ 2,5). ` +
    `Högsta RSS ${result.importPeakRssMb} MB (mål ≤ 300). Förhandsgranskning 10 000 rader: ${result.previewMs} ms (mål < 2 000).`,
);
fs.rmSync(tmp, { recursive: true, force: true });
