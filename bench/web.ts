// npm run bench:web  (needs DATABASE_URL: a PostgreSQL server where it may create databases; run `npm run build` first)
// A national-scale database (every kommun, län and riket × every indicator × 15 periods × breakdowns,
// over 1 000 000 observations), the app server (`npm start`: Next behind its response cache) on it, and 10 concurrent connections against `/`, a goal page
// and a static file from the same server, all in this run; then 50 connections against `/` and the goal page,
// with p99 and errors (the goal: the overview's p99 under 500 ms, no errors). Also the size of the overview's HTML
// (raw and gzipped; goal under 100 kB raw), its median against the tiny static file's (goal: within 2×), and the
// first-load JavaScript of `/`, gzipped (goal: at most 200 kB).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
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
const MANY = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);

const url = new URL(server);
url.pathname = '/tl_bench_web';
// BENCH_REUSE_DB=1 keeps a national database left by an earlier run (filling it takes minutes).
const reuse =
  process.env.BENCH_REUSE_DB === '1' &&
  (await (async () => {
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    const [row] = await admin`select 1 as ok from pg_database where datname = 'tl_bench_web'`;
    await admin.end();
    return Boolean(row);
  })());
if (!reuse) {
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe('drop database if exists tl_bench_web with (force)');
  await admin.unsafe('create database tl_bench_web');
  await admin.end();
  const h = await openDb({ url: url.toString() });
  await seed(h.db, readSeedFiles());
  await h.close();
  const pg = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const [imp] =
    await pg`insert into imports (kind, file_name, sha256, created_by) values ('upload', 'bench-national', 'bench', 'bench') returning id`;
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

// BENCH_PREPARE_ONLY=1 only builds the database (e.g. while the machine is busy), for a later BENCH_REUSE_DB=1 run.
if (process.env.BENCH_PREPARE_ONLY === '1') process.exit(0);

// The static baselines, served from public/ by the same server: robots.txt (a few bytes), and the overview's own
// HTML saved as a file once the server has rendered it, so that both sides send the same bytes through the
// same compression and the ratio measures what rendering and caching cost. (Repeated filler text, used in an
// earlier version, compresses to almost nothing and made the baseline unfairly cheap.)
const baselineFile = path.join(root, 'public', 'bench-baseline.html');
process.on('exit', () => fs.rmSync(baselineFile, { force: true }));

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
async function startNext() {
  const proc = spawn(process.execPath, [path.join(root, 'lib/server/start.mjs'), '-p', String(port)], {
    cwd: root,
    stdio: 'ignore',
    env: {
      ...process.env,
      DATABASE_URL: url.toString(),
      NEXT_TELEMETRY_DISABLED: '1',
      BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? randomBytes(32).toString('base64url'),
      APP_URL: base,
    },
  });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`, { headers: { connection: 'close' } })).ok) return proc;
    } catch {
      /* starting */
    }
    if (i > 200) throw new Error('servern svarade inte');
    await new Promise((r) => setTimeout(r, 250));
  }
}
// Next lists public/ when it starts: render the overview once, save it, then start the server anew.
{
  const first = await startNext();
  fs.writeFileSync(baselineFile, await (await fetch(`${base}/`, { headers: { connection: 'close' } })).text());
  await new Promise((r) => {
    first.once('exit', r);
    first.kill('SIGTERM');
  });
}
const child = await startNext();

/*
 * Load from a second process: wrk (Debian package `wrk`), so that the client does not share the server's
 * event loop or spend its CPU on decompressing. It asks for gzip like a browser does, and reports the
 * median and p95 through a small Lua hook (wrk's --latency table has no 95th percentile).
 */
const wrk = spawnSync('wrk', ['--version']).error ? null : 'wrk';
if (!wrk) {
  console.error('Installera wrk (apt-get install wrk): lasten ska komma från en egen process.');
  process.exit(2);
}
const luaFile = path.join(os.tmpdir(), `tl-bench-${process.pid}.lua`);
fs.writeFileSync(
  luaFile,
  `
wrk.headers["Accept-Encoding"] = "gzip, deflate, br"
wrk.headers["Accept"] = "text/html"
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %d %d %d %d %d %d\\n", summary.requests, latency:percentile(50), latency:percentile(95),
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.bytes,
    latency:percentile(99), summary.errors.timeout))
end
`,
);
process.on('exit', () => fs.rmSync(luaFile, { force: true }));

/** wrk against one address: requests, percentiles and errors (timeouts after wrk's default 2 s included). */
function wrkRun(pathname: string, connections: number, headers: string[] = []) {
  const extra = headers.flatMap((h) => ['-H', h]);
  // Warm up with wrk as well: a fetch keep-alive socket left idle during a run is closed by the server.
  spawnSync(wrk!, ['-t2', `-c${connections}`, '-d2s', '-s', luaFile, ...extra, base + pathname], { encoding: 'utf8' });
  const out = spawnSync(wrk!, ['-t2', `-c${connections}`, `-d${SECONDS}s`, '-s', luaFile, ...extra, base + pathname], { encoding: 'utf8' });
  const m = /RESULT (\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)/.exec(out.stdout);
  if (!m) throw new Error(`wrk: ${out.stdout}${out.stderr}`);
  const [requests, p50us, p95us, errors, bytes, p99us, timeouts] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return {
    requests,
    requestsPerSecond: +(requests / SECONDS).toFixed(1),
    medianMs: +(p50us / 1000).toFixed(1),
    p95Ms: +(p95us / 1000).toFixed(1),
    p99Ms: +(p99us / 1000).toFixed(1),
    errors,
    timeouts,
    gzipBytesPerResponse: Math.round(bytes / Math.max(1, requests)),
  };
}

async function load(pathname: string, headers: string[] = []) {
  const { requests, medianMs, p95Ms, errors, gzipBytesPerResponse } = wrkRun(pathname, CONNECTIONS, headers);
  if (errors > 0) throw new Error(`${pathname}: ${errors} fel under lasten`);
  return { requests, medianMs, p95Ms, gzipBytesPerResponse };
}

const statics = await load('/robots.txt');
const staticLarge = await load('/bench-baseline.html');
const overview = await load('/');
// The goal page at its own address (the old /mal/T-M1 answers a redirect, which is not the page).
const GOAL_PATH = '/k/2083/mal/T-M1';
const goal = await load(GOAL_PATH);
// The same pages when Next serves every visit itself (what `next start` alone did): a request asking for a fresh copy
// passes the response cache (lib/cache/response-cache.mjs) and goes through Next's router, proxy and gzip.
const FRESH = ['Cache-Control: no-cache'];
const throughNext = { overview: await load('/', FRESH), goal: await load(GOAL_PATH, FRESH) };
// Many connections at once: latency then is mostly queueing; p99 and errors are what a user would notice.
const many = { connections: MANY, overview: wrkRun('/', MANY), goal: wrkRun(GOAL_PATH, MANY) };

const html = await (await fetch(`${base}/`, { headers: { connection: 'close' } })).text();
const areaHtml = await (await fetch(`${base}/oversikt/omrade/T`, { headers: { connection: 'close' } })).text();
const scripts = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]!))];
let jsGzip = 0;
for (const s of scripts) jsGzip += gzipSync(Buffer.from(await (await fetch(new URL(s, base))).arrayBuffer())).length;
child.kill('SIGTERM');

const kb = (bytes: number) => +(bytes / 1024).toFixed(1);
const sizes = (text: string) => ({ bytes: Buffer.byteLength(text), kb: kb(Buffer.byteLength(text)), gzipKb: kb(gzipSync(text).length) });
const goals = {
  medianMs: 50,
  p95Ms: 150,
  overviewHtmlKb: 100,
  overviewMedianRatio: 2,
  firstLoadJsGzipKb: 200,
  manyOverviewP99Ms: 500,
  manyErrors: 0,
};
const overviewHtml = sizes(html);
const firstLoadJsGzipKb = kb(jsGzip);
const ratios = {
  overviewMedian: +(overview.medianMs / statics.medianMs).toFixed(2),
  goalMedian: +(goal.medianMs / statics.medianMs).toFixed(2),
  overviewP95: +(overview.p95Ms / statics.p95Ms).toFixed(2),
  goalP95: +(goal.p95Ms / statics.p95Ms).toFixed(2),
};
const result = {
  date: new Date().toISOString(),
  connections: CONNECTIONS,
  seconds: SECONDS,
  static: statics,
  staticOverviewCopy: { ...staticLarge, bytes: fs.statSync(baselineFile).size },
  overview,
  goal,
  /** Every visit served by Next itself (Cache-Control: no-cache passes the response cache). */
  throughNext: {
    ...throughNext,
    overviewMedianRatio: +(throughNext.overview.medianMs / statics.medianMs).toFixed(2),
    goalMedianRatio: +(throughNext.goal.medianMs / statics.medianMs).toFixed(2),
  },
  overviewBytes: overviewHtml.bytes,
  /** The overview's HTML as the server sends it before compression, and gzipped. */
  overviewHtml,
  /** A priority area's own page (the detail behind the summary), for comparison. */
  areaPageHtml: sizes(areaHtml),
  /** The tiny static file's median and the overview's against it. */
  tinyFileMedianMs: statics.medianMs,
  ratios,
  ratiosOverviewAsStaticFile: {
    overviewMedian: +(overview.medianMs / staticLarge.medianMs).toFixed(2),
    goalMedian: +(goal.medianMs / staticLarge.medianMs).toFixed(2),
    overviewP95: +(overview.p95Ms / staticLarge.p95Ms).toFixed(2),
    goalP95: +(goal.p95Ms / staticLarge.p95Ms).toFixed(2),
  },
  firstLoadJsGzipKb,
  scripts: scripts.length,
  many,
  goals,
  met: {
    overviewHtmlUnder100Kb: overviewHtml.kb < goals.overviewHtmlKb,
    overviewMedianWithin2xTinyFile: ratios.overviewMedian <= goals.overviewMedianRatio,
    firstLoadJs: firstLoadJsGzipKb <= goals.firstLoadJsGzipKb,
    manyOverviewP99: many.overview.p99Ms < goals.manyOverviewP99Ms,
    manyErrors: many.overview.errors === 0 && many.goal.errors === 0,
  },
};
fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench/results/web.json'), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));
console.log(
  `Översikten: ${overviewHtml.kb} kB HTML (${overviewHtml.gzipKb} kB gzip), median ${overview.medianMs} ms mot ${statics.medianMs} ms för en liten fil (${ratios.overviewMedian}×; genom Next varje gång ${throughNext.overview.medianMs} ms); ` +
    `50 anslutningar: p50 ${many.overview.medianMs} ms, p99 ${many.overview.p99Ms} ms, ${many.overview.errors} fel; målsidan p99 ${many.goal.p99Ms} ms, ${many.goal.errors} fel; JS ${firstLoadJsGzipKb} kB gzip.`,
);
