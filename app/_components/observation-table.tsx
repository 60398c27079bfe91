import type { UnitKind } from '@/lib/catalogue/catalogue-file';
import { describeValue } from '@/lib/display';
import type { ObservationStatus } from '@/lib/vocabulary';
import { TableScroll } from './table-scroll';

export interface TableRowData {
  region: string;
  period: string;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number | null;
  status: string | null;
  example: boolean;
  /** The source's remark from the imported file ("kommentar"), shown as text. */
  note?: string | null;
}

/** Every value with its KI, n and status: the chart's data as a table. */
export function ObservationTable({
  rows,
  caption,
  ind,
}: {
  rows: TableRowData[];
  caption: string;
  ind: { unitKind: UnitKind; decimals: number; type: 'survey' | 'count' | 'wastewater' | 'process' };
}) {
  const hasNotes = rows.some((r) => r.note);
  return (
    <TableScroll label={caption}>
      <table className="data">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Område</th>
            <th scope="col">Period</th>
            <th scope="col">Värde</th>
            <th scope="col">95 % KI / n</th>
            <th scope="col">Status</th>
            {hasNotes && <th scope="col">Kommentar</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const d = describeValue({ ...r, status: r.status as ObservationStatus | null }, ind);
            return (
              <tr key={`${r.region}-${r.period}`}>
                <th scope="row">{r.region}</th>
                <td>{r.period}</td>
                <td className="num">{d.text}</td>
                <td>{d.detail ?? '–'}</td>
                <td>{[...d.flags, r.example ? 'Exempeldata' : ''].filter(Boolean).join(', ') || '–'}</td>
                {hasNotes && <td>{r.note ?? ''}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
