'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { kommunPath } from '@/lib/kommun-path';
import type { AreaDetailData } from '@/lib/data/overview-area';

// The cards (and the chart code behind them) are loaded only when an area is opened: `/` itself stays small.
const AreaGoals = dynamic(() => import('./area-goals').then((m) => m.AreaGoals), {
  ssr: false,
  loading: () => <p role="status">Läser in måtten …</p>,
});

type State = { kind: 'idle' | 'loading' | 'error' } | { kind: 'done'; data: AreaDetailData };

/**
 * A priority area's detail under the summary, collapsed. Opening it fetches the lägesbild's words on the area and its
 * cards
 * (`/k/<kommun>/omrade/<kod>/data`) and draws them here. Without JavaScript the disclosure
 * still opens (it is a plain <details>) and offers the area's own page, which has the same cards.
 */
export function AreaDetail({
  code,
  title,
  indicatorCount,
  kommunCode,
}: {
  code: string;
  title: string;
  indicatorCount: number;
  kommunCode: string;
}) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const started = useRef(false);
  const details = useRef<HTMLDetailsElement>(null);
  const href = kommunPath(kommunCode, `/omrade/${code}`);

  async function load() {
    started.current = true;
    setState({ kind: 'loading' });
    try {
      const res = await fetch(`${href}/data`, { headers: { accept: 'application/json' }, cache: 'no-store' });
      if (!res.ok) throw new Error(String(res.status));
      setState({ kind: 'done', data: (await res.json()) as AreaDetailData });
    } catch {
      started.current = false;
      setState({ kind: 'error' });
    }
  }

  // Opened before the page had hydrated (its toggle event came before React listened): load now.
  useEffect(() => {
    if (details.current?.open && !started.current) void load();
  });

  return (
    <details
      ref={details}
      className="summary-detail"
      data-area-detail={code}
      onToggle={(e) => {
        if (e.currentTarget.open && !started.current) void load();
      }}
    >
      <summary>Visa lägesbilden och målens {indicatorCount} mått med värden och diagram</summary>
      {state.kind === 'done' ? (
        <>
          {state.data.area.lagesbildSummary && (
            <p className="summary">
              <strong>Från lägesbilden:</strong> {state.data.area.lagesbildSummary}
            </p>
          )}
          <AreaGoals area={state.data.area} regions={state.data.regions} kommunCode={kommunCode} />
        </>
      ) : (
        <p className="summary-fallback">
          {state.kind === 'loading' && <span role="status">Läser in måtten … </span>}
          {state.kind === 'error' && <span role="alert">Måtten kunde inte läsas in här. </span>}
          <Link href={href}>Öppna {title} med alla mått på en egen sida</Link>
        </p>
      )}
    </details>
  );
}
