import fs from 'node:fs';
import path from 'node:path';
import { and, count, eq, isNull, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/lib/db/client';
import * as s from '@/lib/db/schema';
import { withTx } from '@/lib/db/tx';
import { writeObservations } from '@/lib/import/stage';
import { parsePeriod } from '@/lib/periods';
import { readSeedFiles } from '@/lib/seed/files';
import { seed } from '@/lib/seed/seed';
import { DRIVERS, freshDb } from '../helpers/db';

const planText = fs.readFileSync(path.resolve('test/fixtures/shared/plan/atgardsplan-hedemora-2024.txt'), 'utf8');

/** Every row of every table, ordered, so two snapshots can be compared for "nothing changed". */
async function snapshot(h: DbHandle) {
  const tables = [
    'regions',
    'region_aliases',
    'sources',
    'indicators',
    'imports',
    'observations',
    'plans',
    'priority_areas',
    'goals',
    'actions',
    'action_responsibles',
    'goal_actions',
    'goal_indicators',
  ];
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    const res = await h.db.execute(sql.raw(`select * from ${t} order by 1, 2`));
    out[t] = Array.isArray(res) ? res : (res as { rows: unknown[] }).rows;
  }
  return out;
}

describe.each(DRIVERS)('seed on %s', (driver) => {
  let h: DbHandle;
  let first: Awaited<ReturnType<typeof seed>>;

  beforeAll(async () => {
    h = await freshDb(driver);
    first = await seed(h.db, readSeedFiles());
  });
  afterAll(async () => h?.close());

  it('loads riket, 21 län and 290 kommuner with Hedemora in Dalarna', async () => {
    const kinds = await h.db.select({ kind: s.regions.kind, n: count() }).from(s.regions).groupBy(s.regions.kind);
    expect(Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n)]))).toEqual({ riket: 1, lan: 21, kommun: 290 });
    const [hed] = await h.db.select().from(s.regions).where(eq(s.regions.code, '2083'));
    expect(hed).toMatchObject({ name: 'Hedemora', kind: 'kommun', parentCode: '20' });
    const [alias] = await h.db.select().from(s.regionAliases).where(eq(s.regionAliases.alias, 'dalarnas län'));
    expect(alias?.regionCode).toBe('20');
  });

  it('stores the plan with every area, goal, table row and action of the text', async () => {
    const [plan] = await h.db.select().from(s.plans);
    expect(plan).toMatchObject({ kommunCode: '2083', decidedDate: '2024-09-17', reviseBy: '2026-07' });
    const areas = await h.db.select().from(s.priorityAreas).orderBy(s.priorityAreas.sort);
    expect(areas.map((a) => a.title)).toEqual(['Narkotika', 'Våld i familjer och nära relationer', 'Upplevd trygghet']);
    // The plan's tables: one header line per area, then one tab-separated line per row.
    const tableRows = planText.split('\n').filter((l) => l.split('\t').length === 5 && !l.startsWith('Mål\t'));
    const tableGoals = await h.db.select().from(s.goals).where(eq(s.goals.kind, 'table'));
    expect(tableGoals).toHaveLength(tableRows.length);
    const bullets = planText
      .split('\n')
      .filter((l) => l.startsWith('- ') && !/^- (Narkotika|Våld i familjer\/nära relationer|Upplevd trygghet)$/.test(l));
    const [actions] = await h.db.select({ n: count() }).from(s.actions);
    expect(Number(actions!.n)).toBe(bullets.length);
    const withoutParty = await h.db.execute(
      sql`select a.code from actions a left join action_responsibles r on r.action_id = a.id where r.action_id is null`,
    );
    expect(Array.isArray(withoutParty) ? withoutParty : (withoutParty as { rows: unknown[] }).rows).toHaveLength(0);
  });

  it('links every övergripande mål to indicators that exist', async () => {
    const overall = await h.db.select().from(s.goals).where(eq(s.goals.kind, 'overall'));
    expect(overall.length).toBeGreaterThanOrEqual(3);
    for (const g of overall) {
      const links = await h.db.select().from(s.goalIndicators).where(eq(s.goalIndicators.goalId, g.id));
      expect(links.length, g.code).toBeGreaterThan(0);
    }
  });

  it('loads the real EUDA data for the Swedish sites, below-LOQ as null with status', async () => {
    const [gavle] = await h.db
      .select()
      .from(s.observations)
      .where(
        and(
          eq(s.observations.indicatorId, 'euda_ref_kokain'),
          eq(s.observations.site, 'SE002'),
          eq(s.observations.period, '2024'),
          eq(s.observations.grp, ''),
        ),
      );
    expect(gavle).toMatchObject({ regionCode: '2180', value: 77.08, isExample: false, status: null });
    const [troll] = await h.db
      .select()
      .from(s.observations)
      .where(
        and(
          eq(s.observations.indicatorId, 'euda_ref_mdma'),
          eq(s.observations.site, 'SE009'),
          eq(s.observations.period, '2024'),
          eq(s.observations.grp, ''),
        ),
      );
    expect(troll).toMatchObject({ value: null, status: 'below_loq' });
    const [zeros] = await h.db
      .select({ n: count() })
      .from(s.observations)
      .where(and(eq(s.observations.value, 0), sql`${s.observations.indicatorId} like 'euda_ref_%'`));
    expect(Number(zeros!.n)).toBe(0);
    expect(first.euda.inserted).toBeGreaterThan(0);
  });

  it("loads Brå's lägesbild indicators as real data through the import pipeline, with their provenance", async () => {
    const [imp] = await h.db.select().from(s.imports).where(eq(s.imports.fileName, 'bra/bra-kommunindikatorer-dalarna.csv'));
    expect(imp).toMatchObject({
      kind: 'seed',
      adapter: 'bra_lagesbild',
      publication: 'Indikatorer för kommuners lägesbild',
      publisher: 'Brå',
      retrieved: '2026-01',
      rows: 13_209,
    });
    expect(imp!.provenanceNote).toMatch(/Region Dalarna/);
    expect(first.real.inserted).toBe(imp!.observations);
    const [narko] = await h.db
      .select()
      .from(s.observations)
      .where(
        and(
          eq(s.observations.indicatorId, 'ntu_problem_narkotikahandel'),
          eq(s.observations.regionCode, '2083'),
          eq(s.observations.period, '2025'),
        ),
      );
    expect(narko).toMatchObject({ value: 6, ciLow: 4, ciHigh: 9, n: 98, isExample: false, importId: imp!.id });
    // Every kommun of the län, the län and riket.
    const regions = await h.db
      .selectDistinct({ code: s.observations.regionCode })
      .from(s.observations)
      .where(eq(s.observations.importId, imp!.id));
    const lan = await h.db.select({ code: s.regions.code }).from(s.regions).where(eq(s.regions.parentCode, '20'));
    expect(new Set(regions.map((r) => r.code))).toEqual(new Set(['20', '00', ...lan.map((k) => k.code)]));
  });

  it('has no example value for an indicator, region and period with a real value, and none at a level the source does not publish', async () => {
    const mixed = await h.db.execute(sql`select e.indicator_id, e.region_code, e.period from observations e join observations r
      on r.indicator_id = e.indicator_id and r.region_code = e.region_code and r.sex = e.sex and r.grp = e.grp and r.site = e.site
      where e.is_example and not r.is_example`);
    expect(Array.isArray(mixed) ? mixed : (mixed as { rows: unknown[] }).rows).toEqual([]);
    const invented = await h.db.execute(sql`select o.indicator_id from observations o join indicators i on i.id = o.indicator_id
      join regions g on g.code = o.region_code where o.is_example and not (i.published_levels ? g.kind::text)
      and i.type <> 'wastewater'`); // wastewater's län line is the mean of the measuring kommuner, and says so
    expect(Array.isArray(invented) ? invented : (invented as { rows: unknown[] }).rows).toEqual([]);
  });

  it('marks example series as such where no real value exists (Lupp: Hedemora and Dalarna)', async () => {
    const rows = await h.db
      .select({ region: s.observations.regionCode, n: count() })
      .from(s.observations)
      .where(and(eq(s.observations.indicatorId, 'lupp_hotad'), eq(s.observations.isExample, true)))
      .groupBy(s.observations.regionCode);
    const counts = Object.fromEntries(rows.map((r) => [r.region, Number(r.n)]));
    expect(Object.keys(counts).sort()).toEqual(['20', '2083']);
    expect(counts['2083']).toBeGreaterThanOrEqual(6);
    const [imp] = await h.db.select().from(s.imports).where(eq(s.imports.kind, 'example'));
    expect(imp?.observations).toBe(first.examples.inserted);
  });

  it('changes nothing when run a second time', async () => {
    const before = await snapshot(h);
    const again = await seed(h.db, readSeedFiles());
    expect(again.planCreated).toBe(false);
    expect(again.euda).toEqual({ inserted: 0, updated: 0, unchanged: first.euda.inserted });
    expect(again.examples).toEqual({ inserted: 0, updated: 0, unchanged: first.examples.inserted });
    expect(again.real).toEqual({ inserted: 0, updated: 0, unchanged: 0 });
    expect(await snapshot(h)).toEqual(before);
  });

  it('never lets example data overwrite a real value', async () => {
    const [imp] = await h.db
      .insert(s.imports)
      .values({ kind: 'upload', fileName: 'real.csv', sha256: 'x'.repeat(64), createdBy: 'test' })
      .returning();
    const [example] = await h.db
      .select()
      .from(s.observations)
      .where(and(eq(s.observations.indicatorId, 'lupp_hotad'), eq(s.observations.regionCode, '2083'), eq(s.observations.isExample, true)))
      .limit(1);
    const real = {
      indicatorId: 'lupp_hotad',
      regionCode: '2083',
      period: parsePeriod(example!.period)!,
      value: 26.5,
      ciLow: 21,
      ciHigh: 32,
      n: 190,
    };
    const w = await withTx(h.db, (tx) => writeObservations(tx, imp!.id, [real]));
    expect(w).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    await seed(h.db, readSeedFiles());
    const [row] = await h.db
      .select()
      .from(s.observations)
      .where(
        and(
          eq(s.observations.indicatorId, 'lupp_hotad'),
          eq(s.observations.regionCode, '2083'),
          eq(s.observations.period, example!.period),
        ),
      );
    expect(row).toMatchObject({ value: 26.5, isExample: false, importId: imp!.id });
    // Loading the same real value again is "unchanged", not a duplicate.
    expect(await withTx(h.db, (tx) => writeObservations(tx, imp!.id, [real]))).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
  });

  it('refuses a missing value without a reason', async () => {
    const [imp] = await h.db.select().from(s.imports).limit(1);
    await expect(
      h.db.insert(s.observations).values({
        indicatorId: 'lupp_hotad',
        regionCode: '2083',
        period: '2030',
        periodKind: 'year',
        periodStart: '2030-01-01',
        periodEnd: '2030-12-31',
        value: null,
        status: null,
        importId: imp!.id,
      }),
    ).rejects.toThrow();
    const [none] = await h.db
      .select({ n: count() })
      .from(s.observations)
      .where(and(isNull(s.observations.value), isNull(s.observations.status)));
    expect(Number(none!.n)).toBe(0);
  });

  it('keeps one row per natural key', async () => {
    const dupes = await h.db.execute(sql`select indicator_id, region_code, period, sex, grp, site, count(*) from observations
      group by 1,2,3,4,5,6 having count(*) > 1`);
    expect(Array.isArray(dupes) ? dupes : (dupes as { rows: unknown[] }).rows).toHaveLength(0);
    const [other] = await h.db.select({ n: count() }).from(s.observations).where(ne(s.observations.sex, 'T'));
    expect(Number(other!.n)).toBe(0);
  });
});

describe.each(DRIVERS)('a failing seed on %s', (driver) => {
  it('writes nothing at all', async () => {
    const h = await freshDb(driver);
    try {
      const files = readSeedFiles();
      const broken = structuredClone(files);
      broken.plan.areas[2]!.overallGoals[0]!.indicators.push({
        indicator: 'finns_inte',
        role: 'primary',
        baselinePeriod: null,
        targetValue: null,
        targetYear: null,
        sex: 'T',
        group: '',
        note: null,
      });
      await expect(seed(h.db, broken)).rejects.toThrow(/okänd indikator "finns_inte"/);
      for (const t of [s.regions, s.indicators, s.plans, s.goals, s.observations]) {
        const [row] = await h.db.select({ n: count() }).from(t);
        expect(Number(row!.n)).toBe(0);
      }
    } finally {
      await h.close();
    }
  });
});
