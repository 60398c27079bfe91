import { describe, expect, it } from 'vitest';
import { lanOf, managedKommuner, mayIn, mayInAnyKommun, mayManage, parseMembershipRole, roleIn, type RoleHolder } from '@/lib/auth/roles';

const HEDEMORA = '2083';
const AVESTA = '2084';
const MALUNG = '2023';
const GAVLE = '2180'; // Gävleborg, län 21

const user = (role: string, memberships: RoleHolder['memberships'] = []): RoleHolder => ({ role, memberships });

describe('roleIn: what a user may do in one kommun', () => {
  it.each([
    ['nobody signed in', null, HEDEMORA, null],
    ['the installation administrator, anywhere', user('admin'), GAVLE, 'admin'],
    ['a Hedemora samordnare in Hedemora', user('reader', [{ regionCode: HEDEMORA, role: 'coordinator' }]), HEDEMORA, 'coordinator'],
    ['a Hedemora samordnare in Avesta', user('reader', [{ regionCode: HEDEMORA, role: 'coordinator' }]), AVESTA, 'reader'],
    ['a Hedemora kommun administrator in Hedemora', user('reader', [{ regionCode: HEDEMORA, role: 'admin' }]), HEDEMORA, 'admin'],
    ['a Hedemora kommun administrator in Avesta', user('reader', [{ regionCode: HEDEMORA, role: 'admin' }]), AVESTA, 'reader'],
    [
      'a regionsamordnare for län 20 in a kommun of the län',
      user('reader', [{ regionCode: '20', role: 'regional_coordinator' }]),
      MALUNG,
      'reader',
    ],
    ['a regionsamordnare for län 20 in another län', user('reader', [{ regionCode: '20', role: 'regional_coordinator' }]), GAVLE, 'reader'],
    ['a läsare without memberships', user('reader'), HEDEMORA, 'reader'],
    ['a stale installation role "coordinator" (before the migration): only a läsare', user('coordinator'), HEDEMORA, 'reader'],
    [
      'two kommuner, each its own role',
      user('reader', [
        { regionCode: HEDEMORA, role: 'reader' },
        { regionCode: AVESTA, role: 'coordinator' },
      ]),
      AVESTA,
      'coordinator',
    ],
  ] as const)('%s', (_what, who, kommun, expected) => {
    expect(roleIn(who, kommun)).toBe(expected);
  });

  it('a län membership code never counts as a kommun role, even if a kommunkod begins with it', () => {
    const r = user('reader', [{ regionCode: '20', role: 'regional_coordinator' }]);
    expect(mayIn(r, 'coordinator', HEDEMORA)).toBe(false);
    expect(mayIn(r, 'reader', HEDEMORA)).toBe(true);
    expect(lanOf(HEDEMORA)).toBe('20');
  });
});

describe('shared writes and management', () => {
  it('imports (shared public statistics) need a samordnare of some kommun, or the administrator', () => {
    expect(mayInAnyKommun(user('reader', [{ regionCode: AVESTA, role: 'coordinator' }]), 'coordinator')).toBe(true);
    expect(mayInAnyKommun(user('reader', [{ regionCode: AVESTA, role: 'admin' }]), 'coordinator')).toBe(true);
    expect(mayInAnyKommun(user('admin'), 'coordinator')).toBe(true);
    expect(mayInAnyKommun(user('reader', [{ regionCode: '20', role: 'regional_coordinator' }]), 'coordinator')).toBe(false);
    expect(mayInAnyKommun(user('reader', [{ regionCode: AVESTA, role: 'reader' }]), 'coordinator')).toBe(false);
    expect(mayInAnyKommun(user('reader'), 'reader')).toBe(true);
    expect(mayInAnyKommun(null, 'reader')).toBe(false);
  });

  it('the installation administrator manages every region; a kommun administrator only that kommun', () => {
    const kommunAdmin = user('reader', [
      { regionCode: HEDEMORA, role: 'admin' },
      { regionCode: AVESTA, role: 'coordinator' },
    ]);
    expect(managedKommuner(user('admin'))).toBeNull();
    expect(managedKommuner(kommunAdmin)).toEqual([HEDEMORA]);
    expect(mayManage(kommunAdmin, HEDEMORA)).toBe(true);
    expect(mayManage(kommunAdmin, AVESTA)).toBe(false);
    expect(mayManage(kommunAdmin, '20')).toBe(false);
    expect(mayManage(user('admin'), '20')).toBe(true);
    expect(mayManage(null, HEDEMORA)).toBe(false);
  });

  it('reads the regionsamordnare role as typed', () => {
    expect(parseMembershipRole('Regionsamordnare')).toBe('regional_coordinator');
    expect(parseMembershipRole('samordnare')).toBe('coordinator');
    expect(parseMembershipRole('chef')).toBeNull();
  });
});
