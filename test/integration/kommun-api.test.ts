import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiGoal } from '@/lib/data/api-goals';
import type { DbHandle } from '@/lib/db/client';
import { observations } from '@/lib/db/schema';
import { readSeedFiles, type SeedFiles } from '@/lib/seed/files';
import { seed } from '@/lib/seed/seed';
import { DRIVERS, freshDb } from '../helpers/db';

// The real route handlers, on the server's database handle (set below as the server would have it).
const { GET: goalsGet } = await import('@/app/api/v1/goals/route');
const { GET: indicatorGet } = await import('@/app/api/v1/indicators/[id]/route');

const HEDEMORA = '2083';
const AVESTA = '2084';
/** A goal code in Avesta's plan only: Hedemora's V-M2 is Avesta's V-M9 (as in kommun-roles.test.ts). */
const AVESTA_ONLY = 'V-M9';
/** Linked to N-M1 in both plans; Brå publishes it for every kommun of Dalarna (real values, not examples). */
const REAL = 'ntu_problem_narkotikahandel';

function avestaFiles(base: SeedFiles): SeedFiles {
  const plan = structuredClone(base.plan);
  plan.kommunCode = AVESTA;
  plan.title = 'Fiktiv testplan för Avesta kommun';
  plan.areas.flatMap((a) => a.overallGoals).find((g) => g.code === 'V-M2')!.code = AVESTA_ONLY;
  const text = JSON.stringify(plan);
  return { ...base, plans: [...base.plans, { file: { name: 'plans/avesta-test.json', text, sha256: 'avesta-test' }, plan }] };
}

const g = globalThis as typeof globalThis & { __trygghetDb?: Promise<DbHandle> };

async function getJson(res: Response): Promise<{ status: number; body: Record<string, unknown> }> {
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const goals = async (query: string) => getJson(await goalsGet(new Request(`http://localhost/api/v1/goals${query}`)));
const indicator = async (id: string, query: string) =>
  getJson(await indicatorGet(new Request(`http://localhost/api/v1/indicators/${id}${query}`), { params: Promise.resolve({ id }) }));
const codes = (body: Record<string, unknown>) => (body.goals as ApiGoal[]).map((x) => x.code);

describe.each(DRIVERS)('/api/v1 per kommun (?kommun=), on %s', (driver) => {
  let h: DbHandle;

  beforeAll(async () => {
    h = await freshDb(driver);
    await seed(h.db, avestaFiles(readSeedFiles()));
    g.__trygghetDb = Promise.resolve(h);
  }, 240_000);
  afterAll(async () => {
    g.__trygghetDb = undefined;
    await h?.close();
  });

  /** The kommun's own stored value of REAL in a period (the plan's series: total, no group, no site). */
  const stored = async (region: string, period: string) =>
    (
      await h.db
        .select({ value: observations.value })
        .from(observations)
        .where(
          and(
            eq(observations.indicatorId, REAL),
            eq(observations.regionCode, region),
            eq(observations.period, period),
            eq(observations.sex, 'T'),
            eq(observations.grp, ''),
            eq(observations.site, ''),
          ),
        )
    ).map((r) => r.value);

  it("answers with Avesta's goals and Avesta's own values for ?kommun=2084, and with Hedemora's by default", async () => {
    const avesta = await goals(`?kommun=${AVESTA}`);
    expect(avesta.status).toBe(200);
    expect(avesta.body.kommun).toBe(AVESTA);
    expect(codes(avesta.body)).toContain(AVESTA_ONLY);
    expect(codes(avesta.body)).not.toContain('V-M2');

    const byDefault = await goals('');
    expect(byDefault.status).toBe(200);
    expect(byDefault.body.kommun).toBe(HEDEMORA);
    expect(codes(byDefault.body)).toContain('V-M2');
    expect(codes(byDefault.body)).not.toContain(AVESTA_ONLY);
    expect(await goals(`?kommun=${HEDEMORA}`)).toEqual(byDefault);

    // The verdicts rest on each kommun's own series: the latest value is the one stored for that kommun.
    const latest = (body: Record<string, unknown>) =>
      (body.goals as ApiGoal[]).find((x) => x.code === 'N-M1')!.indicators.find((i) => i.id === REAL)!.verdict;
    const a = latest(avesta.body);
    const h83 = latest(byDefault.body);
    expect(a.example).toBe(false);
    expect(a.latest).not.toBeNull();
    expect(await stored(AVESTA, a.latest!)).toEqual([a.latestValue]);
    expect(await stored(HEDEMORA, h83.latest!)).toEqual([h83.latestValue]);
    expect(a.latestValue).not.toBe(h83.latestValue);
  });

  it("gives Avesta's goals as CSV too", async () => {
    const res = await goalsGet(new Request(`http://localhost/api/v1/goals?kommun=${AVESTA}&format=csv`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`mal-${AVESTA}.csv`);
    const goalCodes = new Set(
      (await res.text())
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .slice(1)
        .map((l) => l.split(';')[0]),
    );
    expect(goalCodes.has(AVESTA_ONLY)).toBe(true);
    expect(goalCodes.has('V-M2')).toBe(false);
  });

  it('404s a kommun without a plan here, naming it; 400s a malformed kommun', async () => {
    for (const code of ['2085', '9999']) {
      const res = await goals(`?kommun=${code}`);
      expect(res.status, code).toBe(404);
      expect(res.body.error).toBe(`Kommunen ${code} har ingen åtgärdsplan i den här installationen`);
    }
    for (const bad of ['abc', '20', '20845', '', '2084&kommun=2083', '2084%20']) {
      const res = await goals(`?kommun=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.error).toBe('Ogiltig förfrågan');
    }
    expect((await goals('?kommun=abc')).body.details).toEqual(['kommun: kommun anges med en fyrsiffrig kommunkod (t.ex. 2083)']);
  });

  it("/api/v1/indicators/{id} names the goals of the asked kommun's plan, by default Hedemora's", async () => {
    const goalsOf = (body: Record<string, unknown>) => (body.indicator as { goals: { code: string }[] }).goals.map((x) => x.code);
    const avesta = await indicator('soc_stod_accepterat', `?kommun=${AVESTA}`);
    expect(avesta.status).toBe(200);
    expect(avesta.body.kommun).toBe(AVESTA);
    expect(goalsOf(avesta.body)).toEqual([AVESTA_ONLY]);
    const byDefault = await indicator('soc_stod_accepterat', '');
    expect(byDefault.body.kommun).toBe(HEDEMORA);
    expect(goalsOf(byDefault.body)).toEqual(['V-M2']);
    // Goals both plans have are named once, for the kommun asked (not once per plan).
    expect(goalsOf((await indicator(REAL, `?kommun=${AVESTA}`)).body)).toEqual(['N-G3', 'N-M1']);
    expect(goalsOf((await indicator(REAL, '')).body)).toEqual(['N-G3', 'N-M1']);
    expect((await indicator(REAL, '?kommun=2085')).status).toBe(404);
    expect((await indicator(REAL, '?kommun=x')).status).toBe(400);
    expect((await indicator('finns_inte', `?kommun=${AVESTA}`)).status).toBe(404);
  });
});
