import { formatDateLong } from '../format';
import type { FollowUpReport, ReportAction, ReportGoal } from './types';

/** Text the PDF, the DOCX and the print page share, so that the three files say the same thing. */

const stockholm = new Intl.DateTimeFormat('sv-SE', {
  day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm',
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
  return report.status === 'decided'
    ? `Beslutad${report.decidedAt ? ` ${dateLong(report.decidedAt)}` : ''}`
    : 'Utkast – ej beslutad';
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
