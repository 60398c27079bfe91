import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';

/**
 * A local stand-in for Kolada's API v3 that replays the recorded answers in test/fixtures/kolada/v3 (one file per KPI,
 * in Kolada's documented format) for `/v3/data/kpi/{kpis}/municipality/{ids}[/year/{years}]`, filtered to the ids
 * asked for and cut into pages linked by `next_url` (absolute, as Kolada writes them). Like Kolada it refuses a
 * segment with more than 25 ids. Faults can be switched on to test what the app does when Kolada fails.
 * No test reaches the internet: KOLADA_BASE_URL points here.
 */

export const KOLADA_ANSWER_DIR = path.resolve(import.meta.dirname, '../fixtures/kolada/v3');

export interface ReplayFault {
  /** Answer this HTTP status … */
  status?: number;
  /** … or never answer (the client's timeout) … */
  hang?: boolean;
  /** … or drop the connection (a network error). */
  reset?: boolean;
  /** Only on this page (1 = the first); every page when absent. */
  page?: number;
  /** How many times; every time when absent. */
  times?: number;
}

export interface KoladaReplay {
  /** e.g. http://127.0.0.1:41234/v3 — what KOLADA_BASE_URL is set to. */
  baseUrl: string;
  port: number;
  /** Every request's path and query, in order. */
  requests: string[];
  fault: ReplayFault | null;
  /** Stops listening (Kolada "down"); `start()` listens again on the same port. */
  stop: () => Promise<void>;
  start: () => Promise<void>;
  close: () => Promise<void>;
}

type Item = { kpi: string; municipality: string; period: number | string; values: unknown[] };

function loadAnswers(dir: string): Map<string, Item[]> {
  const out = new Map<string, Item[]>();
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json'))) {
    const json = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { values: Item[] };
    out.set(path.basename(f, '.json'), json.values);
  }
  return out;
}

export async function startKoladaReplay(opts: { pageSize?: number; dir?: string; port?: number } = {}): Promise<KoladaReplay> {
  const answers = loadAnswers(opts.dir ?? KOLADA_ANSWER_DIR);
  const pageSize = opts.pageSize ?? 100;
  const sockets = new Set<net.Socket>();
  let faultUses = 0;
  let current: ReplayFault | null = null;

  const replay: KoladaReplay = {
    baseUrl: '',
    port: opts.port ?? 0,
    requests: [],
    fault: null,
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    start: () =>
      new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(replay.port, '127.0.0.1', () => {
          server.off('error', reject);
          replay.port = (server.address() as net.AddressInfo).port;
          replay.baseUrl = `http://127.0.0.1:${replay.port}/v3`;
          resolve();
        });
      }),
    close: async () => {
      if (server.listening) await replay.stop();
    },
  };

  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${replay.port}`);
    replay.requests.push(`${url.pathname}${url.search}`);
    const page = Number(url.searchParams.get('page') ?? '1');
    const f = replay.fault;
    if (f && (f.page === undefined || f.page === page) && (f.times === undefined || faultUses < f.times)) {
      faultUses++;
      if (f.hang) return; // never answers; the socket is destroyed on stop()
      if (f.reset) return req.socket.destroy();
      if (f.status) return json(res, f.status, { detail: `replayed fault ${f.status}` });
    }
    if (req.method !== 'GET') return json(res, 405, { detail: 'Method Not Allowed' });
    const m = /^\/v3\/data\/kpi\/([^/]+)\/municipality\/([^/]+)(?:\/year\/([^/]+))?\/?$/.exec(url.pathname);
    if (!m) return json(res, 404, { detail: 'Not Found' });
    const segments = [m[1]!, m[2]!, m[3]].filter((s): s is string => s !== undefined).map((s) => decodeURIComponent(s).split(','));
    if (segments.some((s) => s.length > 25)) return json(res, 400, { detail: 'At most 25 ids per parameter' });
    const [kpis, munis, years] = segments as [string[], string[], string[] | undefined];
    const items = kpis
      .flatMap((k) => answers.get(k) ?? [])
      .filter((i) => munis.includes(i.municipality) && (!years || years.includes(String(i.period))));
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? pageSize) || pageSize, 5000);
    const pages = Math.max(1, Math.ceil(items.length / perPage));
    const link = (p: number) => {
      const u = new URL(url);
      u.searchParams.set('page', String(p));
      u.searchParams.set('per_page', String(perPage));
      return u.toString();
    };
    json(res, 200, {
      values: items.slice((page - 1) * perPage, page * perPage),
      count: items.length,
      next_url: page < pages ? link(page + 1) : null,
      previous_url: page > 1 ? link(page - 1) : null,
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  Object.defineProperty(replay, 'fault', {
    get: () => current,
    set: (v: ReplayFault | null) => {
      current = v;
      faultUses = 0;
    },
  });
  await replay.start();
  return replay;
}
