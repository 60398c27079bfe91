import { describe, expect, it } from 'vitest';
import { idParam, yearParam } from '@/lib/params';

describe('address parameters (#12.9: out of range is 404, not 500)', () => {
  it('reads years and ids in range', () => {
    expect(yearParam('2026')).toBe(2026);
    expect(idParam('2147483647')).toBe(2147483647);
  });
  it.each(['99999999999999999999', '2147483648', '0', '-1', '1e3', '12.0', ' 12', '', '0x10'])('refuses id %j', (raw) =>
    expect(idParam(raw)).toBeNull(),
  );
  it.each(['10000', '99999999999999999999', '0', '2026.5'])('refuses year %j', (raw) => expect(yearParam(raw)).toBeNull());
});
