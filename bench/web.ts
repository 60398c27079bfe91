// npm run bench:web  (needs DATABASE_URL: a PostgreSQL server where it may create databases; run `npm run build` first)
// A national-scale database (every kommun, län and riket × every indicator × 15 periods × breakdowns,
// over 1 000 000 observations), `next start` on it, and 10 concurrent connections against `/`, a goal page
// and a static file from the same server, all in this run. Also the first-load JavaScript of `/`, gzipped.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import postgres from 'postgres';
import { openDb } from '../lib/db/client';
import { readSeedFiles } from '../lib/seed/files';
import { seed } from '../lib/seed/seed';
import { freePort } from '../test/e2e/server';

const server = process.env.DATABASE_URL;
if (!server) {
  console.error('Sätt DATABASE_URL till en PostgreSQL-server där benchmarken får skapa databaser.');
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, '..');
if (!fs.existsSync(path.join(root, '.next/BUILD_ID'))) {
  console.error('Bygg först: npm run build');
  process.exit(2);
}
const CONNECTIONS = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);

const url = new URL(server);
url.pathname = '/tl_bench_web';
{
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe('drop database if exists tl_bench_web with (force)');
  await admin.unsafe('create database tl_bench_web');
  await admin.end();
  const h = await openDb({ url: url.toString() });
  await seed(h.db, readSeedFiles());
  await h.close();
  const pg = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const [imp] = await pg`insert into imports (kind, file_name, sha256, created_by) values ('upload', 'bench-national', 'bench', 'bench') returning id`;
  console.log('Fyller databasen med nationella data …');
  // Every region × indicator × year 2011–2025 × kön × two groups: plausible shares with KI and n.
  await pg.unsafe(`
    insert into observations (indicator_id, region_code, period, period_kind, period_start, period_end, sex, grp, site, value, ci_low, ci_high, n, is_example, import_id)
    select i.id, r.code, y::text, 'year', make_date(y, 1, 1), make_date(y, 12, 31), s.sex::sex, g.grp, '',
      round((10 + 30 * random())::numeric, 1), null, null, (100 + floor(random() * 2000))::int, false, ${imp!.id}
    from indicators i cross join regions r cross join generate_series(2011, 2025) y
      cross join (values ('T'), ('K'), ('M')) s(sex) cross join (values (''), ('bench')) g(grp)
    on conflict do nothing`);
  await pg.unsafe('update observations set ci_low = greatest(0, value - 3), ci_high = least(100, value + 3) where import_id = ' + imp!.id);
  await pg.unsafe('analyze observations');
  const [count] = await pg`select count(*)::int as n from observations`;
  console.log(`${Number(count!.n).toLocaleString('sv-SE')} observationer.`);
  await pg.end();
}

// A static file as large as the overview's HTML, served from public/ by the same server: the fair baseline
// for "as fast as a static file" (robots.txt is also measured, but it is a few bytes).
const baselineFile = path.join(root, 'public', 'bench-baseline.html');
fs.writeFileSync(baselineFile, `<!doctype html><html lang="sv"><body><p>${'Trygghetsläget jämförelsefil. '.repeat(8200)}</p></body></html>`);
process.on('exit', () => fs.rmSync(baselineFile, { force: true }));

const port = await freePort();
const child = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)], {
  cwd: root, env: { ...process.env, DATABASE_URL: url.toString(), NEXT_TELEMETRY_DISABLED: '1' }, stdio: 'ignore',
});
const base = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/api/health`)).ok) break;
  } catch { /* starting */ }
  if (i > 200) throw new Error('next start svarade inte');
  await new Promise((r) => setTimeout(r, 250));
}

async function load(pathname: string) {
  for (let i = 0; i < 20; i++) await (await fetch(base + pathname)).arrayBuffer(); // warm up
  const times: number[] = [];
  const end = Date.now() + SECONDS * 1000;
  await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    while (Date.now() < end) {
      const t0 = performance.now();
      const res = await fetch(base + pathname);
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${pathname}: ${res.status}`);
      times.push(performance.now() - t0);
    }
  }));
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  return { requests: times.length, medianMs: +q(0.5).toFixed(1), p95Ms: +q(0.95).toFixed(1) };
}

const statics = await load('/robots.txt');
const staticLarge = await load('/bench-baseline.html');
const overview = await load('/');
const goal = await load('/mal/T-M1');

const html = await (await fetch(`${base}/`)).text();
const scripts = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]!))];
let jsGzip = 0;
for (const s of scripts) jsGzip += gzipSync(Buffer.from(await (await fetch(new URL(s, base))).arrayBuffer())).length;
child.kill('SIGTERM');

const result = {
  date: new Date().toISOString(), connections: CONNECTIONS, seconds: SECONDS,
  static: statics, staticSameSize: { ...staticLarge, bytes: fs.statSync(baselineFile).size }, overview, goal,
  overviewBytes: html.length,
  ratios: { overviewMedian: +(overview.medianMs / statics.medianMs).toFixed(2), goalMedian: +(goal.medianMs / statics.medianMs).toFixed(2),
    overviewP95: +(overview.p95Ms / statics.p95Ms).toFixed(2), goalP95: +(goal.p95Ms / statics.p95Ms).toFixed(2) },
  ratiosSameSizeStatic: { overviewMedian: +(overview.medianMs / staticLarge.medianMs).toFixed(2), goalMedian: +(goal.medianMs / staticLarge.medianMs).toFixed(2),
    overviewP95: +(overview.p95Ms / staticLarge.p95Ms).toFixed(2), goalP95: +(goal.p95Ms / staticLarge.p95Ms).toFixed(2) },
  firstLoadJsGzipKb: +(jsGzip / 1024).toFixed(1), scripts: scripts.length,
  goals: { medianMs: 50, p95Ms: 150, ratio: 3, firstLoadJsGzipKb: 200 },
};
fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench/results/web.json'), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));
