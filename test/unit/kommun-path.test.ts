import { describe, expect, it } from 'vitest';
import { isKommunCode, kommunFromPath, kommunPath } from '@/lib/kommun-path';

describe('kommun addresses', () => {
  it('puts a kommun page under /k/<kommunkod>, and leaves the old address without a kommun', () => {
    expect(kommunPath('2083', '/mal/N-M1')).toBe('/k/2083/mal/N-M1');
    expect(kommunPath('2084', 'plan')).toBe('/k/2084/plan');
    expect(kommunPath('2083')).toBe('/k/2083');
    expect(kommunPath(null, '/atgarder')).toBe('/atgarder');
    expect(kommunPath(undefined)).toBe('/');
  });

  it('reads the kommun from an address, and only four digits are a kommun code', () => {
    expect(kommunFromPath('/k/2084/uppfoljning/2026')).toBe('2084');
    expect(kommunFromPath('/k/2083')).toBe('2083');
    expect(kommunFromPath('/k/hem')).toBeNull();
    expect(kommunFromPath('/k/20833/plan')).toBeNull();
    expect(kommunFromPath('/indikatorer')).toBeNull();
    expect(kommunFromPath(null)).toBeNull();
    expect(isKommunCode('2083')).toBe(true);
    expect(isKommunCode('208')).toBe(false);
    expect(isKommunCode('hem')).toBe(false);
  });
});
