import type { IndicatorType } from '../catalogue/catalogue-file';

export type Visibility = 'hidden' | 'uncertain' | 'shown';

/** Project rules (statistics.md §4): survey n < 30 hidden, 30–49 flagged; register counts 1–4 shown as "<5". */
export function surveyVisibility(n: number | null): Visibility {
  if (n === null) return 'shown';
  if (n < 30) return 'hidden';
  if (n < 50) return 'uncertain';
  return 'shown';
}

export function isSmallCount(type: IndicatorType, unitKind: string, value: number | null): boolean {
  return type === 'count' && unitKind === 'count' && value !== null && value >= 1 && value <= 4;
}
