import type { Assessment } from '@/lib/data/assess';
import { formatNumber } from '@/lib/format';
import { VerdictBadge } from './verdict-badge';

/** The verdict of one indicator with everything that qualifies it: sentence, flags, pace, benchmarks, rank, staleness. */
export function FollowUp({ a, kommunName }: { a: Assessment; kommunName: string }) {
  const v = a.verdict;
  return (
    <div className="verdict">
      <p><VerdictBadge verdict={v} /></p>
      <p>{v.sentence}</p>
      {v.label === 'Underlag saknas' && v.reason && <p>Orsak: {v.reason}.</p>}
      {v.flags.length > 0 && <p>Observera: {v.flags.join('; ')}.</p>}
      {v.notes.map((n) => <p key={n}>{n}</p>)}
      {v.pace && v.pace.label !== 'Kan inte beräknas' && (
        <p>Takt: <strong>{v.pace.label}{v.pace.uncertain ? ' (osäker)' : ''}</strong>{v.pace.method === 2 ? ' mot målvärdet' : ' (planen har inget målvärde)'}.</p>
      )}
      {a.benchmarks.length > 0 && (
        <ul>
          {a.benchmarks.map((b) => <li key={b.key}>{b.text}</li>)}
        </ul>
      )}
      {a.rank && <p>{kommunName} placerar sig på plats {a.rank.rank} av {a.rank.of} kommuner i länet med data ({a.rank.period}).</p>}
      <p>{a.stale.text}</p>
      {v.zEq !== null && <p className="chart-summary">Evidensstyrka z = {formatNumber(v.zEq, 2)} ({v.pointsUsed} mätpunkter).</p>}
    </div>
  );
}
