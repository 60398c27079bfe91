import { and, asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { confirmToken } from '@/lib/auth/confirm';
import { setMembership } from '@/lib/auth/memberships';
import { authFor, type Auth } from '@/lib/auth/server';
import { createPasswordUser } from '@/lib/auth/users';
import { saveOwnGroup } from '@/lib/data/comparison-groups';
import { openReview } from '@/lib/data/followup/reviews';
import { loadGoalView } from '@/lib/data/goal-query';
import { VERDICT_ORDER } from '@/lib/data/overview-query';
import type { DbHandle } from '@/lib/db/client';
import { getCurrentPlan } from '@/lib/db/queries/plan';
import * as s from '@/lib/db/schema';
import { readEnv } from '@/lib/env';
import { linkKey } from '@/lib/plan/link-key';
import { readSeedFiles, type SeedFiles } from '@/lib/seed/files';
import { seed } from '@/lib/seed/seed';
import { DECISION_KINDS } from '@/lib/vocabulary';
import { DRIVERS, freshDb } from '../helpers/db';

// The real server actions and route handler run here; only Next's request context is supplied: the request's headers
// (with a real session cookie from better-auth), and 401/403/redirect as errors the test can see.
const ctx = vi.hoisted(() => {
  class Interrupted extends Error {
    constructor(readonly status: number | string) {
      super(`interrupted: ${status}`);
    }
  }
  return { headers: new Headers(), Interrupted };
});
vi.mock('next/headers', () => ({
  headers: async () => ctx.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {} }));
vi.mock('next/navigation', () => ({
  forbidden: () => {
    throw new ctx.Interrupted(403);
  },
  unauthorized: () => {
    throw new ctx.Interrupted(401);
  },
  redirect: (url: string) => {
    throw new ctx.Interrupted(`redirect ${url}`);
  },
  notFound: () => {
    throw new ctx.Interrupted(404);
  },
}));

const { updateGoalAction, saveLinkAction, removeLinkAction, restoreLinkAction, createIndicatorAction, startRevisedPlanAction } =
  await import('@/app/k/[kommun]/plan/actions');
const { saveOwnGroupAction, removeOwnGroupAction } = await import('@/app/k/[kommun]/plan/jamforelsegrupper/actions');
const { updateMeasureAction, saveMeasureReportAction } = await import('@/app/k/[kommun]/atgarder/actions');
const { openReviewAction, saveAssessmentAction, addDecisionAction, removeDecisionAction, decideReviewAction } =
  await import('@/app/k/[kommun]/uppfoljning/actions');
const { undoImportAction } = await import('@/app/import/historik/[id]/actions');
const { koladaFetchAction } = await import('@/app/import/kolada-actions');
const { addMembershipAction, removeMembershipAction, inviteUserAction, setRoleAction, setActiveAction, unlockSignInAction } =
  await import('@/app/admin/anvandare/actions');
const { POST: importPost } = await import('@/app/api/import/route');
const { GET: auditExport } = await import('@/app/admin/logg/export/route');
const { POST: authPost } = await import('@/app/api/auth/[...all]/route');

const APP_URL = 'http://localhost:3000';
const env = readEnv({ NODE_ENV: 'test', APP_URL, BETTER_AUTH_SECRET: 'x'.repeat(40) } as NodeJS.ProcessEnv);
process.env.BETTER_AUTH_SECRET = 'x'.repeat(40); // the confirmation tokens use the same secret
const HEDEMORA = '2083';
const AVESTA = '2084';
const CLI = { actorId: null, actor: 'testerna' };
const PASSWORD = 'Rätt-lösenord-för-testet-2026';
const idle = { ok: null, message: null } as const;

/** A goal code in Avesta's plan only: Hedemora's V-M2 is Avesta's V-M9. */
const AVESTA_ONLY = 'V-M9';

function avestaFiles(base: SeedFiles): SeedFiles {
  const plan = structuredClone(base.plan);
  plan.kommunCode = AVESTA;
  plan.title = 'Fiktiv testplan för Avesta kommun';
  const renamed = plan.areas.flatMap((a) => a.overallGoals).find((g) => g.code === 'V-M2')!;
  renamed.code = AVESTA_ONLY;
  const text = JSON.stringify(plan);
  return { ...base, plans: [...base.plans, { file: { name: 'plans/avesta-test.json', text, sha256: 'avesta-test' }, plan }] };
}

function form(fields: Record<string, string | number>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, String(v));
  return f;
}

/** What an action did: its returned state, or the status it was interrupted with (401, 403, a redirect). */
async function outcome<T>(run: () => Promise<T>): Promise<T | number | string> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof ctx.Interrupted) return err.status;
    throw err;
  }
}

const g = globalThis as typeof globalThis & { __trygghetDb?: Promise<DbHandle>; __trygghetAuth?: Promise<Auth> };

describe.each(DRIVERS)('roles per kommun: every write checked against the kommun it touches, on %s', (driver) => {
  let h: DbHandle;
  let auth: Auth;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let plans: { hedemora: number; avesta: number };
  let actionsOf: { hedemora: number; avesta: number };
  let reviewsOf: { hedemora: number; avesta: number };
  let avestaGroup: string;
  let goal: { code: string; indicatorId: string };

  let ip = 1;
  async function signIn(email: string): Promise<string> {
    const res = await auth.handler(
      new Request(`${APP_URL}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: APP_URL, 'x-forwarded-for': `10.88.0.${ip++}` },
        body: JSON.stringify({ email, password: PASSWORD }),
      }),
    );
    expect(res.status, email).toBe(200);
    return res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  }
  const as = (who: string) => {
    ctx.headers = new Headers({ cookie: cookies[who]!, 'x-forwarded-for': '10.88.1.1' });
  };

  beforeAll(async () => {
    h = await freshDb(driver);
    await seed(h.db, avestaFiles(readSeedFiles()));
    auth = authFor(h.db, env);
    g.__trygghetDb = Promise.resolve(h);
    g.__trygghetAuth = Promise.resolve(auth);

    const users = {
      hedemora: { role: 'coordinator', kommun: HEDEMORA },
      avesta: { role: 'coordinator', kommun: AVESTA },
      region: { role: 'reader' },
      lasare: { role: 'reader' },
      kommunadmin: { role: 'reader' },
      admin: { role: 'admin' },
    } as const;
    for (const [who, u] of Object.entries(users)) {
      const email = `${who}@dalarna.test`;
      ids[who] = (await createPasswordUser(h.db, { email, password: PASSWORD, ...u }, CLI)).id;
      cookies[who] = await signIn(email);
    }
    await setMembership(h.db, { userId: ids.region!, regionCode: '20', role: 'regional_coordinator' }, CLI);
    await setMembership(h.db, { userId: ids.kommunadmin!, regionCode: HEDEMORA, role: 'admin' }, CLI);

    plans = { hedemora: (await getCurrentPlan(h.db))!.id, avesta: (await getCurrentPlan(h.db, AVESTA))!.id };
    const firstAction = async (planId: number) =>
      (await h.db.select().from(s.actions).where(eq(s.actions.planId, planId)).orderBy(asc(s.actions.id)).limit(1))[0]!.id;
    actionsOf = { hedemora: await firstAction(plans.hedemora), avesta: await firstAction(plans.avesta) };
    // Both kommuner open a review: Hedemora 2025, Avesta 2026 (Avesta opens 2025 too, below, through the action).
    reviewsOf = {
      hedemora: (await openReview(h.db, HEDEMORA, { year: '2025', meetingDate: '2025-11-20' }, CLI)).id,
      avesta: (await openReview(h.db, AVESTA, { year: '2026', meetingDate: '2026-11-20' }, CLI)).id,
    };
    avestaGroup = (await saveOwnGroup(h.db, AVESTA, { title: 'Avestas grannar', members: ['2083', '2085'] }, CLI)).id;
    const overall = readSeedFiles().plan.areas[0]!.overallGoals[0]!;
    goal = { code: overall.code, indicatorId: overall.indicators[0]!.indicator };
  }, 240_000);
  afterAll(async () => {
    g.__trygghetDb = undefined;
    g.__trygghetAuth = undefined;
    await h?.close();
  });

  const reviewState = async (reviewId: number) => ({
    review: (await h.db.select().from(s.reviews).where(eq(s.reviews.id, reviewId)))[0]!.status,
    assessments: Number(
      (await h.db.select({ n: count() }).from(s.reviewAssessments).where(eq(s.reviewAssessments.reviewId, reviewId)))[0]!.n,
    ),
    decisions: Number((await h.db.select({ n: count() }).from(s.reviewDecisions).where(eq(s.reviewDecisions.reviewId, reviewId)))[0]!.n),
  });
  const goalText = async (planId: number) =>
    (
      await h.db
        .select()
        .from(s.goals)
        .where(and(eq(s.goals.planId, planId), eq(s.goals.code, goal.code)))
    )[0]!.text;
  const actionRow = async (id: number) => (await h.db.select().from(s.actions).where(eq(s.actions.id, id)))[0]!;

  const linkRow = async (planId: number) =>
    (
      await h.db
        .select({ role: s.goalIndicators.role, note: s.goalIndicators.note })
        .from(s.goalIndicators)
        .innerJoin(s.goals, eq(s.goals.id, s.goalIndicators.goalId))
        .where(and(eq(s.goals.planId, planId), eq(s.goals.code, goal.code), eq(s.goalIndicators.indicatorId, goal.indicatorId)))
    )[0] ?? null;
  const reviewsOfYear = async (year: number) =>
    (await h.db.select().from(s.reviews).where(eq(s.reviews.year, year)).orderBy(asc(s.reviews.id))).map((r) => ({
      id: r.id,
      planId: r.planId,
      status: r.status,
    }));

  it("a Hedemora samordnare, a regionsamordnare and a läsare cannot touch Avesta's review by any action; Avesta's samordnare can", async () => {
    const reviewId = reviewsOf.avesta;
    const before = await reviewState(reviewId);
    const label = VERDICT_ORDER[0]!;
    const kind = Object.keys(DECISION_KINDS)[0]!;
    const writes = (kommun: string, userId: string) => [
      () => saveAssessmentAction(kommun, idle, form({ reviewId, goalCode: goal.code, label, justification: 'Test' })),
      () => addDecisionAction(kommun, idle, form({ reviewId, kind, text: 'Ett beslut.' })),
      () => removeDecisionAction(kommun, idle, form({ reviewId, decisionId: 1 })),
      () => decideReviewAction(kommun, idle, form({ reviewId, bekraftelse: confirmToken('review_decision', reviewId, userId) })),
    ];
    // Bound to Avesta's page, or to their own kommun's with Avesta's review id (tampering): refused either way.
    for (const who of ['hedemora', 'region', 'lasare']) {
      as(who);
      for (const kommun of [AVESTA, HEDEMORA])
        for (const [i, w] of writes(kommun, ids[who]!).entries()) expect(await outcome(w), `${who} ${kommun} #${i}`).toBe(403);
    }
    // A kommun named in the form changes nothing: the bound kommun and the review's, from the database, decide.
    as('hedemora');
    expect(
      await outcome(() =>
        addDecisionAction(HEDEMORA, idle, form({ reviewId: reviewsOf.hedemora, kind, text: 'I Hedemora.', kommun: AVESTA })),
      ),
    ).toMatchObject({ ok: true });
    expect(await reviewState(reviewId)).toEqual(before);
    // The installation administrator may act everywhere, but Avesta's review is not found on Hedemora's page.
    as('admin');
    expect(await outcome(() => addDecisionAction(HEDEMORA, idle, form({ reviewId, kind, text: 'Fel sida.' })))).toMatchObject({
      ok: false,
      message: 'Ogiltig uppföljning.',
    });
    expect(await reviewState(reviewId)).toEqual(before);

    as('avesta');
    expect(
      await outcome(() => saveAssessmentAction(AVESTA, idle, form({ reviewId, goalCode: goal.code, label, justification: 'Test' }))),
    ).toMatchObject({ ok: true });
    expect(await outcome(() => addDecisionAction(AVESTA, idle, form({ reviewId, kind, text: 'Ett beslut.' })))).toMatchObject({ ok: true });
    expect(await reviewState(reviewId)).toEqual({ review: 'open', assessments: before.assessments + 1, decisions: before.decisions + 1 });
    // …but not Hedemora's, from either page
    for (const kommun of [AVESTA, HEDEMORA])
      expect(
        await outcome(() => addDecisionAction(kommun, idle, form({ reviewId: reviewsOf.hedemora, kind, text: 'Från Avesta.' }))),
        kommun,
      ).toBe(403);
    expect(
      await outcome(() =>
        decideReviewAction(AVESTA, idle, form({ reviewId, bekraftelse: confirmToken('review_decision', reviewId, ids.avesta!) })),
      ),
    ).toBe(`redirect /k/${AVESTA}/uppfoljning/2026?beslutad=1`);
    expect((await reviewState(reviewId)).review).toBe('decided');
  });

  it("the plan's goals, links, local indicators, a revised plan, a review and own groups are written in the page's kommun only", async () => {
    const hedemoraText = await goalText(plans.hedemora);
    const avestaText = await goalText(plans.avesta);
    const goalForm = { goalCode: goal.code, text: 'Ett nytt mål som inte får sparas av fel kommun.' };
    const writes = (kommun: string, userId: string) => [
      () => openReviewAction(kommun, idle, form({ year: 2027, meetingDate: '2027-11-20' })),
      () => updateGoalAction(kommun, idle, form(goalForm)),
      () => saveLinkAction(kommun, idle, form({ goalCode: goal.code, indicatorId: goal.indicatorId, role: 'context' })),
      () =>
        removeLinkAction(
          kommun,
          idle,
          form({
            goalCode: goal.code,
            indicatorId: goal.indicatorId,
            bekraftelse: confirmToken('link_removal', linkKey(goal.code, goal.indicatorId), userId),
          }),
        ),
      () => restoreLinkAction(kommun, idle, form({ goalCode: goal.code, indicatorId: goal.indicatorId })),
      () =>
        createIndicatorAction(
          kommun,
          idle,
          form({ id: 'lokal_test', name: 'Lokalt test', definition: 'Antal testfall per år i kommunen.' }),
        ),
      () => startRevisedPlanAction(kommun, idle, form({ title: 'Ny plan', decidedDate: '2026-06-01' })),
      () => saveOwnGroupAction(kommun, idle, form({ title: 'Grannar', extra: '2085 2080' })),
    ];
    const links = async () => Number((await h.db.select({ n: count() }).from(s.goalIndicators))[0]!.n);
    const groups = async () => Number((await h.db.select({ n: count() }).from(s.comparisonGroups))[0]!.n);
    const linksBefore = await links();
    const groupsBefore = await groups();
    const hedemoraLink = await linkRow(plans.hedemora);
    const avestaLink = await linkRow(plans.avesta);
    expect(avestaLink).not.toBeNull();
    const refused = [
      ['hedemora', AVESTA],
      ['avesta', HEDEMORA],
      ['region', AVESTA],
      ['region', HEDEMORA],
      ['lasare', AVESTA],
    ] as const;
    for (const [who, kommun] of refused) {
      as(who);
      for (const [i, w] of writes(kommun, ids[who]!).entries()) expect(await outcome(w), `${who} on ${kommun} #${i}`).toBe(403);
    }
    expect(await goalText(plans.hedemora)).toBe(hedemoraText);
    expect(await goalText(plans.avesta)).toBe(avestaText);
    expect(await links()).toBe(linksBefore);
    expect(await groups()).toBe(groupsBefore);
    expect(await h.db.select().from(s.plans)).toHaveLength(2);
    expect(await h.db.select().from(s.indicators).where(eq(s.indicators.id, 'lokal_test'))).toEqual([]);
    expect(await reviewsOfYear(2027)).toEqual([]);

    // A bound value that is no kommun with a plan here is refused before anything is looked up.
    as('hedemora');
    for (const kommun of ['2085', '208', "2083' or 1=1", ''])
      expect(await outcome(() => updateGoalAction(kommun, idle, form(goalForm))), kommun).toMatchObject({ ok: false });
    expect(await goalText(plans.hedemora)).toBe(hedemoraText);

    // Avesta's samordnare on Avesta's plan page: Avesta's goal, link and groups change, Hedemora's do not.
    as('avesta');
    const avestaGoal = 'Avestas eget mål, sparat på Avestas plansida.';
    expect(await outcome(() => updateGoalAction(AVESTA, idle, form({ ...goalForm, text: avestaGoal })))).toMatchObject({
      ok: true,
      message: `Målet ${goal.code} är sparat.`,
    });
    expect(await goalText(plans.avesta)).toBe(avestaGoal);
    expect(await goalText(plans.hedemora)).toBe(hedemoraText);

    const linkForm = { goalCode: goal.code, indicatorId: goal.indicatorId, role: 'context', note: 'Avestas notering' };
    expect(await outcome(() => saveLinkAction(AVESTA, idle, form(linkForm)))).toMatchObject({ ok: true });
    expect(await linkRow(plans.avesta)).toEqual({ role: 'context', note: 'Avestas notering' });
    expect(await linkRow(plans.hedemora)).toEqual(hedemoraLink);

    const key = linkKey(goal.code, goal.indicatorId);
    const removal = form({ ...linkForm, bekraftelse: confirmToken('link_removal', key, ids.avesta!) });
    expect(await outcome(() => removeLinkAction(AVESTA, idle, removal))).toBe(
      `redirect /k/${AVESTA}/plan?borttagen=${encodeURIComponent(key)}#resultat`,
    );
    expect(await linkRow(plans.avesta)).toBeNull();
    expect(await linkRow(plans.hedemora)).toEqual(hedemoraLink);
    // Avesta's removal is Avesta's to undo: Hedemora's plan page has nothing to undo.
    as('hedemora');
    expect(await outcome(() => restoreLinkAction(HEDEMORA, idle, form(linkForm)))).toMatchObject({
      ok: false,
      message: `Det finns ingen borttagen koppling mellan målet ${goal.code} och måttet ${goal.indicatorId} att ångra.`,
    });
    as('avesta');
    expect(await outcome(() => restoreLinkAction(AVESTA, idle, form(linkForm)))).toBe(
      `redirect /k/${AVESTA}/plan?aterkopplad=${encodeURIComponent(key)}#resultat`,
    );
    expect(await linkRow(plans.avesta)).toEqual({ role: 'context', note: 'Avestas notering' });
    expect(await linkRow(plans.hedemora)).toEqual(hedemoraLink);

    // Avesta opens its review of 2025, the year Hedemora has opened already; Hedemora's stays as it was.
    const hedemora2025 = await reviewsOfYear(2025);
    expect(hedemora2025).toHaveLength(1);
    expect(await outcome(() => openReviewAction(AVESTA, idle, form({ year: 2025, meetingDate: '2025-11-21' })))).toBe(
      `redirect /k/${AVESTA}/uppfoljning/2025`,
    );
    const both = await reviewsOfYear(2025);
    expect(both).toEqual([hedemora2025[0], { id: expect.any(Number), planId: plans.avesta, status: 'open' }]);
    // …once: a second opening of Avesta's 2025 is refused
    expect(await outcome(() => openReviewAction(AVESTA, idle, form({ year: 2025, meetingDate: '2025-11-22' })))).toMatchObject({
      ok: false,
      message: 'Uppföljningen 2025 är redan öppnad.',
    });
    expect(await reviewsOfYear(2025)).toEqual(both);

    expect(await outcome(() => saveOwnGroupAction(AVESTA, idle, form({ title: 'Avestas nya grannar', extra: '2083 2080' })))).toMatchObject(
      {
        ok: true,
      },
    );
    const saved = await h.db.select().from(s.comparisonGroups).where(eq(s.comparisonGroups.title, 'Avestas nya grannar'));
    expect(saved.map((x) => x.ownerCode)).toEqual([AVESTA]);

    // Hedemora's samordnare on Hedemora's page; a plan id or kommun of Avesta's in the form does not redirect the write.
    as('hedemora');
    const state = await outcome(() => updateGoalAction(HEDEMORA, idle, form({ ...goalForm, planId: plans.avesta, kommun: AVESTA })));
    expect(state).toMatchObject({ ok: true });
    expect(await goalText(plans.hedemora)).toBe(goalForm.text);
    expect(await goalText(plans.avesta)).toBe(avestaGoal);
  });

  it("an åtgärd is written on its own kommun's page: Avesta's samordnare reports on Avesta's, Hedemora's cannot, by id", async () => {
    const avestaBefore = await actionRow(actionsOf.avesta);
    const hedemoraBefore = await actionRow(actionsOf.hedemora);
    const update = (kommun: string, actionId: number) => () =>
      updateMeasureAction(
        kommun,
        idle,
        form({ actionId, status: 'ongoing', startDate: '2024-01-01', endDate: '', effectHorizon: 'short' }),
      );
    const report = (kommun: string, actionId: number) => () =>
      saveMeasureReportAction(
        kommun,
        idle,
        form({ actionId, year: 2025, done: 'Gjort i Avesta.', asPlanned: 'yes', hours: '1', costSek: '0' }),
      );
    // From Avesta's page, or from their own page with Avesta's id (tampering): refused.
    for (const who of ['hedemora', 'region', 'lasare'])
      for (const kommun of [AVESTA, HEDEMORA]) {
        as(who);
        expect(await outcome(update(kommun, actionsOf.avesta)), `${who} ${kommun}`).toBe(403);
        expect(await outcome(report(kommun, actionsOf.avesta)), `${who} ${kommun}`).toBe(403);
      }
    // The administrator may act everywhere, but Avesta's åtgärd is not found on Hedemora's page.
    as('admin');
    expect(await outcome(update(HEDEMORA, actionsOf.avesta))).toMatchObject({
      ok: false,
      message: 'Åtgärden finns inte i kommunens plan. Inget sparades.',
    });
    expect(await actionRow(actionsOf.avesta)).toEqual(avestaBefore);
    expect(await h.db.select().from(s.actionReports).where(eq(s.actionReports.actionId, actionsOf.avesta))).toEqual([]);

    as('avesta');
    expect(await outcome(update(AVESTA, actionsOf.avesta))).toMatchObject({ ok: true });
    expect(await outcome(report(AVESTA, actionsOf.avesta))).toMatchObject({ ok: true, message: 'Delrapporten för 2025 är sparad.' });
    expect((await actionRow(actionsOf.avesta)).status).toBe('ongoing');
    const reports = await h.db.select().from(s.actionReports).where(eq(s.actionReports.actionId, actionsOf.avesta));
    expect(reports.map((r) => [r.year, r.done])).toEqual([[2025, 'Gjort i Avesta.']]);
    for (const kommun of [AVESTA, HEDEMORA]) expect(await outcome(update(kommun, actionsOf.hedemora)), kommun).toBe(403);
    expect(await actionRow(actionsOf.hedemora)).toEqual(hedemoraBefore);
    expect(await h.db.select().from(s.actionReports).where(eq(s.actionReports.actionId, actionsOf.hedemora))).toEqual([]);
    as('hedemora');
    expect(await outcome(update(HEDEMORA, actionsOf.hedemora))).toMatchObject({ ok: true });
    expect((await actionRow(actionsOf.hedemora)).status).toBe('ongoing');
  });

  it('a comparison group is removed on the page of the kommun that owns it', async () => {
    for (const who of ['hedemora', 'region', 'lasare'])
      for (const kommun of [AVESTA, HEDEMORA]) {
        as(who);
        expect(await outcome(() => removeOwnGroupAction(kommun, idle, form({ id: avestaGroup }))), `${who} ${kommun}`).toBe(403);
      }
    as('admin');
    expect(await outcome(() => removeOwnGroupAction(HEDEMORA, idle, form({ id: avestaGroup })))).toMatchObject({ ok: false });
    expect(await h.db.select().from(s.comparisonGroups).where(eq(s.comparisonGroups.id, avestaGroup))).toHaveLength(1);
    as('avesta');
    expect(await outcome(() => removeOwnGroupAction(AVESTA, idle, form({ id: avestaGroup })))).toMatchObject({
      ok: true,
      message: 'Gruppen "Avestas grannar" är borttagen.',
    });
    expect(await h.db.select().from(s.comparisonGroups).where(eq(s.comparisonGroups.id, avestaGroup))).toEqual([]);
    as('hedemora');
    const saved = await outcome(() => saveOwnGroupAction(HEDEMORA, idle, form({ title: 'Hedemoras grannar', extra: '2084 2080' })));
    expect(saved).toMatchObject({ ok: true });
    const own = await h.db.select().from(s.comparisonGroups).where(eq(s.comparisonGroups.title, 'Hedemoras grannar'));
    expect(own.map((x) => x.ownerCode)).toEqual([HEDEMORA]);
  });

  it('imports of shared statistics: a samordnare of any kommun; never a regionsamordnare or läsare', async () => {
    const post = (who: string | null) =>
      importPost(
        new Request(`${APP_URL}/api/import`, {
          method: 'POST',
          headers: { origin: APP_URL, host: 'localhost:3000', ...(who ? { cookie: cookies[who]! } : {}) },
          body: (() => {
            const f = new FormData();
            f.set('file', new File(['indikator;år;värde\n'], 'tom.csv', { type: 'text/csv' }));
            return f;
          })(),
        }),
      );
    expect((await post(null)).status).toBe(401);
    for (const who of ['region', 'lasare']) expect((await post(who)).status, who).toBe(403);
    for (const who of ['hedemora', 'avesta', 'admin']) expect([401, 403]).not.toContain((await post(who)).status);

    const undo = () => undoImportAction(idle, form({ importId: 999999, bekraftelse: confirmToken('import_undo', 999999, ctxUser()) }));
    let current = '';
    const ctxUser = () => ids[current]!;
    for (const who of ['region', 'lasare']) {
      current = who;
      as(who);
      expect(await outcome(undo), who).toBe(403);
      expect(await outcome(() => koladaFetchAction({ step: 'idle' }, form({}))), who).toBe(403);
    }
    current = 'avesta';
    as('avesta');
    expect(await outcome(undo)).not.toBe(403);
  });

  it("a kommun's administratör gives and takes roles in that kommun only, recorded in the change log; the rest is the installation administrator's", async () => {
    as('kommunadmin');
    expect(await outcome(() => addMembershipAction(idle, form({ userId: ids.lasare!, region: AVESTA, role: 'coordinator' })))).toBe(403);
    expect(await outcome(() => addMembershipAction(idle, form({ userId: ids.lasare!, region: '20', role: 'regional_coordinator' })))).toBe(
      403,
    );
    expect(await outcome(() => removeMembershipAction(idle, form({ userId: ids.avesta!, region: AVESTA })))).toBe(403);
    expect(await outcome(() => setRoleAction(idle, form({ userId: ids.lasare!, role: 'admin' })))).toBe(403);

    const added = await outcome(() => addMembershipAction(idle, form({ userId: ids.lasare!, region: HEDEMORA, role: 'samordnare' })));
    expect(added).toMatchObject({ ok: true, message: 'lasare@dalarna.test är samordnare i Hedemora.' });
    const rows = await h.db.select().from(s.memberships).where(eq(s.memberships.userId, ids.lasare!));
    expect(rows.map((r) => [r.regionCode, r.role, r.createdBy])).toEqual([[HEDEMORA, 'coordinator', 'kommunadmin@dalarna.test']]);
    const removed = await outcome(() => removeMembershipAction(idle, form({ userId: ids.lasare!, region: HEDEMORA })));
    expect(removed).toBe(`redirect /admin/anvandare?roll-borttagen=${encodeURIComponent(`${ids.lasare}:${HEDEMORA}`)}#resultat`);
    expect(await h.db.select().from(s.memberships).where(eq(s.memberships.userId, ids.lasare!))).toEqual([]);
    const audit = await h.db.select().from(s.auditLog).where(eq(s.auditLog.targetId, ids.lasare!)).orderBy(asc(s.auditLog.id));
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ['user_invited', 'testerna'],
      ['membership_added', 'kommunadmin@dalarna.test'],
      ['membership_removed', 'kommunadmin@dalarna.test'],
    ]);

    as('region');
    expect(await outcome(() => addMembershipAction(idle, form({ userId: ids.lasare!, region: HEDEMORA, role: 'admin' })))).toBe(403);
    as('admin');
    expect(
      await outcome(() => addMembershipAction(idle, form({ userId: ids.lasare!, region: '20', role: 'regionsamordnare' }))),
    ).toMatchObject({
      ok: true,
    });
    expect(await outcome(() => addMembershipAction(idle, form({ userId: ids.lasare!, region: '20', role: 'coordinator' })))).toMatchObject({
      ok: false,
      message: 'Rollen ges i en kommun (fyrsiffrig kommunkod).',
    });
  });

  /** What the users' side of the database holds: a refused invitation or role change must leave it as it was. */
  const userTables = async () => ({
    users: (await h.db.select().from(s.authUsers).orderBy(asc(s.authUsers.email))).map((u) => [u.email, u.role, u.banned]),
    memberships: (await h.db.select().from(s.memberships).orderBy(asc(s.memberships.userId), asc(s.memberships.regionCode))).map((m) => [
      m.userId,
      m.regionCode,
      m.role,
    ]),
    verifications: Number((await h.db.select({ n: count() }).from(s.authVerifications))[0]!.n),
    audit: Number((await h.db.select({ n: count() }).from(s.auditLog))[0]!.n),
  });

  it("a kommun's administratör invites into that kommun only: the user, the link and the role there; elsewhere nothing is written", async () => {
    const before = await userTables();
    as('kommunadmin');
    // Another kommun, the län, the installation's administrator: refused before anything is written.
    for (const [role, region] of [
      ['coordinator', AVESTA],
      ['reader', AVESTA],
      ['regional_coordinator', '20'],
      ['admin', HEDEMORA],
      ['admin', ''],
    ] as const)
      expect(await outcome(() => inviteUserAction(idle, form({ email: 'fel@dalarna.test', role, region }))), `${role} ${region}`).toBe(403);
    // A role that cannot be held in the kommun is refused before the user exists (no half-made invitation).
    expect(
      await outcome(() => inviteUserAction(idle, form({ email: 'fel@dalarna.test', role: 'regional_coordinator', region: HEDEMORA }))),
    ).toEqual({ ok: false, message: 'Regionsamordnare är en roll i ett län (tvåsiffrig länskod). Inget sparades.' });
    // Nor may they deactivate a user or lift a lock: the installation administrator's.
    expect(await outcome(() => setActiveAction(idle, form({ userId: ids.avesta!, active: '1' })))).toBe(403);
    expect(
      await outcome(() =>
        setActiveAction(
          idle,
          form({ userId: ids.avesta!, active: '0', bekraftelse: confirmToken('user_deactivation', ids.avesta!, ids.kommunadmin!) }),
        ),
      ),
    ).toBe(403);
    expect(await outcome(() => unlockSignInAction(idle, form({ userId: ids.avesta! })))).toBe(403);
    // better-auth's admin endpoints: the app's route refuses them to everyone, and beneath it better-auth's own roles
    // know only the installation's administrator, so a kommun's is refused there too.
    for (const [endpoint, body] of [
      ['create-user', { email: 'bakvag@dalarna.test', name: 'Bakväg', password: PASSWORD, role: 'reader' }],
      ['set-role', { userId: ids.avesta!, role: 'admin' }],
      ['ban-user', { userId: ids.avesta! }],
    ] as const) {
      const request = () =>
        new Request(`${APP_URL}/api/auth/admin/${endpoint}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: APP_URL, cookie: cookies.kommunadmin! },
          body: JSON.stringify(body),
        });
      expect((await authPost(request())).status, `route ${endpoint}`).toBe(403);
      expect((await auth.handler(request())).status, `better-auth ${endpoint}`).toBe(403);
    }
    expect(await userTables()).toEqual(before);
    // The change record is the installation's too (it names every kommun's users and writes).
    const exportAs = (who: string) => auditExport(new Request(`${APP_URL}/admin/logg/export`, { headers: { cookie: cookies[who]! } }));
    expect((await exportAs('kommunadmin')).status).toBe(403);
    expect((await exportAs('admin')).status).toBe(200);
    // A läsare, a samordnare and a regionsamordnare may invite nowhere.
    for (const who of ['lasare', 'hedemora', 'region']) {
      as(who);
      expect(await outcome(() => inviteUserAction(idle, form({ email: 'fel@dalarna.test', role: 'reader', region: HEDEMORA }))), who).toBe(
        403,
      );
    }
    expect(await userTables()).toEqual(before);

    // Into their own kommun: the user, a link, the role in Hedemora, recorded with the kommun's administratör as actor.
    as('kommunadmin');
    const invited = await outcome(() =>
      inviteUserAction(idle, form({ email: 'Ny.Samordnare@Dalarna.test', name: 'Ny Samordnare', role: 'samordnare', region: HEDEMORA })),
    );
    expect(invited).toMatchObject({ ok: true, message: expect.stringContaining('ny.samordnare@dalarna.test är inbjuden som samordnare.') });
    const link = (invited as { link?: string }).link ?? '';
    const token = /\/reset-password\/([^?]+)/.exec(link)?.[1];
    expect(token, link).toBeDefined();
    const [user] = await h.db.select().from(s.authUsers).where(eq(s.authUsers.email, 'ny.samordnare@dalarna.test'));
    expect(user).toMatchObject({ name: 'Ny Samordnare', role: 'reader', banned: false });
    const rows = await h.db.select().from(s.memberships).where(eq(s.memberships.userId, user!.id));
    expect(rows.map((r) => [r.regionCode, r.role, r.createdBy])).toEqual([[HEDEMORA, 'coordinator', 'kommunadmin@dalarna.test']]);
    const audit = await h.db.select().from(s.auditLog).where(eq(s.auditLog.targetId, user!.id)).orderBy(asc(s.auditLog.id));
    expect(audit.map((a) => [a.action, a.actor, a.summary])).toEqual([
      ['membership_added', 'kommunadmin@dalarna.test', 'Gav ny.samordnare@dalarna.test rollen samordnare i Hedemora (2083).'],
      ['user_invited', 'kommunadmin@dalarna.test', 'Bjöd in ny.samordnare@dalarna.test med rollen samordnare i Hedemora (2083).'],
    ]);

    // The link works: the invited person chooses a password, signs in, and is samordnare in Hedemora only.
    const reset = await auth.handler(
      new Request(`${APP_URL}/api/auth/reset-password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: APP_URL },
        body: JSON.stringify({ newPassword: PASSWORD, token }),
      }),
    );
    expect(reset.status).toBe(200);
    cookies.invited = await signIn('ny.samordnare@dalarna.test');
    as('invited');
    expect(
      await outcome(() =>
        updateMeasureAction(AVESTA, idle, form({ actionId: actionsOf.avesta, status: 'planned', startDate: '', endDate: '' })),
      ),
    ).toBe(403);
    expect(await outcome(() => inviteUserAction(idle, form({ email: 'fel@dalarna.test', role: 'reader', region: HEDEMORA })))).toBe(403);
  });

  it("removing a decision or assessing a goal needs both in the review's kommun: another kommun's decision or goal code is not found", async () => {
    const [avestaDecision] = await h.db.select().from(s.reviewDecisions).where(eq(s.reviewDecisions.reviewId, reviewsOf.avesta));
    expect(avestaDecision).toBeDefined();
    const decisions = async () => (await h.db.select().from(s.reviewDecisions).orderBy(asc(s.reviewDecisions.id))).map((d) => d.id);
    const before = await decisions();
    const hedemoraReview = await reviewState(reviewsOf.hedemora);
    as('hedemora');
    // Hedemora's own review on Hedemora's page, with Avesta's decision id: not found, nothing removed.
    expect(
      await outcome(() => removeDecisionAction(HEDEMORA, idle, form({ reviewId: reviewsOf.hedemora, decisionId: avestaDecision!.id }))),
    ).toEqual({ ok: false, message: 'Beslutet finns inte.' });
    expect(await decisions()).toEqual(before);
    // A goal code that only Avesta's plan has is no goal of Hedemora's review.
    const label = VERDICT_ORDER[0]!;
    expect(
      await outcome(() =>
        saveAssessmentAction(HEDEMORA, idle, form({ reviewId: reviewsOf.hedemora, goalCode: AVESTA_ONLY, label, justification: 'Test' })),
      ),
    ).toEqual({ ok: false, message: `Målet ${AVESTA_ONLY} finns inte i uppföljningen.` });
    expect(await reviewState(reviewsOf.hedemora)).toEqual(hedemoraReview);
  });

  it("a goal code only Avesta's plan has is not found in Hedemora: not on its goal page's data, not by its plan actions", async () => {
    const today = new Date('2026-11-25T12:00:00Z');
    expect(await loadGoalView(h.db, AVESTA_ONLY, today, HEDEMORA)).toBeNull();
    expect((await loadGoalView(h.db, AVESTA_ONLY, today, AVESTA))?.goal.code).toBe(AVESTA_ONLY);
    expect(await loadGoalView(h.db, 'V-M2', today, AVESTA)).toBeNull();
    expect((await loadGoalView(h.db, 'V-M2', today, HEDEMORA))?.goal.code).toBe('V-M2');
    // Even the installation's administrator, on Hedemora's page, finds no such goal to change or link.
    as('admin');
    const missing = { ok: false, message: `Målet ${AVESTA_ONLY} finns inte i den gällande planen.` };
    expect(await outcome(() => updateGoalAction(HEDEMORA, idle, form({ goalCode: AVESTA_ONLY, text: 'Fel kommun.' })))).toEqual(missing);
    expect(
      await outcome(() => saveLinkAction(HEDEMORA, idle, form({ goalCode: AVESTA_ONLY, indicatorId: goal.indicatorId, role: 'context' }))),
    ).toEqual(missing);
    expect(await h.db.select().from(s.goals).where(eq(s.goals.code, AVESTA_ONLY))).toHaveLength(1);
  });

  it("Avesta's samordnare adds a local indicator, links it to Avesta's own goal and starts a revised plan; Hedemora's plan is unchanged", async () => {
    /** A plan's goals and their links, as comparable rows. */
    const planContent = async (planId: number) => ({
      goals: (await h.db.select().from(s.goals).where(eq(s.goals.planId, planId)).orderBy(asc(s.goals.id))).map((g) => [
        g.id,
        g.code,
        g.text,
      ]),
      links: (
        await h.db
          .select({ code: s.goals.code, indicator: s.goalIndicators.indicatorId, role: s.goalIndicators.role, note: s.goalIndicators.note })
          .from(s.goalIndicators)
          .innerJoin(s.goals, eq(s.goals.id, s.goalIndicators.goalId))
          .where(eq(s.goals.planId, planId))
      )
        .map((l) => `${l.code} ${l.indicator} ${l.role} ${l.note}`)
        .sort(),
      actions: (await h.db.select().from(s.actions).where(eq(s.actions.planId, planId)).orderBy(asc(s.actions.id))).map((a) => [
        a.id,
        a.code,
        a.status,
      ]),
    });
    const hedemoraPlan = (await h.db.select().from(s.plans).where(eq(s.plans.id, plans.hedemora)))[0]!;
    const hedemoraBefore = await planContent(plans.hedemora);
    const avestaBefore = await planContent(plans.avesta);
    const plansBefore = await h.db.select({ id: s.plans.id }).from(s.plans);

    as('avesta');
    const local = {
      id: 'lokal_avesta_orosanmalningar',
      name: 'Orosanmälningar från Avestas förskolor',
      definition: 'Antal orosanmälningar från kommunens förskolor per år.',
      unit: 'antal per år',
      unitKind: 'count',
      direction: 'down',
      type: 'count',
      decimals: 0,
      cadence: 'year',
      measuredGeography: 'Avestas förskolor',
    };
    expect(await outcome(() => createIndicatorAction(AVESTA, idle, form(local)))).toMatchObject({ ok: true });
    const newLink = { goalCode: AVESTA_ONLY, indicatorId: local.id, role: 'supporting', note: 'Avestas lokala mått' };
    expect(await outcome(() => saveLinkAction(AVESTA, idle, form(newLink)))).toMatchObject({
      ok: true,
      message: `Måttet ${local.id} är sparat för målet ${AVESTA_ONLY}.`,
    });
    const revision = {
      title: 'Reviderad åtgärdsplan för Avesta kommun',
      decidedDate: '2026-06-01',
      decidedBy: 'Kommunstyrelsen i Avesta',
      decisionParagraph: '§ 42',
      diarienummer: 'KS 2026/42',
      validFrom: '2026-07-01',
      reviseBy: '2028-06',
      basedOnLagesbild: '2025/2026',
    };
    expect(await outcome(() => startRevisedPlanAction(AVESTA, idle, form(revision)))).toMatchObject({ ok: true });

    // Avesta's plan in force is the new one, in Avesta, with the new link; its previous plan keeps what it had.
    const avestaNow = (await getCurrentPlan(h.db, AVESTA))!;
    expect(plansBefore.map((p) => p.id)).not.toContain(avestaNow.id);
    expect(avestaNow).toMatchObject({ kommunCode: AVESTA, title: revision.title, decidedDate: revision.decidedDate });
    const revised = await planContent(avestaNow.id);
    expect(revised.links).toContain(`${AVESTA_ONLY} ${local.id} supporting Avestas lokala mått`);
    expect(revised.links).toEqual([...avestaBefore.links, `${AVESTA_ONLY} ${local.id} supporting Avestas lokala mått`].sort());
    expect((await planContent(plans.avesta)).links).toEqual(revised.links);

    // Hedemora: the same plan in force, row for row, goals, links and åtgärder as before.
    expect((await getCurrentPlan(h.db, HEDEMORA))!.id).toBe(plans.hedemora);
    expect((await h.db.select().from(s.plans).where(eq(s.plans.id, plans.hedemora)))[0]).toEqual(hedemoraPlan);
    expect(await planContent(plans.hedemora)).toEqual(hedemoraBefore);
    expect(hedemoraBefore.links.some((l) => l.includes(local.id))).toBe(false);
    expect(await h.db.select({ id: s.plans.id }).from(s.plans)).toHaveLength(plansBefore.length + 1);
  });
});
