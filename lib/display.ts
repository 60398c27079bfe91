import type { IndicatorType, UnitKind } from './catalogue/catalogue-file';
import { formatInterval, formatNumber, formatValue } from './format';
import { isSmallCount, surveyVisibility } from './stats/suppression';
import { OBSERVATION_STATUS_LABELS, type ObservationStatus } from './vocabulary';

export interface ValueText {
  /** Main text: "29,4 %", "<5", or why there is no value. */
  text: string;
  missing: boolean;
  /** "KI 23,0–35,8 · n = 205" where known. */
  detail: string | null;
  flags: string[];
}

interface ValueLike {
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number | null;
  status: ObservationStatus | null;
}

/** How one observation is shown: suppression, status, KI and n applied in one place for every page. */
export function describeValue(o: ValueLike, ind: { unitKind: UnitKind; decimals: number; type: IndicatorType }): ValueText {
  const flags: string[] = [];
  const parts: string[] = [];
  if (o.ciLow !== null && o.ciHigh !== null) parts.push(`KI ${formatInterval(o.ciLow, o.ciHigh, ind.decimals)}`);
  if (o.n !== null) parts.push(`n = ${formatNumber(o.n)}`);
  const detail = parts.length > 0 ? parts.join(' · ') : null;

  if (ind.type === 'survey') {
    const vis = surveyVisibility(o.n);
    // A hidden value's KI would give the value away (its midpoint): only n is shown.
    if (vis === 'hidden') return { text: 'För få svar (n < 30)', missing: true, detail: `n = ${formatNumber(o.n!)}`, flags };
    if (vis === 'uncertain') flags.push('Osäker skattning (n < 50)');
  }
  if (o.value === null) return { text: o.status ? OBSERVATION_STATUS_LABELS[o.status] : 'Uppgift saknas', missing: true, detail, flags };
  if (o.status === 'preliminary') flags.push('Preliminär');
  if (isSmallCount(ind.type, ind.unitKind, o.value)) return { text: '<5', missing: false, detail: null, flags };
  return { text: formatValue(o.value, ind.unitKind, ind.decimals), missing: false, detail, flags };
}
