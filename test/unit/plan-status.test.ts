import { describe, expect, it } from 'vitest';
import { revisionStatus } from '@/lib/plan/status';

describe('revisionStatus ("Bör revideras senast 2026-07")', () => {
  it.each([
    ['2024-09-17T00:00:00Z', false, 0], // decision day
    ['2026-07-01T00:00:00Z', false, 0],
    ['2026-07-31T00:00:00Z', false, 0],
    ['2026-07-31T23:59:59.999Z', false, 0], // the whole last day still counts
    ['2026-08-01T00:00:00Z', true, 1],
    ['2026-08-31T12:00:00Z', true, 1],
    ['2026-09-01T00:00:00Z', true, 2],
    ['2026-11-25T00:00:00Z', true, 4],
    ['2026-12-31T00:00:00Z', true, 5],
    ['2027-01-15T00:00:00Z', true, 6], // across a year boundary
    ['2027-07-01T00:00:00Z', true, 12],
  ])('on %s: overdue %s, %d months', (today, overdue, months) => {
    const s = revisionStatus('2026-07', new Date(today));
    expect(s.dueDate).toBe('2026-07-31');
    expect(s.overdue).toBe(overdue);
    expect(s.monthsOverdue).toBe(months);
  });

  it.each([
    ['2026-07', '2026-07-31'],
    ['2026-06', '2026-06-30'],
    ['2024-02', '2024-02-29'], // leap year
    ['2025-02', '2025-02-28'],
    ['2026-12', '2026-12-31'],
  ])('due date of %s is the last day of that month: %s', (reviseBy, due) => {
    expect(revisionStatus(reviseBy, new Date('2020-01-01T00:00:00Z')).dueDate).toBe(due);
  });

  it('a December deadline becomes overdue on 1 January, one month', () => {
    expect(revisionStatus('2026-12', new Date('2026-12-31T23:00:00Z'))).toMatchObject({ overdue: false, monthsOverdue: 0 });
    expect(revisionStatus('2026-12', new Date('2027-01-01T00:00:00Z'))).toMatchObject({ overdue: true, monthsOverdue: 1 });
  });
});
