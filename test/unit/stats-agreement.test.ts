import { describe, expect, it } from 'vitest';
import { normalSampler } from '@/lib/stats/rank';
import type { IndicatorKind, StatPoint, Verdict } from '@/lib/stats/types';
import { assessSeries } from '@/lib/stats/verdict';
import { yr } from '../helpers/stats';

/*
 * Words: the badge and the sentence may never disagree. Random series of every indicator type (with real
 * changes, none, ties and values that print alike) are judged, and the label is read against the sentence.
 */
const KINDS: IndicatorKind[] = [
  { type: 'survey', direction: 'down', unitKind: 'percent', source: 'svenskt_naringsliv' },
  { type: 'survey', direction: 'up', unitKind: 'percent', source: 'lupp' },
  { type: 'survey', direction: 'down', unitKind: 'percent', source: 'ntu' },
  { type: 'count', direction: 'down', unitKind: 'per_100k', source: 'bra_anmalda' },
  { type: 'count', direction: 'up', unitKind: 'count', source: 'kommun' },
  { type: 'process', direction: 'up', unitKind: 'percent', source: 'kommun' },
  { type: 'process', direction: 'up', unitKind: 'count', source: 'kommun' },
];

function series(kind: IndicatorKind, u: () => number, z: () => number): StatPoint[] {
  const k = 2 + Math.floor(u() * 6);
  const drift = (u() - 0.5) * (u() < 0.3 ? 0 : 0.2);
  const base = 0.05 + 0.9 * u();
  return Array.from({ length: k }, (_, i) => {
    // Values near 0 and 100 % and ties (the "oförändrad, 100 %" case) come up often.
    const p = Math.min(1, Math.max(0, u() < 0.1 ? 1 : base + drift * i + 0.03 * z()));
    const y = 2018 + i;
    if (kind.type === 'survey') {
      const n = 40 + Math.floor(u() * 900);
      if (kind.source === 'ntu') {
        const m = 1.96 * Math.sqrt((1.5 * p * (1 - p)) / n) * 100;
        return yr(y, { value: Math.round(p * 1000) / 10, ciLow: Math.max(0, p * 100 - m), ciHigh: Math.min(100, p * 100 + m), n });
      }
      return yr(y, { value: Math.round(p * 1000) / 10, n });
    }
    if (kind.type === 'count') {
      const x = Math.max(0, Math.round(20 + 400 * p + 10 * z()));
      return kind.unitKind === 'count' ? yr(y, { value: x }) : yr(y, { value: (x / 15000) * 1e5, numerator: x, denominator: 15000 });
    }
    if (kind.unitKind === 'percent') {
      const d = 20 + Math.floor(u() * 60);
      const r = Math.round(p * d);
      return yr(y, { value: (100 * r) / d, numerator: r, denominator: d });
    }
    return yr(y, { value: Math.round(10 * p) });
  });
}

/** What the sentence says about the change: its level, and the direction its verb or trend word gives. */
function readSentence(v: Verdict) {
  const s = v.sentence;
  const level = /inte statistiskt säkerställd|men inte statistiskt/.test(s)
    ? 'weak'
    : /statistiskt säkerställd|fullständiga uppgifter och är ingen slumpeffekt/.test(s)
      ? 'sure'
      : /Ingen (förändring|trend)/.test(s)
        ? 'none'
        : 'unknown';
  const trendUp = /uppåtgående/.test(s);
  const trendDown = /nedåtgående/.test(s);
  const up = trendUp || (!trendDown && /har ökat|Ökningen/.test(s));
  const down = trendDown || (!trendUp && /har minskat|Minskningen/.test(s));
  return { level, up, down, unchangedWords: /är oförändrad|är oförändrat/.test(s) };
}

describe('the badge and the sentence agree', () => {
  it('on 6 000 random series of every type', () => {
    const z = normalSampler(4711);
    let state = 99;
    const u = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    let judged = 0;
    for (let i = 0; i < 6000; i++) {
      const kind = KINDS[i % KINDS.length]!;
      const pts = series(kind, u, z);
      const v = assessSeries({ kind, points: pts, baselinePeriod: '2018', decidedDate: '2018-12-31', target: null });
      if (v.label === null || v.label === 'Underlag saknas') continue;
      judged++;
      const r = readSentence(v);
      const ctx = `${v.label} | ${v.sentence}`;
      const d = kind.direction === 'up' ? 1 : -1;
      if (v.label.startsWith('Säkerställd')) expect(r.level, ctx).toBe('sure');
      if (v.label.startsWith('Tecken')) expect(r.level, ctx).toBe('weak');
      if (v.label === 'Oförändrat') expect(['none', 'unknown'], ctx).toContain(r.level);
      if (r.unchangedWords) expect(v.label, ctx).toBe('Oförändrat');
      if (v.label.includes('förbättring')) expect(d > 0 ? r.up && !r.down : r.down && !r.up, ctx).toBe(true);
      if (v.label.includes('försämring')) expect(d > 0 ? r.down && !r.up : r.up && !r.down, ctx).toBe(true);
      // A pace is claimed only beside a säkerställd or exact change.
      if (v.pace && v.pace.label !== 'Kan inte beräknas' && v.pace.label !== 'För osäkert för att bedöma takten') {
        expect(v.label.startsWith('Säkerställd') || v.method === 'exact', ctx).toBe(true);
      }
    }
    expect(judged).toBeGreaterThan(3000);
  });
});
