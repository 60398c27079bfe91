import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { provenanceDetail, provenanceLabel, provenanceLabels } from '../provenance';
import { actionMarksFor, actionStartsByIndicator } from './followup/measures';
import type { Db } from '../db/client';
import { getIndicator, listBreakdowns, listGoalsOfIndicator, listObservations } from '../db/queries/indicators';
import { getCurrentPlan, getRegionWithParent } from '../db/queries/plan';
import { regions } from '../db/schema';
import { RIKET_CODE } from '../regions/codes';
import { summarizeSeries } from '../charts/summary';
import { assessIndicator } from './assess';
import { loadPopulation } from './population';
import { breakdownLabel } from './breakdown';
import { indicatorChart, seriesTable } from './indicator-chart';

/** The indicator page's state lives in the URL: view, breakdown and comparison kommuner. */
export const indicatorQuery = z.object({
  vy: z.enum(['diagram', 'tabell']).catch('diagram'),
  kon: z.enum(['T', 'K', 'M']).optional().catch(undefined),
  grupp: z.string().max(100).optional().catch(undefined),
  plats: z.string().max(100).optional().catch(undefined),
  jamfor: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (Array.isArray(v) ? v : v ? v.split(',') : []).filter((c) => /^\d{4}$/.test(c)).slice(0, 15))
    .catch([]),
});
export type IndicatorQuery = z.infer<typeof indicatorQuery>;

export { breakdownLabel } from './breakdown';

/** An indicator's page for a kommun (by default the installation's first): its series beside the län and riket. */
export async function loadIndicatorView(db: Db, id: string, q: IndicatorQuery, today: Date, kommunCode?: string) {
  const row = await getIndicator(db, id);
  if (!row) return null;
  const plan = await getCurrentPlan(db, kommunCode);
  const geo = plan ? await getRegionWithParent(db, plan.kommunCode) : null;
  if (!plan || !geo?.parent) return null;
  const [breakdowns, goalLinks, lanKommuner, population] = await Promise.all([
    listBreakdowns(db, id),
    // The goals of the plan whose kommun the page shows, not every plan's in the installation.
    listGoalsOfIndicator(db, id, plan.id),
    db
      .select({ code: regions.code, name: regions.name })
      .from(regions)
      .where(eq(regions.parentCode, geo.parent.code))
      .orderBy(asc(regions.name)),
    loadPopulation(db, geo.region.code, geo.parent.code),
  ]);
  // The plan's own series (total, no group, the region itself) unless the URL asks for a breakdown.
  const fallback = breakdowns.find((b) => b.sex === 'T' && b.grp === '' && b.site === '') ??
    breakdowns[0] ?? { sex: 'T' as const, grp: '', site: '' };
  const chosen = {
    sex: q.kon ?? (q.grupp !== undefined || q.plats !== undefined ? 'T' : fallback.sex),
    grp: q.grupp ?? (q.kon || q.plats !== undefined ? '' : fallback.grp),
    site: q.plats ?? (q.kon || q.grupp !== undefined ? '' : fallback.site),
  };
  const subgroup = chosen.sex !== 'T' || chosen.grp !== '' || chosen.site !== '';
  const codes = { kommun: geo.region.code, lan: geo.parent.code, riket: RIKET_CODE };
  const names = { kommun: geo.region.shortName, lan: geo.parent.name, riket: 'Sverige' };
  const compare = q.jamfor.filter((c) => c !== codes.kommun && lanKommuner.some((k) => k.code === c));
  const rows = await listObservations(db, {
    indicatorIds: [id],
    regionCodes: [codes.kommun, codes.lan, codes.riket, ...lanKommuner.map((k) => k.code)],
    sex: chosen.sex,
    grp: chosen.grp,
    site: chosen.site,
  });
  const provenance = [...new Set(rows.map((r) => provenanceDetail({ ...r.provenance, importId: r.obs.importId })))];
  const obs = rows.map((r) => ({ ...r.obs, source: provenanceLabel(r.provenance) }));
  const of = (c: string) => obs.filter((o) => o.regionCode === c);
  const link = goalLinks.find((g) => g.goal.kind === 'overall')?.link ?? goalLinks[0]?.link ?? null;
  const assessment = assessIndicator({
    indicator: row.indicator,
    source: row.source,
    link,
    decidedDate: plan.decidedDate,
    kommun: of(codes.kommun),
    lan: of(codes.lan),
    riket: of(codes.riket),
    names: { lan: names.lan, riket: names.riket },
    lanKommuner: lanKommuner
      .map((k) => ({ code: k.code, obs: of(k.code).at(-1) }))
      .filter((k): k is { code: string; obs: NonNullable<typeof k.obs> } => !!k.obs),
    kommunCode: codes.kommun,
    today,
    subgroup,
    population,
  });
  const main = (['kommun', 'lan', 'riket'] as const).map((k) => ({ key: k, name: names[k], rows: of(codes[k]) }));
  const extra = compare.map((c) => ({ key: `k${c}`, name: lanKommuner.find((k) => k.code === c)!.name, rows: of(c) }));
  const series = [...main, ...extra].filter((s) => s.rows.length > 0);
  const starts = await actionStartsByIndicator(db, plan.id, [row.indicator.id]);
  const chart = indicatorChart(series, {
    sourceId: row.source.id,
    baseline: assessment.verdict.baseline?.period ?? null,
    target: link?.targetValue ?? null,
    actions: actionMarksFor(starts, row.indicator.id, plan.validFrom),
  });
  const lines = series.map((s) => ({ key: s.key, name: s.name, main: !s.key.startsWith('k') || s.key === 'kommun' }));
  return {
    indicator: row.indicator,
    source: row.source,
    names,
    chosen,
    subgroup,
    compare,
    lanKommuner: lanKommuner.filter((k) => k.code !== codes.kommun),
    breakdowns: breakdowns.map((b) => ({ ...b, label: breakdownLabel(b) })),
    goals: goalLinks.map((g) => ({ code: g.goal.code, text: g.goal.text, role: g.link.role })),
    kommunCode: codes.kommun,
    assessment,
    chart,
    lines,
    summary: summarizeSeries(chart.rows as never, lines, row.indicator),
    table: seriesTable(series),
    hasExample: obs.some((o) => o.isExample),
    sources: provenanceLabels(obs.map((o) => o.source)),
    provenance,
    notHedemora: of(codes.kommun).length === 0,
  };
}
