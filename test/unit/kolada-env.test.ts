import { describe, expect, it } from 'vitest';
import { readEnv as readEnvTyped } from '@/lib/env';

const readEnv = (source: Record<string, string>) => readEnvTyped(source as NodeJS.ProcessEnv);

describe('Kolada settings in lib/env.ts', () => {
  it('defaults: the public v3 API, 30 s per request, no schedule', () => {
    const env = readEnv({});
    expect(env.KOLADA_BASE_URL).toBe('https://api.kolada.se/v3');
    expect(env.KOLADA_TIMEOUT_S).toBe(30);
    expect(env.KOLADA_REFRESH).toBeUndefined();
  });

  it('accepts a local replay server, daily or weekly, and a timeout in seconds', () => {
    const env = readEnv({ KOLADA_BASE_URL: 'http://127.0.0.1:3555/v3', KOLADA_REFRESH: 'weekly', KOLADA_TIMEOUT_S: '2.5' });
    expect(env).toMatchObject({ KOLADA_BASE_URL: 'http://127.0.0.1:3555/v3', KOLADA_REFRESH: 'weekly', KOLADA_TIMEOUT_S: 2.5 });
    expect(readEnv({ KOLADA_REFRESH: 'daily' }).KOLADA_REFRESH).toBe('daily');
    expect(readEnv({ KOLADA_REFRESH: '' }).KOLADA_REFRESH).toBeUndefined();
  });

  it.each([
    ['KOLADA_BASE_URL', 'ftp://api.kolada.se/v3', /KOLADA_BASE_URL måste vara en http\(s\):\/\/-adress/],
    ['KOLADA_REFRESH', 'hourly', /KOLADA_REFRESH ska vara daily eller weekly/],
    ['KOLADA_TIMEOUT_S', '0', /ett antal sekunder/],
    ['KOLADA_TIMEOUT_S', 'trettio', /ett antal sekunder/],
  ])('refuses %s=%j with a Swedish message naming it', (key, value, message) => {
    expect(() => readEnv({ [key]: value })).toThrow(/^Ogiltig konfiguration/);
    expect(() => readEnv({ [key]: value })).toThrow(message);
    expect(() => readEnv({ [key]: value })).toThrow(key);
  });
});
