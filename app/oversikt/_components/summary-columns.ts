import type { SummaryGroup } from '@/lib/data/summary-query';

/** The verdict groups as columns, in the verdict vocabulary and with the badges' shapes (colour is never alone). */
export const COLUMNS: { group: SummaryGroup; shape: string; label: string }[] = [
  { group: 'better', shape: '▲', label: 'Säkerställd förbättring' },
  { group: 'worse', shape: '▼', label: 'Säkerställd försämring' },
  { group: 'unchanged', shape: '●', label: 'Oförändrat' },
  { group: 'noData', shape: '?', label: 'Underlag saknas' },
];
