import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import { getIndicator, listObservations } from '../db/queries/indicators';
import { getCurrentPlan, getRegionWithParent } from '../db/queries/plan';
import { comparisonGroupMembers, comparisonGroups, regions } from '../db/schema';
import { classify, type SignificanceClass } from '../maps/significance';
import { provenanceLabel, provenanceLabels } from '../provenance';
import { RIKET_CODE } from '../regions/codes';
import { benchmarkLabel } from '../stats/benchmark';
import { interval, rateFactor } from '../stats/intervals';
import { countOf, hiddenReason, isFiniteNumber, normalizePeriod } from '../stats/points';
import type { IndicatorKind, StatPoint } from '../stats/types';
import { kommunDispersion, statPoints } from './assess';
import { quartiles } from './comparison-quartiles';
import { populationByYear, POPULATION_INDICATORS } from './population';
import { kindOf, toStatPoint } from './stat-points';

export { quartiles } from './comparison-quartiles';

export interface MapEntry {
  code: string;
  name: string;
  lanCode: string;
  period: string | null;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** Survey respondents, or the event count behind a rate. */
  n: number | null;
  count: number | null;
  population: number | null;
  example: boolean;
  /** Why no value is shown or judged ("för litet underlag", "värde saknas", "exempeldata"). */
  missing: string | null;
  cls: SignificanceClass;
  /** "Högre än Dalarna: …" or why there is no comparison. */
  text: string;
}

export interface IndicatorMap {
  indicatorId: string;
  scope: 'lan' | 'riket';
  /** Läns code of the plan's kommun, and its short name. */
  lanCode: string;
  lanName: string;
  kommunCode: string;
  benchmark: 'lan' | 'riket';
  /** "Dalarna" or "Sverige"; on the map of Sweden against the län: "eget län". */
  benchmarkName: string;
  periods: string[];
  period: string | null;
  /** The benchmark's own value in the period (the plan's län or riket), for the line on the ranked bars. */
  benchmarkValue: number | null;
  entries: MapEntry[];
  sources: string[];
  hasExample: boolean;
}

const SERIES = { sex: 'T' as const, grp: '', site: '' };

/** Per region: its time-ordered real points; a region with an example value in the period is marked. */
function byRegion<T extends { regionCode: string }>(rows: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(r.regionCode, [...(m.get(r.regionCode) ?? []), r]);
  return m;
}

function limitsOf(p: StatPoint, kind: IndicatorKind): { low: number | null; high: number | null } {
  if (isFiniteNumber(p.ciLow) && isFiniteNumber(p.ciHigh)) return { low: p.ciLow, high: p.ciHigh };
  const iv = interval(p, kind);
  return iv && iv.method !== 'none' ? { low: iv.low, high: iv.high } : { low: null, high: null };
}

/**
 * The map of one indicator: every kommun of the plan's län (or of Sweden) in one period, each judged against
 * its län or riket with the project's benchmark test (real values only; example values are shown but not
 * judged), with the kommun series' over-dispersion as on the goal page.
 */
export async function loadIndicatorMap(
  db: Db,
  indicatorId: string,
  opts: { scope: 'lan' | 'riket'; benchmark: 'lan' | 'riket'; period?: string | null; kommunCode?: string },
): Promise<IndicatorMap | null> {
  const row = await getIndicator(db, indicatorId);
  // The kommun the page shows (by default the installation's first): its län, its own period, its mark.
  const plan = await getCurrentPlan(db, opts.kommunCode);
  if (!row || !plan) return null;
  const geo = await getRegionWithParent(db, plan.kommunCode);
  if (!geo?.parent) return null;
  const kind = kindOf(row.indicator);
  const lanCode = geo.parent.code;
  const all = await db
    .select({ code: regions.code, name: regions.name, shortName: regions.shortName, kind: regions.kind, parentCode: regions.parentCode })
    .from(regions)
    .where(
      opts.scope === 'riket'
        ? or(eq(regions.kind, 'kommun'), eq(regions.kind, 'lan'), eq(regions.kind, 'riket'))
        : or(eq(regions.parentCode, lanCode), eq(regions.code, lanCode), eq(regions.code, RIKET_CODE)),
    )
    .orderBy(asc(regions.name));
  const kommuner = all.filter((r) => r.kind === 'kommun');
  const regionNames = new Map(all.map((r) => [r.code, r.shortName]));
  const rows = await listObservations(db, { indicatorIds: [indicatorId], regionCodes: all.map((r) => r.code), ...SERIES });
  const obs = rows.map((r) => ({ ...r.obs, source: provenanceLabel(r.provenance) }));
  const real = obs.filter((o) => !o.isExample);
  const periods = [...new Set(obs.filter((o) => kommuner.some((k) => k.code === o.regionCode)).map((o) => o.period))].sort((a, b) =>
    normalizePeriod(a).localeCompare(normalizePeriod(b)),
  );
  const mine = obs.filter((o) => o.regionCode === plan.kommunCode).map((o) => o.period);
  const period = opts.period && periods.includes(opts.period) ? opts.period : (mine.at(-1) ?? periods.at(-1) ?? null);
  // Populations (for surveys' dependence margin, §2.3): only needed when the indicator has no counts of its own.
  const popRows =
    kind.type === 'survey'
      ? (
          await listObservations(db, { indicatorIds: Object.values(POPULATION_INDICATORS), regionCodes: all.map((r) => r.code), ...SERIES })
        ).map((r) => r.obs)
      : [];
  const realBy = byRegion(real);
  const allBy = byRegion(obs);
  const entries: MapEntry[] = kommuner.map((k) => {
    const base = {
      code: k.code,
      name: k.name,
      lanCode: k.parentCode ?? '',
      period,
      value: null,
      ciLow: null,
      ciHigh: null,
      n: null,
      count: null,
      population: null,
      example: false,
    };
    const any = (allBy.get(k.code) ?? []).find((o) => o.period === period);
    if (!any) return { ...base, missing: 'värde saknas', cls: 'none', text: 'Underlag saknas: inget värde för perioden.' };
    const p = toStatPoint(any);
    const lim = limitsOf(p, kind);
    const shown = {
      ...base,
      value: any.value,
      ciLow: lim.low,
      ciHigh: lim.high,
      n: kind.type === 'count' ? countOf(p, kind) : any.n,
      count: countOf(p, kind),
      population: any.denominator,
      example: any.isExample,
    };
    if (any.isExample)
      return { ...shown, missing: 'exempeldata', cls: 'none', text: 'Exempeldata: ingen jämförelse med påhittade värden.' };
    const hidden = hiddenReason(p, kind);
    if (hidden)
      return { ...shown, value: null, ciLow: null, ciHigh: null, missing: hidden, cls: 'none', text: `Underlag saknas: ${hidden}.` };
    const benchCode = opts.benchmark === 'riket' ? RIKET_CODE : (k.parentCode ?? '');
    const benchRow = (realBy.get(benchCode) ?? []).find((o) => o.period === period);
    const series = statPoints(realBy.get(k.code) ?? [], row.source.id);
    const dispersion = kommunDispersion(series, kind);
    let w: number | null = opts.benchmark === 'riket' ? 0 : null;
    if (opts.benchmark === 'lan' && kind.type === 'survey') {
      const year = Number(/(\d{4})/.exec(period ?? '')?.[1]);
      const pk = populationByYear(popRows, k.code).get(year);
      const pl = populationByYear(popRows, benchCode).get(year);
      w = pk && pl ? pk / pl : null;
    }
    const { cls, result } = classify(toStatPoint(any), benchRow ? toStatPoint(benchRow) : null, kind, {
      otherName: regionNames.get(benchCode) ?? benchCode,
      w,
      dispersion,
    });
    return {
      ...shown,
      missing: null,
      cls,
      text: result.label ? result.text : `Underlag saknas: ${result.text.replace(/^Ingen jämförelse: /, '')}`,
    };
  });
  const used = obs.filter((o) => o.period === period);
  return {
    indicatorId,
    scope: opts.scope,
    lanCode,
    lanName: geo.parent.shortName,
    kommunCode: plan.kommunCode,
    benchmark: opts.benchmark,
    benchmarkName: opts.benchmark === 'riket' ? 'Sverige' : opts.scope === 'riket' ? 'eget län' : geo.parent.shortName,
    periods,
    period,
    entries,
    benchmarkValue: (realBy.get(opts.benchmark === 'riket' ? RIKET_CODE : lanCode) ?? []).find((o) => o.period === period)?.value ?? null,
    sources: provenanceLabels(used.map((o) => o.source)),
    hasExample: used.some((o) => o.isExample),
  };
}

export interface ComparisonGroup {
  id: string;
  kind: 'skr_kommungrupp' | 'kolada_liknande' | 'own';
  title: string;
  source: string;
  year: number | null;
  ownerCode: string | null;
  members: { code: string; name: string }[];
}

/** The groups a kommun can compare with: its SKR kommungrupp, Kolada's groups made for it, and its own groups. */
export async function listComparisonGroups(db: Db, kommunCode: string): Promise<ComparisonGroup[]> {
  const mine = await db
    .select({ id: comparisonGroupMembers.groupId })
    .from(comparisonGroupMembers)
    .where(eq(comparisonGroupMembers.regionCode, kommunCode));
  const groups = await db
    .select()
    .from(comparisonGroups)
    .where(
      or(
        eq(comparisonGroups.ownerCode, kommunCode),
        and(eq(comparisonGroups.kind, 'skr_kommungrupp'), inArray(comparisonGroups.id, mine.length ? mine.map((m) => m.id) : [''])),
      ),
    );
  if (groups.length === 0) return [];
  const members = await db
    .select({ groupId: comparisonGroupMembers.groupId, code: regions.code, name: regions.name })
    .from(comparisonGroupMembers)
    .innerJoin(regions, eq(regions.code, comparisonGroupMembers.regionCode))
    .where(
      inArray(
        comparisonGroupMembers.groupId,
        groups.map((g) => g.id),
      ),
    )
    .orderBy(asc(regions.name));
  const order = { skr_kommungrupp: 0, own: 1, kolada_liknande: 2 } as const;
  return groups
    .map((g) => ({
      id: g.id,
      kind: g.kind,
      title: g.title,
      source: g.source,
      year: g.year,
      ownerCode: g.ownerCode,
      members: members.filter((m) => m.groupId === g.id).map(({ code, name }) => ({ code, name })),
    }))
    .sort((a, b) => order[a.kind] - order[b.kind] || (b.year ?? 0) - (a.year ?? 0) || a.title.localeCompare(b.title, 'sv'));
}

export interface GroupPeriod {
  period: string;
  /** Members (other than the kommun) with a real, visible value. */
  n: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
  kommun: number | null;
  /** Where the kommun lies in the group's spread. */
  position: 'below' | 'within' | 'above' | null;
  /** The kommun against the group's pooled rate (counts: the benchmark test of §2.4 against the other members). */
  significance: { label: string | null; text: string; significant: boolean } | null;
}

export interface GroupComparison {
  group: ComparisonGroup;
  /** Members other than the kommun. */
  others: { code: string; name: string }[];
  periods: GroupPeriod[];
}

/** Fewer members with values than this: no band (a median of two says little). */
export const MIN_GROUP_VALUES = 3;

/**
 * A comparison group over time: per period the median and middle 50 % (quartiles) of the other members' real,
 * visible values, and the kommun's place in it; for counts also the kommun against the group's pooled rate
 * with the project's count test (statistics.md §2.4, over-dispersion of the kommun series).
 */
export async function loadGroupComparison(
  db: Db,
  indicatorId: string,
  groupId: string,
  kommunCode: string,
): Promise<GroupComparison | null> {
  const row = await getIndicator(db, indicatorId);
  if (!row) return null;
  const [g] = await db.select().from(comparisonGroups).where(eq(comparisonGroups.id, groupId));
  if (!g) return null;
  const members = await db
    .select({ code: regions.code, name: regions.name })
    .from(comparisonGroupMembers)
    .innerJoin(regions, eq(regions.code, comparisonGroupMembers.regionCode))
    .where(eq(comparisonGroupMembers.groupId, groupId))
    .orderBy(asc(regions.name));
  const group: ComparisonGroup = {
    id: g.id,
    kind: g.kind,
    title: g.title,
    source: g.source,
    year: g.year,
    ownerCode: g.ownerCode,
    members,
  };
  const others = members.filter((m) => m.code !== kommunCode);
  const kind = kindOf(row.indicator);
  const rows = (
    await listObservations(db, { indicatorIds: [indicatorId], regionCodes: [kommunCode, ...others.map((m) => m.code)], ...SERIES })
  )
    .map((r) => r.obs)
    .filter((o) => !o.isExample);
  const kommunPoints = statPoints(
    rows.filter((o) => o.regionCode === kommunCode),
    row.source.id,
  );
  const dispersion = kommunDispersion(kommunPoints, kind);
  const periods = [...new Set(rows.map((o) => o.period))].sort((a, b) => normalizePeriod(a).localeCompare(normalizePeriod(b)));
  const out: GroupPeriod[] = periods.map((period) => {
    const visible = rows
      .filter((o) => o.period === period && o.regionCode !== kommunCode)
      .map(toStatPoint)
      .filter((p) => hiddenReason(p, kind) === null);
    const q = visible.length >= MIN_GROUP_VALUES ? quartiles(visible.map((p) => p.value as number)) : null;
    const kp = kommunPoints.find((p) => p.period === period) ?? null;
    const kv = kp && hiddenReason(kp, kind) === null ? (kp.value as number) : null;
    const position = q && kv !== null ? (kv < q.q1 ? 'below' : kv > q.q3 ? 'above' : 'within') : null;
    let significance: GroupPeriod['significance'] = null;
    if (kind.type === 'count' && kp && q) {
      const counts = visible.map((p) => ({ x: countOf(p, kind), pop: p.denominator }));
      if (counts.every((c) => c.x !== null && isFiniteNumber(c.pop) && c.pop > 0)) {
        const x = counts.reduce((s, c) => s + (c.x as number), 0);
        const pop = counts.reduce((s, c) => s + (c.pop as number), 0);
        const pooled: StatPoint = {
          ...kp,
          value: (x / pop) * (rateFactor(kind.unitKind) ?? 1),
          numerator: x,
          denominator: pop,
          ciLow: null,
          ciHigh: null,
          n: null,
          example: false,
        };
        const b = benchmarkLabel(kp, pooled, kind, { otherName: 'gruppen', w: 0, rest: { numerator: x, denominator: pop }, dispersion });
        significance = { label: b.label, text: b.text, significant: b.significant };
      }
    }
    return {
      period,
      n: visible.length,
      median: q?.median ?? null,
      q1: q?.q1 ?? null,
      q3: q?.q3 ?? null,
      kommun: kv,
      position,
      significance,
    };
  });
  return { group, others, periods: out };
}
