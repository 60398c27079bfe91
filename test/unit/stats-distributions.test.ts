import { describe, expect, it } from 'vitest';
import {
  betaInc,
  binomialPmf,
  binomialTwoSidedP,
  CHI2_95,
  CHI2_998,
  chiSquareCdf,
  chiSquareQuantile,
  chiSquareSf,
  gammaP,
  gammaQ,
  gammaQuantile,
  logGamma,
  normalCdf,
  normalQuantile,
  studentTCdf,
  studentTTwoSidedP,
  twoSidedPFromZ,
  Z95,
  Z998,
  zFromTwoSidedP,
} from '@/lib/stats/distributions';

// Reference values from standard tables / closed forms (not from this code).
describe('normal distribution', () => {
  it.each([
    [0, 0.5],
    [1.96, 0.9750021048517795],
    [-1, 0.15865525393145707],
    [3, 0.9986501019683699],
    [-8, 6.22096057427178e-16],
  ])('Φ(%d) = %d', (x, p) => {
    expect(normalCdf(x)).toBeCloseTo(p, 14);
    expect(Math.abs(normalCdf(x) - p) / p).toBeLessThan(1e-10);
  });

  it.each([
    [0.975, 1.959963984540054],
    [0.999, 3.090232306167813],
    [0.995, 2.5758293035489004],
    [0.05, -1.6448536269514729],
    [0.5, 0],
    [1e-10, -6.361340902404056],
  ])('Φ⁻¹(%d) = %d', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 10);
  });

  it('matches the rulebook constants', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(Z95, 6);
    expect(normalQuantile(0.999)).toBeCloseTo(Z998, 6);
  });

  it('is total at the edges', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(zFromTwoSidedP(0)).toBeGreaterThan(30);
    expect(Number.isFinite(zFromTwoSidedP(0))).toBe(true);
    expect(zFromTwoSidedP(1)).toBe(0);
    expect(zFromTwoSidedP(1.2)).toBe(0);
  });

  it('z_eq = Φ⁻¹(1 − p/2) round-trips with the two-sided p', () => {
    for (const z of [0.5, 1, 1.96, 2.5, 4, 8]) expect(zFromTwoSidedP(twoSidedPFromZ(z))).toBeCloseTo(z, 8);
    expect(zFromTwoSidedP(0.05)).toBeCloseTo(1.959964, 6);
  });
});

describe('gamma and chi-square', () => {
  it.each([
    [0.5, 0.5723649429247001],
    [1, 0],
    [10, 12.801827480081469],
    [100, 359.1342053695754], // ln(99!)
  ])('ln Γ(%d)', (x, v) => {
    expect(logGamma(x)).toBeCloseTo(v, 10);
  });

  it('regularized incomplete gamma against closed forms', () => {
    expect(gammaP(1, 2)).toBeCloseTo(1 - Math.exp(-2), 14);
    expect(gammaP(3, 2)).toBeCloseTo(1 - 5 * Math.exp(-2), 14);
    expect(gammaQ(3, 20)).toBeCloseTo(Math.exp(-20) * (1 + 20 + 200), 18);
    expect(gammaP(2.5, 0)).toBe(0);
  });

  it.each([
    [0.95, 1, 3.841458820694124],
    [0.998, 1, 3.090232306167813 ** 2], // χ²₁ = z²
    [0.975, 2, 7.377758908227871],
    [0.025, 2, 0.05063561596857975],
    [0.95, 10, 18.307038053275146],
  ])('χ² quantile p = %d, df = %d', (p, k, q) => {
    expect(chiSquareQuantile(p, k)).toBeCloseTo(q, 8);
    expect(chiSquareCdf(q, k)).toBeCloseTo(p, 10);
  });

  it('critical values of §0', () => {
    expect(chiSquareQuantile(0.95, 1)).toBeCloseTo(CHI2_95, 5);
    expect(chiSquareQuantile(0.998, 1)).toBeCloseTo(CHI2_998, 5);
    expect(chiSquareSf(CHI2_95, 1)).toBeCloseTo(0.05, 7);
  });

  it('gamma quantile edges', () => {
    expect(gammaQuantile(0, 3)).toBe(0);
    expect(gammaQuantile(0.5, 0)).toBeNaN();
  });
});

describe('incomplete beta and Student t', () => {
  it('I_x(a, b) against binomial identities', () => {
    expect(betaInc(0.5, 2, 3)).toBeCloseTo(11 / 16, 14);
    expect(betaInc(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(betaInc(0.2, 1, 4)).toBeCloseTo(1 - 0.8 ** 4, 14);
  });

  it.each([
    [2.228138851986, 10, 0.975],
    [12.706204736174707, 1, 0.975],
    [2.570581835636314, 5, 0.975],
    [1.6448536269514729, 1e7, 0.95],
  ])('T_df(%d; %d) = %d', (t, df, p) => {
    expect(studentTCdf(t, df)).toBeCloseTo(p, 6);
    expect(studentTCdf(-t, df)).toBeCloseTo(1 - p, 6);
    expect(studentTTwoSidedP(t, df)).toBeCloseTo(2 * (1 - p), 6);
  });

  it('t with one degree of freedom is Cauchy', () => {
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 12);
    expect(studentTCdf(0, 3.7)).toBeCloseTo(0.5, 12);
  });
});

describe('binomial', () => {
  it('pmf and the two-sided exact p-value', () => {
    expect(binomialPmf(0, 9, 0.5)).toBeCloseTo(1 / 512, 14);
    // Bin(21, 0.5): P(X ≤ 6) = 82160 / 2^21; symmetric two-sided p doubles it.
    expect(binomialTwoSidedP(15, 21, 0.5)).toBeCloseTo((2 * 82160) / 2 ** 21, 12);
    expect(binomialTwoSidedP(9, 9, 0.5)).toBeCloseTo(2 / 512, 12);
    expect(binomialTwoSidedP(0, 0, 0.5)).toBe(1);
  });
});
