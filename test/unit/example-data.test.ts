import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { indicatorsFileSchema, sourcesFileSchema, type IndicatorFile } from '@/lib/catalogue/catalogue-file';
import type { ObservationInput } from '@/lib/db/observation-input';
import { parsePeriod } from '@/lib/periods';
import { planFileSchema } from '@/lib/plan/plan-file';
import { generateExampleObservations, profilesSchema, type ExampleProfiles } from '@/lib/seed/example-data';
import { analyzeFile } from '@/lib/import/analyze';
import { realDataSchema } from '@/lib/seed/files';
import { importContextFromFiles } from '../helpers/import-context';
import { readRepoJson } from './_fixtures';

const CODES = { kommun: '2083', lan: '20', riket: '00' };

const indicators = indicatorsFileSchema.parse(readRepoJson('data-imports/catalogue/indicators.json'));
const sources = sourcesFileSchema.parse(readRepoJson('data-imports/catalogue/sources.json'));
const plan = planFileSchema.parse(readRepoJson('data-imports/plan/hedemora-2024.json'));
const indicatorById = new Map(indicators.map((i) => [i.id, i]));
const sourceById = new Map(sources.map((s) => [s.id, s]));

function decimalsOf(id: string): number {
  const ind = indicatorById.get(id);
  if (!ind) throw new Error(`${id} is not in indicators.json`);
  return ind.decimals;
}

let profiles: ExampleProfiles;
let rows: ObservationInput[];
/** The real values the seed loads (data-imports/real-data.json), read through the import adapter. */
let realRows: ObservationInput[];

const rowsFor = (id: string, region: string) => rows.filter((r) => r.indicatorId === id && r.regionCode === region);
const ofType = (pred: (i: IndicatorFile) => boolean) => rows.filter((r) => pred(indicatorById.get(r.indicatorId)!));

beforeAll(async () => {
  profiles = profilesSchema.parse(readRepoJson('data-imports/example/profiles.json'));
  rows = generateExampleObservations(profiles, CODES, decimalsOf);
  realRows = [];
  for (const entry of realDataSchema.parse(readRepoJson('data-imports/real-data.json'))) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, '../../data-imports', entry.file)));
    const a = await analyzeFile({ fileName: entry.file, bytes, source: entry.source }, importContextFromFiles(), Infinity);
    expect(a.issues).toEqual([]);
    realRows.push(...a.observations);
  }
});

describe('generateExampleObservations with data-imports/example/profiles.json', () => {
  it('produces rows', () => {
    expect(rows.length).toBeGreaterThan(100);
  });

  it('is deterministic: two runs give identical rows', () => {
    expect(generateExampleObservations(profiles, CODES, decimalsOf)).toEqual(rows);
  });

  it('uses the codes it is given, and only those', () => {
    expect(new Set(rows.map((r) => r.regionCode))).toEqual(new Set(['2083', '20', '00']));
    const other = generateExampleObservations(profiles, { kommun: '2080', lan: '20', riket: '00' }, decimalsOf);
    expect(other.some((r) => r.regionCode === '2083')).toBe(false);
    expect(other.filter((r) => r.regionCode === '2080')).toHaveLength(rows.filter((r) => r.regionCode === '2083').length);
  });

  it('every indicator exists in the catalogue', () => {
    for (const r of rows) expect(indicatorById.has(r.indicatorId), r.indicatorId).toBe(true);
  });

  it('never produces EUDA rows (those are real data)', () => {
    for (const r of rows) expect(indicatorById.get(r.indicatorId)!.sourceId).not.toBe('euda');
  });

  it('every period is a valid, canonical period', () => {
    for (const r of rows) {
      const parsed = parsePeriod(r.period.label);
      expect(parsed, r.period.label).not.toBeNull();
      expect(r.period).toEqual(parsed);
    }
  });

  it('no value is NaN, infinite or missing', () => {
    const numeric = ['value', 'ciLow', 'ciHigh', 'n', 'numerator', 'denominator', 'responseRate', 'referenceYear'] as const;
    for (const r of rows) {
      expect(r.value).not.toBeNull();
      for (const k of numeric) {
        const v = r[k];
        if (v !== undefined && v !== null) expect(Number.isFinite(v), `${r.indicatorId} ${k}`).toBe(true);
      }
    }
  });

  it('no duplicate (indicator, region, period)', () => {
    const keys = rows.map((r) => `${r.indicatorId}|${r.regionCode}|${r.period.label}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  describe("coverage of the plan's overall goals: real data where the repository has it, example data only elsewhere", () => {
    const linked = [...new Set(plan.areas.flatMap((a) => a.overallGoals.flatMap((g) => g.indicators.map((l) => l.indicator))))];
    const measured = linked.filter((id) => indicatorById.get(id)!.sourceId !== 'euda');
    const real = (id: string, region: string) => realRows.filter((r) => r.indicatorId === id && r.regionCode === region);
    const levelOf = { '2083': 'kommun', '20': 'lan', '00': 'riket' } as const;

    it('the plan links overall goals to indicators at all', () => {
      expect(measured.length).toBeGreaterThan(10);
    });

    it.each(measured)('%s has ≥ 6 periods for Hedemora (2083), real or example, unless the source publishes no kommun value', (id) => {
      const ind = indicatorById.get(id)!;
      if (!ind.publishedLevels.includes('kommun')) {
        expect(rowsFor(id, '2083')).toHaveLength(0);
        expect(real(id, '2083')).toHaveLength(0);
        return;
      }
      expect(real(id, '2083').length + rowsFor(id, '2083').length).toBeGreaterThanOrEqual(6);
    });

    it.each(measured)('%s has ≥ 6 periods for Dalarna and Sverige where the source is comparable', (id) => {
      const ind = indicatorById.get(id)!;
      const comparable = sourceById.get(ind.sourceId)!.comparable;
      for (const code of ['20', '00'] as const) {
        const n = real(id, code).length + rowsFor(id, code).length;
        if (comparable && ind.publishedLevels.includes(levelOf[code])) expect(n, code).toBeGreaterThanOrEqual(6);
        if (!ind.publishedLevels.includes(levelOf[code]) && ind.type !== 'wastewater') expect(rowsFor(id, code), code).toHaveLength(0);
      }
      if (ind.type === 'wastewater') expect(rowsFor(id, '20').length).toBeGreaterThanOrEqual(6);
    });

    it.each(measured)('%s: no example series where the repository has a real one', (id) => {
      for (const code of ['2083', '20', '00']) {
        if (real(id, code).length > 0) expect(rowsFor(id, code), code).toHaveLength(0);
      }
    });
  });

  it('NTU rows carry n and a KI around the value (0 ≤ ciLow ≤ value ≤ ciHigh ≤ 100)', () => {
    const ntu = ofType((i) => i.sourceId === 'ntu');
    expect(ntu.length).toBeGreaterThan(0);
    for (const r of ntu) {
      expect(Number.isInteger(r.n) && r.n! > 0).toBe(true);
      expect(r.ciLow).toBeTypeOf('number');
      expect(r.ciHigh).toBeTypeOf('number');
      expect(r.ciLow!).toBeGreaterThanOrEqual(0);
      expect(r.ciLow!).toBeLessThanOrEqual(r.value!);
      expect(r.value!).toBeLessThanOrEqual(r.ciHigh!);
      expect(r.ciHigh!).toBeLessThanOrEqual(100);
      expect(r.ciLow!).toBeLessThan(r.ciHigh!);
    }
  });

  it('NTU KIs are wider for Hedemora (n ≈ 200) than for riket (n ≈ 120 000)', () => {
    const width = (r: ObservationInput) => r.ciHigh! - r.ciLow!;
    const kommun = rowsFor('ntu_otrygg_kvall', '2083');
    const riket = rowsFor('ntu_otrygg_kvall', '00');
    expect(Math.min(...kommun.map(width))).toBeGreaterThan(Math.max(...riket.map(width)));
    // domain.md §3: Hedemora ~200 per period, KI ±5–6 pp at 20 %; at 25–35 % it is a bit wider.
    for (const r of kommun) {
      expect(width(r) / 2).toBeGreaterThan(4);
      expect(width(r) / 2).toBeLessThan(10);
    }
  });

  it('NTU utsatthet refers to the previous calendar year', () => {
    const rowsUtsatt = rows.filter((r) => r.indicatorId === 'ntu_utsatt_person');
    expect(rowsUtsatt.length).toBeGreaterThan(0);
    for (const r of rowsUtsatt) expect(r.referenceYear).toBe(Number(r.period.end.slice(0, 4)) - 1);
  });

  it('survey values are shares within 0–100 with a positive n', () => {
    const survey = ofType((i) => i.type === 'survey' && i.unitKind === 'percent');
    expect(survey.length).toBeGreaterThan(0);
    for (const r of survey) {
      expect(r.value!).toBeGreaterThanOrEqual(0);
      expect(r.value!).toBeLessThanOrEqual(100);
      expect(r.n! > 0).toBe(true);
    }
  });

  it("values carry the catalogue's number of decimals", () => {
    for (const r of rows) {
      const d = decimalsOf(r.indicatorId);
      expect(Math.abs(r.value! * 10 ** d - Math.round(r.value! * 10 ** d))).toBeLessThan(1e-6);
    }
  });

  it('rates: value = numerator / denominator · 100 000 within rounding', () => {
    const rates = ofType((i) => i.unitKind === 'per_100k');
    expect(rates.length).toBeGreaterThan(0);
    for (const r of rates) {
      expect(Number.isInteger(r.numerator)).toBe(true);
      expect(Number.isInteger(r.denominator) && r.denominator! > 0).toBe(true);
      const exact = (r.numerator! / r.denominator!) * 100_000;
      expect(Math.abs(r.value! - exact)).toBeLessThanOrEqual(0.5 * 10 ** -decimalsOf(r.indicatorId) + 1e-9);
    }
  });

  it('register shares: value = numerator / denominator · 100 within rounding', () => {
    const shares = rows.filter((r) => r.numerator != null && indicatorById.get(r.indicatorId)!.unitKind === 'percent');
    expect(shares.length).toBeGreaterThan(0);
    for (const r of shares) {
      expect(r.numerator!).toBeLessThanOrEqual(r.denominator!);
      const exact = (r.numerator! / r.denominator!) * 100;
      expect(Math.abs(r.value! - exact)).toBeLessThanOrEqual(0.5 * 10 ** -decimalsOf(r.indicatorId) + 1e-9);
    }
  });

  it("Svenskt Näringsliv 2023 for Hedemora is the plan's 38 % with n = 93", () => {
    const sn = rowsFor('sn_brott_paverkar_foretag', '2083').filter((r) => r.period.label === '2023');
    expect(sn).toHaveLength(1);
    expect(sn[0]).toMatchObject({ value: 38, n: 93 });
    // The plan's baseline period for this indicator is this very period.
    const link = plan.areas
      .flatMap((a) => a.overallGoals.flatMap((g) => g.indicators))
      .find((l) => l.indicator === 'sn_brott_paverkar_foretag');
    expect(link?.baselinePeriod).toBe('2023');
  });

  it('wastewater loads are positive (a generated value never pretends to be below LOQ with a 0)', () => {
    for (const r of ofType((i) => i.type === 'wastewater')) expect(r.value!).toBeGreaterThan(0);
  });

  it('NTU periods are pooled two-year ranges, and 2015–2016 carries the method-break note', () => {
    for (const r of rows.filter((x) => x.indicatorId.startsWith('ntu_'))) {
      expect(r.period.kind).toBe('range');
      if (r.period.label === '2015\u20132016') expect(r.note).toMatch(/metodbyte 2017/);
    }
  });
});
