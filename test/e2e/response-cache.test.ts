import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCsvThroughApi, ntuRowCsv, valueNotIn } from './import-api';
import { startServer, tempPgliteDir, type Server } from './server';
import { createUsers, sessionCookie, USERS } from './users';

/*
 * The response cache in front of Next (lib/cache/response-cache.mjs, run by `npm start`: lib/server/start.mjs), on
 * the real server: a cached page's gzip bytes are sent again as Next sent them, a request for a fresh copy goes to
 * Next, an import is on the page at once, and nothing private or per-user is ever kept. The private dashboard is in
 * security.test.ts (PUBLIC_DASHBOARD=false keeps nothing).
 */

const GOAL_PAGE = '/k/2083/mal/T-M1';
let server: Server;

beforeAll(async () => {
  const pglite = tempPgliteDir();
  await createUsers({ PGLITE_DIR: pglite }, [USERS.samordnare]);
  server = await startServer({ PGLITE_DIR: pglite, DATABASE_URL: undefined });
});
afterAll(async () => {
  await server?.stop();
});

/** A raw GET (node:http: the bytes as sent, gzip not undone), as a browser asks for a page. */
function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer; html: string }>((resolve, reject) => {
    const req = http.get(
      `${server.url}${path}`,
      { headers: { 'accept-encoding': 'gzip, deflate, br, zstd', accept: 'text/html', ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const html = (res.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8');
          resolve({ status: res.statusCode!, headers: res.headers, body, html });
        });
      },
    );
    req.on('error', reject);
  });
}

/** Requests `path` until an answer comes from the kept copy (an Age header): at most a few renders by Next. */
async function kept(path: string) {
  for (let i = 0; i < 5; i++) {
    const res = await get(path);
    if (res.headers.age !== undefined) return res;
  }
  throw new Error(`${path} hölls aldrig i svarscachen`);
}

describe('the response cache in front of Next', () => {
  it('sends a cached page’s gzip bytes again, the same page Next renders, with the security headers', async () => {
    for (const path of ['/', '/k/2083', GOAL_PAGE, '/metod']) {
      const copy = await kept(path);
      expect(copy.status, path).toBe(200);
      expect(copy.headers['content-encoding'], path).toBe('gzip');
      expect(Number(copy.headers['content-length']), path).toBe(copy.body.length);
      expect(copy.headers['x-frame-options'], path).toBe('DENY');
      expect(copy.headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
      expect(copy.headers['cache-control'], path).toMatch(/s-maxage=/);
      // Next itself, asked for a fresh copy, renders the same page from its own cache.
      const fresh = await get(path, { 'cache-control': 'no-cache' });
      expect(fresh.headers.age, path).toBeUndefined();
      expect(fresh.html, path).toBe(copy.html);
      expect(copy.html, path).toContain('<main');
    }
    // A client that takes no gzip gets the page uncompressed, never the gzip copy.
    const plain = await get('/k/2083', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe((await kept('/k/2083')).html);
  });

  it('never keeps an answer that is not the same for everyone', async () => {
    const cookie = await sessionCookie(server.url, USERS.samordnare);
    for (const path of ['/konto', '/import', '/k/2083/plan', '/api/v1/goals', '/finns-inte']) {
      for (let i = 0; i < 3; i++) {
        const res = await get(path, { cookie });
        expect(res.headers.age, path).toBeUndefined();
      }
    }
    // Next's router payload for client-side navigation is not the page: never answered from a kept page.
    await kept('/k/2083');
    // (Next 16 answers it at `?_rsc`, the address its client asks for.)
    const rsc = await get('/k/2083?_rsc', { rsc: '1' });
    expect(rsc.status).toBe(200);
    expect(rsc.headers.age).toBeUndefined();
    expect(rsc.headers['content-type']).toMatch(/text\/x-component/);
  });

  it('an import is on the cached goal page at once', async () => {
    const before = (await kept(GOAL_PAGE)).html;
    const shown = valueNotIn(before);
    const cookie = await sessionCookie(server.url, USERS.samordnare);
    await importCsvThroughApi(server.url, cookie, ntuRowCsv(shown, 'svarscachen'), 'svarscachen.csv');
    // The import revalidates the page before it answers: the very next visit gets the new value.
    const after = await get(GOAL_PAGE);
    expect(after.html).toContain(shown);
    expect((await kept(GOAL_PAGE)).html).toContain(shown);
  });
});
