import nodeConsole from 'node:console';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { ResponseCache, storableSeconds } from '@/lib/cache/response-cache.mjs';
import { isPublicDashboard, isSurelyPublicDashboard } from '@/lib/public-dashboard.mjs';

/*
 * The response cache in front of Next (lib/cache/response-cache.mjs), over a real HTTP server. The upstream stands
 * for Next: it counts its calls and answers what each test asks for; the browser tests run the same cache in front of
 * Next itself (test/e2e/response-cache.test.ts).
 */

type Upstream = (req: IncomingMessage, res: ServerResponse) => void;
const PAGE = '<!DOCTYPE html><html lang="sv"><body><h1>Översikt</h1>' + 'Hedemora 12,3 %. '.repeat(200) + '</body></html>';
const CACHED = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 's-maxage=300, stale-while-revalidate=31535700' };
const VARY = 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding';

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A server with the cache in front of `upstream`; `calls` counts what reached the upstream. */
async function serve(cache: ResponseCache, upstream: Upstream) {
  const state = { calls: 0 };
  const server = http.createServer((req, res) =>
    cache.handle(req, res, () => {
      state.calls++;
      upstream(req, res);
    }),
  );
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  /** A raw GET (node:http, so that the bytes are seen as sent, not decoded). */
  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const req = http.request(`${base}${path}`, { method, headers: { 'accept-encoding': 'gzip', ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });
  return { state, get };
}

/** Like Next with compression: headers set one by one, the gzipped page written in pieces, no length. */
function gzipPage(extra: Record<string, string> = {}, page = PAGE): Upstream {
  return (req, res) => {
    for (const [k, v] of Object.entries({ ...CACHED, vary: VARY, 'x-nextjs-cache': 'HIT', ...extra })) res.setHeader(k, v);
    const accepts = /gzip/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = accepts ? gzipSync(page) : Buffer.from(page);
    if (accepts) res.setHeader('content-encoding', 'gzip');
    res.write(body.subarray(0, 100));
    setImmediate(() => {
      res.write(body.subarray(100, 300));
      res.end(body.subarray(300));
    });
  };
}

function clock(start = 1_000_000) {
  const c = { t: start, now: () => c.t };
  return c;
}

describe('response cache: what is kept, for whom, and for how long', () => {
  it('serves the second visit from the kept compressed bytes, with the page’s headers, an Age and no call to Next', async () => {
    const gen = { value: 1 };
    const cache = new ResponseCache({ generation: () => gen.value });
    const { state, get } = await serve(cache, gzipPage({ 'x-frame-options': 'DENY' }));
    const first = await get('/');
    const second = await get('/');
    expect(state.calls).toBe(1);
    expect(second.status).toBe(200);
    expect(second.body.equals(first.body)).toBe(true);
    expect(gunzipSync(second.body).toString()).toBe(PAGE);
    expect(second.headers['content-encoding']).toBe('gzip');
    expect(second.headers['content-length']).toBe(String(first.body.length));
    expect(second.headers['x-frame-options']).toBe('DENY');
    expect(second.headers['cache-control']).toBe(CACHED['cache-control']);
    expect(second.headers.vary).toBe(VARY);
    expect(second.headers.age).toBe('0');
    expect(second.headers['x-nextjs-cache']).toBe('HIT');
    expect(first.headers.age).toBeUndefined();
    expect(cache.hits).toBe(1);
  });

  it('keeps a copy per Accept-Encoding, address and host: a client without gzip never gets gzip', async () => {
    const cache = new ResponseCache({ generation: () => 1 });
    const { state, get } = await serve(cache, gzipPage());
    await get('/');
    const plain = await get('/', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(PAGE);
    const plainAgain = await get('/', { 'accept-encoding': 'identity' });
    expect(plainAgain.headers.age).toBe('0');
    expect(plainAgain.body.toString()).toBe(PAGE);
    await get('/?a=1');
    await get('/', { host: 'annan.example' });
    expect(state.calls).toBe(4);
    expect((await get('/')).headers['content-encoding']).toBe('gzip');
    expect(state.calls).toBe(4);
  });

  it('never answers Next’s router, prefetch or action requests, a HEAD, draft mode or a request with credentials', async () => {
    const cache = new ResponseCache({ generation: () => 1 });
    const { state, get } = await serve(cache, gzipPage());
    await get('/');
    await get('/'); // kept
    expect(state.calls).toBe(1);
    await get('/', { rsc: '1' });
    await get('/', { 'next-router-prefetch': '1' });
    await get('/', { 'next-action': 'abc' });
    await get('/?_rsc=xyz');
    await get('/?a=1&_rsc');
    await get('/', { cookie: 'a=1; __prerender_bypass=x' });
    await get('/', { authorization: 'Bearer x' });
    await get('/', {}, 'HEAD');
    expect(state.calls).toBe(9);
    // A signed-in visitor's cookie does not change a page Next itself caches for everyone.
    expect((await get('/', { cookie: 'better-auth.session_token=x' })).headers.age).toBe('0');
    expect(state.calls).toBe(9);
  });

  it('keeps nothing that a shared cache may not keep', async () => {
    const cases: [string, Upstream][] = [
      ['private', gzipPage({ 'cache-control': 'private, no-store' })],
      ['private with s-maxage', gzipPage({ 'cache-control': 's-maxage=300, private' })],
      ['no-cache', gzipPage({ 'cache-control': 'private, no-cache, no-store, max-age=0, must-revalidate' })],
      ['max-age without public', gzipPage({ 'cache-control': 'max-age=300' })],
      ['set-cookie', gzipPage({ 'set-cookie': 'a=1' })],
      ['stale from Next', gzipPage({ 'x-nextjs-cache': 'STALE' })],
      ['vary on cookie', gzipPage({ vary: 'Cookie, Accept-Encoding' })],
      ['json', gzipPage({ 'content-type': 'application/json' })],
      [
        'not 200',
        (_req, res) => {
          res.writeHead(404, { ...CACHED });
          res.end(PAGE);
        },
      ],
    ];
    for (const [what, upstream] of cases) {
      const { state, get } = await serve(new ResponseCache({ generation: () => 1 }), upstream);
      await get('/');
      const again = await get('/');
      expect(state.calls, what).toBe(2);
      expect(again.headers.age, what).toBeUndefined();
    }
    // Public with max-age is a shared lifetime too.
    const { state, get } = await serve(new ResponseCache({ generation: () => 1 }), gzipPage({ 'cache-control': 'public, max-age=60' }));
    await get('/');
    await get('/');
    expect(state.calls).toBe(1);
  });

  it('reads headers given to writeHead as well as those set one by one', async () => {
    const cache = new ResponseCache({ generation: () => 1 });
    const { state, get } = await serve(cache, (_req, res) => {
      res.setHeader('x-content-type-options', 'nosniff');
      res.writeHead(200, { ...CACHED, 'Content-Length': String(Buffer.byteLength(PAGE)) });
      res.end(PAGE);
    });
    await get('/');
    const kept = await get('/');
    expect(state.calls).toBe(1);
    expect(kept.body.toString()).toBe(PAGE);
    expect(kept.headers['content-type']).toBe(CACHED['content-type']);
    expect(kept.headers['x-content-type-options']).toBe('nosniff');
  });

  it('drops every copy when the page cache changes, and keeps nothing rendered while it changed', async () => {
    const gen = { value: 1 };
    const cache = new ResponseCache({ generation: () => gen.value });
    const { state, get } = await serve(cache, gzipPage());
    await get('/');
    await get('/');
    expect(state.calls).toBe(1);
    gen.value = 2; // an import revalidated pages
    await get('/');
    expect(state.calls).toBe(2);
    expect(cache.entries.size).toBe(1); // stored anew under generation 2
    await get('/');
    expect(state.calls).toBe(2);

    // A change while Next renders: that answer is not kept.
    const slow = new ResponseCache({ generation: () => gen.value });
    const s = await serve(slow, (req, res) => {
      gen.value++;
      gzipPage()(req, res);
    });
    await s.get('/');
    await s.get('/');
    expect(s.state.calls).toBe(2);
    expect(slow.stores).toBe(0);
  });

  it('a failure while keeping a copy reaches neither the visitor nor the process: the page is sent, nothing kept', async () => {
    let calls = 0;
    const cache = new ResponseCache({
      generation: () => {
        // Asked once when the request arrives, again when the answer is to be kept: that second time it fails.
        if (calls++ % 2 === 1) throw new Error('trasig sidcache');
        return 1;
      },
    });
    const logged: unknown[] = [];
    const error = nodeConsole.error;
    nodeConsole.error = (...args: unknown[]) => void logged.push(args.join(' '));
    try {
      const { state, get } = await serve(cache, gzipPage());
      const first = await get('/');
      expect(gunzipSync(first.body).toString()).toBe(PAGE);
      await new Promise((r) => setTimeout(r, 20));
      expect(cache.entries.size).toBe(0);
      expect(state.calls).toBe(1);
      expect(String(logged[0])).toContain('svarscachen kunde inte spara');
      // The server still answers.
      expect((await get('/')).status).toBe(200);
    } finally {
      nodeConsole.error = error;
    }
  });

  it('without a page cache in the process, or when disabled, keeps nothing', async () => {
    for (const cache of [new ResponseCache({ generation: () => null }), new ResponseCache({ enabled: false, generation: () => 1 })]) {
      const { state, get } = await serve(cache, gzipPage());
      await get('/');
      await get('/');
      expect(state.calls).toBe(2);
      expect(cache.entries.size).toBe(0);
    }
  });

  it('keeps a copy for its s-maxage, at most maxAgeSeconds, and a reload asking for a fresh page goes to Next', async () => {
    const c = clock();
    const cache = new ResponseCache({ generation: () => 1, maxAgeSeconds: 30, now: c.now });
    const { state, get } = await serve(cache, gzipPage());
    await get('/');
    c.t += 29_000;
    expect((await get('/')).headers.age).toBe('29');
    c.t += 1_000;
    await get('/');
    expect(state.calls).toBe(2);

    const short = await serve(
      new ResponseCache({ generation: () => 1, maxAgeSeconds: 30, now: c.now }),
      gzipPage({ 'cache-control': 's-maxage=5' }),
    );
    await short.get('/');
    c.t += 5_000;
    await short.get('/');
    expect(short.state.calls).toBe(2);

    await get('/', { 'cache-control': 'no-cache' });
    await get('/', { pragma: 'no-cache' });
    expect(state.calls).toBe(4);
    expect((await get('/')).headers.age).toBe('0');
    expect(state.calls).toBe(4);
  });

  it('stays within maxBytes, dropping the least recently used copy, and keeps no page larger than an eighth of it', async () => {
    const size = gzipSync(PAGE).length;
    const cache = new ResponseCache({ generation: () => 1, maxBytes: size * 2 + 1 });
    const { state, get } = await serve(cache, gzipPage());
    await get('/a');
    await get('/b');
    expect(cache.entries.size).toBe(0); // each page is more than an eighth of the limit

    // Room for exactly eight pages.
    const roomy = new ResponseCache({ generation: () => 1, maxBytes: size * 8 + 1 });
    const r = await serve(roomy, gzipPage());
    for (const p of ['/a', '/b', '/c', '/d', '/e', '/f', '/g', '/h']) await r.get(p);
    expect(roomy.entries.size).toBe(8);
    await r.get('/a'); // served from here, and now the most recently used
    await r.get('/i'); // pushes out /b, the least recently used
    expect(roomy.entries.size).toBe(8);
    expect(roomy.bytes).toBe(size * 8);
    const calls = r.state.calls;
    await r.get('/a');
    expect(r.state.calls).toBe(calls);
    await r.get('/b');
    expect(r.state.calls).toBe(calls + 1);
    expect(state.calls).toBe(2);
  });
});

describe('response cache: storableSeconds', () => {
  it('takes s-maxage, else public max-age, capped; refuses what must not be shared', () => {
    const html = { 'content-type': 'text/html' };
    expect(storableSeconds(200, { ...html, 'cache-control': 's-maxage=300, stale-while-revalidate=1' }, 30)).toBe(30);
    expect(storableSeconds(200, { ...html, 'cache-control': 's-maxage=10' }, 30)).toBe(10);
    expect(storableSeconds(200, { ...html, 'cache-control': 'public, max-age=20' }, 30)).toBe(20);
    expect(storableSeconds(200, { ...html, 'cache-control': 'max-age=20' }, 30)).toBe(0);
    expect(storableSeconds(200, { ...html, 'cache-control': 's-maxage=0' }, 30)).toBe(0);
    expect(storableSeconds(200, { ...html, 'cache-control': 'S-MaxAge=40, Private' }, 30)).toBe(0);
    expect(storableSeconds(200, { ...html, 'cache-control': 's-maxage=40', vary: '*' }, 30)).toBe(0);
    expect(storableSeconds(200, { ...html, 'cache-control': 's-maxage=40', 'x-nextjs-postponed': '1' }, 30)).toBe(0);
    expect(storableSeconds(301, { ...html, 'cache-control': 's-maxage=40' }, 30)).toBe(0);
  });
});

describe('PUBLIC_DASHBOARD as the proxy and the response cache read it', () => {
  it('the proxy lets pages through unless told no; the cache keeps pages only when surely public', () => {
    for (const v of [undefined, '', ' true ', 'JA', '1', 'on', 'yes']) {
      expect(isPublicDashboard(v), String(v)).toBe(true);
      expect(isSurelyPublicDashboard(v), String(v)).toBe(true);
    }
    for (const v of ['false', 'Nej', '0', 'off', ' no']) {
      expect(isPublicDashboard(v), v).toBe(false);
      expect(isSurelyPublicDashboard(v), v).toBe(false);
    }
    // A value that is neither (the server refuses to start on it, lib/env.ts): the cache keeps nothing.
    expect(isSurelyPublicDashboard('kanske')).toBe(false);
  });
});
