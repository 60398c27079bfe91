'use client';

import Link from 'next/link';
import { useId, useRef, useState } from 'react';
import type { MappingOffer } from '@/lib/import/analyze';
import type { ColumnMapping } from '@/lib/import/mapping';
import { ROLE_LABELS, ROLES } from '@/lib/import/mapping-roles';
import type { ImportPreview, ImportReceipt, ImportRefusal } from '@/lib/import/preview';
import { formatNumber } from '@/lib/format';
import { labelOf, OBSERVATION_STATUS_SHORT } from '@/lib/vocabulary';
import { MappingForm, type IndicatorOption } from './mapping-form';

type Response = ImportPreview | ImportReceipt | ImportRefusal;
type State =
  | { step: 'idle' }
  | { step: 'sending'; confirm: boolean; progress: number | null }
  | { step: 'preview'; preview: ImportPreview }
  | { step: 'refused'; refusal: ImportRefusal }
  | { step: 'mapping'; offer: Pick<MappingOffer, 'headers' | 'sample' | 'sheet'>; initial: ColumnMapping; message: string | null }
  | { step: 'committed'; receipt: ImportReceipt };

/** XHR rather than fetch: it reports upload progress, which large files need. */
function send(form: FormData, onProgress: (p: number | null) => void): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/import');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => onProgress(e.lengthComputable ? Math.round((e.loaded / e.total) * 100) : null);
    xhr.upload.onload = () => onProgress(null);
    xhr.onload = () => (xhr.response ? resolve(xhr.response as Response) : reject(new Error(`Servern svarade ${xhr.status}`)));
    xhr.onerror = () => reject(new Error('Kunde inte nå servern.'));
    xhr.send(form);
  });
}

const shown = (v: { value: number | null; status: string | null } | null) =>
  v === null
    ? '–'
    : v.value === null
      ? v.status
        ? labelOf(OBSERVATION_STATUS_SHORT, v.status)
        : '–'
      : formatNumber(v.value, 2).replace(/,?0+$/, '');

export function ImportForm({ adapters, indicators }: { adapters: { id: string; label: string }[]; indicators: IndicatorOption[] }) {
  const [state, setState] = useState<State>({ step: 'idle' });
  // The column mapping chosen in the mapping form: sent with the preview and again with the confirmation.
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [sheet, setSheet] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  const sourceRef = useRef<HTMLSelectElement>(null);
  const statusId = useId();

  async function submit(confirm: boolean, sha256?: string, withMapping: ColumnMapping | null = mapping) {
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setState({ step: 'refused', refusal: { status: 'refused', message: 'Välj en fil att importera.', issues: [] } });
      return;
    }
    const form = new FormData();
    form.set('file', file);
    if (sourceRef.current?.value) form.set('source', sourceRef.current.value);
    if (sheet) form.set('sheet', sheet);
    if (withMapping) form.set('mapping', JSON.stringify(withMapping));
    if (confirm && sha256) {
      form.set('confirm', '1');
      form.set('sha256', sha256);
    }
    setState({ step: 'sending', confirm, progress: 0 });
    try {
      const res = await send(form, (progress) => setState({ step: 'sending', confirm, progress }));
      if (res.status === 'preview') setState({ step: 'preview', preview: res });
      else if (res.status === 'committed') setState({ step: 'committed', receipt: res });
      else if (res.mapping && !withMapping)
        setState({ step: 'mapping', offer: res.mapping, initial: res.mapping.suggestion, message: res.message });
      else setState({ step: 'refused', refusal: res });
    } catch (err) {
      setState({ step: 'refused', refusal: { status: 'refused', message: (err as Error).message, issues: [] } });
    }
  }

  const sheets = state.step === 'refused' ? state.refusal.sheets : undefined;

  return (
    <div className="import">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit(false);
        }}
        className="import-form"
      >
        <p>
          <label htmlFor="import-file">Fil (.csv, .xlsx eller .json)</label>
          <input
            id="import-file"
            ref={fileRef}
            type="file"
            name="file"
            accept=".csv,.txt,.tsv,.xlsx,.json"
            required
            onChange={() => {
              setSheet('');
              setMapping(null);
              setState({ step: 'idle' });
            }}
          />
        </p>
        <p>
          <label htmlFor="import-source">Källa</label>
          <select id="import-source" ref={sourceRef} name="source" defaultValue="">
            <option value="">Känn igen automatiskt från rubrikraden</option>
            {adapters.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </p>
        {(sheets || sheet) && (
          <p>
            <label htmlFor="import-sheet">Blad i arbetsboken</label>
            <select id="import-sheet" value={sheet} onChange={(e) => setSheet(e.target.value)}>
              <option value="">Välj blad …</option>
              {(sheets ?? [sheet]).map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </p>
        )}
        <button type="submit" disabled={state.step === 'sending'}>
          Förhandsgranska
        </button>
      </form>

      <div id={statusId} role="status" aria-live="polite">
        {state.step === 'sending' && (
          <p>
            {state.progress === null
              ? state.confirm
                ? 'Importerar …'
                : 'Läser och kontrollerar filen …'
              : `Laddar upp … ${state.progress} %`}
            <br />
            <progress max={100} value={state.progress ?? undefined} aria-label="Förlopp" />
          </p>
        )}
        {state.step === 'committed' && (
          <div className="notice ok">
            <p>
              <strong>Importen är klar.</strong> {state.receipt.fileName}: {state.receipt.inserted} nya, {state.receipt.updated} ändrade och{' '}
              {state.receipt.unchanged} oförändrade värden.
            </p>
            <p>
              <Link href={`/import/historik/${state.receipt.importId}`}>Visa importen (nr {state.receipt.importId})</Link> ·{' '}
              <Link href="/">Till översikten</Link>
            </p>
          </div>
        )}
      </div>

      {state.step === 'refused' && (
        <div className="notice alert" role="alert">
          <p>
            <strong>Filen kan inte importeras.</strong> {state.refusal.message}
          </p>
          {state.refusal.issues.length > 1 && <IssueTable issues={state.refusal.issues} total={state.refusal.issues.length} />}
        </div>
      )}

      {state.step === 'mapping' && (
        <section className="preview" aria-label="Kolumnmappning">
          {state.message && <p className="notice warn">{state.message}</p>}
          <MappingForm
            offer={state.offer}
            indicators={indicators}
            initial={state.initial}
            onSubmit={(m) => {
              setMapping(m);
              void submit(false, undefined, m);
            }}
            onCancel={() => {
              setMapping(null);
              setState({ step: 'idle' });
            }}
          />
        </section>
      )}

      {state.step === 'preview' && (
        <Preview
          p={state.preview}
          onConfirm={() => void submit(true, state.preview.sha256)}
          onChangeMapping={
            state.preview.mapping
              ? () =>
                  setState({
                    step: 'mapping',
                    offer: { headers: state.preview.mapping!.headers, sample: [], sheet: state.preview.sheet },
                    initial: state.preview.mapping!.mapping,
                    message: null,
                  })
              : undefined
          }
        />
      )}
    </div>
  );
}

function IssueTable({ issues, total }: { issues: ImportPreview['issues']; total: number }) {
  const sheets = issues.some((i) => i.sheet);
  return (
    <div className="table-scroll" role="region" aria-label="Fel i filen (rullbar tabell)" tabIndex={0}>
      <table className="data">
        <caption>
          {total} fel{total > issues.length ? ` (de ${issues.length} första visas)` : ''}
        </caption>
        <thead>
          <tr>
            {sheets && <th scope="col">Blad</th>}
            <th scope="col">Rad</th>
            <th scope="col">Kolumn</th>
            <th scope="col">Värde</th>
            <th scope="col">Vad som är fel</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((i, n) => (
            <tr key={n}>
              {sheets && <td>{i.sheet ?? '–'}</td>}
              <td>{i.row ?? '–'}</td>
              <td>{i.column ?? '–'}</td>
              <td>
                <code>{i.value ?? ''}</code>
              </td>
              <td>{i.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const named = (names: Record<string, string>, id: string) => (names[id] && names[id] !== id ? `${names[id]} (${id})` : id);

/** The mapping a preview was read with, in words: "Region ← Boendekommun; Period ← År …". */
function MappingFacts({
  m,
  names,
  onChange,
}: {
  m: NonNullable<ImportPreview['mapping']>;
  names: Record<string, string>;
  onChange?: () => void;
}) {
  const roles = ROLES.filter((r) => m.mapping.columns[r]).map((r) => `${ROLE_LABELS[r]} ← ${m.mapping.columns[r]}`);
  return (
    <div className="notice">
      <p>
        <strong>{m.origin === 'saved' ? 'Sparad kolumnmappning används' : 'Kolumnmappning (sparas när du bekräftar)'}</strong>
        {m.origin === 'saved' && m.savedBy ? `, sparad av ${m.savedBy}` : ''}:{' '}
        {m.mapping.indicator ? `indikator ${named(names, m.mapping.indicator)}; ` : ''}
        {roles.join('; ')}
        {m.mapping.wide?.length ? `; ${m.mapping.wide.length} värdekolumner` : ''}
        {m.mapping.scale ? `; skala × ${m.mapping.scale}` : ''}.
      </p>
      {onChange && (
        <p>
          <button type="button" onClick={onChange}>
            Ändra mappningen
          </button>
        </p>
      )}
    </div>
  );
}

export function Preview({ p, onConfirm, onChangeMapping }: { p: ImportPreview; onConfirm: () => void; onChangeMapping?: () => void }) {
  const ok = p.issueCount === 0;
  return (
    <section aria-labelledby="preview-heading" className="preview">
      <h2 id="preview-heading">Förhandsgranskning: {p.fileName}</h2>
      <p>Inget har sparats ännu.</p>
      <dl className="facts">
        <dt>Källa</dt>
        <dd>{p.adapter.label}</dd>
        {p.provenance && (
          <>
            <dt>Publikation</dt>
            <dd>
              {p.provenance.publisher}, {p.provenance.publication}
            </dd>
          </>
        )}
        <dt>Fil</dt>
        <dd>
          {p.format.toUpperCase()}
          {p.encoding ? `, ${p.encoding}` : ''}
          {p.sheet ? `, blad "${p.sheet}"` : p.sheets.length > 1 ? `, ${p.sheets.length} blad i en import` : ''}, {formatNumber(p.size)}{' '}
          byte
        </dd>
        <dt>SHA-256</dt>
        <dd>
          <code>{p.sha256}</code>
        </dd>
        <dt>Rader</dt>
        <dd>
          {formatNumber(p.rows)} rader, {formatNumber(p.observations)} värden
        </dd>
        <dt>Indikatorer</dt>
        <dd>{p.summary.indicators.map((i) => named(p.names.indicators, i)).join('; ') || '–'}</dd>
        <dt>Regioner</dt>
        <dd>{p.summary.regions.map((r) => named(p.names.regions, r)).join(', ') || '–'}</dd>
        <dt>Perioder</dt>
        <dd>{p.summary.periods.join(', ') || '–'}</dd>
        <dt>Uppdelningar</dt>
        <dd>{p.summary.breakdowns.join(', ') || 'inga (totalt)'}</dd>
      </dl>
      {p.mapping && <MappingFacts m={p.mapping} names={p.names.indicators} onChange={onChangeMapping} />}
      {p.notes.map((n) => (
        <p key={n} className="notice warn">
          {n}
        </p>
      ))}
      {!ok ? (
        <div className="notice alert" role="alert">
          <p>
            <strong>Filen har {p.issueCount} fel och kan inte importeras.</strong> Rätta felen i filen och förhandsgranska igen: ingenting
            skrivs förrän alla rader är rätt.
          </p>
          <IssueTable issues={p.issues} total={p.issueCount} />
        </div>
      ) : (
        <>
          <h3>Jämfört med databasen</h3>
          <p>
            <strong>{formatNumber(p.diff.inserted)}</strong> nya, <strong>{formatNumber(p.diff.updated)}</strong> ändrade och{' '}
            <strong>{formatNumber(p.diff.unchanged)}</strong> oförändrade värden.
          </p>
          {p.diff.affectedGoals.length > 0 && <p>Berör målen: {p.diff.affectedGoals.map((g) => `${g.code} ${g.text}`).join('; ')}.</p>}
          {p.diff.changes.length > 0 && (
            <div className="table-scroll" role="region" aria-label="Nya och ändrade värden (rullbar tabell)" tabIndex={0}>
              <table className="data">
                <caption>
                  Nya och ändrade värden
                  {p.diff.inserted + p.diff.updated > p.diff.shownChanges ? ` (de ${p.diff.shownChanges} första)` : ''}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Rad</th>
                    <th scope="col">Ändring</th>
                    <th scope="col">Indikator</th>
                    <th scope="col">Region</th>
                    <th scope="col">Period</th>
                    <th scope="col">Grupp</th>
                    <th scope="col">Före</th>
                    <th scope="col">Efter</th>
                  </tr>
                </thead>
                <tbody>
                  {p.diff.changes.map((c, i) => (
                    <tr key={i}>
                      <td>{c.row}</td>
                      <td>{c.kind === 'new' ? 'Ny' : c.before?.isExample ? 'Ersätter exempeldata' : 'Ändrad'}</td>
                      <td>{named(p.names.indicators, c.indicatorId)}</td>
                      <td>{named(p.names.regions, c.regionCode)}</td>
                      <td>{c.period}</td>
                      <td>{[c.sex !== 'T' ? c.sex : '', c.grp, c.site].filter(Boolean).join(', ') || '–'}</td>
                      <td>{shown(c.before)}</td>
                      <td>{shown(c.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <button type="button" onClick={onConfirm} disabled={p.diff.inserted + p.diff.updated === 0}>
            Bekräfta och importera
          </button>
          {p.diff.inserted + p.diff.updated === 0 && <p>Filen innehåller inget nytt: allt finns redan i databasen.</p>}
        </>
      )}
    </section>
  );
}
