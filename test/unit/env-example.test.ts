import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENV_KEYS } from '@/lib/env';

describe('.env.example', () => {
  it('documents every variable the app validates at start-up', () => {
    const text = fs.readFileSync('.env.example', 'utf8');
    const documented = new Set([...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    // NODE_ENV is set by next itself (development / production), not by the operator.
    expect(ENV_KEYS.filter((k) => k !== 'NODE_ENV' && !documented.has(k))).toEqual([]);
  });
});
