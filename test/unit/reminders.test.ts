import { describe, expect, it } from 'vitest';
import type { Overview } from '@/lib/data/overview-query';
import type { ActionStatus, ActionView } from '@/lib/data/followup/measures';
import { lagesbildYear, reminders, type Reminder } from '@/lib/followup/reminders';
import { revisionStatus } from '@/lib/plan/status';

/** Just the parts reminders() reads: the plan's dates and each indicator's staleness. */
function overview(opts: {
  reviseBy?: string;
  basedOnLagesbild?: string;
  today: Date;
  goals?: { code: string; indicators: { id: string; name: string; stale: boolean }[] }[];
}): Overview {
  const reviseBy = opts.reviseBy ?? '2026-07';
  return {
    plan: { reviseBy, basedOnLagesbild: opts.basedOnLagesbild ?? '2024', revision: revisionStatus(reviseBy, opts.today) },
    regions: [],
    hasExample: false,
    areas: [
      {
        code: 'T',
        title: 'Trygghet',
        lagesbildSummary: '',
        goals: (opts.goals ?? []).map((g) => ({
          code: g.code,
          text: g.code,
          rollup: [],
          indicators: g.indicators.map((i) => ({
            id: i.id,
            name: i.name,
            assessment: { stale: { stale: i.stale, expectedNext: null, text: '' } },
          })),
        })),
      },
    ],
  } as unknown as Overview;
}

function action(code: string, status: ActionStatus, reportYears: number[]): ActionView {
  return {
    action: { code, status },
    areaCode: 'T',
    areaTitle: 'Trygghet',
    responsible: [],
    goals: [],
    indicatorIds: [],
    reports: reportYears.map((year) => ({ year })),
  } as unknown as ActionView;
}

const kinds = (list: Reminder[]) => list.map((r) => r.kind);
const one = (list: Reminder[], kind: Reminder['kind']) => {
  const found = list.filter((r) => r.kind === kind);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('lagesbildYear', () => {
  it.each([
    ['2022/2023', 2023],
    ['2024', 2024],
    ['2021–2022', 2022],
    ['Lägesbild 2023 (reviderad 2024)', 2024],
    ['ingen', null],
    ['', null],
  ])('%s → %s', (text, year) => {
    expect(lagesbildYear(text)).toBe(year);
  });
});

describe('reminders', () => {
  it('says nothing when the plan is current, the lägesbild one year old, every report in and no data stale', () => {
    const today = new Date('2025-03-01T12:00:00Z');
    const ov = overview({
      today,
      reviseBy: '2026-07',
      basedOnLagesbild: '2024',
      goals: [{ code: 'T-M1', indicators: [{ id: 'a', name: 'A', stale: false }] }],
    });
    expect(reminders(ov, [action('T-A1', 'ongoing', [2024, 2025])], today)).toEqual([]);
  });

  it('reminds of an overdue revision with the month and how long ago', () => {
    const today = new Date('2026-11-25T12:00:00Z');
    const r = one(reminders(overview({ today, reviseBy: '2026-07', basedOnLagesbild: '2026' }), [], today), 'revision');
    expect(r.href).toBeNull();
    expect(r.text).toContain('2026-07');
    expect(r.text).toContain('4 månader sedan');
    const single = new Date('2026-08-15T12:00:00Z');
    expect(one(reminders(overview({ today: single, basedOnLagesbild: '2026' }), [], single), 'revision').text).toContain('1 månad sedan');
    // The last day of the month still counts as in time.
    const lastDay = new Date('2026-07-31T20:00:00Z');
    expect(kinds(reminders(overview({ today: lastDay, basedOnLagesbild: '2026' }), [], lastDay))).not.toContain('revision');
  });

  it('reminds of a lägesbild two or more years old, not one year old', () => {
    const basedOn = '2022/2023';
    const at = (iso: string) => {
      const today = new Date(iso);
      return reminders(overview({ today, reviseBy: '2030-12', basedOnLagesbild: basedOn }), [], today);
    };
    expect(kinds(at('2024-12-31T12:00:00Z'))).not.toContain('lagesbild');
    const two = one(at('2025-01-01T12:00:00Z'), 'lagesbild');
    expect(two.href).toBe('/lagesbild');
    expect(two.text).toContain(basedOn);
    expect(two.text).toContain('2 år gammal');
    expect(one(at('2026-06-01T12:00:00Z'), 'lagesbild').text).toContain('3 år gammal');
    // No year in the text: nothing to measure, no reminder.
    const today = new Date('2030-01-01T12:00:00Z');
    expect(kinds(reminders(overview({ today, reviseBy: '2030-12', basedOnLagesbild: 'saknas' }), [], today))).not.toContain('lagesbild');
  });

  it("lists the actions without this year's delrapport, leaving out avbrutna", () => {
    const today = new Date('2026-11-25T12:00:00Z');
    const actions = [
      action('N-A1', 'ongoing', [2025, 2026]),
      action('N-A2', 'ongoing', [2025]),
      action('N-A3', 'not_started', []),
      action('N-A4', 'cancelled', []),
      action('N-A5', 'completed', [2026]),
    ];
    const r = one(reminders(overview({ today, reviseBy: '2030-12', basedOnLagesbild: '2026' }), actions, today), 'delrapport');
    expect(r.href).toBe('/atgarder');
    expect(r.text).toMatch(/^2 av \d+ åtgärder saknar delrapport för 2026 \(N-A2, N-A3\)\.$/);
    expect(r.text).not.toContain('N-A4');
    // Only avbrutna missing: no reminder.
    const onlyCancelled = [action('N-A1', 'ongoing', [2026]), action('N-A4', 'cancelled', [])];
    expect(kinds(reminders(overview({ today, reviseBy: '2030-12', basedOnLagesbild: '2026' }), onlyCancelled, today))).not.toContain(
      'delrapport',
    );
  });

  it('shortens a long list of missing delrapporter to four codes', () => {
    const today = new Date('2026-11-25T12:00:00Z');
    const actions = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'].map((c) => action(`T-${c}`, 'not_started', [2025]));
    const r = one(reminders(overview({ today, reviseBy: '2030-12', basedOnLagesbild: '2026' }), actions, today), 'delrapport');
    expect(r.text).toContain('6 av 6 åtgärder');
    expect(r.text).toContain('(T-A1, T-A2, T-A3, T-A4 …)');
    expect(r.text).not.toContain('T-A5');
  });

  it('counts a stale indicator once even when two goals use it', () => {
    const today = new Date('2026-11-25T12:00:00Z');
    const ov = overview({
      today,
      reviseBy: '2030-12',
      basedOnLagesbild: '2026',
      goals: [
        {
          code: 'T-M1',
          indicators: [
            { id: 'ntu_otrygg_kvall', name: 'Otrygghet sen kväll', stale: true },
            { id: 'fresh', name: 'Färsk', stale: false },
          ],
        },
        {
          code: 'T-M2',
          indicators: [
            { id: 'ntu_otrygg_kvall', name: 'Otrygghet sen kväll', stale: true },
            { id: 'lupp_hotad', name: 'Hotade unga', stale: true },
          ],
        },
      ],
    });
    const r = one(reminders(ov, [], today), 'stale');
    expect(r.href).toBe('/indikatorer');
    expect(r.text).toMatch(/^2 mått har inaktuella data: /);
    expect(r.text.split('Otrygghet sen kväll')).toHaveLength(2);
    expect(r.text).toContain('Hotade unga');
    expect(r.text).not.toContain('Färsk');
  });

  it('gives every reminder at once, in a fixed order', () => {
    const today = new Date('2026-11-25T12:00:00Z');
    const ov = overview({
      today,
      reviseBy: '2026-07',
      basedOnLagesbild: '2022/2023',
      goals: [{ code: 'T-M1', indicators: [{ id: 'x', name: 'X', stale: true }] }],
    });
    expect(kinds(reminders(ov, [action('T-A1', 'ongoing', [])], today))).toEqual(['revision', 'lagesbild', 'delrapport', 'stale']);
  });
});
