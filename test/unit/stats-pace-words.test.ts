import { describe, expect, it } from 'vitest';
import { uncertainPaceText } from '@/lib/stats/sentence';

const NBSP = '\u00a0';

describe('the words for a pace that is not shown', () => {
  it('a slope whose interval spans zero: too uncertain, with the slope and its interval', () => {
    expect(uncertainPaceText({ perYear: -0.8, low: -2.1, high: 0.5, points: 6 }, 'percent', 1)).toBe(
      `För osäkert för att bedöma takten: lutningen över 6 mätningar är −0,8 procentenheter per år (95${NBSP}% KI −2,1 till 0,5).`,
    );
  });

  it('a slope whose interval excludes zero is named as a direction over the whole series', () => {
    const up = uncertainPaceText({ perYear: 62, low: 32, high: 91.9, points: 8 }, 'per_100k', 0);
    expect(up).toMatch(/^För osäkert för att bedöma takten från baslinjen, men lutningen över alla 8 mätningar är 62,0 /);
    expect(up).toMatch(/\(95\u00a0% KI 32,0 till 91,9\): en ökning över hela serien\.$/);
    expect(uncertainPaceText({ perYear: -1.5, low: -2.5, high: -0.5, points: 9 }, 'percent', 0)).toContain('en minskning över hela serien');
  });

  it('without a slope, only the qualifier', () => {
    expect(uncertainPaceText(null, 'percent', 1)).toBe('För osäkert för att bedöma takten.');
  });
});
