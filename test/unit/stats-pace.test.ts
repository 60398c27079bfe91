import { describe, expect, it } from 'vitest';
import { naturalLimitFactor, pace, paceThresholds, scoreLabel, scoreMethod1, scoreMethod2 } from '@/lib/stats/pace';
import { expectShown } from '../helpers/stats';

describe('§6 pace vectors', () => {
  it('P1 (↓, target): 38 (2023) → 34 (2025), target 25 in 2027: CAGR_obs −5.41 %, CAGR_req −9.94 %, R = 0.544 → limited; score −0.23', () => {
    const p = pace({ direction: 'down', y0: 38, t0: 2023, yt: 34, t: 2025, target: { value: 25, year: 2027 } });
    expect(p.method).toBe(2);
    expectShown(p.cagrObs! * 100, '-5.41');
    expectShown(p.cagrReq! * 100, '-9.94');
    expectShown(p.value, '0.544');
    expect(p.label).toBe('Låg takt');
    expectShown(p.score, '-0.23');
  });

  it('P2 (same data, no target): v = +5.41 % ≥ 1.5 % → substantial', () => {
    const p = pace({ direction: 'down', y0: 38, t0: 2023, yt: 34, t: 2025 });
    expect(p.method).toBe(1);
    expectShown(p.value * 100, '5.41');
    expect(p.label).toBe('God takt');
  });

  it('P3 (↑): 60 % (2024) → 75 % (2025), target 100 % in 2026: CAGR_obs 25.0 %, CAGR_req 29.1 %, R = 0.859 → moderate; score 1.85', () => {
    const p = pace({ direction: 'up', y0: 60, t0: 2024, yt: 75, t: 2025, target: { value: 100, year: 2026 } });
    expectShown(p.cagrObs! * 100, '25.0');
    expectShown(p.cagrReq! * 100, '29.1');
    expectShown(p.value, '0.859');
    expect(p.label).toBe('Framsteg men för låg takt');
    expectShown(p.score, '1.85');
  });

  it('P4 (↓): 38 (2023) → 41 (2025), target 25 in 2027: R = −0.390 → deterioration', () => {
    const p = pace({ direction: 'down', y0: 38, t0: 2023, yt: 41, t: 2025, target: { value: 25, year: 2027 } });
    expectShown(p.value, '-0.390');
    expect(p.label).toBe('Går åt fel håll');
  });

  it.each([
    [60, '0.8965', '1.345', '0.448'],
    [90, '0.3736', '0.560', '0.187'],
  ])('P5 (↑, limit 100 %): y₀ = %d → C = %s, thresholds %s %% and %s %% per year', (y0, c, high, medium) => {
    const t = paceThresholds(y0, 100);
    expectShown(t.c, c);
    expectShown(t.high * 100, high);
    expectShown(t.medium * 100, medium);
  });
});

describe('natural-limit factor C', () => {
  it.each([
    [250, 100, 1],
    [200, 100, 1],
    [0, 100, 1],
    [100, 100, 0],
    [150, 100, 1 - 0.5 ** 4.44],
    [38, 0, 1], // ↓ with limit 0
    [38, null, 1],
  ])('y₀ = %d, limit %s → C = %d', (y0, limit, c) => {
    expect(naturalLimitFactor(y0, limit)).toBeCloseTo(c, 12);
  });

  it('C = 0 and v ≥ 0 → substantial', () => {
    const p = pace({ direction: 'up', y0: 100, t0: 2023, yt: 100, t: 2024, limit: 100 });
    expect(p.label).toBe('God takt');
    expect(p.score).toBe(5);
  });
});

describe('method 1 bands and scores', () => {
  it.each([
    [100, 102, 'God takt'],
    [100, 101, 'Framsteg men för låg takt'],
    [100, 100.2, 'Låg takt'],
    [100, 99, 'Går åt fel håll'],
  ])('↑ %d → %d in one year: %s', (y0, yt, label) => {
    expect(pace({ direction: 'up', y0, t0: 2023, yt, t: 2024 }).label).toBe(label);
  });

  it('scores', () => {
    expect(scoreMethod1(-0.01, 1)).toBeCloseTo(-3.75, 12);
    expect(scoreMethod1(-1, 1)).toBe(-5);
    expect(scoreMethod1(0.02, 1)).toBe(5);
    expect(scoreMethod1(0.01, 1)).toBeCloseTo(1.25, 12);
    expect(scoreMethod1(0.002, 1)).toBeCloseTo(-1.5, 12);
    expect(scoreMethod2(2)).toBe(5);
    expect(scoreMethod2(-5)).toBe(-5);
    expect([3, 1, -1, -3].map(scoreLabel)).toEqual(['God takt', 'Framsteg men för låg takt', 'Låg takt', 'Går åt fel håll']);
  });

  it('achieved with a target → score 5', () => {
    const p = pace({ direction: 'down', y0: 38, t0: 2023, yt: 24, t: 2025, target: { value: 25, year: 2027 } });
    expect(p).toMatchObject({ achieved: true, score: 5, method: 2 });
  });
});

describe('guards', () => {
  it.each([
    ['less than one year', { direction: 'down' as const, y0: 38, t0: 2024, yt: 34, t: 2024 }],
    ['latest before baseline', { direction: 'down' as const, y0: 38, t0: 2025, yt: 34, t: 2024 }],
    ['missing baseline value', { direction: 'down' as const, y0: null, t0: 2023, yt: 34, t: 2024 }],
    ['missing year', { direction: 'down' as const, y0: 38, t0: null, yt: 34, t: 2024 }],
    ['opposite signs', { direction: 'up' as const, y0: -2, t0: 2023, yt: 3, t: 2024 }],
    ['series break', { direction: 'up' as const, y0: 2, t0: 2023, yt: 3, t: 2024, seriesBreak: true }],
    ['process starting at 0', { direction: 'up' as const, type: 'process' as const, y0: 0, t0: 2023, yt: 3, t: 2024 }],
    ['ctx', { direction: 'ctx' as const, y0: 2, t0: 2023, yt: 3, t: 2024 }],
    [
      'target year not after base year',
      { direction: 'down' as const, y0: 38, t0: 2023, yt: 34, t: 2025, target: { value: 25, year: 2023 } },
    ],
  ])('%s → "Kan inte beräknas", no NaN', (_n, input) => {
    const p = pace(input);
    expect(p.label).toBe('Kan inte beräknas');
    expect(Number.isFinite(p.value)).toBe(true);
    expect(Number.isFinite(p.score)).toBe(true);
    expect(p.reason).toBeTruthy();
  });

  it('y₀ = 0 → 0.001 (Open SDG) for non-process indicators', () => {
    const p = pace({ direction: 'up', y0: 0, t0: 2023, yt: 5, t: 2024 });
    expect(p.label).toBe('God takt');
    expect(Number.isFinite(p.value)).toBe(true);
  });

  it('y* = 0 → 0.001', () => {
    const p = pace({ direction: 'down', y0: 10, t0: 2023, yt: 8, t: 2024, target: { value: 0, year: 2027 } });
    expect(p.method).toBe(2);
    expect(Number.isFinite(p.value)).toBe(true);
    expect(p.cagrReq!).toBeCloseTo((0.001 / 10) ** (1 / 4) - 1, 12);
  });

  it('negative values: s = −1', () => {
    // ↑ indicator, −10 → −5: improving.
    expect(pace({ direction: 'up', y0: -10, t0: 2023, yt: -5, t: 2024 }).label).toBe('God takt');
  });
});
