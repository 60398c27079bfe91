import type { SummaryGroup } from '@/lib/data/summary-query';

/** The verdict groups as columns, in the verdict vocabulary and with the badges' shapes (colour is never alone). */
export const COLUMNS: { group: SummaryGroup; shape: string; label: string }[] = [
  { group: 'better', shape: '▲', label: 'Säkerställd förbättring' },
  { group: 'worse', shape: '▼', label: 'Säkerställd försämring' },
  { group: 'unchanged', shape: '●', label: 'Oförändrat' },
  { group: 'noData', shape: '?', label: 'Underlag saknas' },
];

/** The verdict groups' column headers; `star` marks "Oförändrat" for the note below the table. */
export function VerdictHeaders({ star = false }: { star?: boolean }) {
  return COLUMNS.map((c) => (
    <th key={c.group} scope="col" className="summary-n">
      <span aria-hidden="true">{c.shape} </span>
      {c.label}
      {star && c.group === 'unchanged' && <sup aria-hidden="true">*</sup>}
    </th>
  ));
}

/** A row's count per verdict group, with the group's shape beside a count above zero. */
export function VerdictCells({ verdicts }: { verdicts: Record<SummaryGroup, number> }) {
  return COLUMNS.map((c) => (
    <td key={c.group} className={`summary-n summary-n-${c.group}${verdicts[c.group] === 0 ? ' summary-zero' : ''}`} data-group={c.group}>
      {verdicts[c.group] > 0 && <span aria-hidden="true">{c.shape} </span>}
      {verdicts[c.group]}
    </td>
  ));
}
