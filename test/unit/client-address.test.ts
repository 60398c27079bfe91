import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedProxies } from '@/lib/net/client-address';
import { ConfigError, readEnv } from '@/lib/env';

describe('clientAddress (#12.3: forwarded headers only from TRUSTED_PROXIES)', () => {
  it("without trusted proxies: the connection's own address, whatever the headers say", () => {
    expect(clientAddress('127.0.0.1', '203.0.113.7', null)).toBe('127.0.0.1');
    expect(clientAddress('::ffff:192.0.2.4', '203.0.113.7, 10.0.0.1', null)).toBe('192.0.2.4');
    expect(clientAddress('198.51.100.9', undefined, parseTrustedProxies('10.0.0.0/8'))).toBe('198.51.100.9');
  });

  it('through trusted proxies: the nearest address that is not one of them', () => {
    const trusted = parseTrustedProxies('10.0.0.0/8, 127.0.0.1 ::1');
    expect(clientAddress('127.0.0.1', '203.0.113.7', trusted)).toBe('203.0.113.7');
    // A client's own X-Forwarded-For sits to the left of what the proxies appended: it is not believed.
    expect(clientAddress('10.1.2.3', '6.6.6.6, 203.0.113.7, 10.9.9.9', trusted)).toBe('203.0.113.7');
    expect(clientAddress('::1', 'garbage, 198.51.100.2', trusted)).toBe('198.51.100.2');
    expect(clientAddress('10.1.2.3', undefined, trusted)).toBe('10.1.2.3');
    expect(clientAddress('10.1.2.3', '10.4.4.4', trusted)).toBe('10.4.4.4');
  });

  it('TRUSTED_PROXIES is checked at start', () => {
    const env = (v: string) => readEnv({ NODE_ENV: 'test', TRUSTED_PROXIES: v } as NodeJS.ProcessEnv);
    expect(env('10.0.0.0/8,192.0.2.1').TRUSTED_PROXIES).toBe('10.0.0.0/8,192.0.2.1');
    expect(env('').TRUSTED_PROXIES).toBeUndefined();
    for (const bad of ['10.0.0.0/33', 'proxy.example', '10.0.0.1/8/2']) {
      expect(() => env(bad), bad).toThrow(ConfigError);
    }
  });
});
