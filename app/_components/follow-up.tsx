import Link from 'next/link';
import type { Assessment } from '@/lib/data/assess';
import { formatNumber } from '@/lib/format';
import { TERMS } from '@/lib/vocabulary';
import { METHOD_PAGE, VerdictBadge } from './verdict-badge';

/** The verdict of one indicator with everything that qualifies it: sentence, flags, pace, benchmarks, rank, staleness. */
export function FollowUp({ a, kommunName }: { a: Assessment; kommunName: string }) {
  const v = a.verdict;
  return (
    <div className="verdict">
      <p>
        <VerdictBadge verdict={v} />
      </p>
      <p>{v.sentence}</p>
      {v.label === 'Underlag saknas' && v.reason && <p>Orsak: {v.reason}.</p>}
      {v.flags.length > 0 && <p>Observera: {v.flags.join('; ')}.</p>}
      {v.notes.map((n) => (
        <p key={n}>{n}</p>
      ))}
      {v.pace && v.pace.label !== 'Kan inte beräknas' && (
        <p>
          Takt: <strong>{v.pace.text}</strong>
        </p>
      )}
      {a.benchmarks.length > 0 && (
        <ul>
          {a.benchmarks.map((b) => (
            <li key={b.key}>{b.text}</li>
          ))}
        </ul>
      )}
      {a.rank && (
        <p>
          {kommunName} har plats {a.rank.rank} av {a.rank.of} kommuner i länet med redovisade värden ({a.rank.period}); med hänsyn till
          osäkerheten kan den verkliga placeringen ligga mellan {a.rank.low} och {a.rank.high} (
          <Link href={`${METHOD_PAGE}#rang`}>om rangordning</Link>).
        </p>
      )}
      <p>{a.stale.text}</p>
      {v.zEq !== null && (
        <details className="analyst">
          <summary>{TERMS.forAnalysts}</summary>
          <p>
            Evidensstyrka z = {formatNumber(v.zEq, 2)} ({v.pointsUsed} mätpunkter): hur långt från ingen förändring mätningarna ligger, i
            standardfel. Gränsen för säkerställd är 1,96, för tecken 1,64 (<Link href={`${METHOD_PAGE}#sakerstalld`}>om metoden</Link>).
          </p>
        </details>
      )}
    </div>
  );
}
