import { describe, expect, it } from 'vitest';
import type { SeriesRow } from '@/lib/charts/series';
import { fitColumnWidths, wordsOf } from '@/lib/reports/column-widths';
import { summarizeGoal, type SummarizableIndicator } from '@/lib/reports/goal-summary';
import { summaryCells } from '@/lib/reports/report-text';
import type { VerdictLabel } from '@/lib/stats/types';

/** A chart row: period, its start date, and values per region key (an `x` suffix marks an example value). */
function row(period: string, start: string, values: Partial<Record<'kommun' | 'lan' | 'riket', number | `${number}x`>>): SeriesRow {
  const out: SeriesRow = { period, start, kommun: null, lan: null, riket: null };
  for (const [key, v] of Object.entries(values)) {
    if (typeof v === 'string') {
      out[key] = Number(v.slice(0, -1));
      out[`${key}__example`] = 1;
    } else out[key] = v;
  }
  return out;
}

function ind(id: string, label: VerdictLabel | null, series: SeriesRow[], o: Partial<SummarizableIndicator> = {}): SummarizableIndicator {
  return {
    id,
    hasExample: series.some((r) => Object.keys(r).some((k) => k.endsWith('__example'))),
    series,
    assessment: { verdict: { label, target: null } },
    ...o,
  };
}

describe('summarizeGoal', () => {
  it('rolls the verdicts up into better, worse, unchanged (weak signs included) and no data', () => {
    const s = summarizeGoal(
      {
        code: 'T-M1',
        text: 'Öka tryggheten',
        indicators: [
          ind('a', 'Säkerställd förbättring', [row('2024', '2024-01-01', { kommun: 10 })]),
          ind('b', 'Säkerställd försämring', [row('2024', '2024-01-01', { kommun: 10 })]),
          ind('c', 'Oförändrat', [row('2024', '2024-01-01', { kommun: 10 })]),
          ind('d', 'Tecken på förbättring (ej säkerställd)', [row('2024', '2024-01-01', { kommun: 10 })]),
          ind('e', 'Tecken på försämring (ej säkerställd)', [row('2024', '2024-01-01', { kommun: 10 })]),
          ind('f', 'Underlag saknas', []),
          ind('g', 'Säkerställd förbättring', [row('2024', '2024-01-01', { kommun: 10 })]),
        ],
      },
      'På väg',
    );
    expect(s.verdicts).toEqual({ better: 2, worse: 1, unchanged: 3, noData: 1 });
    expect(s.context).toBe(0);
    expect(s.assessment).toBe('På väg');
    expect(s).toMatchObject({ code: 'T-M1', text: 'Öka tryggheten' });
  });

  it('counts context measures and reference series apart from the verdicts, and a met target beside them', () => {
    const s = summarizeGoal({
      code: 'N-M2',
      text: 'Mindre narkotika i avloppet',
      indicators: [
        ind('ctx', null, [row('2024', '2024-01-01', { kommun: 3 })]),
        // EUDA's SCORE sites: its own verdict would say "Underlag saknas", but it is a reference, not a gap.
        ind('euda_ref_x', 'Underlag saknas', [], { siteReference: { indicatorId: 'euda_ref_x' } }),
        // A kommun indicator with the sites beside it as context keeps its own verdict.
        ind('avlopp_x', 'Oförändrat', [row('2024', '2024-01-01', { kommun: 3 })], { siteReference: { indicatorId: 'euda_ref_x' } }),
        ind('t', 'Säkerställd försämring', [row('2024', '2024-01-01', { kommun: 3 })], {
          assessment: { verdict: { label: 'Säkerställd försämring', target: { met: true } } },
        }),
      ],
    });
    expect(s.verdicts).toEqual({ better: 0, worse: 1, unchanged: 1, noData: 0 });
    expect(s.context).toBe(2);
    expect(s.targetMet).toBe(1);
    // The reference series rests on real measurements even without a kommun value.
    expect(s.real).toBe(4);
    expect(s.empty).toBe(0);
    expect(s.assessment).toBeNull();
  });

  it('counts indicators on real and example data, and those without any value', () => {
    const s = summarizeGoal({
      code: 'V-M1',
      text: 'Minska våldet',
      indicators: [
        ind('real', 'Oförändrat', [row('2023', '2023-01-01', { kommun: 1, lan: 2 }), row('2024', '2024-01-01', { riket: 3 })]),
        ind('mixed', 'Oförändrat', [row('2023', '2023-01-01', { kommun: 1 }), row('2025', '2025-01-01', { kommun: '2x' })]),
        ind('example', 'Oförändrat', [row('2026-10-13', '2026-10-13', { kommun: '5x' })]),
        ind('none', 'Underlag saknas', []),
      ],
    });
    expect([s.real, s.example, s.empty]).toEqual([1, 2, 1]);
    // The newest real value is 2024 (riket); the example values go on to 2026-10-13.
    expect(s.latestPeriod).toBe('2024');
    expect(s.latestExamplePeriod).toBe('2026-10-13');
  });

  it('orders periods by their start, not by their text', () => {
    const s = summarizeGoal({
      code: 'X',
      text: 'x',
      indicators: [
        ind('a', 'Oförändrat', [
          row('2021–2022', '2021-01-01', { kommun: 1 }),
          row('2019–2020', '2019-01-01', { kommun: 1 }),
          row('2024-03', '2024-03-01', { lan: 1 }),
        ]),
      ],
    });
    expect(s.latestPeriod).toBe('2024-03');
    expect(s.latestExamplePeriod).toBeNull();
  });

  it('names no example period when real data is as new', () => {
    const s = summarizeGoal({
      code: 'X',
      text: 'x',
      indicators: [ind('a', 'Oförändrat', [row('2025', '2025-01-01', { kommun: 1, lan: '2x' })])],
    });
    expect(s.latestPeriod).toBe('2025');
    expect(s.latestExamplePeriod).toBeNull();
  });

  it('says so when a goal has no indicators', () => {
    const s = summarizeGoal({ code: 'E', text: 'Tomt', indicators: [] });
    expect(s.verdicts).toEqual({ better: 0, worse: 0, unchanged: 0, noData: 0 });
    expect(s.latestPeriod).toBeNull();
    expect(summaryCells(s)).toEqual(['Tomt (E)', '0', '0', '0', '0', '0 verkliga, 0 exempel', '–', 'Ej registrerad']);
  });

  it('gives the report its cells: goal name with its code beside it, counts, basis, period, assessment', () => {
    const s = summarizeGoal(
      {
        code: 'V-M2',
        text: 'Fler tackar ja till stöd',
        indicators: [
          ind('a', 'Säkerställd förbättring', [row('2024', '2024-01-01', { kommun: 1 })]),
          ind('b', 'Oförändrat', [row('2025', '2025-01-01', { kommun: '1x' })]),
        ],
      },
      'Delvis på väg',
    );
    expect(summaryCells(s)).toEqual([
      'Fler tackar ja till stöd (V-M2)',
      '1',
      '0',
      '1',
      '0',
      '1 verklig, 1 exempel',
      '2024; exempel 2025',
      'Delvis på väg',
    ]);
  });
});

describe('fitColumnWidths', () => {
  it('keeps the shares when every column is wide enough', () => {
    expect(fitColumnWidths([1, 1, 2], [10, 10, 10], 400)).toEqual([100, 100, 200]);
  });

  it('widens a column to its longest word, taking the room from the others in proportion to their spare room', () => {
    const w = fitColumnWidths([50, 25, 25], [10, 40, 10], 100)!;
    expect(w[1]).toBeCloseTo(40);
    // 15 points were needed: the first column had 40 spare, the third 15.
    expect(w[0]).toBeCloseTo(50 - (15 * 40) / 55);
    expect(w[2]).toBeCloseTo(25 - (15 * 15) / 55);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(100);
    w.forEach((x, i) => expect(x).toBeGreaterThanOrEqual([10, 40, 10][i]! - 1e-9));
  });

  it('settles when shrinking one column pushes another below its minimum', () => {
    const mins = [30, 30, 5, 5];
    const w = fitColumnWidths([10, 10, 40, 40], mins, 100)!;
    w.forEach((x, i) => expect(x).toBeGreaterThanOrEqual(mins[i]! - 1e-9));
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(100);
  });

  it('gives up (null) when the longest words cannot stand side by side', () => {
    expect(fitColumnWidths([1, 1], [60, 60], 100)).toBeNull();
  });
});

describe('wordsOf', () => {
  it('splits at ordinary spaces only, keeps no-break spaces and a dash with the word after it', () => {
    expect(wordsOf('Nationella trygghetsundersökningen (NTU)')).toEqual(['Nationella', 'trygghetsundersökningen', '(NTU)']);
    expect(wordsOf('98 / 2\u00a0142 / 65\u00a0338')).toEqual(['98', '/', '2\u00a0142', '/', '65\u00a0338']);
    expect(wordsOf('2022-04-05 – 2026-10-13 (10)')).toEqual(['2022-04-05', '– 2026-10-13', '(10)']);
    expect(wordsOf('  ')).toEqual([]);
  });
});
