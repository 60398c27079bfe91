import type { Metadata } from 'next';
import { AUDIT_ACTIONS, formatAuditTime, withNames, type AuditAction } from '@/lib/audit';
import { describeChange, type FieldChange } from '@/lib/audit-format';
import { auditFilterFrom } from '@/lib/audit-query';
import { requirePageRole } from '@/lib/auth/session';
import { getAuditLog } from '@/lib/data/users';
import { normaliseAddress } from '@/lib/net/address';
import { EmailText } from '../../_components/email-text';
import { TableScroll } from '../../_components/table-scroll';

export const metadata: Metadata = { title: 'Ändringslogg' };

/** Before → after per field, in Swedish; for something created or removed, what it held. */
function Change({ changes, hasBefore, hasAfter }: { changes: FieldChange[]; hasBefore: boolean; hasAfter: boolean }) {
  if (changes.length === 0) return null;
  return (
    <ul className="changes">
      {changes.map((c) => (
        <li key={c.field}>
          <span className="field">{c.field}:</span>{' '}
          {hasBefore && hasAfter ? (
            <>
              <del>{c.before ?? '–'}</del> <span aria-hidden="true">→</span>
              <span className="sr-only">blev</span> <ins>{c.after ?? '–'}</ins>
            </>
          ) : (
            <>
              {(hasAfter ? c.after : c.before) ?? '–'}
              {!hasAfter && <span className="muted"> (borttaget)</span>}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageRole('admin', '/admin/logg', 'installation');
  const filter = auditFilterFrom(await searchParams);
  const { rows, total, names } = await getAuditLog(filter);
  const qs = new URLSearchParams(Object.entries(filter.raw).filter((e): e is [string, string] => typeof e[1] === 'string')).toString();
  return (
    <>
      <h1>Ändringslogg</h1>
      <p className="lead">
        Inloggningar (även misslyckade), importer, ångringar och ändringar av användare: vem, när och vad, med före → efter där det finns.
      </p>
      <form method="get" className="filters">
        <p>
          <label htmlFor="handelse">Händelse</label>
          <select id="handelse" name="handelse" defaultValue={filter.raw.handelse ?? ''}>
            <option value="">Alla</option>
            {(Object.keys(AUDIT_ACTIONS) as AuditAction[]).map((a) => (
              <option key={a} value={a}>
                {AUDIT_ACTIONS[a]}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor="q">Sök (vem, vad)</label>
          <input id="q" name="q" type="search" defaultValue={filter.raw.q ?? ''} />
        </p>
        <p>
          <label htmlFor="fran">Från och med</label>
          <input id="fran" name="fran" type="date" defaultValue={filter.raw.fran ?? ''} />
        </p>
        <p>
          <label htmlFor="till">Till och med</label>
          <input id="till" name="till" type="date" defaultValue={filter.raw.till ?? ''} />
        </p>
        <p>
          <button type="submit">Visa</button>
        </p>
      </form>
      <p>
        <a href={`/admin/logg/export${qs ? `?${qs}` : ''}`} download>
          Ladda ner som CSV (Excel)
        </a>
      </p>
      <TableScroll label="Ändringsloggen">
        <table className="data audit">
          <caption>
            {total} händelser{total > rows.length ? `, de ${rows.length} senaste visas` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Tid</th>
              <th scope="col">Vem</th>
              <th scope="col">Händelse</th>
              <th scope="col">Vad och ändring (före → efter)</th>
              <th scope="col">IP-adress</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-action={r.action}>
                <td className="nowrap">{formatAuditTime(r.at)}</td>
                <td className="break">
                  <EmailText value={r.actor} />
                </td>
                <td>{AUDIT_ACTIONS[r.action as AuditAction] ?? r.action}</td>
                <td>
                  {withNames(r.summary, names)}
                  <Change changes={describeChange(r.before, r.after, names)} hasBefore={r.before !== null} hasAfter={r.after !== null} />
                </td>
                <td className="nowrap">{normaliseAddress(r.ip) ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
