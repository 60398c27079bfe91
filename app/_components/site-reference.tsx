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

export function SiteReferenceTable({ reference, unitKind, decimals, asContext }: Props) {
  const range =
    reference.min !== null && reference.max !== null
      ? `${formatNumber(reference.min, decimals)}–${formatValue(reference.max, unitKind, decimals)}`
      : 'alla under kvantifieringsgränsen';
  const table = (
    <table className="latest">
      <caption className="sr-only">Svenska SCORE-städer {reference.period}</caption>
      <thead>
        <tr>
          <th scope="col">Reningsverk i</th>
          <th scope="col">Dygnsmedel {reference.period}</th>
        </tr>
      </thead>
      <tbody>
        {reference.sites.map((s) => (
          <tr key={s.siteId}>
            <th scope="row">{s.place}</th>
            <td className={s.value === null ? 'missing' : 'num'}>
              {s.value === null
                ? s.status
                  ? OBSERVATION_STATUS_LABELS[s.status]
                  : 'Uppgift saknas'
                : formatValue(s.value, unitKind, decimals)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
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
