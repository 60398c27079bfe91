/** Combined verdict (huvudbedömning, statistics.md §7). */
import { normalCdf } from './distributions';
import { compareTwo, comparability } from './compare';
import { interval, standardError } from './intervals';
import { pace as computePace } from './pace';
import {
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
import { verdictSentence } from './sentence';
import { trendTest } from './trend';
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
  type StatPoint,
  type TrendResult,
  type Verdict,
  type VerdictLabel,
} from './types';

export const TARGET_WITHIN_MARGIN = '(målvärdet inom felmarginalen)';

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
  if ((zEq ?? 0) >= 1) return direction > 0 ? 'Ökning (ej säkerställd)' : 'Minskning (ej säkerställd)';
  return 'Oförändrat';
}

function evidenceLabel(significant: boolean, capped: boolean, zEq: number | null, g: number): VerdictLabel {
  if (g === 0) return 'Oförändrat';
  if (significant && !capped) return g > 0 ? 'Säkerställd förbättring' : 'Säkerställd försämring';
  if ((zEq ?? 0) >= 1) return g > 0 ? 'Tecken på förbättring (ej säkerställd)' : 'Tecken på försämring (ej säkerställd)';
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
 * §7 rules 1–7 in order (first match wins) for one series: Underlag saknas → ctx neutral text → Målet uppnått →
 * evidence (trend with ≥ 5 comparable points, else two-point test; wastewater Test A/B; process exact) →
 * label → flags → pace; plus the plain-Swedish sentence.
 */
export function assessSeries(input: AssessInput): Verdict {
  const kind = input?.kind;
  const base: Verdict = {
    label: 'Underlag saknas',
    labelSuffix: null,
    neutral: null,
    reason: null,
    provisional: false,
    baseline: null,
    latest: null,
    delta: null,
    zEq: null,
    method: null,
    flags: [],
    pace: null,
    targetChance: null,
    sentence: '',
    notes: [],
    pointsUsed: 0,
  };
  if (!input || !kind) {
    const reason = 'indikator saknas';
    return { ...base, reason, sentence: verdictSentence({ unitKind: 'count', from: null, to: null, significant: false, zEq: null, method: null, reason }) };
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

  const two: Comparison = compareTwo(b, l, kind, { series: sorted });
  if (two.reason) return missing(two.reason);
  const d = polarity(kind);
  const notes = [...(two.notes ?? [])];

  // Rule 4 (evidence), computed before the label rules so that every label carries its evidence.
  let trend: TrendResult | null = null;
  if (kind.type === 'survey' || kind.type === 'count') {
    const bi = sorted.indexOf(b);
    const li = sorted.indexOf(l);
    const t = trendTest(sorted.slice(bi, li + 1), kind, { maxPoints: Infinity });
    if (t.method !== null && t.k >= 5 && t.slope !== null) trend = t;
  }
  const significant = trend ? trend.significant : two.significant;
  const zEq = trend ? trend.zEq : two.zEq;
  const method = trend ? trend.method : two.method;
  const capped = trend ? false : two.capped === true;
  const dirRaw = trend ? (trend.slope ?? 0) : (two.delta ?? 0);
  const direction = Math.sign(dirRaw);
  const bBelow = kind.type === 'wastewater' && isBelowLoq(b);
  const lBelow = kind.type === 'wastewater' && isBelowLoq(l);
  const common = {
    baseline: b,
    latest: l,
    delta: two.delta,
    zEq,
    method,
    flags,
    notes,
    pointsUsed: trend ? trend.k : 2,
  };
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
    trend: trend && trend.slope !== null ? { slope: trend.slope, k: trend.k } : null,
  };

  // Rule 2: ctx indicators get a neutral text only.
  if (d === 0) {
    const neutral = neutralText(significant && !capped, zEq, method === 'exact' ? Math.sign(two.delta ?? 0) : direction);
    return { ...base, ...common, label: null, neutral, sentence: verdictSentence(sentenceBase) };
  }

  // Rule 3: Målet uppnått.
  const target = input.target && isFiniteNumber(input.target.value) ? input.target : null;
  const lValue = isFiniteNumber(l.value) ? l.value : lBelow ? 0 : null;
  let targetChance: number | null = null;
  if (target && lValue !== null) {
    const se = standardError(l, kind);
    if (se !== null && isFiniteNumber(se)) {
      const diff = d * (lValue - target.value);
      targetChance = se > 0 ? normalCdf(diff / se) : diff >= 0 ? 1 : 0;
    }
    if (d * (lValue - target.value) >= 0) {
      const iv = interval(l, kind);
      const within = !!iv && iv.method !== 'none' && iv.low <= target.value && target.value <= iv.high;
      return {
        ...base,
        ...common,
        label: 'Målet uppnått',
        labelSuffix: within ? TARGET_WITHIN_MARGIN : null,
        targetChance,
        sentence: verdictSentence({ ...sentenceBase, targetMet: { value: target.value, withinMargin: within } }),
      };
    }
  }

  // Rule 5: label from the evidence (process: exact).
  const g = d * direction;
  const label = method === 'exact' ? (direction === 0 ? 'Oförändrat' : g > 0 ? 'Säkerställd förbättring' : 'Säkerställd försämring') : evidenceLabel(significant, capped, zEq, g);
  const provisional = label.startsWith('Säkerställd') && method !== 'exact' && !trend && isProvisional(sorted, b, l, kind, two.delta ?? 0);

  // Rule 7: pace beside the label.
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
  const pace = { ...p, uncertain: p.label !== 'Kan inte beräknas' && !label.startsWith('Säkerställd') };

  return {
    ...base,
    ...common,
    label,
    provisional,
    pace,
    targetChance,
    sentence: verdictSentence({ ...sentenceBase, provisional }),
  };
}
