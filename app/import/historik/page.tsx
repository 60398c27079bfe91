import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageRole } from '@/lib/auth/session';
import { getImportHistory } from '@/lib/data/imports';
import { formatNumber } from '@/lib/format';
import { IMPORT_KIND_LABELS } from '@/lib/vocabulary';

export const metadata: Metadata = { title: 'Importhistorik' };

const when = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Stockholm' });

export default async function ImportHistoryPage() {
  // Who imported (e-mail addresses) is for signed-in users only, even when the dashboard is public.
  await requirePageRole('reader', '/import/historik');
  const rows = await getImportHistory();
  return (
    <>
      <h1>Importhistorik</h1>
      <p className="lead">
        Varje import med fil, kontrollsumma, källa, vem och när. Öppna en import för att se vad den ändrade eller ångra den.
      </p>
      <p>
        <Link href="/import">Ny import</Link>
      </p>
      <table className="data">
        <caption>{rows.length} importer, senaste först</caption>
        <thead>
          <tr>
            <th scope="col">Nr</th>
            <th scope="col">Tid</th>
            <th scope="col">Fil</th>
            <th scope="col">Källa</th>
            <th scope="col">Vem</th>
            <th scope="col">Nya</th>
            <th scope="col">Ändrade</th>
            <th scope="col">Oförändrade</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ imp, sourceName }) => (
            <tr key={imp.id}>
              <td>
                <Link href={`/import/historik/${imp.id}`}>{imp.id}</Link>
              </td>
              <td>{when.format(imp.createdAt)}</td>
              <td>
                {imp.fileName}
                <br />
                <code title={imp.sha256}>{imp.sha256.slice(0, 12)}…</code>
              </td>
              <td>
                {imp.publication
                  ? `${imp.publisher ? `${imp.publisher}, ` : ''}${imp.publication}`
                  : (sourceName ?? IMPORT_KIND_LABELS[imp.kind])}
              </td>
              <td>{imp.createdBy}</td>
              <td className="num">{formatNumber(imp.inserted)}</td>
              <td className="num">{formatNumber(imp.updated)}</td>
              <td className="num">{formatNumber(imp.unchanged)}</td>
              <td>{imp.undoneAt ? `Ångrad ${when.format(imp.undoneAt)}` : IMPORT_KIND_LABELS[imp.kind]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
