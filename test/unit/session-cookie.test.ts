import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEV_SECRET, hasSignedSessionCookie, sessionSecret } from '@/lib/auth/cookie';

const SECRET = 'en-hemlig-nyckel-med-minst-32-tecken-ja';
const signed = (token: string, secret = SECRET) =>
  encodeURIComponent(`${token}.${createHmac('sha256', secret).update(token).digest('base64')}`);

describe('hasSignedSessionCookie (#12.1: the proxy refuses forged cookies without a lookup)', () => {
  it('accepts a cookie signed with the secret, under either name, among other cookies', async () => {
    expect(await hasSignedSessionCookie(`tl.session_token=${signed('abc123')}`, SECRET)).toBe(true);
    expect(await hasSignedSessionCookie(`a=1; __Secure-tl.session_token=${signed('abc123')}; b=2`, SECRET)).toBe(true);
  });

  it.each([
    ['no cookie', null],
    ['another cookie', 'tl.other=abc'],
    ['no signature', 'tl.session_token=abc123'],
    ['a forged signature of the right shape', `tl.session_token=${'f'.repeat(32)}.${'A'.repeat(43)}=`],
    ['signed with another secret', `tl.session_token=${signed('abc123', 'en-annan-nyckel-med-minst-32-tecken-nej')}`],
    ['another token under a real signature', `tl.session_token=${signed('abc123').replace('abc123', 'abc124')}`],
    ['broken percent-encoding', 'tl.session_token=%E0%A4%A.xyz'],
    ['a look-alike name', `xtl.session_token=${signed('abc123')}`],
  ])('refuses %s', async (_, header) => {
    expect(await hasSignedSessionCookie(header, SECRET)).toBe(false);
  });

  it('uses the development key only when no secret is set', () => {
    expect(sessionSecret(undefined)).toBe(DEV_SECRET);
    expect(sessionSecret('  ')).toBe(DEV_SECRET);
    expect(sessionSecret(SECRET)).toBe(SECRET);
  });
});
