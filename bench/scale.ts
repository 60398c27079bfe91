// npm run bench:scale  (by hand; needs DATABASE_URL: a PostgreSQL server where it may create databases, Debian's
// `nginx` and `wrk`, and a build: `npm run build`)
//
// A whole country in one installation: all 290 kommuner, each with a plan of Hedemora's size (Hedemora's plan as
// the template, titled as such), national data (over 1 000 000 observations), two app servers (`npm start`) over one
// PostgreSQL behind nginx. Measured:
// - wrk through nginx against the regional view (/lan/20), the kommun chooser (/), Hedemora's overview (/k/2083) and
//   a goal page (/k/2083/mal/T-M1): p50/p95/p99, requests per second, errors;
// - an import through instance A, then the time until instance B serves the new value on the goal page (goal:
//   under 2 s);
// - memory (RSS) per instance after the load.
// BENCH_REUSE_DB=1 keeps the database of an earlier run (filling it takes minutes); BENCH_PREPARE_ONLY=1 only
// builds it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { createPasswordUser } from '../lib/auth/users';
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
for (const [bin, pkg] of [
  ['nginx', 'nginx'],
  ['wrk', 'wrk'],
] as const) {
  if (spawnSync(bin, ['-v']).error) {
    console.error(`Installera ${pkg} (apt-get install ${pkg}).`);
    process.exit(2);
  }
}
if (!fs.existsSync(path.join(root, '.next/BUILD_ID'))) {
  console.error('Bygg först: npm run build');
  process.exit(2);
}
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = 10;
const DB_NAME = 'tl_bench_scale';
const COORDINATOR = {
  email: 'bench-samordnare@hedemora.test',
  password: 'Benchmark-lösenord-2026',
  role: 'coordinator' as const,
  kommun: '2083',
};

const url = new URL(server);
url.pathname = `/${DB_NAME}`;

async function databaseExists(): Promise<boolean> {
  const admin = postgres(server!, { max: 1, onnotice: () => {} });
  const [row] = await admin`select 1 as ok from pg_database where datname = ${DB_NAME}`;
  await admin.end();
  return Boolean(row);
}

/** Every other kommun's plan: Hedemora's plan under that kommun's code, its title saying what it is. */
function writePlans(dir: string): number {
  const template = JSON.parse(fs.readFileSync(path.join(root, 'data-imports/plan/hedemora-2024.json'), 'utf8')) as Record<string, unknown>;
  const lines = fs.readFileSync(path.join(root, 'data-imports/regions/kommuner.csv'), 'utf8').trim().split('\n').slice(1);
  let n = 0;
  for (const line of lines) {
    const [code, name] = line.split(',');
    if (!code || !name || code === template.kommunCode) continue;
    fs.writeFileSync(
      path.join(dir, `${code}.json`),
      JSON.stringify({ ...template, kommunCode: code, title: `Benchmarkplan för ${name} (Hedemoras plan som mall)` }),
    );
    n++;
  }
  return n;
}

if (!(process.env.BENCH_REUSE_DB === '1' && (await databaseExists()))) {
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
  await admin.unsafe(`create database ${DB_NAME}`);
  await admin.end();
  const plansDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-bench-plans-'));
  const planCount = writePlans(plansDir);
  process.env.PLANS_DIR = plansDir;
  console.log(`Läser in ${planCount + 1} planer med exempeldata …`);
  const started = Date.now();
  const h = await openDb({ url: url.toString() });
  await seed(h.db, readSeedFiles());
  await createPasswordUser(h.db, COORDINATOR, { actorId: null, actor: 'bench:scale' });
  await h.close();
  fs.rmSync(plansDir, { recursive: true, force: true });
  console.log(`Planerna inlästa på ${((Date.now() - started) / 1000).toFixed(0)} s. Fyller med nationella data …`);
  const pg = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const [imp] =
    await pg`insert into imports (kind, file_name, sha256, created_by) values ('upload', 'bench-national', 'bench-scale', 'bench') returning id`;
  // Every region × indicator × year 2011–2025 × kön × two groups: plausible shares with KI and n; keys the seed
  // already filled (real values, example series) are kept.
  await pg.unsafe(`
    insert into observations (indicator_id, region_code, period, period_kind, period_start, period_end, sex, grp, site, value, ci_low, ci_high, n, is_example, import_id)
    select i.id, r.code, y::text, 'year', make_date(y, 1, 1), make_date(y, 12, 31), s.sex::sex, g.grp, '',
      round((10 + 30 * random())::numeric, 1), null, null, (100 + floor(random() * 2000))::int, false, ${imp!.id}
    from indicators i cross join regions r cross join generate_series(2011, 2025) y
      cross join (values ('T'), ('K'), ('M')) s(sex) cross join (values (''), ('bench')) g(grp)
    on conflict do nothing`);
  await pg.unsafe(`update observations set ci_low = greatest(0, value - 3), ci_high = least(100, value + 3) where import_id = ${imp!.id}`);
  await pg.unsafe('analyze');
  await pg.end();
}
{
  const pg = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const [counts] =
    await pg`select (select count(*)::int from observations) as obs, (select count(distinct kommun_code)::int from plans) as kommuner`;
  await pg.end();
  console.log(`${Number(counts!.obs).toLocaleString('sv-SE')} observationer, ${counts!.kommuner} kommuner med plan.`);
}
if (process.env.BENCH_PREPARE_ONLY === '1') process.exit(0);

// Two instances and nginx in front of them.
const [portA, portB, portProxy] = [await freePort(), await freePort(), await freePort()];
const proxyBase = `http://127.0.0.1:${portProxy}`;
const secret = process.env.BETTER_AUTH_SECRET ?? randomBytes(32).toString('base64url');
const children: ChildProcess[] = [];
process.on('exit', () => {
  for (const c of children) c.kill('SIGTERM');
});

async function waitFor(base: string) {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`, { headers: { connection: 'close' } })).ok) return;
    } catch {
      /* starting */
    }
    if (i > 240) throw new Error(`${base} svarade inte`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function startInstance(port: number): ChildProcess {
  const proc = spawn(process.execPath, [path.join(root, 'lib/server/start.mjs'), '-p', String(port)], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, DATABASE_URL: url.toString(), NEXT_TELEMETRY_DISABLED: '1', BETTER_AUTH_SECRET: secret, APP_URL: proxyBase },
  });
  children.push(proc);
  return proc;
}

const nginxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-bench-nginx-'));
process.on('exit', () => fs.rmSync(nginxDir, { recursive: true, force: true }));
fs.writeFileSync(
  path.join(nginxDir, 'nginx.conf'),
  `
worker_processes 1;
pid ${nginxDir}/nginx.pid;
error_log ${nginxDir}/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${nginxDir}/body;
  proxy_temp_path ${nginxDir}/proxy;
  fastcgi_temp_path ${nginxDir}/fastcgi;
  uwsgi_temp_path ${nginxDir}/uwsgi;
  scgi_temp_path ${nginxDir}/scgi;
  client_max_body_size 60m;
  upstream trygghetslaget {
    server 127.0.0.1:${portA};
    server 127.0.0.1:${portB};
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${portProxy};
    location / {
      proxy_pass http://trygghetslaget;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
    }
  }
}
`,
);
const instanceA = startInstance(portA);
const instanceB = startInstance(portB);
const nginx = spawn('nginx', ['-p', nginxDir, '-c', path.join(nginxDir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
children.push(nginx);
await Promise.all([waitFor(`http://127.0.0.1:${portA}`), waitFor(`http://127.0.0.1:${portB}`), waitFor(proxyBase)]);

const luaFile = path.join(os.tmpdir(), `tl-bench-scale-${process.pid}.lua`);
fs.writeFileSync(
  luaFile,
  `
wrk.headers["Accept-Encoding"] = "gzip, deflate, br"
wrk.headers["Accept"] = "text/html"
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %d %d %d %d\\n", summary.requests, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
`,
);
process.on('exit', () => fs.rmSync(luaFile, { force: true }));

function wrkRun(pathname: string) {
  spawnSync('wrk', ['-t2', `-c${CONNECTIONS}`, '-d2s', '-s', luaFile, proxyBase + pathname], { encoding: 'utf8' });
  const out = spawnSync('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${SECONDS}s`, '-s', luaFile, proxyBase + pathname], { encoding: 'utf8' });
  const m = /RESULT (\d+) (\d+) (\d+) (\d+) (\d+)/.exec(out.stdout);
  if (!m) throw new Error(`wrk: ${out.stdout}${out.stderr}`);
  const [requests, p50, p95, p99, errors] = m.slice(1).map(Number) as [number, number, number, number, number];
  return {
    requests,
    requestsPerSecond: +(requests / SECONDS).toFixed(1),
    p50Ms: +(p50 / 1000).toFixed(1),
    p95Ms: +(p95 / 1000).toFixed(1),
    p99Ms: +(p99 / 1000).toFixed(1),
    errors,
  };
}

// `/` with 290 kommuner is the chooser; a kommun's own pages live under /k/<kommunkod>/.
const GOAL = '/k/2083/mal/T-M1';
const pages = { regional: '/lan/20', chooser: '/', overview: '/k/2083', goal: GOAL };
const load = Object.fromEntries(Object.entries(pages).map(([k, p]) => [k, { path: p, ...wrkRun(p) }]));

/** Resident memory of a process in MB, from /proc. */
function rssMb(pid: number | undefined): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}
const rssAfterLoad = { a: rssMb(instanceA.pid), b: rssMb(instanceB.pid) };

// Cross-instance refresh: B serves the goal page from its cache; an import through A changes a value on it.
const baseA = `http://127.0.0.1:${portA}`;
const baseB = `http://127.0.0.1:${portB}`;
const signIn = await fetch(`${baseA}/api/auth/sign-in/email`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', origin: proxyBase },
  body: JSON.stringify({ email: COORDINATOR.email, password: COORDINATOR.password }),
});
if (!signIn.ok) throw new Error(`Inloggningen misslyckades: ${signIn.status} ${await signIn.text()}`);
const cookie = signIn.headers
  .getSetCookie()
  .map((c) => c.split(';')[0])
  .join('; ');
for (let i = 0; i < 2; i++) await (await fetch(`${baseB}${GOAL}`)).text();
const before = await (await fetch(`${baseB}${GOAL}`)).text();
// A value the page does not show anywhere yet: NTU's "otrygg kvällstid" for Hedemora in 2026, a year the national
// fill leaves free.
let shown = '';
for (let tries = 0; tries < 1000 && (shown === '' || before.includes(shown)); tries++) {
  shown = (50 + Math.random() * 49).toFixed(1).replace('.', ',');
}
if (before.includes(shown)) throw new Error('Hittade inget värde som målsidan inte redan visar');
const csv = `indikator;region;period;kön;grupp;värde;ki_låg;ki_hög;n;status;kommentar\nntu_otrygg_kvall;2083;2026;;;${shown};;;;;bench:scale\n`;

async function postImport(extra: Record<string, string>) {
  const form = new FormData();
  form.set('file', new File([csv], 'bench-scale.csv', { type: 'text/csv' }));
  for (const [k, v] of Object.entries(extra)) form.set(k, v);
  // A script's request (no Origin), straight to instance A.
  const res = await fetch(`${baseA}/api/import`, { method: 'POST', headers: { cookie }, body: form });
  const body = (await res.json()) as { status: string; sha256?: string; message?: string };
  if (!res.ok) throw new Error(`Importen avvisades: ${res.status} ${body.message}`);
  return body;
}
const preview = await postImport({});
const committedAt = Date.now();
await postImport({ confirm: '1', sha256: preview.sha256 ?? '' });
const committed = Date.now();
let refreshMs: number | null = null;
while (Date.now() - committed < 30_000) {
  const html = await (await fetch(`${baseB}${GOAL}`)).text();
  if (html.includes(shown)) {
    refreshMs = Date.now() - committed;
    break;
  }
  await new Promise((r) => setTimeout(r, 25));
}

const result = {
  date: new Date().toISOString(),
  connections: CONNECTIONS,
  seconds: SECONDS,
  instances: 2,
  load,
  import: {
    commitMs: committed - committedAt,
    crossInstanceRefreshMs: refreshMs,
    goalMs: 2000,
    met: refreshMs !== null && refreshMs < 2000,
  },
  rssMb: { afterLoad: rssAfterLoad, atEnd: { a: rssMb(instanceA.pid), b: rssMb(instanceB.pid) } },
};
fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench/results/scale.json'), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));
const line = Object.entries(load)
  .map(([, r]) => `${r.path} p50 ${r.p50Ms} ms, p95 ${r.p95Ms} ms, ${r.errors} fel`)
  .join('; ');
console.log(
  `${line}. Import via A syns på B efter ${refreshMs ?? 'mer än 30 000'} ms. RSS A ${result.rssMb.atEnd.a} MB, B ${result.rssMb.atEnd.b} MB.`,
);
process.exit(0);
