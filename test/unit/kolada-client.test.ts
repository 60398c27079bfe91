import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chunk, createKoladaClient, KoladaError, type KoladaRecord } from '@/lib/kolada/client';
import { KOLADA_ANSWER_DIR, startKoladaReplay, type KoladaReplay } from '@/test/helpers/kolada-replay';
import { AREAS, DALARNA, FIXTURE_KPIS } from '@/test/fixtures/kolada/make-fixtures';

/** The recorded answers, read straight from the files (not through the client). */
function recorded(kpis: string[], areas: string[]): string[] {
  return kpis
    .flatMap((k) => {
      const f = path.join(KOLADA_ANSWER_DIR, `${k}.json`);
      if (!fs.existsSync(f)) return [];
      const items = (JSON.parse(fs.readFileSync(f, 'utf8')) as { values: KoladaRecord[] }).values;
      return items.filter((i) => areas.includes(i.municipality)).map(key);
    })
    .sort();
}
const key = (r: KoladaRecord) => `${r.kpi}|${r.municipality}|${r.period}|${JSON.stringify(r.values)}`;

let replay: KoladaReplay;
const sleeps: number[] = [];
const fakeSleep = async (ms: number) => {
  sleeps.push(ms);
};
const client = (o: Partial<Parameters<typeof createKoladaClient>[0]> = {}) =>
  createKoladaClient({ baseUrl: replay.baseUrl, sleep: fakeSleep, backoffMs: 100, retries: 3, timeoutMs: 5_000, ...o });

beforeAll(async () => {
  replay = await startKoladaReplay({ pageSize: 40 });
});
afterAll(async () => replay?.close());
afterEach(() => {
  replay.fault = null;
  replay.requests.length = 0;
  sleeps.length = 0;
});

describe('Kolada v3 client against the replay server', () => {
  it('follows next_url page by page and returns every recorded value once', async () => {
    const r = await client().fetchValues({ kpis: FIXTURE_KPIS, municipalities: AREAS });
    expect(r.values.map(key).sort()).toEqual(recorded(FIXTURE_KPIS, AREAS));
    // 7 KPIs × 17 areas × 10 years in pages of 40: one request, many pages, each asked for once, in order.
    expect(r.requests).toHaveLength(1);
    const expectedPages = Math.ceil(recorded(FIXTURE_KPIS, AREAS).length / 40);
    expect(r.requests[0]!.pages).toBe(expectedPages);
    expect(replay.requests).toHaveLength(expectedPages);
    expect(replay.requests[0]).toMatch(/^\/v3\/data\/kpi\/N07403,N07540,.*\/municipality\/0000,0020,2021,/);
    expect(replay.requests.slice(1).map((q) => new URL(q, 'http://x').searchParams.get('page'))).toEqual(
      Array.from({ length: expectedPages - 1 }, (_, i) => String(i + 2)),
    );
  });

  it('sends at most 25 ids per path segment: 26 KPIs × 30 areas become 2 × 2 requests', async () => {
    const kpis = [...FIXTURE_KPIS, ...Array.from({ length: 19 }, (_, i) => `N9${String(i).padStart(4, '0')}`)];
    const areas = [...AREAS, '0180', '1480', '1280', '0380', '0580', '0680', '0780', '0880', '0980', '1080', '1280', '1380', '1490'];
    const unique = [...new Set(areas)];
    expect(kpis).toHaveLength(26);
    expect(unique.length).toBeGreaterThan(25);
    const r = await client().fetchValues({ kpis, municipalities: areas });
    expect(r.requests).toHaveLength(4);
    for (const q of replay.requests) {
      const m = /\/kpi\/([^/]+)\/municipality\/([^/?]+)/.exec(q)!;
      expect(m[1]!.split(',').length).toBeLessThanOrEqual(25);
      expect(decodeURIComponent(m[2]!).split(',').length).toBeLessThanOrEqual(25);
    }
    expect(r.values.map(key).sort()).toEqual(recorded(FIXTURE_KPIS, unique));
    expect(chunk([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
  });

  it('the replay server refuses 26 ids in a segment, as Kolada does (so the batching test can fail)', async () => {
    const ids = Array.from({ length: 26 }, (_, i) => String(2000 + i)).join(',');
    const res = await fetch(`${replay.baseUrl}/data/kpi/N07403/municipality/${ids}`);
    expect(res.status).toBe(400);
  });

  it('retries a 5xx answer with exponential backoff and then succeeds', async () => {
    replay.fault = { status: 503, page: 2, times: 2 };
    const r = await client().fetchValues({ kpis: ['N07403'], municipalities: AREAS });
    expect(r.requests[0]!.pages).toBeGreaterThan(2);
    expect(r.values.map(key).sort()).toEqual(recorded(['N07403'], AREAS));
    expect(sleeps).toEqual([100, 200]);
    expect(replay.requests.filter((q) => q.includes('page=2'))).toHaveLength(3);
  });

  it('retries a dropped connection', async () => {
    replay.fault = { reset: true, page: 1, times: 1 };
    const r = await client().fetchValues({ kpis: ['N07540'], municipalities: ['2083'] });
    expect(r.values).toHaveLength(10);
    expect(sleeps).toEqual([100]);
  });

  it('a 500 on page 2 every time: gives up after the retries, returns nothing, says so in Swedish', async () => {
    replay.fault = { status: 500, page: 2 };
    const p = client().fetchValues({ kpis: ['N07403'], municipalities: AREAS });
    await expect(p).rejects.toBeInstanceOf(KoladaError);
    await expect(p).rejects.toThrow('Kolada svarade inte (HTTP 500 på sida 2; 4 försök) — inget har sparats.');
    expect(sleeps).toEqual([100, 200, 400]);
  });

  it('does not retry a 4xx answer', async () => {
    replay.fault = { status: 404 };
    await expect(client().fetchValues({ kpis: ['N07403'], municipalities: ['2083'] })).rejects.toThrow(/HTTP 404 på sida 1\)/);
    expect(replay.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('times out a request that never answers, retries it, and reports the timeout', async () => {
    replay.fault = { hang: true, page: 1, times: 1 };
    const ok = await client({ timeoutMs: 300 }).fetchValues({ kpis: ['N07403'], municipalities: ['2083'] });
    expect(ok.values).toHaveLength(10);
    expect(sleeps).toEqual([100]);

    sleeps.length = 0;
    replay.fault = { hang: true };
    await expect(client({ timeoutMs: 300, retries: 1 }).fetchValues({ kpis: ['N07403'], municipalities: ['2083'] })).rejects.toThrow(
      /^Kolada svarade inte \(inget svar inom 0,3 s, sida 1; 2 försök\) — inget har sparats\.$/,
    );
  });

  it('reports a server that is down', async () => {
    const down = await startKoladaReplay();
    const base = down.baseUrl;
    await down.close();
    await expect(
      createKoladaClient({ baseUrl: base, sleep: fakeSleep, backoffMs: 1, retries: 2 }).fetchValues({
        kpis: ['N07403'],
        municipalities: ['2083'],
      }),
    ).rejects.toThrow(new RegExp(`^Kolada svarade inte \\(anslutningen till 127\\.0\\.0\\.1:${down.port} nekades, sida 1; 3 försök\\)`));
  });

  it('refuses an answer in another shape, and a next_url to another host', async () => {
    const fakeFetch = (body: unknown) => (async () => new Response(JSON.stringify(body), { status: 200 })) as typeof fetch;
    await expect(
      createKoladaClient({ baseUrl: 'https://api.kolada.se/v3', fetch: fakeFetch({ data: [] }) }).fetchValues({
        kpis: ['N07403'],
        municipalities: ['2083'],
      }),
    ).rejects.toThrow(/oväntat format: values/);
    await expect(
      createKoladaClient({
        baseUrl: 'https://api.kolada.se/v3',
        fetch: fakeFetch({ values: [], next_url: 'https://evil.example/v3/x' }),
      }).fetchValues({ kpis: ['N07403'], municipalities: ['2083'] }),
    ).rejects.toThrow(/annan server \(evil\.example\)/);
  });

  it('asks for every area of the län in one segment when they fit', async () => {
    await client().fetchValues({ kpis: ['N07403'], municipalities: ['0000', '0020', ...DALARNA] });
    expect(replay.requests[0]).toContain(`/municipality/0000,0020,${DALARNA.join(',')}`);
  });
});
