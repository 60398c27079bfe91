import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGoals, goalsCsvRows, GOALS_CSV_HEADER, type ApiGoal } from '@/lib/data/api-goals';
import { loadGoalView } from '@/lib/data/goal-query';
import { loadOverview } from '@/lib/data/overview-query';
import type { Db, DbHandle } from '@/lib/db/client';
import { imports, observations } from '@/lib/db/schema';
import { toSwedishCsv } from '@/lib/export/csv';
import { parsePeriod } from '@/lib/periods';
import { saveGoalIndicator } from '@/lib/plan/edit';
import { readSeedFiles } from '@/lib/seed/files';
import { seed } from '@/lib/seed/seed';
import { DRIVERS, freshDb } from '../helpers/db';

/*
 * Issue 11, one case per numbered item through /api/v1/goals (apiGoals): the verdict, benchmark, pace and
 * example flag the API gives back. Each case replaces its indicator's whole series with real (uploaded)
 * values, so the case does not depend on the example data or on how example points are dropped.
 */
const TODAY = new Date('2026-11-25T12:00:00Z');
const actor = { actorId: null, actor: 'testerna' };

type Row = {
  indicator: string;
  region: string;
  period: string;
  value: number;
  n?: number;
  ciLow?: number;
  ciHigh?: number;
  numerator?: number;
  denominator?: number;
  detail?: Record<string, unknown>;
};

/** Replaces the named indicators' observations by these rows, written by one upload import. */
async function replaceSeries(db: Db, file: string, rows: Row[]) {
  const ids = [...new Set(rows.map((r) => r.indicator))];
  await db.delete(observations).where(inArray(observations.indicatorId, ids));
  const [imp] = await db
    .insert(imports)
    .values({ kind: 'upload', fileName: file, sha256: file, createdBy: 'testerna', rows: rows.length })
    .returning();
  await db.insert(observations).values(
    rows.map((r) => {
      const p = parsePeriod(r.period)!;
      return {
        indicatorId: r.indicator,
        regionCode: r.region,
        period: p.label,
        periodKind: p.kind,
        periodStart: p.start,
        periodEnd: p.end,
        value: r.value,
        n: r.n ?? null,
        ciLow: r.ciLow ?? null,
        ciHigh: r.ciHigh ?? null,
        numerator: r.numerator ?? null,
        denominator: r.denominator ?? null,
        detail: r.detail ?? null,
        importId: imp!.id,
      };
    }),
  );
  return imp!.id;
}

const link = (
  db: Db,
  goal: string,
  indicatorId: string,
  o: { baselinePeriod?: string; targetValue?: number; targetYear?: number; role?: string } = {},
) =>
  saveGoalIndicator(
    db,
    '2083',
    goal,
    {
      indicatorId,
      role: o.role ?? 'primary',
      baselinePeriod: o.baselinePeriod ?? '',
      targetValue: o.targetValue ?? '',
      targetYear: o.targetYear ?? '',
      sex: 'T',
      grp: '',
    },
    actor,
  );

function find(goals: ApiGoal[], goal: string, id: string) {
  const ind = goals.find((g) => g.code === goal)?.indicators.find((i) => i.id === id);
  expect(ind, `${goal} ${id}`).toBeDefined();
  return ind!;
}

const days = (v: number[]) => ({ days: Object.fromEntries(v.map((x, i) => [`d${i + 1}`, x])) });

describe.each(DRIVERS)('/api/v1/goals: issue 11 item by item, on %s', (driver) => {
  let h: DbHandle;
  let goals: ApiGoal[];
  let uploadId: number;

  beforeAll(async () => {
    h = await freshDb(driver);
    await seed(h.db, readSeedFiles());
    const db = h.db;
    uploadId = await replaceSeries(db, 'issue-11-fall.csv', [
      // 1: 0 % (n 40) against Dalarna 5 % (n 1 600).
      { indicator: 'sn_brott_paverkar_foretag', region: '2083', period: '2023', value: 38, n: 93 },
      { indicator: 'sn_brott_paverkar_foretag', region: '2083', period: '2025', value: 0, n: 40 },
      { indicator: 'sn_brott_paverkar_foretag', region: '20', period: '2025', value: 5, n: 1600 },
      // 2: a process share 27/45 → 28/45.
      { indicator: 'soc_stod_accepterat', region: '2083', period: '2023', value: 60, numerator: 27, denominator: 45 },
      { indicator: 'soc_stod_accepterat', region: '2083', period: '2025', value: 62.2, numerator: 28, denominator: 45 },
      // 3: ↓ 10 % (n 400) → 19.5 % (n 400), target 20.
      { indicator: 'ptm_otrygg_kvall', region: '2083', period: '2023', value: 10, n: 400 },
      { indicator: 'ptm_otrygg_kvall', region: '2083', period: '2025', value: 19.5, n: 400 },
      // 4: Växjö cocaine's week as the kommun's yearly week (EUDA 2023 → 2024).
      {
        indicator: 'avlopp_kokain',
        region: '2083',
        period: '2023',
        value: 140.57,
        detail: days([104.97, 85.91, 121.94, 192.99, 241.84, 137.58, 98.76]),
      },
      {
        indicator: 'avlopp_kokain',
        region: '2083',
        period: '2024',
        value: 82.45,
        detail: days([60.85, 70.41, 80.41, 100.74, 125.84, 65.86, 73.01]),
      },
      // 5: 31 ±5 → 27 ±5 (z_eq 1.11): "Tecken" at the old z ≥ 1 level.
      { indicator: 'ntu_problem_narkotikahandel', region: '2083', period: '2019–2020', value: 31, ciLow: 26, ciHigh: 36 },
      { indicator: 'ntu_problem_narkotikahandel', region: '2083', period: '2021–2022', value: 27, ciLow: 22, ciHigh: 32 },
      // 6: 38 → 37 % from two points.
      { indicator: 'ntu_utsatt_person', region: '2083', period: '2019–2020', value: 38, ciLow: 35, ciHigh: 41 },
      { indicator: 'ntu_utsatt_person', region: '2083', period: '2021–2022', value: 37, ciLow: 34, ciHigh: 40 },
      // 8: the kommun with "För få svar" (n 25) among four kommuner.
      { indicator: 'ptm_problem_narkotikahandel', region: '2083', period: '2023', value: 12, n: 300 },
      { indicator: 'ptm_problem_narkotikahandel', region: '2083', period: '2025', value: 10, n: 25 },
      ...(['2080', '2081', '2082'] as const).map((region, i) => ({
        indicator: 'ptm_problem_narkotikahandel',
        region,
        period: '2025',
        value: 14 + 3 * i,
        n: 300,
      })),
      // 9: populations (reported crime per 100 000 with its count and population) and a benchmark in the same year.
      { indicator: 'kolada_anm_brott_100k', region: '2083', period: '2024', value: 8000, numerator: 1200, denominator: 15000 },
      { indicator: 'kolada_anm_brott_100k', region: '20', period: '2024', value: 6620, numerator: 19000, denominator: 287000 },
      { indicator: 'lupp_trygg_kvall', region: '2083', period: '2021', value: 60, n: 300 },
      { indicator: 'lupp_trygg_kvall', region: '2083', period: '2024', value: 62, n: 300 },
      { indicator: 'lupp_trygg_kvall', region: '20', period: '2024', value: 70, n: 5000 },
      // 11: reported violence per 100 000, over-dispersed (100, 120, 80, 120, 100) and then 140.
      ...[100, 120, 80, 120, 100, 140].map((x, i) => ({
        indicator: 'kolada_anm_vald_100k',
        region: '2083',
        period: String(i < 5 ? 2019 + i : 2025),
        value: (x / 15000) * 1e5,
        numerator: x,
        denominator: 15000,
      })),
      // 12: Lupp 30 % → 24 % (n 400 each, no KI): z_eq 1.91 at deff 1, 1.56 at deff 1.5.
      { indicator: 'lupp_hotad', region: '2083', period: '2021', value: 30, n: 400 },
      { indicator: 'lupp_hotad', region: '2083', period: '2024', value: 24, n: 400 },
    ]);
    await link(db, 'T-M1', 'sn_brott_paverkar_foretag', { baselinePeriod: '2023', role: 'supporting' });
    await link(db, 'V-M2', 'soc_stod_accepterat', { baselinePeriod: '2023' });
    await link(db, 'T-M1', 'ptm_otrygg_kvall', { baselinePeriod: '2023', targetValue: 20, targetYear: 2027, role: 'supporting' });
    await link(db, 'N-M2', 'avlopp_kokain', { baselinePeriod: '2023' });
    await link(db, 'N-M1', 'ntu_problem_narkotikahandel', { baselinePeriod: '2019–2020' });
    await link(db, 'V-M1', 'ntu_utsatt_person', { baselinePeriod: '2019–2020', role: 'context' });
    await link(db, 'N-M1', 'ptm_problem_narkotikahandel', { baselinePeriod: '2023', role: 'supporting' });
    await link(db, 'T-M1', 'lupp_trygg_kvall', { baselinePeriod: '2021', role: 'supporting' });
    await link(db, 'V-M1', 'kolada_anm_vald_100k', { baselinePeriod: '2023' });
    await link(db, 'V-M1', 'lupp_hotad', { baselinePeriod: '2021', role: 'supporting' });
    goals = await apiGoals(db, TODAY);
  });
  afterAll(async () => h?.close());

  it('1: 0 % (n 40) against Dalarna 5 % (n 1 600) is no säkerställd difference (Fisher p = 0.26)', () => {
    const i = find(goals, 'T-M1', 'sn_brott_paverkar_foretag');
    const lan = i.benchmarks.find((b) => b.against === 'Dalarnas län')!;
    expect(lan.label).toBe('Ingen säkerställd skillnad mot Dalarnas län');
    expect(lan.significant).toBe(false);
    expect(lan.example).toBe(false);
  });

  it('2: a process share 60 → 62 % (of 45) is not "Säkerställd förbättring … ingen slumpeffekt"', () => {
    const v = find(goals, 'V-M2', 'soc_stod_accepterat').verdict;
    expect(v.method).toBe('newcombe');
    expect(v.label).toBe('Oförändrat');
    expect(v.sentence).not.toContain('ingen slumpeffekt');
    expect(v.pace?.label).toBe('För osäkert för att bedöma takten');
  });

  it('3: "Målet uppnått" sits beside a säkerställd worsening, in the API and on the overview', async () => {
    const v = find(goals, 'T-M1', 'ptm_otrygg_kvall').verdict;
    expect(v.label).toBe('Säkerställd försämring');
    expect(v.target).toMatchObject({ met: true, value: 20, year: 2027 });
    expect(v.pace).toBeNull();
    const overview = (await loadOverview(h.db, TODAY))!;
    const goal = overview.areas.flatMap((a) => a.goals).find((g) => g.code === 'T-M1')!;
    const labels = goal.rollup.map((r) => r.label);
    expect(labels).toContain('Säkerställd försämring');
    expect(labels).toContain('Målet uppnått');
  });

  it('4: wastewater from one sampling week a year is at most "Tecken" (Växjö cocaine, Welch p 0.015)', () => {
    const v = find(goals, 'N-M2', 'avlopp_kokain').verdict;
    expect(v.method).toBe('welch');
    expect(v.label).toBe('Tecken på förbättring (ej säkerställd)');
    expect(v.notes.join(' ')).toContain('En provvecka per år');
    expect(v.pace?.label).toBe('För osäkert för att bedöma takten');
  });

  it('5: z_eq 1.11 (p 0.27) is "Oförändrat", not a coloured "Tecken"', () => {
    const v = find(goals, 'N-M1', 'ntu_problem_narkotikahandel').verdict;
    expect(v.zEq!).toBeGreaterThan(1);
    expect(v.zEq!).toBeLessThan(1.2);
    expect(v.label).toBe('Oförändrat');
    expect(v.pace?.label).toBe('För osäkert för att bedöma takten');
  });

  it('6: 38 → 37 % from two points has no pace; the API carries the words the page shows', () => {
    const v = find(goals, 'V-M1', 'ntu_utsatt_person').verdict;
    expect(v.label).toBe('Oförändrat');
    expect(v.pace?.label).toBe('För osäkert för att bedöma takten');
    expect(v.pace?.text).toMatch(/^För osäkert för att bedöma takten: lutningen över 2 mätningar är −0,5 procentenheter per år/);
    expect(v.pace?.slope?.points).toBe(2);
  });

  it('7: every verdict and benchmark says whether it rests on Exempeldata and names its source and import, in JSON and CSV', () => {
    const real = find(goals, 'T-M1', 'sn_brott_paverkar_foretag').verdict;
    expect(real.example).toBe(false);
    expect(real.source).toEqual({ id: 'svenskt_naringsliv', name: 'Lokalt företagsklimat (företagarenkäten)' });
    expect(real.imports).toEqual([expect.objectContaining({ id: uploadId, kind: 'upload', fileName: 'issue-11-fall.csv' })]);
    // Untouched seeded example series say so.
    const ex = goals.flatMap((g) => g.indicators).find((i) => i.verdict.example && i.benchmarks.length > 0)!;
    expect(ex).toBeDefined();
    expect(ex.verdict.imports.map((i) => i.kind)).toContain('example');
    for (const b of ex.benchmarks) expect(b.example).toBe(true);
    for (const g of goals)
      for (const i of g.indicators) {
        expect(typeof i.verdict.example).toBe('boolean');
        for (const b of i.benchmarks) expect(typeof b.example).toBe('boolean');
      }
    const csv = toSwedishCsv(GOALS_CSV_HEADER, goalsCsvRows(goals))
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    const head = csv[0]!.split(';');
    const col = (name: string) => head.indexOf(name);
    const row = (id: string) => csv.find((l) => l.split(';')[2] === id)!.split(';');
    expect(row(ex.id)[col('exempeldata')]).toBe('ja');
    expect(row('sn_brott_paverkar_foretag')[col('exempeldata')]).toBe('nej');
    expect(row('sn_brott_paverkar_foretag')[col('importer')]).toBe(`${uploadId} issue-11-fall.csv`);
  });

  it('8: a suppressed kommun value (n 25) gets no rank; a visible one gets a rank with its interval', async () => {
    const hidden = find(goals, 'N-M1', 'ptm_problem_narkotikahandel');
    expect(hidden.rank).toBeNull();
    await h.db
      .update(observations)
      .set({ n: 300 })
      .where(
        and(
          eq(observations.indicatorId, 'ptm_problem_narkotikahandel'),
          eq(observations.regionCode, '2083'),
          eq(observations.period, '2025'),
        ),
      );
    const shown = find(await apiGoals(h.db, TODAY), 'N-M1', 'ptm_problem_narkotikahandel');
    expect(shown.rank).toMatchObject({ rank: 1, of: 4, period: '2025' });
    expect(shown.rank!.low).toBe(1);
    expect(shown.rank!.high).toBeGreaterThanOrEqual(1);
    expect(shown.rank!.example).toBe(false);
  });

  it("9: the kommun's share of the län comes from population: 15 000 / 287 000", () => {
    const lan = find(goals, 'T-M1', 'lupp_trygg_kvall').benchmarks.find((b) => b.against === 'Dalarnas län')!;
    expect(lan.share).toBeCloseTo(15000 / 287000, 6);
    expect(lan.text).not.toContain('okänd');
    // Another year without population rows uses the nearest year with one; riket is w = 0.
    const riket = find(goals, 'T-M1', 'ntu_otrygg_kvall').benchmarks.find((b) => b.against === 'Sverige');
    if (riket) expect(riket.share).toBe(0);
  });

  it('10: the goal counts every test it shows and what chance alone would give', async () => {
    for (const g of goals) {
      const tests = g.indicators.flatMap((i) => [i.verdict.p, ...i.benchmarks.map((b) => b.p)]).filter((p) => p !== null).length;
      expect(g.comparisons.m).toBe(tests);
      expect(g.comparisons.expectedFalse).toBeCloseTo(0.05 * tests, 10);
      expect(g.comparisons.holmSignificant).toBeLessThanOrEqual(g.comparisons.significant);
    }
    const t = goals.find((g) => g.code === 'T-M1')!;
    const benchmarkTests = t.indicators.flatMap((i) => i.benchmarks).filter((b) => b.p !== null).length;
    expect(benchmarkTests).toBeGreaterThan(0);
    // The goal page counts the same tests (not only the change tests).
    const view = (await loadGoalView(h.db, 'T-M1', TODAY))!;
    expect(view.comparisons.m).toBe(t.comparisons.m);
  });

  it('11: over-dispersed reported violence (φ 3.59) makes 100 → 140 no säkerställd rise', () => {
    const v = find(goals, 'V-M1', 'kolada_anm_vald_100k').verdict;
    expect(v.dispersion).toBeCloseTo(1120 / 104 / 3, 2);
    expect(v.label).toBe('Oförändrat');
    expect(v.pace?.label).toBe('För osäkert för att bedöma takten');
  });

  it('on the rest of the seeded data: no pace, coloured arrow or better/worse label inside the margin, and every value says whether it is example data', () => {
    const claims = ['God takt', 'Framsteg men för låg takt', 'Låg takt', 'Går åt fel håll'];
    for (const g of goals)
      for (const i of g.indicators) {
        const v = i.verdict;
        if (v.pace && claims.includes(v.pace.label))
          expect(v.label?.startsWith('Säkerställd') || v.method === 'exact', `${i.id}: ${v.pace.text}`).toBe(true);
        if (v.label?.startsWith('Säkerställd') && v.method !== 'exact') expect(v.p!, i.id).toBeLessThan(0.05);
        if (v.label?.startsWith('Tecken')) expect(v.zEq!, i.id).toBeGreaterThanOrEqual(1.644854);
        for (const b of i.benchmarks) {
          if (b.label && /^(Bättre|Sämre|Högre|Lägre)/.test(b.label)) expect(b.p!, `${i.id} ${b.label}`).toBeLessThan(0.05);
          else if (b.label) expect(b.label).toMatch(/^Ingen säkerställd skillnad mot /);
        }
        expect(typeof v.example, i.id).toBe('boolean');
        expect(v.source.name.length).toBeGreaterThan(0);
        if (v.latest !== null) expect(v.imports.length, i.id).toBeGreaterThan(0);
      }
  });

  it('12: Lupp uses deff 1.5: 30 → 24 % (n 400) is "Oförändrat" with "Uppskattad felmarginal", not "Tecken"', () => {
    const v = find(goals, 'V-M1', 'lupp_hotad').verdict;
    expect(v.zEq!).toBeGreaterThan(1.5);
    expect(v.zEq!).toBeLessThan(1.6);
    expect(v.label).toBe('Oförändrat');
    expect(v.flags).toContain('Uppskattad felmarginal');
  });
});
