import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import PageCacheHandler, { CHANNEL, PageCacheStore, type CachedValue } from '@/lib/cache/handler.mjs';
import { openDb } from '@/lib/db/client';
import { createDatabase } from '../helpers/db';

/** A cached goal page as Next stores it: its implicit path tags in the tags header. */
function goalPage(code: string, html: string): CachedValue {
  return {
    kind: 'APP_PAGE',
    html,
    rscData: Buffer.from(`rsc ${html}`),
    status: 200,
    headers: { 'x-next-cache-tags': `_N_T_/layout,_N_T_/mal/layout,_N_T_/mal/[code]/page,_N_T_/mal/${code}` },
  };
}
const PAGE_CTX = { kind: 'APP_PAGE', isRoutePPREnabled: false, isFallback: false };
const SET_CTX = { cacheControl: { revalidate: 300, expire: 31536000 } };

async function until(what: () => boolean | Promise<boolean>, ms: number): Promise<number> {
  const start = Date.now();
  while (!(await what())) {
    if (Date.now() - start > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - start;
}

describe.runIf(process.env.DATABASE_URL)('the page cache shared by two app instances over one PostgreSQL', () => {
  let url: string;
  let drop: () => Promise<void>;
  let sql: postgres.Sql;
  const stores: PageCacheStore[] = [];
  const store = (opts: { tableTtlMs?: number } = {}) => {
    const s = new PageCacheStore({ url, log: () => {}, ...opts });
    stores.push(s);
    return s;
  };

  beforeAll(async () => {
    ({ url, drop } = await createDatabase());
    await (await openDb({ url })).close(); // migrated: page_cache_tags exists
    sql = postgres(url, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await sql?.end();
    await drop?.();
  });

  it('a revalidation on A reaches B by NOTIFY: B drops the page at once, without reading the table again', async () => {
    const a = store();
    // B trusts its last read of the table for an hour: only the notification can tell it.
    const b = store({ tableTtlMs: 3_600_000 });
    await Promise.all([a.listening, b.listening]);
    await b.set('/mal/1.1', goalPage('1.1', 'gammalt värde'), SET_CTX);
    await b.set('/metod', { kind: 'APP_PAGE', html: 'metod', headers: { 'x-next-cache-tags': '_N_T_/metod/page' } }, SET_CTX);
    expect((await b.get('/mal/1.1', PAGE_CTX))?.value?.html).toBe('gammalt värde'); // and the table is read now

    // An import through A: revalidatePath('/', 'layout').
    await a.revalidateTag(['_N_T_/layout']);
    const ms = await until(() => !b.entries.has('/mal/1.1'), 2000);
    console.log(`B dropped the page ${ms} ms after A's revalidation`);
    expect(await b.get('/mal/1.1', PAGE_CTX)).toBeNull();
    // A page without the tag is kept.
    expect((await b.get('/metod', PAGE_CTX))?.value?.html).toBe('metod');
    // Recorded for instances that missed the notification.
    const rows = await sql<{ tag: string }[]>`select tag from page_cache_tags`;
    expect(rows.map((r) => r.tag)).toEqual(['_N_T_/layout']);
  });

  it('without the notification, B still finds the page stale from page_cache_tags', async () => {
    const b = store({ tableTtlMs: 0 });
    await b.listening;
    await b.set('/mal/2.1', goalPage('2.1', 'före'), SET_CTX);
    expect((await b.get('/mal/2.1', PAGE_CTX))?.value?.html).toBe('före');
    await new Promise((r) => setTimeout(r, 5));
    // Another instance's revalidation whose NOTIFY never arrived: only the row.
    await sql`insert into page_cache_tags (tag, revalidated_at) values ('_N_T_/mal/2.1', now())
              on conflict (tag) do update set revalidated_at = now()`;
    expect(await b.get('/mal/2.1', PAGE_CTX)).toBeNull();
    // A page rendered after the revalidation is fresh again.
    await new Promise((r) => setTimeout(r, 5));
    await b.set('/mal/2.1', goalPage('2.1', 'efter'), SET_CTX);
    expect((await b.get('/mal/2.1', PAGE_CTX))?.value?.html).toBe('efter');
  });

  it('a NOTIFY from anyone on tl_page_cache drops exactly the entries carrying that tag', async () => {
    const b = store({ tableTtlMs: 3_600_000 });
    await b.listening;
    await b.set('/mal/3.1', goalPage('3.1', 'mål 3.1'), SET_CTX);
    await b.set('/mal/3.2', goalPage('3.2', 'mål 3.2'), SET_CTX);
    await sql`select pg_notify(${CHANNEL}, '_N_T_/mal/3.1')`;
    await until(() => !b.entries.has('/mal/3.1'), 2000);
    expect(await b.get('/mal/3.1', PAGE_CTX)).toBeNull();
    expect((await b.get('/mal/3.2', PAGE_CTX))?.value?.html).toBe('mål 3.2');
  });

  it('a fetch entry is stale when a tag the request gives (soft tags included) was revalidated', async () => {
    const a = store();
    const b = store({ tableTtlMs: 0 });
    await Promise.all([a.listening, b.listening]);
    const value = { kind: 'FETCH', data: { body: '{}', headers: {}, url: 'https://api.kolada.se/' }, tags: ['kolada'], revalidate: 60 };
    await b.set('fetch-1', value, { fetchCache: true, tags: ['kolada'] });
    expect(await b.get('fetch-1', { kind: 'FETCH', tags: ['kolada'], softTags: ['_N_T_/import/page'] })).not.toBeNull();
    await new Promise((r) => setTimeout(r, 5));
    await a.revalidateTag('_N_T_/import/page');
    expect(await b.get('fetch-1', { kind: 'FETCH', tags: ['kolada'], softTags: ['_N_T_/import/page'] })).toBeNull();
  });
});

describe('the page cache without DATABASE_URL (PGlite: one process)', () => {
  const saved = process.env.DATABASE_URL;
  beforeAll(() => {
    delete process.env.DATABASE_URL;
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('trygghetslaget.pageCacheStore')];
  });
  afterAll(() => {
    if (saved !== undefined) process.env.DATABASE_URL = saved;
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('trygghetslaget.pageCacheStore')];
  });

  it('keeps pages in memory across the handlers Next makes per request, and revalidatePath drops them', async () => {
    const first = new PageCacheHandler({ maxMemoryCacheSize: 50 * 1024 * 1024 });
    await first.set('/mal/1.1', goalPage('1.1', 'sida'), SET_CTX);
    // Next constructs a handler per request: the next one finds the entry.
    const second = new PageCacheHandler({});
    expect((await second.get('/mal/1.1', PAGE_CTX))?.value?.html).toBe('sida');
    expect((second as unknown as { store: { sql: unknown } }).store.sql).toBeNull();
    await second.revalidateTag('_N_T_/mal/1.1');
    expect(await new PageCacheHandler({}).get('/mal/1.1', PAGE_CTX)).toBeNull();
  });
});
