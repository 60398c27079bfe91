import type { UnitKind } from '../../catalogue/catalogue-file';
import { describeValue } from '../../display';
import { type OverviewIndicator, type RegionKey, type RegionRef, rollup } from '../overview-query';
import type { ActionView } from '../followup/measures';
import { AS_PLANNED_LABELS, DECISION_KINDS, MEASURE_STATUS_LABELS, OBSERVATION_STATUS_LABELS } from '../../vocabulary';
import type { ReviewView } from '../followup/reviews';
import { formatNumber, formatValue } from '../../format';
import { summarizeGoal } from '../../reports/goal-summary';
import type { FollowUpReport, ReportIndicator, ReportReference } from '../../reports/types';

const UNIT_KIND: Record<UnitKind, ReportIndicator['unitKind']> = {
  percent: 'percent',
  per_100k: 'rate',
  per_1000: 'rate',
  count: 'count',
  mg_per_1000_day: 'mass',
  index: 'index',
  months: 'other',
};

/** The change verdict and, beside it, the target status (a frozen review may still carry the old suffix). */
export function verdictWords(v: OverviewIndicator['assessment']['verdict']): string {
  if (!v.label) return `Sammanhang: ${v.neutral ?? 'ingen bedömning'}`;
  return [`${v.label}${v.labelSuffix ? ` ${v.labelSuffix}` : ''}`, v.target?.text].filter(Boolean).join('; ');
}

/** Whether the indicator is itself a reference series (EUDA's SCORE sites): no kommun value, no verdict of its own. */
export function isReferenceOnly(ind: Pick<OverviewIndicator, 'id' | 'siteReference'>): boolean {
  return ind.siteReference != null && ind.siteReference.indicatorId === ind.id;
}

/** The SCORE sites the web review shows (app/_components/site-reference.tsx), in the same words. */
function reportReference(ind: OverviewIndicator): ReportReference | null {
  const ref = ind.siteReference;
  if (!ref) return null;
  const asContext = !isReferenceOnly(ind);
  const range =
    ref.min !== null && ref.max !== null
      ? `${formatNumber(ref.min, ind.decimals)}–${formatValue(ref.max, ind.unitKind, ind.decimals)}`
      : 'alla under kvantifieringsgränsen';
  const sites = ref.sites.map((s) => ({
    place: s.place,
    value:
      s.value === null
        ? s.status
          ? OBSERVATION_STATUS_LABELS[s.status]
          : 'Uppgift saknas'
        : formatValue(s.value, ind.unitKind, ind.decimals),
  }));
  const summary = asContext
    ? `Svenska SCORE-städer ${ref.period} (EUDA, verkliga data): ${range}. Annan provtagning (en vecka mars–maj) än kommunens egna mätningar: sammanhang, inte jämförelse.`
    : `Verkliga mätningar, EUDA/SCORE ${ref.period}: ${sites.length} svenska reningsverk, spann ${range}. Mätt i andra städer än kommunen: sammanhang, inte en bedömning för kommunen.`;
  return { source: 'EUDA/SCORE', period: ref.period, summary, sites, asContext };
}

function reportIndicator(ind: OverviewIndicator, regions: RegionRef[]): ReportIndicator {
  const v = ind.assessment.verdict;
  const referenceOnly = isReferenceOnly(ind);
  return {
    id: ind.id,
    name: ind.name,
    unit: ind.unit,
    unitKind: UNIT_KIND[ind.unitKind],
    decimals: ind.decimals,
    verdictLabel: referenceOnly ? 'Referensmätning (ingen bedömning för kommunen)' : verdictWords(v),
    sentence: referenceOnly ? 'Värdena nedan är verkliga mätningar i andra svenska städer och visas som sammanhang.' : v.sentence,
    flags: [...v.flags, ...(ind.assessment.stale.stale ? [`Inaktuellt: ${ind.assessment.stale.text}`] : [])],
    isExample: ind.hasExample,
    latest: regions.flatMap((r) => {
      const l = ind.latest[r.key];
      if (!l) return [];
      const d = describeValue(l, ind);
      return [
        {
          region: r.name,
          period: l.period,
          value: d.text,
          ci: d.detail?.split(' · ').find((p) => p.startsWith('KI')) ?? null,
          n: l.n !== null ? `n = ${formatNumber(l.n)}` : null,
        },
      ];
    }),
    series: regions
      .map((r) => ({
        key: r.key,
        name: r.name,
        points: ind.series.map((row) => ({
          period: row.period,
          value: typeof row[r.key] === 'number' ? (row[r.key] as number) : null,
          ciLow: null,
          ciHigh: null,
        })),
      }))
      .filter((s) => s.points.some((p) => p.value !== null)),
    baselinePeriod: v.baseline?.period ?? null,
    target: null,
    source: ind.sourceName,
    measuredGeography: ind.measuredGeography,
    caveats: v.notes.length > 0 ? v.notes.join(' ') : null,
    reference: reportReference(ind),
  };
}

/**
 * The region names the report prints: the län's full name ("Dalarnas län") from the regions table and
 * "Sverige" for the country, so the report says what the app says. Missing names keep the snapshot's.
 */
export type ReportRegionNames = Partial<Record<RegionKey, string>>;

/**
 * The follow-up report of a review: everything from its frozen snapshot (so the file says what Brå saw at the
 * meeting), Brå's assessments and decisions, and the actions with the year's delrapporter.
 */
export function buildFollowUpReport(
  view: ReviewView,
  actions: ActionView[],
  kommun: string,
  now = new Date(),
  names: ReportRegionNames = {},
): FollowUpReport {
  const { review, snapshot, assessments, decisions, goalIds } = view;
  const overview = {
    ...snapshot.overview,
    regions: snapshot.overview.regions.map((r) => ({ ...r, name: names[r.key] ?? (r.key === 'riket' ? 'Sverige' : r.name) })),
  };
  const assessmentOf = (code: string) => assessments.find((x) => x.goalId === goalIds.get(code)) ?? null;
  const year = review.year;
  const allIndicators = new Map<string, OverviewIndicator>();
  return {
    kommun,
    planTitle: overview.plan.title,
    year,
    meetingDate: review.meetingDate,
    status: review.status,
    decidedAt: review.decidedAt ? new Date(review.decidedAt).toISOString().slice(0, 10) : null,
    generatedAt: now.toISOString(),
    summary: overview.areas.map((area) => ({
      code: area.code,
      title: area.title,
      rows: area.goals.map((goal) => summarizeGoal(goal, assessmentOf(goal.code)?.label ?? null)),
    })),
    areas: overview.areas.map((area) => ({
      code: area.code,
      title: area.title,
      goals: area.goals.map((goal) => {
        const id = goalIds.get(goal.code);
        const a = assessmentOf(goal.code);
        for (const ind of goal.indicators) allIndicators.set(ind.id, ind);
        return {
          // A reference series (EUDA's SCORE sites) has no verdict for the kommun: not "Underlag saknas".
          code: goal.code,
          text: goal.text,
          rollup: rollup(goal.indicators.filter((i) => !isReferenceOnly(i))),
          indicators: goal.indicators.map((ind) => reportIndicator(ind, overview.regions)),
          assessment: a ? { label: a.label, justification: a.justification, comment: a.comment } : null,
          decisions: decisions
            .filter((d) => d.goalId === id)
            .map((d) => ({ kind: DECISION_KINDS[d.kind as keyof typeof DECISION_KINDS] ?? d.kind, text: d.text })),
          // The area's actions follow its first goal, so each appears once.
          actions:
            goal === area.goals[0]
              ? actions
                  .filter((v) => v.areaCode === area.code)
                  .map((v) => {
                    const r = v.reports.find((x) => x.year === year);
                    return {
                      code: v.action.code,
                      title: v.action.title,
                      status: MEASURE_STATUS_LABELS[v.action.status],
                      responsible: v.responsible,
                      startDate: v.action.startDate,
                      report: r
                        ? {
                            done: r.done,
                            asPlanned: AS_PLANNED_LABELS[r.asPlanned],
                            how: r.how,
                            hours: r.hours !== null ? formatNumber(r.hours, 1).replace(/,0$/, '') : null,
                            cost: r.costSek !== null ? `${formatNumber(r.costSek)} kr` : null,
                            problems: r.problems,
                            proposal: r.proposal,
                          }
                        : null,
                    };
                  })
              : [],
        };
      }),
    })),
    generalDecisions: decisions
      .filter((d) => d.goalId === null)
      .map((d) => ({ kind: DECISION_KINDS[d.kind as keyof typeof DECISION_KINDS] ?? d.kind, text: d.text })),
    dataQuality: [...allIndicators.values()].map((ind) => {
      const periods = ind.series.map((s) => s.period);
      const ns = overview.regions.map((r) => ind.latest[r.key]?.n).filter((n): n is number => typeof n === 'number');
      return {
        indicator: ind.name,
        source: ind.sourceName,
        periods: periods.length > 0 ? `${periods[0]} – ${periods.at(-1)} (${periods.length})` : 'Inga värden',
        n: ns.length > 0 ? ns.map((n) => formatNumber(n)).join(' / ') : '–',
        caveats: [`Mäts för: ${ind.measuredGeography}.`, ...ind.assessment.verdict.notes].join(' '),
        example: ind.hasExample,
      };
    }),
  };
}
