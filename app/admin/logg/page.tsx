import type { Metadata } from 'next';
import { AUDIT_ACTIONS, formatAuditTime, type AuditAction } from '@/lib/audit';
import { auditFilterFrom } from '@/lib/audit-query';
import { requirePageRole } from '@/lib/auth/session';
import { getAuditLog } from '@/lib/data/users';

export const metadata: Metadata = { title: 'Ändringslogg' };

function change(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${typeof x === 'object' ? JSON.stringify(x) : String(x)}`).join(', ') : String(v);
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageRole('admin', '/admin/logg');
  const filter = auditFilterFrom(await searchParams);
  const { rows, total } = await getAuditLog(filter);
  const qs = new URLSearchParams(Object.entries(filter.raw).filter((e): e is [string, string] => typeof e[1] === 'string')).toString();
  return (
    <>
      <h1>Ändringslogg</h1>
      <p className="lead">Inloggningar (även misslyckade), importer, ångringar och ändringar av användare: vem, när och vad, med före → efter där det finns.</p>
      <form method="get" className="filters">
        <p>
          <label htmlFor="handelse">Händelse</label>
          <select id="handelse" name="handelse" defaultValue={filter.raw.handelse ?? ''}>
            <option value="">Alla</option>
            {(Object.keys(AUDIT_ACTIONS) as AuditAction[]).map((a) => <option key={a} value={a}>{AUDIT_ACTIONS[a]}</option>)}
          </select>
        </p>
        <p><label htmlFor="q">Sök (vem, vad)</label><input id="q" name="q" type="search" defaultValue={filter.raw.q ?? ''} /></p>
        <p><label htmlFor="fran">Från och med</label><input id="fran" name="fran" type="date" defaultValue={filter.raw.fran ?? ''} /></p>
        <p><label htmlFor="till">Till och med</label><input id="till" name="till" type="date" defaultValue={filter.raw.till ?? ''} /></p>
        <p><button type="submit">Visa</button></p>
      </form>
      <p><a href={`/admin/logg/export${qs ? `?${qs}` : ''}`} download>Ladda ner som CSV (Excel)</a></p>
      <table className="data audit">
        <caption>{total} händelser{total > rows.length ? `, de ${rows.length} senaste visas` : ''}</caption>
        <thead>
          <tr><th scope="col">Tid</th><th scope="col">Vem</th><th scope="col">Händelse</th><th scope="col">Vad</th><th scope="col">Före</th><th scope="col">Efter</th><th scope="col">IP-adress</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-action={r.action}>
              <td>{formatAuditTime(r.at)}</td>
              <td>{r.actor}</td>
              <td>{AUDIT_ACTIONS[r.action as AuditAction] ?? r.action}</td>
              <td>{r.summary}</td>
              <td>{change(r.before)}</td>
              <td>{change(r.after)}</td>
              <td>{r.ip ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
