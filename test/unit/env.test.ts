import { describe, expect, it } from 'vitest';
import { readEnv as readEnvTyped } from '@/lib/env';

// Next's types make NODE_ENV a required key of ProcessEnv; a test source holds only what it sets.
const readEnv = (source: Record<string, string>) => readEnvTyped(source as NodeJS.ProcessEnv);

describe('readEnv', () => {
  it('defaults: embedded PGlite in .data/pglite, no DATABASE_URL, seeding on', () => {
    const env = readEnv({});
    expect(env.PGLITE_DIR).toBe('.data/pglite');
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SEED_ON_START).toBe('1');
  });

  it.each(['', '   '])('an empty DATABASE_URL (%j) is treated as unset', (url) => {
    const env = readEnv({ DATABASE_URL: url });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DIR).toBe('.data/pglite');
  });

  it.each(['postgres://user:secret@localhost:5432/trygghet', 'postgresql://localhost/trygghet'])('accepts %s', (url) => {
    expect(readEnv({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
  });

  it.each(['mysql://x', 'http://localhost/db', 'not a url'])('rejects DATABASE_URL %j with "Ogiltig konfiguration"', (url) => {
    expect(() => readEnv({ DATABASE_URL: url })).toThrow(/^Ogiltig konfiguration/);
  });

  it('the error names the variable', () => {
    try {
      readEnv({ DATABASE_URL: 'mysql://x' });
      expect.unreachable('readEnv should throw');
    } catch (err) {
      expect((err as Error).message.startsWith('Ogiltig konfiguration')).toBe(true);
      expect((err as Error).message).toContain('DATABASE_URL');
    }
  });

  it('PGLITE_DIR can be set and is trimmed', () => {
    expect(readEnv({ PGLITE_DIR: ' /tmp/pg ' }).PGLITE_DIR).toBe('/tmp/pg');
  });

  it.each([
    ['SEED_ON_START', '2'],
    ['PGLITE_DIR', ''],
  ])('rejects %s=%j', (key, value) => {
    expect(() => readEnv({ [key]: value })).toThrow(/^Ogiltig konfiguration/);
  });

  it('ignores unrelated variables', () => {
    expect(readEnv({ PATH: '/usr/bin', HOME: '/root' }).DATABASE_URL).toBeUndefined();
  });
});
