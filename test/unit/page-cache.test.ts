import { describe, expect, it } from 'vitest';
import { PageCacheStore, revalidatedSince, valueSize, valueTags } from '@/lib/cache/handler.mjs';

describe('page cache: tags, staleness and the memory limit', () => {
  it("reads a page's tags from Next's tags header and a fetch's from the value", () => {
    expect(valueTags({ kind: 'APP_PAGE', headers: { 'x-next-cache-tags': '_N_T_/layout,_N_T_/mal/1.1' } })).toEqual([
      '_N_T_/layout',
      '_N_T_/mal/1.1',
    ]);
    expect(valueTags({ kind: 'APP_ROUTE', headers: {} })).toEqual([]);
    expect(valueTags({ kind: 'FETCH', tags: ['kolada'] })).toEqual(['kolada']);
    expect(valueTags(null)).toEqual([]);
  });

  it('an entry is stale only when one of its tags was revalidated after it was stored', () => {
    const times = new Map([
      ['_N_T_/layout', 1000],
      ['_N_T_/mal/1.1', 3000],
    ]);
    expect(revalidatedSince(['_N_T_/layout'], 999, times)).toBe(true);
    expect(revalidatedSince(['_N_T_/layout'], 1000, times)).toBe(false);
    expect(revalidatedSince(['_N_T_/layout', '_N_T_/mal/1.1'], 2000, times)).toBe(true);
    expect(revalidatedSince(['_N_T_/mal/2.1'], 0, times)).toBe(false);
  });

  it('counts the bytes of html and RSC payloads', () => {
    const small = valueSize({ kind: 'APP_PAGE', html: 'a', rscData: Buffer.alloc(10) });
    const big = valueSize({ kind: 'APP_PAGE', html: 'a'.repeat(1000), rscData: Buffer.alloc(5000) });
    expect(big - small).toBe(999 * 2 + 4990);
  });

  it('keeps within maxBytes by dropping the least recently used entries; 0 keeps nothing', async () => {
    const page = (n: number) => ({ kind: 'APP_PAGE', html: 'x'.repeat(n), headers: {} });
    const one = valueSize(page(1000));
    const store = new PageCacheStore({ maxBytes: one * 2 + 10 });
    await store.set('/a', page(1000));
    await store.set('/b', page(1000));
    expect(await store.get('/a')).not.toBeNull(); // /a used last: /b is the oldest now
    await store.set('/c', page(1000));
    expect(await store.get('/b')).toBeNull();
    expect(await store.get('/a')).not.toBeNull();
    expect(await store.get('/c')).not.toBeNull();
    expect(store.bytes).toBe(one * 2);

    const none = new PageCacheStore({ maxBytes: 0 });
    await none.set('/a', page(1));
    expect(await none.get('/a')).toBeNull();
  });

  it('revalidating a tag drops the entries carrying it and no others', async () => {
    const store = new PageCacheStore({});
    await store.set('/mal/1.1', { kind: 'APP_PAGE', html: '1', headers: { 'x-next-cache-tags': '_N_T_/layout,_N_T_/mal/1.1' } });
    await store.set('/mal/1.2', { kind: 'APP_PAGE', html: '2', headers: { 'x-next-cache-tags': '_N_T_/layout,_N_T_/mal/1.2' } });
    await store.revalidateTag('_N_T_/mal/1.1');
    expect(await store.get('/mal/1.1')).toBeNull();
    expect((await store.get('/mal/1.2'))?.value?.html).toBe('2');
    await store.revalidateTag(['_N_T_/layout']);
    expect(await store.get('/mal/1.2')).toBeNull();
    expect(store.bytes).toBe(0);
  });

  it('its generation moves on every change that can date a page served earlier, and not on a first render or an eviction', async () => {
    const page = (html: string, tags = '_N_T_/layout,_N_T_/k/2083') => ({ kind: 'APP_PAGE', html, headers: { 'x-next-cache-tags': tags } });
    const store = new PageCacheStore({ maxBytes: valueSize(page('x'.repeat(100))) * 2 + 10 });
    const at = () => store.generation;
    const g0 = at();
    await store.set('/k/2083', page('x'.repeat(100)));
    await store.set('/k/2084', page('y'.repeat(100), '_N_T_/layout,_N_T_/k/2084'));
    expect(at()).toBe(g0); // first renders
    await store.set('/k/2085', page('z'.repeat(100), '_N_T_/k/2085')); // evicts /k/2083
    expect(store.entries.has('/k/2083')).toBe(false);
    expect(at()).toBe(g0);
    await store.set('/k/2085', page('w'.repeat(100), '_N_T_/k/2085')); // rendered anew
    expect(at()).toBe(g0 + 1);
    await store.revalidateTag('_N_T_/k/2083'); // no entry carries it here, yet a copy in front may
    expect(at()).toBe(g0 + 2);
  });
});
