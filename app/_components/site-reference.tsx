import type { SiteReference } from '@/lib/data/site-reference';
import { OBSERVATION_STATUS_LABELS } from '@/lib/vocabulary';
import { formatNumber, formatValue } from '@/lib/format';
import type { UnitKind } from '@/lib/catalogue/catalogue-file';

interface Props {
  reference: SiteReference;
  unitKind: UnitKind;
  decimals: number;
  /** True on a kommun indicator's card, where the sites are context, not a comparison. */
  asContext: boolean;
}

/** EUDA's Swedish SCORE sites and their daily means: on the cards, in the web review and in the printable report. */
export function ScoreSitesTable({
  period,
  rows,
  className,
  captionHidden = false,
}: {
  period: string;
  rows: { place: string; value: string; missing?: boolean }[];
  className: string;
  captionHidden?: boolean;
}) {
  return (
    <table className={className}>
      <caption className={captionHidden ? 'sr-only' : undefined}>Svenska SCORE-städer {period}</caption>
      <thead>
        <tr>
          <th scope="col">Reningsverk i</th>
          <th scope="col">Dygnsmedel {period}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={`${i}-${r.place}`}>
            <th scope="row">{r.place}</th>
            <td className={r.missing ? 'missing' : 'num'}>{r.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SiteReferenceTable({ reference, unitKind, decimals, asContext }: Props) {
  const range =
    reference.min !== null && reference.max !== null
      ? `${formatNumber(reference.min, decimals)}–${formatValue(reference.max, unitKind, decimals)}`
      : 'alla under kvantifieringsgränsen';
  const table = (
    <ScoreSitesTable
      period={reference.period}
      className="latest"
      captionHidden
      rows={reference.sites.map((s) => ({
        place: s.place,
        value:
          s.value === null ? (s.status ? OBSERVATION_STATUS_LABELS[s.status] : 'Uppgift saknas') : formatValue(s.value, unitKind, decimals),
        missing: s.value === null,
      }))}
    />
  );
  if (asContext) {
    return (
      <details className="data-table">
        <summary>
          Svenska SCORE-städer {reference.period} (EUDA, verkliga data): {range}
        </summary>
        <p className="chart-summary">Annan provtagning (en vecka mars–maj) än kommunens egna mätningar: sammanhang, inte jämförelse.</p>
        {table}
      </details>
    );
  }
  return (
    <>
      <p className="chart-summary">
        Verkliga mätningar, EUDA/SCORE {reference.period}: {reference.sites.length} svenska reningsverk, spann {range}. Inget av dem ligger
        i Dalarna.
      </p>
      {table}
    </>
  );
}
