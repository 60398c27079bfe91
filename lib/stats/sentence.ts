/** Plain-Swedish sentences for verdicts (statistics.md §7). sv-SE numbers: decimal comma, no-break spaces. */
import { Z90 } from './distributions';
import { isFiniteNumber } from './points';
import type { ChangeSize, EvidenceMethod, SlopeEstimate, UnitKind } from './types';

export const NBSP = '\u00a0';

const formatters = new Map<number, Intl.NumberFormat>();

/** sv-SE number: "1 234", "12,5", "−3,2" (no-break space, decimal comma, real minus sign). */
export function formatSv(value: number, decimals = 0): string {
  if (!isFiniteNumber(value)) return '–';
  const d = Math.max(0, Math.min(6, Math.round(decimals)));
  let f = formatters.get(d);
  if (!f) {
    f = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: d, maximumFractionDigits: d, signDisplay: 'negative' });
    formatters.set(d, f);
  }
  return f.format(value);
}

const SUFFIX: Record<UnitKind, string> = {
  percent: `${NBSP}%`,
  per_100k: ` per 100${NBSP}000 invånare`,
  per_1000: ` per 1${NBSP}000 invånare`,
  count: '',
  mg_per_1000_day: `${NBSP}mg per 1${NBSP}000 invånare och dygn`,
  index: '',
  months: `${NBSP}månader`,
};

/** A value with its unit for a sentence: "38 %", "133,3 per 100 000 invånare", "518,3 mg per 1 000 invånare och dygn". */
export function formatWithUnit(value: number, unitKind: UnitKind, decimals: number): string {
  return formatSv(value, decimals) + (SUFFIX[unitKind] ?? '');
}

/** Decimals for a pair of values: whole numbers → 0, else 1. */
export function autoDecimals(...values: (number | null | undefined)[]): number {
  return values.every((v) => !isFiniteNumber(v) || Number.isInteger(v)) ? 0 : 1;
}

/** Subject noun by unit: "Andelen" (percent), "Antalet" (counts), "Nivån" (rates, loads, others). */
export function subjectNoun(unitKind: UnitKind): { noun: string; neuter: boolean } {
  if (unitKind === 'percent') return { noun: 'Andelen', neuter: false };
  if (unitKind === 'count') return { noun: 'Antalet', neuter: true };
  return { noun: 'Nivån', neuter: false };
}

export interface SentenceInput {
  unitKind: UnitKind;
  from: number | null;
  to: number | null;
  /** Below LOQ (wastewater) at the baseline / latest. */
  fromBelowLoq?: boolean;
  toBelowLoq?: boolean;
  decimals?: number;
  significant: boolean;
  zEq: number | null;
  method: EvidenceMethod | null;
  /** Test B or one-sided LOQ: never "säkerställd". */
  capped?: boolean;
  /** Trend path: slope sign and number of points; per year with its KI when säkerställd. */
  trend?: { slope: number; k: number; perYear?: SlopeEstimate | null } | null;
  /** Size of a säkerställd two-point change with its 95 % interval. */
  size?: ChangeSize | null;
  provisional?: boolean;
  /** "Underlag saknas" reason. */
  reason?: string | null;
  /** Target met, with its value. */
  targetMet?: { value: number; withinMargin: boolean } | null;
}

/** First sentence: "Andelen har minskat från 38 % till 30 %." */
export function changeSentence(
  i: Pick<SentenceInput, 'unitKind' | 'from' | 'to' | 'fromBelowLoq' | 'toBelowLoq' | 'decimals'> & { neutral?: boolean },
): string {
  const { noun, neuter } = subjectNoun(i.unitKind);
  const loq = 'under kvantifieringsgränsen';
  if (i.fromBelowLoq && i.toBelowLoq) return `${noun} var ${loq} vid båda mättillfällena.`;
  const from = i.fromBelowLoq ? 0 : i.from;
  const to = i.toBelowLoq ? 0 : i.to;
  if (!isFiniteNumber(from) || !isFiniteNumber(to)) return '';
  // Different values that would print alike get one more decimal (up to 3), so "38 % → 38 %" never says "ökat".
  let dec = i.decimals ?? autoDecimals(i.from, i.to);
  while (dec < 3 && from !== to && !i.fromBelowLoq && !i.toBelowLoq && formatSv(from, dec) === formatSv(to, dec)) dec++;
  const fmt = (v: number, below?: boolean) => (below ? loq : formatWithUnit(v, i.unitKind, dec));
  // On the trend path the end points may point the other way than the trend: state them without a verb.
  if (i.neutral) return `${noun} var ${fmt(from, i.fromBelowLoq)} vid baslinjen och är nu ${fmt(to, i.toBelowLoq)}.`;
  if (to === from) return `${noun} är ${neuter ? 'oförändrat' : 'oförändrad'}, ${fmt(to)}.`;
  const verb = to > from ? 'ökat' : 'minskat';
  // A short unit ("%") goes on both values, a long one ("per 100 000 invånare") only on the last.
  const long = i.unitKind !== 'percent';
  const first = i.fromBelowLoq ? loq : long && !i.toBelowLoq ? formatSv(from, dec) : fmt(from);
  return `${noun} har ${verb} från ${first} till ${fmt(to, i.toBelowLoq)}.`;
}

/** Second sentence: whether the change is statistically supported. */
export function evidenceSentence(i: SentenceInput): string {
  const from = i.fromBelowLoq ? 0 : i.from;
  const to = i.toBelowLoq ? 0 : i.to;
  if (i.fromBelowLoq && i.toBelowLoq) return 'Ingen förändring som går att mäta.';
  if (i.trend) {
    const dir = i.trend.slope > 0 ? 'uppåtgående' : i.trend.slope < 0 ? 'nedåtgående' : null;
    const k = i.trend.k;
    if (i.significant && !i.capped && dir) {
      const py = i.trend.perYear;
      const how = py ? `: ${slopeWords(py, i.unitKind, i.decimals ?? autoDecimals(i.from, i.to))}` : '';
      return `Trenden över ${k} mätningar är ${dir} och statistiskt säkerställd${how}.`;
    }
    if ((i.zEq ?? 0) >= Z90 && dir) return `Trenden över ${k} mätningar är ${dir} men inte statistiskt säkerställd.`;
    return `Ingen trend över ${k} mätningar som går att skilja från slumpen.`;
  }
  if (!isFiniteNumber(from) || !isFiniteNumber(to)) return '';
  const up = to > from;
  const noun = up ? 'Ökningen' : 'Minskningen';
  if (i.method === 'exact') {
    if (to === from) return 'Ingen förändring (fullständiga uppgifter).';
    return `${noun} bygger på fullständiga uppgifter och är ingen slumpeffekt.`;
  }
  if (to === from || (i.zEq ?? 0) < Z90) return 'Ingen förändring som går att skilja från slumpen.';
  if (i.significant && !i.capped) {
    const how = i.size ? `: ${sizeWords(i.size, i.unitKind, i.decimals ?? autoDecimals(i.from, i.to))}` : '';
    return i.provisional
      ? `${noun} är statistiskt säkerställd${how}, men preliminär tills nästa mätning bekräftar den.`
      : `${noun} är statistiskt säkerställd${how}.`;
  }
  if (i.method === 'loq') return `${noun} är inte statistiskt säkerställd (ett av värdena ligger under kvantifieringsgränsen).`;
  if (i.method === 'test-b') return `${noun} är inte statistiskt säkerställd (enstaka prover).`;
  if (i.significant && i.capped)
    return `${noun} är inte statistiskt säkerställd (underlaget räcker inte för att säkerställa en förändring).`;
  return `${noun} är inte statistiskt säkerställd.`;
}

/** The full verdict sentence. */
export function verdictSentence(i: SentenceInput): string {
  if (i.reason) return `Förändringen kan inte bedömas: ${i.reason}.`;
  const from = i.fromBelowLoq ? 0 : i.from;
  const to = i.toBelowLoq ? 0 : i.to;
  // The trend decides the verdict: when the end points disagree with its direction, do not say "ökat"/"minskat".
  const neutral = !!i.trend && isFiniteNumber(from) && isFiniteNumber(to) && Math.sign(to - from) !== Math.sign(i.trend.slope);
  const parts = [changeSentence({ ...i, neutral }), evidenceSentence(i)];
  if (i.targetMet) {
    const dec = i.decimals ?? autoDecimals(i.from, i.to, i.targetMet.value);
    const t = formatWithUnit(i.targetMet.value, i.unitKind, dec);
    parts.push(i.targetMet.withinMargin ? `Målvärdet ${t} är nått, men det ligger inom felmarginalen.` : `Målvärdet ${t} är nått.`);
  }
  return parts.filter((s) => s !== '').join(' ');
}

/** "7 procentenheter" for shares, the value with its unit otherwise. */
function amount(v: number, unitKind: UnitKind, decimals: number): string {
  return unitKind === 'percent' ? `${formatSv(v, decimals)} procentenheter` : formatWithUnit(v, unitKind, decimals);
}

/** "9 procentenheter (95 % KI 5–13)"; a decrease by its magnitude; counts as a relative change "12 % (95 % KI 3–22 %)". */
export function sizeWords(size: ChangeSize, unitKind: UnitKind, decimals: number): string {
  const sign = size.delta < 0 ? -1 : 1;
  const [lo, hi] = sign < 0 ? [-size.high, -size.low] : [size.low, size.high];
  const range = (a: number, b: number, dec: number) =>
    a < 0 ? `${formatSv(a, dec)} till ${formatSv(b, dec)}` : `${formatSv(a, dec)}–${formatSv(b, dec)}`;
  if (size.scale === 'ratio')
    return `${formatSv(sign * size.delta * 100, 0)}${NBSP}% (95${NBSP}% KI ${range(lo * 100, hi * 100, 0)}${NBSP}%)`;
  const dec = Math.max(decimals, 0);
  const unitOnly = unitKind === 'percent' ? '' : (SUFFIX[unitKind] ?? '');
  return `${amount(sign * size.delta, unitKind, dec)} (95${NBSP}% KI ${range(lo, hi, dec)}${unitOnly})`;
}

/** "−1,2 procentenheter per år (95 % KI −2,0 till −0,4)". */
export function slopeWords(s: SlopeEstimate, unitKind: UnitKind, decimals: number): string {
  const dec = Math.max(1, decimals);
  const unit = unitKind === 'percent' ? ' procentenheter' : (SUFFIX[unitKind] ?? '');
  return `${formatSv(s.perYear, dec)}${unit} per år (95${NBSP}% KI ${formatSv(s.low, dec)} till ${formatSv(s.high, dec)})`;
}

/** §7 rule 7: no pace is claimed for a change inside the margin; the slope over all points says how uncertain. */
export function uncertainPaceText(s: SlopeEstimate | null, unitKind: UnitKind, decimals: number): string {
  const base = 'För osäkert för att bedöma takten';
  if (!s) return `${base}.`;
  // A slope whose interval excludes zero is a direction over the whole series, even when the change from the
  // baseline is not säkerställd: say both, so the words never claim less (or more) than the numbers hold.
  const clear = s.low > 0 || s.high < 0;
  return clear
    ? `${base} från baslinjen, men lutningen över alla ${s.points} mätningar är ${slopeWords(s, unitKind, decimals)}: en ${s.low > 0 ? 'ökning' : 'minskning'} över hela serien.`
    : `${base}: lutningen över ${s.points} mätningar är ${slopeWords(s, unitKind, decimals)}.`;
}
