'use client';

import { useId, useState } from 'react';
import type { MappingOffer } from '@/lib/import/analyze';
import type { ColumnMapping } from '@/lib/import/mapping';
import { ROLE_LABELS, type Role } from '@/lib/import/mapping-roles';

export interface IndicatorOption {
  id: string;
  name: string;
}

const ROLE_ORDER: Role[] = ['region', 'period', 'value', 'ciLow', 'ciHigh', 'n', 'sex', 'group', 'status', 'kpi'];
const REQUIRED: Role[] = ['region', 'period', 'value'];

/**
 * The column mapping form: which column is region, period, value, KI, n, kön and grupp; which indicator the values
 * are (or one per column in a wide table); a scale for shares written as fractions. Submitting previews the file
 * read with the mapping; it is saved when the import is confirmed.
 */
export function MappingForm({
  offer,
  indicators,
  initial,
  onSubmit,
  onCancel,
}: {
  offer: Pick<MappingOffer, 'headers' | 'sample' | 'sheet'>;
  indicators: IndicatorOption[];
  initial: ColumnMapping;
  onSubmit: (m: ColumnMapping) => void;
  onCancel?: () => void;
}) {
  const id = useId();
  const [columns, setColumns] = useState<ColumnMapping['columns']>(initial.columns);
  const [indicator, setIndicator] = useState(initial.indicator ?? '');
  const [scale, setScale] = useState(String(initial.scale ?? 1));
  const [wide, setWide] = useState<NonNullable<ColumnMapping['wide']>>(initial.wide ?? []);
  const [error, setError] = useState<string | null>(null);
  const headers = offer.headers.filter((h) => h !== '');
  const isWide = !columns.value && wide.length > 0;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const missing = REQUIRED.filter(
      (r) => !columns[r] && !(r === 'value' && isWide) && !(r === 'period' && isWide && wide.every((w) => w.period)),
    );
    if (!indicator && !columns.kpi && !(isWide && wide.every((w) => w.indicator))) missing.push('kpi');
    if (missing.length > 0) {
      setError(`Välj ${missing.map((r) => (r === 'kpi' ? 'indikator' : ROLE_LABELS[r].toLowerCase())).join(', ')}.`);
      return;
    }
    setError(null);
    const cleaned = Object.fromEntries(Object.entries(columns).filter(([, v]) => v)) as ColumnMapping['columns'];
    onSubmit({
      columns: cleaned,
      ...(indicator ? { indicator } : {}),
      ...(Number(scale) !== 1 ? { scale: Number(scale) } : {}),
      ...(isWide ? { wide } : {}),
    });
  }

  return (
    <form onSubmit={submit} className="mapping-form" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Ange vilken kolumn som är vad</h3>
      <p>
        Filen liknar en lång tabell (ett värde per rad) men följer ingen känd mall. Välj indikator och kolumner; förslagen kommer från
        kolumnernas namn. Mappningen sparas när du bekräftar importen och används automatiskt nästa gång en fil med samma kolumner laddas
        upp.
      </p>
      <div className="table-scroll" role="region" aria-label="De första raderna i filen (rullbar tabell)" tabIndex={0}>
        <table className="data">
          <caption>De första raderna i filen{offer.sheet ? ` (blad "${offer.sheet}")` : ''}</caption>
          <thead>
            <tr>
              {offer.headers.map((h, i) => (
                <th key={i} scope="col">
                  {h || '–'}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {offer.sample.map((r, i) => (
              <tr key={i}>
                {offer.headers.map((_, j) => (
                  <td key={j}>{r[j] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <label htmlFor={`${id}-ind`}>Indikator</label>
        <select id={`${id}-ind`} value={indicator} onChange={(e) => setIndicator(e.target.value)}>
          <option value="">{columns.kpi ? 'Från kolumnen för nyckeltal' : 'Välj indikator …'}</option>
          {indicators.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name} ({i.id})
            </option>
          ))}
        </select>
      </p>
      <fieldset>
        <legend>Kolumner</legend>
        {ROLE_ORDER.map((role) => (
          <p key={role}>
            <label htmlFor={`${id}-${role}`}>
              {ROLE_LABELS[role]}
              {REQUIRED.includes(role) && !(isWide && role !== 'region') ? ' (krävs)' : ''}
            </label>
            <select
              id={`${id}-${role}`}
              value={columns[role] ?? ''}
              onChange={(e) => setColumns({ ...columns, [role]: e.target.value || undefined })}
            >
              <option value="">Ingen</option>
              {headers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </p>
        ))}
      </fieldset>
      {isWide && (
        <fieldset>
          <legend>En kolumn per värde (bred tabell)</legend>
          {wide.map((w, i) => (
            <p key={w.column}>
              <label htmlFor={`${id}-w${i}`}>
                Indikator för kolumnen &quot;{w.column}&quot;{w.period ? ` (period ${w.period})` : w.sex ? ` (kön ${w.sex})` : ''}
              </label>
              <select
                id={`${id}-w${i}`}
                value={w.indicator ?? ''}
                onChange={(e) => setWide(wide.map((x, j) => (j === i ? { ...x, indicator: e.target.value || undefined } : x)))}
              >
                <option value="">Samma som ovan</option>
                {indicators.map((ind) => (
                  <option key={ind.id} value={ind.id}>
                    {ind.name} ({ind.id})
                  </option>
                ))}
              </select>
            </p>
          ))}
        </fieldset>
      )}
      <p>
        <label htmlFor={`${id}-scale`}>Skala</label>
        <select id={`${id}-scale`} value={scale} onChange={(e) => setScale(e.target.value)}>
          <option value="1">Värdena som de står</option>
          <option value="100">Andelar skrivna som bråk (0,046 → 4,6 %): multiplicera med 100</option>
        </select>
      </p>
      {error && (
        <p className="notice alert" role="alert">
          {error}
        </p>
      )}
      <p className="actions">
        <button type="submit">Förhandsgranska med mappningen</button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Avbryt
          </button>
        )}
      </p>
    </form>
  );
}
