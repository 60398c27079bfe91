import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { quartiles } from '@/lib/data/comparison-quartiles';
import { kommunFeatures, projectionFor, projectKommuner } from '@/lib/maps/project';
import { classify } from '@/lib/maps/significance';
import type { IndicatorKind, StatPoint } from '@/lib/stats/types';

describe('projection of the kommun outlines (d3-geo)', () => {
  const features = kommunFeatures();
  const dalarna = projectKommuner(features, '20', 400);

  it('draws Dalarna as its 15 kommuner, Hedemora among them, each a closed path inside the canvas', () => {
    expect(dalarna.shapes).toHaveLength(15);
    const hedemora = dalarna.shapes.find((s) => s.code === '2083');
    expect(hedemora?.name).toBe('Hedemora');
    for (const s of dalarna.shapes) {
      expect(s.d).toMatch(/^M[\d.]+,[\d.]+L.*Z$/);
      const [[x0, y0], [x1, y1]] = s.bounds;
      expect(x0).toBeGreaterThanOrEqual(-0.5);
      expect(y0).toBeGreaterThanOrEqual(-0.5);
      expect(x1).toBeLessThanOrEqual(dalarna.width + 0.5);
      expect(y1).toBeLessThanOrEqual(dalarna.height + 0.5);
      // A ring wound the wrong way would cover the whole globe, i.e. the whole canvas.
      expect((x1 - x0) * (y1 - y0)).toBeLessThan(dalarna.width * dalarna.height * 0.5);
    }
  });

  it("puts a kommun's own centre point (the file's geo_point_2d) inside its projected bounds", () => {
    const projection = projectionFor(features, '20', 400);
    for (const code of ['2083', '2039', '2080']) {
      const f = features.find((x) => x.properties.id === code)!;
      const [lat, lon] = f.properties.geo_point_2d;
      const [x, y] = projection([lon, lat])!;
      const s = dalarna.shapes.find((z) => z.code === code)!;
      expect(x).toBeGreaterThan(s.bounds[0][0]);
      expect(x).toBeLessThan(s.bounds[1][0]);
      expect(y).toBeGreaterThan(s.bounds[0][1]);
      expect(y).toBeLessThan(s.bounds[1][1]);
    }
  });

  it('keeps north up: Älvdalen (north-west) lies above and left of Avesta (south-east)', () => {
    const c = (code: string) => dalarna.shapes.find((s) => s.code === code)!.centroid;
    expect(c('2039')[1]).toBeLessThan(c('2084')[1]);
    expect(c('2039')[0]).toBeLessThan(c('2084')[0]);
  });

  it('draws all of Sweden as 290 kommuner, taller than wide', () => {
    const se = projectKommuner(features, 'riket', 300);
    expect(se.shapes).toHaveLength(290);
    expect(se.height).toBeGreaterThan(se.width * 1.5);
  });
});

/** Brå's real 2024 values from the shipped file (data-imports/bra), read here without the app's import code. */
function braValues() {
  const text = fs.readFileSync(path.join(process.cwd(), 'data-imports/bra/bra-kommunindikatorer-dalarna.csv'), 'utf8');
  const rows = Papa.parse<Record<string, string>>(text, { header: true, delimiter: ';', skipEmptyLines: true }).data;
  const get = (variable: string, unit: string, geo: string) =>
    Number(rows.find((r) => r.variabel === variable && r.enhet === unit && r.geografi === geo && r.ar === '2024')!.varde);
  return (geo: string) => {
    // Population as Brå's own ratio of the total count to its rate (as the adapter derives it).
    const population = Math.round(
      (get('Totalt antal anmälda brott', 'Antal', geo) / get('Totalt antal anmälda brott', 'Antal per 100 000 inv', geo)) * 100_000,
    );
    const count = get('Narkotikabrott', 'Antal', geo);
    const rate = get('Narkotikabrott', 'Antal per 100 000 inv', geo);
    return { population, count, rate };
  };
}

const RATE_CTX: IndicatorKind = { type: 'count', direction: 'ctx', unitKind: 'per_100k', source: 'bra_anmalda' };
const point = (v: { count: number; population: number; rate: number }): StatPoint => ({
  period: '2024',
  start: '2024-01-01',
  end: '2024-12-31',
  value: v.rate,
  ciLow: null,
  ciHigh: null,
  n: null,
  numerator: v.count,
  denominator: v.population,
  status: 'ok',
  responseRate: null,
  days: null,
  site: '',
  grp: '',
  seriesBreakBefore: false,
  deff: null,
});

describe('significance class against Dalarna, anmälda narkotikabrott per 100 000 (2024, real Brå values)', () => {
  const bra = braValues();
  const lan = bra('Dalarnas län');

  it('reads the values the hand calculations below use', () => {
    expect(lan).toEqual({ count: 2478, rate: 864, population: 286891 });
    expect(bra('Gagnef')).toEqual({ count: 18, rate: 173, population: 10407 });
    expect(bra('Borlänge')).toEqual({ count: 791, rate: 1534, population: 51582 });
    expect(bra('Hedemora')).toEqual({ count: 120, rate: 784, population: 15313 });
  });

  // By hand (statistics.md §2.4, kommun against the rest of the län, z = ln(rate ratio)/√(1/x₁ + 1/x₂)):
  // Gagnef: 18 of 10 407 (173.0) vs rest 2 460 of 276 484 (889.7); ratio 0.194, ln −1.638,
  //   SE √(1/18 + 1/2460) = 0.2366, z = −6.92 → säkerställt lägre.
  // Borlänge: 791 of 51 582 (1 533.5) vs rest 1 687 of 235 309 (716.9); ratio 2.139, ln 0.760,
  //   SE √(1/791 + 1/1687) = 0.0431, z = 17.6 → säkerställt högre.
  // Hedemora: 120 of 15 313 (783.6) vs rest 2 358 of 271 578 (868.3); ratio 0.903, ln −0.103,
  //   SE √(1/120 + 1/2358) = 0.0936, z = −1.10 → ingen säkerställd skillnad.
  it.each([
    ['Gagnef', 'lower', 6.92],
    ['Borlänge', 'higher', 17.6],
    ['Hedemora', 'similar', 1.1],
  ] as const)('%s is %s (|z| ≈ %d)', (name, cls, z) => {
    const r = classify(point(bra(name)), point(lan), RATE_CTX, { otherName: 'Dalarna', w: null, dispersion: null });
    expect(r.cls).toBe(cls);
    expect(r.result.zEq).toBeCloseTo(z, 1);
  });

  it('a kommun with polarity gets better/worse: Gagnef is better than Dalarna when fewer is better', () => {
    const r = classify(point(bra('Gagnef')), point(lan), { ...RATE_CTX, direction: 'down' }, { otherName: 'Dalarna' });
    expect(r.cls).toBe('better');
    const b = classify(point(bra('Borlänge')), point(lan), { ...RATE_CTX, direction: 'down' }, { otherName: 'Dalarna' });
    expect(b.cls).toBe('worse');
  });

  it('no value or a hidden value is "underlag saknas"', () => {
    expect(classify(null, point(lan), RATE_CTX, { otherName: 'Dalarna' }).cls).toBe('none');
    expect(
      classify({ ...point(bra('Gagnef')), value: null, status: 'suppressed' }, point(lan), RATE_CTX, { otherName: 'Dalarna' }).cls,
    ).toBe('none');
  });
});

describe('quartiles (type 7, as KVARTIL.INK)', () => {
  it.each([
    // 1 2 3 4: positions 0.75, 1.5, 2.25 → 1.75, 2.5, 3.25
    [[4, 1, 3, 2], { q1: 1.75, median: 2.5, q3: 3.25 }],
    // 10 20 30 40 100: positions 1, 2, 3 → 20, 30, 40 (the outlier moves neither)
    [[100, 10, 40, 20, 30], { q1: 20, median: 30, q3: 40 }],
    [[7], { q1: 7, median: 7, q3: 7 }],
  ])('%j', (values, expected) => {
    const q = quartiles(values)!;
    expect(q.q1).toBeCloseTo(expected.q1, 10);
    expect(q.median).toBeCloseTo(expected.median, 10);
    expect(q.q3).toBeCloseTo(expected.q3, 10);
  });

  it('ignores non-numbers and has nothing to say about no values', () => {
    expect(quartiles([])).toBeNull();
    expect(quartiles([Number.NaN, 2, 4, 6])).toEqual({ q1: 3, median: 4, q3: 5 });
  });
});
