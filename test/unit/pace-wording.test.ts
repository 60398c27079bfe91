import { describe, expect, it } from 'vitest';
import { pace, paceWords } from '@/lib/stats/pace';
import { assessSeries } from '@/lib/stats/verdict';
import type { IndicatorKind, StatPoint } from '@/lib/stats/types';
import { yr } from '../helpers/stats';

const NBSP = '\u00a0';
const PACE_WORDS = /God takt|Framsteg men för låg takt|Låg takt|Går åt fel håll|Snabb förbättring|Måttlig förbättring|Långsam förbättring/;
const PROCESS: IndicatorKind = { type: 'process', direction: 'up', unitKind: 'count' };
const assess = (kind: IndicatorKind, points: StatPoint[], target: { value: number; year: number } | null = null) =>
  assessSeries({ kind, points, baselinePeriod: '2024', decidedDate: '2024-09-17', target });

describe('pace words (statistics.md §6 "Swedish pace labels", §7 rule 7)', () => {
  it('without a target, no band is called "för låg takt": the words name the speed and the rate per year', () => {
    const moderate = pace({ direction: 'up', y0: 100, t0: 2023, yt: 101, t: 2024 });
    expect(moderate.label).toBe('Framsteg men för låg takt'); // the category stays for roll-ups
    expect(moderate.text).toBe(`Måttlig förbättring: 1,0${NBSP}% per år (planen har inget målvärde att mäta takten mot)`);
    expect(pace({ direction: 'up', y0: 100, t0: 2023, yt: 102, t: 2024 }).text).toMatch(/^Snabb förbättring: 2,0\u00a0% per år/);
    expect(pace({ direction: 'up', y0: 100, t0: 2023, yt: 100.2, t: 2024 }).text).toMatch(/^Långsam förbättring: 0,2\u00a0% per år/);
    expect(pace({ direction: 'down', y0: 100, t0: 2023, yt: 103, t: 2024 }).text).toMatch(
      /^Går åt fel håll: 3,0\u00a0% per år åt fel håll/,
    );
    for (const yt of [100.2, 101, 102, 99])
      expect(pace({ direction: 'up', y0: 100, t0: 2023, yt, t: 2024 }).text).not.toMatch(/för låg takt|Låg takt|God takt/);
  });

  it('with a target, the bands are measured against it and say so', () => {
    const p = pace({ direction: 'down', y0: 38, t0: 2023, yt: 34, t: 2025, target: { value: 25, year: 2027 } });
    expect(p.text).toBe('Låg takt mot målvärdet');
    const q = pace({ direction: 'up', y0: 60, t0: 2024, yt: 75, t: 2025, target: { value: 100, year: 2026 } });
    expect(q.text).toBe('Framsteg men för låg takt mot målvärdet');
  });

  it('the qualifiers are unchanged', () => {
    expect(paceWords({ label: 'Kan inte beräknas', method: 1, reason: 'seriebrott' })).toBe('Kan inte beräknas (seriebrott)');
    expect(paceWords({ label: 'För osäkert för att bedöma takten', method: 2 })).toBe('För osäkert för att bedöma takten');
  });

  it('"Oförändrat" never stands beside a pace word: an exact no-change has no pace at all', () => {
    const v = assess(PROCESS, [yr(2024, { value: 4 }), yr(2025, { value: 4 })]);
    expect(v.method).toBe('exact');
    expect(v.label).toBe('Oförändrat');
    expect(v.pace).toBeNull();
    const withTarget = assess(PROCESS, [yr(2024, { value: 4 }), yr(2025, { value: 4 })], { value: 8, year: 2027 });
    expect(withTarget.label).toBe('Oförändrat');
    expect(withTarget.pace).toBeNull();
  });

  it('on many series: whenever the verdict is Oförändrat, the pace (if any) holds no pace word', () => {
    const kinds: IndicatorKind[] = [
      PROCESS,
      { type: 'survey', direction: 'down', unitKind: 'percent', source: 'svenskt_naringsliv' },
      { type: 'count', direction: 'down', unitKind: 'count' },
    ];
    let seen = 0;
    for (const kind of kinds) {
      for (let a = 1; a <= 40; a += 3) {
        for (const b of [a, a + 1, a + 2, Math.max(1, a - 1)]) {
          const pts =
            kind.type === 'survey'
              ? [yr(2024, { value: a, n: 200 }), yr(2025, { value: b, n: 200 })]
              : [yr(2024, { value: a * 10 }), yr(2025, { value: b * 10 })];
          const v = assess(kind, pts);
          if (v.label !== 'Oförändrat') continue;
          seen++;
          expect(v.pace?.text ?? '', `${kind.type} ${a} → ${b}`).not.toMatch(PACE_WORDS);
        }
      }
    }
    expect(seen).toBeGreaterThan(10);
  });
});
