'use client';

import Link from 'next/link';
import { startTransition, useActionState } from 'react';
import { koladaFetchAction, type KoladaState } from './kolada-actions';
import { Preview } from './import-form';

export interface KoladaKpiInfo {
  kpi: string;
  title: string;
  indicator: string;
}

/** The "Hämta från Kolada" button: fetch → the same preview as an uploaded file → confirm. */
export function KoladaFetch({ kpis, error }: { kpis: KoladaKpiInfo[]; error: string | null }) {
  const [state, action, pending] = useActionState<KoladaState, FormData>(koladaFetchAction, { step: 'idle' });

  const confirm = (sha256: string) => {
    const form = new FormData();
    form.set('confirm', '1');
    form.set('sha256', sha256);
    startTransition(() => action(form));
  };

  return (
    <section aria-labelledby="kolada-heading" className="kolada-fetch">
      <h2 id="kolada-heading">Hämta från Kolada</h2>
      <p>
        Hämtar nyckeltalen nedan från Koladas öppna API (v3) för kommunen, länet, riket och länets kommuner, alla år. Du ser först vad som
        hämtats och vad som ändras; inget sparas förrän du bekräftar, och importen kan ångras.
      </p>
      {error ? (
        <p className="notice alert" role="alert">
          {error}
        </p>
      ) : (
        <details>
          <summary>{kpis.length} nyckeltal (data-imports/kolada-kpis.json)</summary>
          <ul>
            {kpis.map((k) => (
              <li key={k.kpi}>
                {k.title} (<code>{k.kpi}</code> → <code>{k.indicator}</code>)
              </li>
            ))}
          </ul>
        </details>
      )}
      <form action={action}>
        <button type="submit" disabled={pending || error !== null}>
          Hämta från Kolada
        </button>
      </form>

      <div role="status" aria-live="polite">
        {pending && <p>Hämtar från Kolada …</p>}
        {!pending && state.step === 'committed' && (
          <div className="notice ok">
            <p>
              <strong>Importen från Kolada är klar.</strong> Hämtat {state.retrieved}: {state.receipt.inserted} nya, {state.receipt.updated}{' '}
              ändrade och {state.receipt.unchanged} oförändrade värden.
            </p>
            <p>
              <Link href={`/import/historik/${state.receipt.importId}`}>Visa importen (nr {state.receipt.importId})</Link> ·{' '}
              <Link href="/">Till översikten</Link>
            </p>
          </div>
        )}
      </div>

      {!pending && state.step === 'refused' && (
        <div className="notice alert" role="alert">
          <p>
            <strong>Hämtningen från Kolada misslyckades.</strong> {state.message}
          </p>
          {state.issues.length > 1 && (
            <ul>
              {state.issues.slice(0, 20).map((i, n) => (
                <li key={n}>
                  {i.row !== null ? `post ${i.row}: ` : ''}
                  {i.value ? `"${i.value}": ` : ''}
                  {i.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      {!pending && state.step === 'preview' && (
        <>
          <p>
            Hämtat från Kolada API v3 {state.retrieved}: {state.kpis.join(', ')} för {state.areas} ({state.requests} anrop, {state.pages}{' '}
            {state.pages === 1 ? 'sida' : 'sidor'}).
            {state.skipped.length > 0 && ` Hoppade över (indikatorn finns inte i katalogen): ${state.skipped.join(', ')}.`}
          </p>
          <Preview p={state.preview} onConfirm={() => confirm(state.preview.sha256)} />
        </>
      )}
    </section>
  );
}
