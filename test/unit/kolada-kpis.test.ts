import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { indicatorsFileSchema } from '@/lib/catalogue/catalogue-file';
import { koladaDocumentBytes } from '@/lib/kolada/fetch';
import { KoladaKpiFileError, parseKoladaKpis, readKoladaKpis } from '@/lib/kolada/kpis';
import { koladaAdapter } from '@/lib/import/sources/kolada';
import { buildAnswers, ANSWER_DIR } from '@/test/fixtures/kolada/make-fixtures';
import { importContextFromFiles } from '@/test/helpers/import-context';
import { readRepoJson } from './_fixtures';

const catalogue = indicatorsFileSchema.parse(readRepoJson('data-imports/catalogue/indicators.json'));

describe('data-imports/kolada-kpis.json', () => {
  const kpis = readKoladaKpis();

  it('maps at least the KPIs of issue 14 and the ones the catalogue names, each to a catalogue indicator', () => {
    const ids = kpis.map((k) => k.kpi);
    expect(ids).toEqual(expect.arrayContaining(['N07403', 'N07540', 'N07402', 'U07418', 'U07417', 'U07452', 'N02905']));
    // Every KPI id a catalogue indicator names ("… (N07403)") is in the file, mapped to that indicator.
    for (const ind of catalogue) {
      for (const [, kpi] of ind.name.matchAll(/\(([NU]\d{5})\)/g)) {
        expect(kpis.find((k) => k.kpi === kpi)?.indicator, `${ind.id} names ${kpi}`).toBe(ind.id);
      }
    }
    const byId = new Map(catalogue.map((i) => [i.id, i]));
    for (const k of kpis) {
      const ind = byId.get(k.indicator);
      expect(ind, `${k.kpi} → ${k.indicator}`).toBeDefined();
      expect(ind!.sourceId).toBe('kolada');
      expect(ind!.publishedLevels).toEqual(expect.arrayContaining(['kommun', 'lan', 'riket']));
      // The unit the file states is the indicator's (scale 1), or the file says how to convert.
      if (k.scale === 1) expect(k.unit).toBe(ind!.unit);
    }
  });

  it('names the place of a mistake in Swedish', () => {
    expect(() => parseKoladaKpis('[{"kpi":"n7403","title":"x","indicator":"a","unit":"u"}]')).toThrow(KoladaKpiFileError);
    expect(() => parseKoladaKpis('[{"kpi":"n7403","title":"x","indicator":"a","unit":"u"}]')).toThrow(
      /stor bokstav och fem siffror[\s\S]*at \[0\]\.kpi/,
    );
    const dup = JSON.stringify([
      { kpi: 'N07403', title: 'a', indicator: 'a', unit: 'u' },
      { kpi: 'N07403', title: 'b', indicator: 'b', unit: 'u' },
    ]);
    expect(() => parseKoladaKpis(dup)).toThrow(/N07403 står två gånger/);
    expect(() => parseKoladaKpis('[')).toThrow(/inte giltig JSON/);
  });
});

describe('the kolada adapter reads the KPI file', () => {
  const ctx = importContextFromFiles();
  const prev = process.env.DATA_IMPORTS_DIR;
  afterEach(() => {
    if (prev === undefined) delete process.env.DATA_IMPORTS_DIR;
    else process.env.DATA_IMPORTS_DIR = prev;
  });
  const doc = (records: unknown[]) => ({
    name: 'kolada.json',
    rows: [],
    json: JSON.parse(new TextDecoder().decode(koladaDocumentBytes(records as never))) as unknown,
  });

  it("stores a treårsmedelvärde (pooledYears 3) as the three-year window ending in Kolada's year; null is missing, not 0", () => {
    const r = koladaAdapter.parse(
      doc([
        { kpi: 'U07418', municipality: '2083', period: 2024, values: [{ gender: 'T', value: 9.8, count: 1, status: '' }] },
        {
          kpi: 'N02905',
          municipality: '0020',
          period: 2023,
          values: [
            { gender: 'M', value: 21.5, count: 1, status: '' },
            { gender: 'K', value: null, count: 1, status: '' },
            { gender: 'T', value: 14.2, count: 1, status: '' },
          ],
        },
      ]),
      ctx,
    );
    expect(r.issues).toEqual([]);
    expect(r.observations.find((o) => o.indicatorId === 'kolada_anm_vald_3ar_1000')).toMatchObject({
      regionCode: '2083',
      period: { label: '2022–2024', kind: 'range' },
      value: 9.8,
    });
    const lag = r.observations.filter((o) => o.indicatorId === 'kolada_lagforda_15_17_1000');
    expect(lag.map((o) => [o.regionCode, o.sex, o.value, o.status])).toEqual([
      ['20', 'T', 14.2, null],
      ['20', 'K', null, 'missing'],
      ['20', 'M', 21.5, null],
    ]);
  });

  it("a kommun's own file adds a KPI and converts its scale", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kolada-kpis-'));
    fs.writeFileSync(
      path.join(dir, 'kolada-kpis.json'),
      JSON.stringify([
        {
          kpi: 'U07452',
          title: 'Skadegörelse per 1 000',
          indicator: 'bra_anm_skadegorelse_100k',
          unit: 'per 100 000 inv.',
          scale: 100,
          note: 'per 1 000 → per 100 000',
        },
      ]),
    );
    process.env.DATA_IMPORTS_DIR = dir;
    const r = koladaAdapter.parse(
      doc([
        { kpi: 'U07452', municipality: '2083', period: 2024, values: [{ gender: 'T', value: 12.3, count: 1, status: '' }] },
        { kpi: 'N07403', municipality: '2083', period: 2024, values: [{ gender: 'T', value: 900, count: 1, status: '' }] },
      ]),
      ctx,
    );
    expect(r.observations).toHaveLength(1);
    expect(r.observations[0]).toMatchObject({
      indicatorId: 'bra_anm_skadegorelse_100k',
      value: 1230,
      detail: { kpi: 'U07452', scale: 100 },
    });
    expect(r.issues).toEqual([
      expect.objectContaining({
        value: 'N07403',
        message: expect.stringMatching(/okänt nyckeltal N07403 .*U07452 \(bra_anm_skadegorelse_100k\)/),
      }),
    ]);
  });
});

describe('recorded Kolada answers (test/fixtures/kolada/v3)', () => {
  it('are exactly what make-fixtures.ts writes', () => {
    for (const [name, text] of Object.entries(buildAnswers())) {
      expect(fs.readFileSync(path.join(ANSWER_DIR, name), 'utf8'), name).toBe(text);
    }
  });
});
