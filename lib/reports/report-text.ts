import { formatDateLong } from '../format';
import type { GoalSummaryRow } from './goal-summary';
import type { FollowUpReport, ReportAction, ReportGoal } from './types';

/** Text the PDF, the DOCX and the print page share, so that the three files say the same thing. */

const stockholm = new Intl.DateTimeFormat('sv-SE', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Stockholm',
});

/** "28 november 2026 kl. 10:15" (Swedish time) from an ISO timestamp. */
export function formatGenerated(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = stockholm.formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')} ${get('month')} ${get('year')} kl. ${get('hour')}:${get('minute')}`;
}

/** formatDateLong, but an unparseable date is shown as given rather than throwing. */
export function dateLong(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDateLong(iso) : iso;
}

export function statusLine(report: Pick<FollowUpReport, 'status' | 'decidedAt'>): string {
  return report.status === 'decided' ? `Beslutad${report.decidedAt ? ` ${dateLong(report.decidedAt)}` : ''}` : 'Utkast – ej beslutad';
}

export function rollupLine(goal: ReportGoal): string {
  // "Målet uppnått" is a target status beside the change verdicts, not one more indicator.
  const total = goal.rollup.filter((r) => r.label !== 'Målet uppnått').reduce((s, r) => s + r.count, 0);
  if (total === 0) return 'Inga indikatorer är kopplade till målet.';
  return `${total} ${total === 1 ? 'indikator' : 'indikatorer'}: ${goal.rollup.map((r) => `${r.label} ${r.count}`).join(', ')}.`;
}

export const DELRAPPORT_FIELDS: { key: keyof NonNullable<ReportAction['report']>; label: string }[] = [
  { key: 'done', label: 'Genomfört' },
  { key: 'asPlanned', label: 'Enligt plan' },
  { key: 'how', label: 'Hur' },
  { key: 'hours', label: 'Timmar' },
  { key: 'cost', label: 'Kostnad' },
  { key: 'problems', label: 'Problem' },
  { key: 'proposal', label: 'Förslag' },
];

export const EXAMPLE_WARNING =
  'Exempeldata: värdena för den här indikatorn är exempel, inte verklig statistik. De får inte användas som underlag för beslut.';

// ---------------------------------------------------------------------------------------------------------
// The summary (page 1): the same columns and words in the PDF, the DOCX and the print page.

export const SUMMARY_HEADING = 'Sammanfattning';

export const SUMMARY_COLUMNS: { header: string; width: number }[] = [
  { header: 'Övergripande mål', width: 34 },
  { header: 'Bättre', width: 7 },
  { header: 'Sämre', width: 7 },
  { header: 'Oförändrat', width: 9 },
  { header: 'Ingen data', width: 7 },
  { header: 'Underlag', width: 12 },
  { header: 'Senaste period', width: 11 },
  { header: 'Brå:s bedömning', width: 13 },
];

/** "3 verkliga, 1 exempel" (and "1 utan värden"). */
export function summaryBasis(row: Pick<GoalSummaryRow, 'real' | 'example' | 'empty'>): string {
  const parts = [`${row.real} ${row.real === 1 ? 'verklig' : 'verkliga'}`, `${row.example} exempel`];
  if (row.empty > 0) parts.push(`${row.empty} utan värden`);
  return parts.join(', ');
}

/** One goal's cells, in SUMMARY_COLUMNS order. */
export function summaryCells(row: GoalSummaryRow): string[] {
  const period = [
    row.latestPeriod ?? (row.latestExamplePeriod ? null : '–'),
    row.latestExamplePeriod ? `exempel ${row.latestExamplePeriod}` : null,
  ]
    .filter(Boolean)
    .join('; ');
  return [
    `${row.text} (${row.code})`,
    String(row.verdicts.better),
    String(row.verdicts.worse),
    String(row.verdicts.unchanged),
    String(row.verdicts.noData),
    summaryBasis(row),
    period,
    row.assessment ?? 'Ej registrerad',
  ];
}

export const SUMMARY_NOTE =
  'Bättre och Sämre: säkerställd förbättring eller försämring, utanför felmarginalen (95 % konfidensintervall). ' +
  'Oförändrat: ingen säkerställd förändring (också när det finns tecken på en). Ingen data: för få jämförbara värden för en bedömning. ' +
  'Underlag: hur många av målets indikatorer som bygger på verklig statistik och hur många på exempeldata. ' +
  'Sammanhangsmått och referensmätningar (t.ex. EUDA:s avloppsmätningar i andra städer) har ingen egen bedömning och räknas inte i de fyra kolumnerna.';
