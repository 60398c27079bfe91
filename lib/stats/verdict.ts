/** Combined verdict (huvudbedömning, statistics.md §7). */
import { normalCdf, Z90 } from './distributions';
import { changeSize, compareTwo, comparability } from './compare';
import { deflate, dispersionFactor, type Dispersion } from './dispersion';
import { interval, standardError } from './intervals';
import { pace as computePace } from './pace';
import {
  countOf,
  hiddenReason,
  isBelowLoq,
  isFiniteNumber,
  normalizePeriod,
  periodsOverlap,
  pointYear,
  polarity,
  REASON,
  samePeriod,
  seriesBreakBetween,
  sortPoints,
} from './points';
import { autoDecimals, formatSv, formatWithUnit, uncertainPaceText, verdictSentence } from './sentence';
import { comparablePoints, slopePerYear, trendTest } from './trend';
import { wastewaterComparability } from './wastewater';
import {
  FLAG_ESTIMATED,
  FLAG_LOW_RESPONSE,
  FLAG_SMALL_N,
  FLAG_SUBGROUP,
  type AssessInput,
  type Comparison,
  type IndicatorKind,
  type NeutralText,
  type Pace,
  type StatPoint,
  type Target,
  type TargetStatus,
  type TrendResult,
  type Verdict,
  type VerdictLabel,
} from './types';

export const TARGET_WITHIN_MARGIN = '(målvärdet inom felmarginalen)';
export const NOTE_SHORT_COUNTS =
  'För få mätningar för att skatta hur mycket antalen varierar utöver slumpen (överspridning): förändringen kan som mest ge tecken, inte säkerställas.';

/** A point that is an observation (a value, or a flagged absence that still says something). */
function isObservation(p: StatPoint, kind: IndicatorKind): boolean {
  if (isFiniteNumber(p.value)) return true;
  if (kind.type === 'wastewater' && isBelowLoq(p)) return true;
  return p.status === 'suppressed';
}

function endKey(p: StatPoint): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(p.end ?? '')) return p.end;
  const y = pointYear(p);
  return y === null ? '' : `${y}-12-31`;
}

/** Latest observation L, baseline B (explicit period, else latest point with end ≤ decidedDate). */
export function pickBaselineAndLatest(input: Pick<AssessInput, 'kind' | 'points' | 'baselinePeriod' | 'decidedDate'>): {
  sorted: StatPoint[];
  baseline: StatPoint | null;
  latest: StatPoint | null;
} {
  const kind = input.kind;
  const sorted = sortPoints((input.points ?? []).filter((p): p is StatPoint => !!p && typeof p === 'object'));
  const observations = sorted.filter((p) => isObservation(p, kind));
  const latest = observations[observations.length - 1] ?? null;
  let baseline: StatPoint | null = null;
  const likeL = (p: StatPoint) => kind.type !== 'wastewater' || !latest || wastewaterComparability(p, latest) === null;
  if (input.baselinePeriod !== null && input.baselinePeriod !== undefined && String(input.baselinePeriod).trim() !== '') {
    const want = normalizePeriod(String(input.baselinePeriod));
    const matches = sorted.filter((p) => normalizePeriod(p.period) === want);
    baseline = [...matches].reverse().find(likeL) ?? matches[matches.length - 1] ?? null;
  } else if (typeof input.decidedDate === 'string' && /^\d{4}-\d{2}-\d{2}/.test(input.decidedDate)) {
    const decided = input.decidedDate.slice(0, 10);
    const before = sorted.filter((p) => endKey(p) !== '' && endKey(p) <= decided);
    baseline = [...before].reverse().find(likeL) ?? before[before.length - 1] ?? null;
  }
  return { sorted, baseline, latest };
}

function flagsFor(input: AssessInput, points: (StatPoint | null)[]): string[] {
  const { kind } = input;
  const flags: string[] = [];
  const pts = points.filter((p): p is StatPoint => !!p);
  if (kind.type === 'survey' && pts.some((p) => isFiniteNumber(p.n) && p.n >= 30 && p.n < 50)) flags.push(FLAG_SMALL_N);
  if (pts.some((p) => isFiniteNumber(p.responseRate) && p.responseRate >= 0 && p.responseRate < 0.5)) flags.push(FLAG_LOW_RESPONSE);
  if (kind.type === 'survey' && pts.some((p) => interval(p, kind)?.estimated === true)) flags.push(FLAG_ESTIMATED);
  if (input.subgroup) flags.push(FLAG_SUBGROUP);
  return flags;
}

function neutralText(significant: boolean, zEq: number | null, direction: number): NeutralText {
  if (direction === 0) return 'Oförändrat';
  if (significant) return direction > 0 ? 'Säkerställd ökning' : 'Säkerställd minskning';
  if ((zEq ?? 0) >= Z90) return direction > 0 ? 'Ökning (ej säkerställd)' : 'Minskning (ej säkerställd)';
  return 'Oförändrat';
}

function evidenceLabel(significant: boolean, capped: boolean, zEq: number | null, g: number): VerdictLabel {
  if (g === 0) return 'Oförändrat';
  if (significant && !capped) return g > 0 ? 'Säkerställd förbättring' : 'Säkerställd försämring';
  if ((zEq ?? 0) >= Z90) return g > 0 ? 'Tecken på förbättring (ej säkerställd)' : 'Tecken på försämring (ej säkerställd)';
  return 'Oförändrat';
}

/** §5.5: a first "Säkerställd" on a short series is provisional unless the previous comparable point already showed it. */
function isProvisional(sorted: StatPoint[], b: StatPoint, l: StatPoint, kind: IndicatorKind, delta: number): boolean {
  const bi = sorted.indexOf(b);
  const li = sorted.indexOf(l);
  for (let i = li - 1; i > bi; i--) {
    const p = sorted[i]!;
    if (hiddenReason(p, kind) !== null || periodsOverlap(p, l)) continue;
    if (comparability(b, p, kind, sorted) !== null) continue;
    const c = compareTwo(b, p, kind, { series: sorted });
    return !(c.significant && !c.capped && isFiniteNumber(c.delta) && Math.sign(c.delta) === Math.sign(delta));
  }
  return true;
}

/**
 * §2.4: φ from the comparable counts before L (null when fewer than four): the change being judged does not
 * inflate its own noise estimate.
 */
function seriesDispersion(sorted: StatPoint[], l: StatPoint, kind: IndicatorKind): Dispersion | null {
  const pts = comparablePoints(sorted.slice(0, sorted.indexOf(l)), kind);
  const counts = pts.map((p) => countOf(p, kind));
  if (counts.some((x) => x === null)) return null;
  const withPop = pts.every((p) => isFiniteNumber(p.denominator) && p.denominator > 0);
  return dispersionFactor(counts as number[], withPop ? pts.map((p) => p.denominator as number) : undefined);
}

/** Target status beside the change verdict (§7 rule 3): met or not, and whether the target lies in L's KI. */
function targetStatus(
  target: Target | null,
  lValue: number | null,
  l: StatPoint,
  kind: IndicatorKind,
  d: number,
  decimals: number,
): TargetStatus | null {
  if (!target || lValue === null) return null;
  const met = d * (lValue - target.value) >= 0;
  const iv = interval(l, kind);
  const withinMargin = !!iv && iv.method !== 'none' && iv.low <= target.value && target.value <= iv.high;
  const t = formatWithUnit(target.value, kind.unitKind, decimals);
  const text = met ? `Målet uppnått${withinMargin ? ` ${TARGET_WITHIN_MARGIN}` : ''}` : `Målvärdet ${t} (${target.year}) är ännu inte nått`;
  return { value: target.value, year: target.year, met, withinMargin, text };
}

/**
 * §7 rules 1–7 in order for one series: Underlag saknas → ctx neutral text → evidence (trend with ≥ 5
 * comparable points, else two-point test; wastewater; process shares binomial, inventories exact; counts
 * scaled by the series' over-dispersion) → label → flags → target status beside the label → pace (only
 * for a säkerställd or exact change; otherwise the slope with its interval) → the plain-Swedish sentence.
 */
export function assessSeries(input: AssessInput): Verdict {
  const kind = input?.kind;
  const base: Verdict = {
    label: 'Underlag saknas',
    neutral: null,
    reason: null,
    provisional: false,
    baseline: null,
    latest: null,
    delta: null,
    zEq: null,
    p: null,
    method: null,
    flags: [],
    pace: null,
    target: null,
    size: null,
    dispersion: null,
    targetChance: null,
    sentence: '',
    notes: [],
    pointsUsed: 0,
  };
  if (!input || !kind) {
    const reason = 'indikator saknas';
    return {
      ...base,
      reason,
      sentence: verdictSentence({ unitKind: 'count', from: null, to: null, significant: false, zEq: null, method: null, reason }),
    };
  }
  const { sorted, baseline: b, latest: l } = pickBaselineAndLatest(input);
  const flags = flagsFor(input, [b, l]);
  const unitKind = kind.unitKind;
  const missing = (reason: string, extra: Partial<Verdict> = {}): Verdict => ({
    ...base,
    baseline: b,
    latest: l,
    flags,
    reason,
    ...extra,
    sentence: verdictSentence({ unitKind, from: null, to: null, significant: false, zEq: null, method: null, reason }),
  });

  // Rule 1: Underlag saknas.
  if (!b) return missing(REASON.noBaseline);
  if (!l || l === b || endKey(l) <= endKey(b) || (kind.type !== 'wastewater' && samePeriod(b, l))) return missing(REASON.noLatest);
  const reason = comparability(b, l, kind, sorted);
  if (reason) return missing(reason);

  // Counts: Poisson is a minimum; without enough points to estimate φ a change is at most "Tecken".
  const dispersion = kind.type === 'count' ? seriesDispersion(sorted, l, kind) : null;
  const two: Comparison = compareTwo(b, l, kind, { series: sorted, dispersion });
  if (two.reason) return missing(two.reason);
  const d = polarity(kind);
  const notes = [...(two.notes ?? [])];
  const shortCounts = kind.type === 'count' && dispersion === null;
  if (shortCounts) notes.push(NOTE_SHORT_COUNTS);
  else if (dispersion && dispersion.phi > 1)
    notes.push(
      `Antalen varierar mer än slumpen i en Poissonfördelning (överspridning ${formatSv(dispersion.phi, 1)}); felmarginalen är vidgad därefter.`,
    );

  // Rule 4 (evidence), computed before the label rules so that every label carries its evidence.
  let trend: TrendResult | null = null;
  if (kind.type === 'survey' || kind.type === 'count') {
    const bi = sorted.indexOf(b);
    const li = sorted.indexOf(l);
    const t = trendTest(sorted.slice(bi, li + 1), kind, { maxPoints: Infinity });
    if (t.method !== null && t.k >= 5 && t.slope !== null) {
      trend = t;
      if (dispersion && t.zEq !== null) {
        const adj = deflate(t.zEq, dispersion);
        trend = { ...t, zEq: adj.zEq, p: adj.p, significant: adj.p < 0.05 && t.signStable };
      }
    }
  }
  const significant = trend ? trend.significant : two.significant;
  const zEq = trend ? trend.zEq : two.zEq;
  const pValue = trend ? trend.p : two.p;
  const method = trend ? trend.method : two.method;
  const capped = shortCounts || (trend ? false : two.capped === true);
  const dirRaw = trend ? (trend.slope ?? 0) : (two.delta ?? 0);
  const direction = Math.sign(dirRaw);
  const bBelow = kind.type === 'wastewater' && isBelowLoq(b);
  const lBelow = kind.type === 'wastewater' && isBelowLoq(l);
  const sure = significant && !capped;
  const slope = sure && trend ? slopePerYear(sorted.slice(0, sorted.indexOf(l) + 1), kind, dispersion?.phi ?? 1) : null;
  const size = sure && !trend ? changeSize(b, l, kind, dispersion) : null;
  const common = {
    baseline: b,
    latest: l,
    delta: two.delta,
    zEq,
    p: pValue ?? null,
    method,
    flags,
    notes,
    size,
    dispersion: dispersion?.phi ?? null,
    pointsUsed: trend ? trend.k : 2,
  };
  const decimals = input.decimals ?? autoDecimals(b.value, l.value);
  const sentenceBase = {
    unitKind,
    from: bBelow ? null : b.value,
    to: lBelow ? null : l.value,
    fromBelowLoq: bBelow,
    toBelowLoq: lBelow,
    decimals: input.decimals,
    significant,
    zEq,
    method,
    capped,
    size,
    trend: trend && trend.slope !== null ? { slope: trend.slope, k: trend.k, perYear: slope } : null,
  };

  // Rule 2: ctx indicators get a neutral text only.
  if (d === 0) {
    const neutral = neutralText(sure, zEq, method === 'exact' ? Math.sign(two.delta ?? 0) : direction);
    return { ...base, ...common, label: null, neutral, sentence: verdictSentence(sentenceBase) };
  }

  // Rule 5: label from the evidence (inventories: exact).
  const g = d * direction;
  const label =
    method === 'exact'
      ? direction === 0
        ? 'Oförändrat'
        : g > 0
          ? 'Säkerställd förbättring'
          : 'Säkerställd försämring'
      : evidenceLabel(significant, capped, zEq, g);
  const provisional = label.startsWith('Säkerställd') && method !== 'exact' && !trend && isProvisional(sorted, b, l, kind, two.delta ?? 0);

  // Rule 3: the target status, beside the change verdict (never instead of it).
  const target = input.target && isFiniteNumber(input.target.value) ? input.target : null;
  const lValue = isFiniteNumber(l.value) ? l.value : lBelow ? 0 : null;
  let targetChance: number | null = null;
  if (target && lValue !== null) {
    const se = standardError(l, kind);
    if (se !== null && isFiniteNumber(se)) {
      const diff = d * (lValue - target.value);
      targetChance = se > 0 ? normalCdf(diff / se) : diff >= 0 ? 1 : 0;
    }
  }
  const tStatus = targetStatus(target, lValue, l, kind, d, decimals);

  // Rule 7: a pace only for a säkerställd (or exact) change and an unmet target; otherwise the slope and its KI.
  let pace: Pace | null = null;
  if (!tStatus?.met) {
    const p = computePace({
      direction: kind.direction,
      type: kind.type,
      y0: bBelow ? null : b.value,
      t0: pointYear(b),
      yt: lBelow ? null : l.value,
      t: pointYear(l),
      target,
      limit: input.limit ?? null,
      seriesBreak: seriesBreakBetween(b, l, kind, sorted),
    });
    const claim = label.startsWith('Säkerställd');
    // An exact "no change" (complete records, Δ = 0) has no pace to speak of: "Oförändrat" never stands beside
    // a pace word (§7 rule 7), and it is not uncertain either.
    if (method === 'exact' && label === 'Oförändrat') pace = null;
    else if (p.label === 'Kan inte beräknas' || claim) pace = p;
    else {
      const est = kind.type === 'wastewater' ? null : slopePerYear(sorted.slice(0, sorted.indexOf(l) + 1), kind, dispersion?.phi ?? 1);
      const uncertain = { ...p, label: 'För osäkert för att bedöma takten' as const, uncertain: true, score: 0, slope: est };
      pace = { ...uncertain, text: uncertainPaceText(est, unitKind, decimals) };
    }
  }

  return {
    ...base,
    ...common,
    label,
    provisional,
    pace,
    target: tStatus,
    targetChance,
    sentence: verdictSentence({
      ...sentenceBase,
      provisional,
      targetMet: tStatus?.met ? { value: tStatus.value, withinMargin: tStatus.withinMargin } : null,
    }),
  };
}
