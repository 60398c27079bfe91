import { describe, expect, it } from 'vitest';
import { staleness } from '@/lib/stats/staleness';

describe('staleness', () => {
  it.each([
    ['2023-12-31', 12, '2024-06-15', false, '2024-12', 'Senaste data avser 2023; ny data väntas 2024-12.'],
    ['2023-12-31', 12, '2024-12-31', false, '2024-12', 'Senaste data avser 2023; ny data väntas 2024-12.'],
    [
      '2023-12-31',
      12,
      '2025-01-02',
      true,
      '2024-12',
      'Senaste data avser 2023. Data är äldre än källans utgivningstakt (12 månader). Ny data väntades 2024-12.',
    ],
    ['2024-10-31', 12, '2025-03-01', false, '2025-10', 'Senaste data avser 2024; ny data väntas 2025-10.'],
    [
      '2021-12-31',
      36,
      '2025-03-01',
      true,
      '2024-12',
      'Senaste data avser 2021. Data är äldre än källans utgivningstakt (36 månader). Ny data väntades 2024-12.',
    ],
    ['2024-04-16', 1, '2024-05-20', false, '2024-05', 'Senaste data avser 2024; ny data väntas 2024-05.'],
  ] as const)('%s + %d months, today %s', (end, cadence, today, stale, next, text) => {
    const s = staleness(end, cadence, new Date(`${today}T12:00:00Z`));
    expect(s).toEqual({ stale, expectedNext: next, text });
  });

  it('contains the rulebook wording when stale', () => {
    expect(staleness('2023-12-31', 12, new Date('2026-01-01T00:00:00Z')).text).toContain(
      'Data är äldre än källans utgivningstakt (12 månader).',
    );
  });

  it('no cadence → never stale', () => {
    expect(staleness('2023-12-31', null, new Date('2030-01-01'))).toEqual({
      stale: false,
      expectedNext: null,
      text: 'Senaste data avser 2023; källan har ingen fast utgivningstakt.',
    });
  });

  it.each([
    [null, 12],
    ['', 12],
    ['not a date', 12],
    ['2023-13-01', 12],
  ])('bad latest end %j', (end, cadence) => {
    expect(staleness(end, cadence, new Date('2025-01-01'))).toEqual({ stale: false, expectedNext: null, text: 'Data saknas.' });
  });

  it('an invalid today is not stale', () => {
    const s = staleness('2023-12-31', 12, new Date('nope'));
    expect(s.stale).toBe(false);
    expect(s.expectedNext).toBe('2024-12');
  });
});
