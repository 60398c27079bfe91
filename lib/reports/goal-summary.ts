/*
 * The one-screen summary of a follow-up: one row per övergripande mål with its verdicts rolled up into four
 * plain counts (säkerställt bättre, säkerställt sämre, oförändrat, ingen data), how many of its indicators
 * rest on real and on example data, the latest period and Brå's own assessment.
 *
 * A pure function over the overview's goal shape, so that the frozen review (the report) and the live overview
 * (the web's first screen) can share it: `summarizeGoal(goal, assessment)`.
 */
import { exampleKey, type SeriesRow } from '../charts/series';
import type { VerdictLabel } from '../stats/types';

/** What summarizeGoal needs of a goal: a subset of OverviewGoal (live or frozen in a review snapshot). */
export interface SummarizableIndicator {
  id: string;
  hasExample: boolean;
  series: SeriesRow[];
  assessment: { verdict: { label: VerdictLabel | null; target?: { met: boolean | null } | null } };
  /** A pure reference series (EUDA's SCORE sites) has this with its own id: context, not a verdict for the kommun. */
  siteReference?: { indicatorId: string } | null;
}

export interface SummarizableGoal {
  code: string;
  text: string;
  indicators: SummarizableIndicator[];
}

export interface GoalVerdictCounts {
  /** "Säkerställd förbättring". */
  better: number;
  /** "Säkerställd försämring". */
  worse: number;
  /** No säkerställd change: "Oförändrat" and the weak "Tecken på …(ej säkerställd)". */
  unchanged: number;
  /** "Underlag saknas": too few comparable values. */
  noData: number;
}

export interface GoalSummaryRow {
  code: string;
  text: string;
  verdicts: GoalVerdictCounts;
  /** Indicators that carry no change verdict: context measures and reference series (e.g. EUDA's SCORE sites). */
  context: number;
  /** Indicators that meet their target (beside the change verdicts, not one of them). */
  targetMet: number;
  /** Indicators whose values are all real statistics. */
  real: number;
  /** Indicators with any example value. */
  example: number;
  /** Indicators with no value at all. */
  empty: number;
  /** The newest period with a real value, e.g. "2025" or "2021–2022"; null when there is none. */
  latestPeriod: string | null;
  /** The newest period with an example value, when it is newer than latestPeriod (or there is no real one). */
  latestExamplePeriod: string | null;
  /** Lokala Brå's own assessment, when recorded. */
  assessment: string | null;
}

const VALUE_KEYS = ['kommun', 'lan', 'riket'] as const;

function newest(rows: { period: string; start: string }[]): { period: string; start: string } | null {
  let best: { period: string; start: string } | null = null;
  for (const r of rows) if (!best || r.start > best.start) best = r;
  return best;
}

/** One goal's row of the summary. `assessment` is Brå's recorded label (null when none). */
export function summarizeGoal(goal: SummarizableGoal, assessment: string | null = null): GoalSummaryRow {
  const verdicts: GoalVerdictCounts = { better: 0, worse: 0, unchanged: 0, noData: 0 };
  let context = 0;
  let targetMet = 0;
  let real = 0;
  let example = 0;
  let empty = 0;
  const realRows: { period: string; start: string }[] = [];
  const exampleRows: { period: string; start: string }[] = [];
  for (const ind of goal.indicators) {
    const reference = ind.siteReference != null && ind.siteReference.indicatorId === ind.id;
    const label = ind.assessment.verdict.label;
    if (reference || label === null) context++;
    else if (label === 'Säkerställd förbättring') verdicts.better++;
    else if (label === 'Säkerställd försämring') verdicts.worse++;
    else if (label === 'Underlag saknas') verdicts.noData++;
    else verdicts.unchanged++;
    if (!reference && ind.assessment.verdict.target?.met === true) targetMet++;

    let anyValue = reference;
    for (const row of ind.series) {
      for (const key of VALUE_KEYS) {
        if (typeof row[key] !== 'number') continue;
        anyValue = true;
        (row[exampleKey(key)] ? exampleRows : realRows).push({ period: row.period, start: row.start });
      }
    }
    if (ind.hasExample) example++;
    else if (anyValue) real++;
    else empty++;
  }
  const latestReal = newest(realRows);
  const latestExample = newest(exampleRows);
  return {
    code: goal.code,
    text: goal.text,
    verdicts,
    context,
    targetMet,
    real,
    example,
    empty,
    latestPeriod: latestReal?.period ?? null,
    latestExamplePeriod: latestExample && (!latestReal || latestExample.start > latestReal.start) ? latestExample.period : null,
    assessment,
  };
}
