import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '@/lib/auth/client';

describe('safeReturnPath (#12.7)', () => {
  it.each(['/', '/mal/T-M1', '/indikatorer?q=otrygg&omrade=T#diagram', '/uppfoljning/2026/rapport', '/indikatorer/ntu_otrygg_kv%C3%A4ll'])(
    'keeps the same-origin path %j',
    (p) => expect(safeReturnPath(p)).toBe(p),
  );

  it.each([
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r/evil.example',
    '\t//evil.example',
    ' //evil.example',
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '\\/evil.example',
    '/\\/evil.example',
    '\\\\evil.example',
    'https://evil.example/',
    'http:/evil.example',
    'javascript:alert(1)',
    'evil.example',
    '/%09/evil.example',
    '/%2F/evil.example',
    '/%5C/evil.example',
    '/%5c%5cevil.example',
    '',
    null,
    undefined,
  ])('refuses %j (goes to /)', (p) => expect(safeReturnPath(p)).toBe('/'));

  it('every accepted path resolves to this origin', () => {
    for (const p of ['/a', '/\t/x', '/\\x', '//x', '/%2F/x', '/.//x', '/./\\x']) {
      const out = safeReturnPath(p);
      expect(new URL(out, 'https://trygghet.example').origin, p).toBe('https://trygghet.example');
    }
  });
});
