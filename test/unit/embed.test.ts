import { describe, expect, it } from 'vitest';
import { buildCsp, embedCsp, embedFrameAncestors, isEmbedPath, parseEmbedOrigins } from '@/lib/embed/csp';
import { absoluteUrl, embedPaths, goalChartView, iframeCode, siteOrigin, viewQuery } from '@/lib/embed/url';
import { readEnv } from '@/lib/env';

const headers = (h: Record<string, string>) => ({ get: (n: string) => h[n] ?? null });

describe('EMBED_ALLOWED_ORIGINS', () => {
  it('reads origins separated by commas and spaces, normalised and without repeats', () => {
    expect(parseEmbedOrigins(' https://www.hedemora.se, http://localhost:8080  https://WWW.Hedemora.se/ ,,')).toEqual([
      'https://www.hedemora.se',
      'http://localhost:8080',
    ]);
    expect(parseEmbedOrigins(undefined)).toEqual([]);
    expect(parseEmbedOrigins('  ')).toEqual([]);
  });

  it.each([
    ['www.hedemora.se', /ingen adress/],
    ['*', /ingen adress/],
    ['ftp://files.hedemora.se', /https:\/\//],
    ['javascript:alert(1)', /https:\/\//],
    ['https://www.hedemora.se/trygghet', /bara ett ursprung.*https:\/\/www\.hedemora\.se$/],
    ['https://www.hedemora.se/?a=1', /bara ett ursprung/],
    ['https://user:pw@www.hedemora.se', /bara ett ursprung/],
    ['https://www.hedemora.se:443', /bara ett ursprung/],
    ['https://a.se;script-src', /tecken som inte får stå/],
    ["https://a.se'", /tecken som inte får stå|ingen adress/],
  ])('refuses %s with a message naming it', (raw, message) => {
    expect(() => parseEmbedOrigins(`https://ok.se ${raw}`)).toThrow(message);
    expect(() => parseEmbedOrigins(raw)).toThrow(raw);
  });

  it('is checked with the rest of the configuration at start-up', () => {
    expect(readEnv({ NODE_ENV: 'test', EMBED_ALLOWED_ORIGINS: 'https://www.hedemora.se' }).EMBED_ALLOWED_ORIGINS).toBe(
      'https://www.hedemora.se',
    );
    expect(() => readEnv({ NODE_ENV: 'test', EMBED_ALLOWED_ORIGINS: 'hedemora.se' })).toThrow(/EMBED_ALLOWED_ORIGINS/);
  });
});

describe('the Content-Security-Policy', () => {
  it('refuses every frame on ordinary pages, allows only the app itself on embeds when nothing is configured', () => {
    expect(buildCsp({ dev: false, frameAncestors: [] })).toMatch(/frame-ancestors 'none'$/);
    expect(embedCsp({})).toMatch(/; frame-ancestors 'self'$/);
    expect(embedFrameAncestors('')).toEqual(["'self'"]);
  });

  it('lists the configured origins after the app itself, and keeps the rest of the policy', () => {
    const csp = embedCsp({ EMBED_ALLOWED_ORIGINS: 'https://www.hedemora.se,https://intra.hedemora.se' });
    expect(csp).toMatch(/; frame-ancestors 'self' https:\/\/www\.hedemora\.se https:\/\/intra\.hedemora\.se$/);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(embedCsp({ NODE_ENV: 'development' })).toContain("'unsafe-eval'");
  });

  it('falls back to the app itself for a bad value instead of letting it into the header', () => {
    expect(embedCsp({ EMBED_ALLOWED_ORIGINS: "https://a.se 'unsafe-inline'; script-src *" })).toMatch(/frame-ancestors 'self'$/);
  });

  it('knows the embed paths and nothing else', () => {
    expect(isEmbedPath('/inbaddning')).toBe(true);
    expect(isEmbedPath('/inbaddning/karta/x')).toBe(true);
    expect(isEmbedPath('/inbaddningar')).toBe(false);
    expect(isEmbedPath('/indikatorer/inbaddning')).toBe(false);
    expect(isEmbedPath('/')).toBe(false);
  });
});

describe('embed addresses and code', () => {
  it('keeps only the view’s own query keys, in order, for the embed and the full page', () => {
    expect(viewQuery('karta', { period: '2024', karta: 'riket', kartsort: 'varde', mot: '' })).toBe('?karta=riket&period=2024');
    expect(embedPaths('indikator', 'bra_x', { jamfor: ['2080', '2081'], kon: 'K', vy: 'tabell' })).toEqual({
      embed: '/inbaddning/indikator/bra_x?kon=K&jamfor=2080&jamfor=2081',
      full: '/indikatorer/bra_x?kon=K&jamfor=2080&jamfor=2081',
    });
    expect(embedPaths('karta', 'a b', {}).full).toBe('/indikatorer/a%20b#karta');
  });

  it('carries the kommun: a query key of the embed, a segment of the full page; anything but a kommun code is dropped', () => {
    expect(embedPaths('indikator', 'bra_x', { kon: 'T', kommun: '2084', jmfgrupp: 'g1' })).toEqual({
      embed: '/inbaddning/indikator/bra_x?kommun=2084&kon=T&jmfgrupp=g1',
      full: '/k/2084/indikatorer/bra_x?kon=T',
    });
    expect(embedPaths('karta', 'a b', { kommun: '2084', period: '2024' })).toEqual({
      embed: '/inbaddning/karta/a%20b?kommun=2084&period=2024',
      full: '/k/2084/indikatorer/a%20b?period=2024#karta',
    });
    for (const kommun of ['20841', '../x', ['2084', '2083']]) {
      expect(embedPaths('karta', 'x', { kommun, period: '2024' })).toEqual({
        embed: '/inbaddning/karta/x?period=2024',
        full: '/indikatorer/x?period=2024#karta',
      });
    }
  });

  it('gives a goal chart’s view: the goal’s series and its comparison group, which only the embed keeps', () => {
    const total = embedPaths('indikator', 'bra_x', goalChartView({ sex: 'T', grp: '' }, 'skr-2023-c6'));
    expect(total).toEqual({
      embed: '/inbaddning/indikator/bra_x?kon=T&jmfgrupp=skr-2023-c6',
      full: '/indikatorer/bra_x?kon=T',
    });
    // A goal that follows a subgroup keeps it; without a band no group is asked for.
    expect(embedPaths('indikator', 'lupp', goalChartView({ sex: 'K', grp: 'åk 9' }, null))).toEqual({
      embed: '/inbaddning/indikator/lupp?kon=K&grupp=%C3%A5k+9',
      full: '/indikatorer/lupp?kon=K&grupp=%C3%A5k+9',
    });
  });

  it('makes the embed path absolute against the browser’s origin, and only the site’s own paths', () => {
    expect(absoluteUrl('/inbaddning/indikator/x?kon=T&jmfgrupp=a', 'http://127.0.0.1:3000')).toBe(
      'http://127.0.0.1:3000/inbaddning/indikator/x?kon=T&jmfgrupp=a',
    );
    // An origin with a path (APP_URL-like) contributes only its origin.
    expect(absoluteUrl('/inbaddning/karta/x', 'https://trygghet.hedemora.se/sub/')).toBe('https://trygghet.hedemora.se/inbaddning/karta/x');
    // Not known yet (server render of a cached page): the relative path stays.
    expect(absoluteUrl('/inbaddning/karta/x', '')).toBe('/inbaddning/karta/x');
    expect(absoluteUrl('//evil.example/x', 'https://t.se')).toBe('//evil.example/x');
    expect(absoluteUrl('https://evil.example/x', 'https://t.se')).toBe('https://evil.example/x');
    expect(absoluteUrl('/x', 'inte en adress')).toBe('/x');
  });

  it('takes the site address from APP_URL, else from the request', () => {
    expect(siteOrigin('https://trygghet.hedemora.se/x', headers({ host: 'evil.example' }))).toBe('https://trygghet.hedemora.se');
    expect(siteOrigin(undefined, headers({ host: '127.0.0.1:3000' }))).toBe('http://127.0.0.1:3000');
    expect(siteOrigin(undefined, headers({ host: 'a:1', 'x-forwarded-host': 'trygghet.se', 'x-forwarded-proto': 'https' }))).toBe(
      'https://trygghet.se',
    );
  });

  it('escapes the title and address in the iframe code', () => {
    const code = iframeCode('https://t.se/inbaddning/karta/x?a=1&b=2', 'Karta: "brott" <i>', { width: '100%', height: 900 });
    expect(code).toBe(
      '<iframe src="https://t.se/inbaddning/karta/x?a=1&amp;b=2" title="Karta: &quot;brott&quot; &lt;i&gt;" width="100%" height="900" style="border:0;max-width:100%" loading="lazy"></iframe>',
    );
  });
});
