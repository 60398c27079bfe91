import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { mayInAnyKommun } from '@/lib/auth/roles';
import { requirePageRole } from '@/lib/auth/session';
import { getImportDetail } from '@/lib/data/imports';
import { formatNumber } from '@/lib/format';
import { idParam } from '@/lib/params';
import { REVISION_ACTION_LABELS } from '@/lib/vocabulary';
import { ConfirmStep } from '../../../_components/confirm-step';
import { undoImportAction } from './actions';

export const metadata: Metadata = { title: 'Import' };

const when = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Stockholm' });

function valueOf(state: Record<string, unknown> | null): string {
  if (!state || state.removed) return '–';
  if (typeof state.value === 'number') return formatNumber(state.value, 2).replace(/,?0+$/, '') + (state.isExample ? ' (exempel)' : '');
  return typeof state.status === 'string' ? `saknas (${state.status})` : '–';
}

export default async function ImportDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ angrad?: string; angra?: string }>;
}) {
  const rawId = (await params).id;
  const user = await requirePageRole('reader', `/import/historik/${encodeURIComponent(rawId)}`);
  const id = idParam(rawId);
  if (id === null) notFound();
  const detail = await getImportDetail(id);
  if (!detail) notFound();
  const { imp, sourceName, revisions, added } = detail;
  const changes = [
    ...revisions
      .filter(({ rev }) => rev.action !== 'undo')
      .map(({ rev, indicatorName, regionName }) => ({
        key: `r${rev.id}`,
        action: REVISION_ACTION_LABELS[rev.action],
        indicatorId: rev.indicatorId,
        indicatorName,
        regionName: regionName ?? rev.regionCode,
        period: rev.period,
        group: [rev.sex !== 'T' ? rev.sex : '', rev.grp, rev.site].filter(Boolean).join(', '),
        before: valueOf(rev.before),
        after: valueOf(rev.after),
      })),
    ...added.map(({ obs, indicatorName, regionName }) => ({
      key: `o${obs.id}`,
      action: 'Ny',
      indicatorId: obs.indicatorId,
      indicatorName,
      regionName: regionName ?? obs.regionCode,
      period: obs.period,
      group: [obs.sex !== 'T' ? obs.sex : '', obs.grp, obs.site].filter(Boolean).join(', '),
      before: '–',
      after: valueOf(obs),
    })),
  ];
  const sp = await searchParams;
  const undone = sp.angrad === '1';
  const canUndo = imp.kind === 'upload' && !imp.undoneAt && mayInAnyKommun(user, 'coordinator');
  const replaced = revisions.filter(({ rev }) => rev.action !== 'undo').length;
  return (
    <>
      <h1>
        Import nr {imp.id}: {imp.fileName}
      </h1>
      {undone && imp.undoneAt && (
        <p className="notice ok" role="status">
          Import nr {imp.id} ({imp.fileName}) är ångrad: värdena den ersatte gäller igen och värdena den lade till är borttagna. Vill du ha
          tillbaka dem, importera filen på nytt.
        </p>
      )}
      <dl className="facts">
        <dt>Tid</dt>
        <dd>{when.format(imp.createdAt)}</dd>
        <dt>Vem</dt>
        <dd>{imp.createdBy}</dd>
        <dt>Källa</dt>
        <dd>
          {imp.publication ? `${imp.publisher ?? ''}${imp.publisher ? ', ' : ''}${imp.publication}` : (sourceName ?? '–')}
          {imp.adapter ? ` (${imp.adapter})` : ''}
        </dd>
        {imp.retrieved && (
          <>
            <dt>Hämtad</dt>
            <dd>
              {imp.retrieved}
              {imp.sourceUrl && (
                <>
                  {' '}
                  från <a href={imp.sourceUrl}>{imp.sourceUrl}</a>
                </>
              )}
            </dd>
          </>
        )}
        {imp.provenanceNote && (
          <>
            <dt>Ursprung</dt>
            <dd>{imp.provenanceNote}</dd>
          </>
        )}
        {imp.sheet && (
          <>
            <dt>Blad</dt>
            <dd>{imp.sheet}</dd>
          </>
        )}
        <dt>SHA-256</dt>
        <dd>
          <code>{imp.sha256}</code>
        </dd>
        <dt>Innehåll</dt>
        <dd>
          {formatNumber(imp.rows)} rader, {formatNumber(imp.observations)} värden: {imp.inserted} nya, {imp.updated} ändrade,{' '}
          {imp.unchanged} oförändrade
        </dd>
        <dt>Status</dt>
        <dd>{imp.undoneAt ? `Ångrad ${when.format(imp.undoneAt)} av ${imp.undoneBy}` : 'Gäller'}</dd>
      </dl>
      {canUndo &&
        (sp.angra === '1' ? (
          <ConfirmStep
            kind="import_undo"
            target={imp.id}
            userId={user.id}
            heading={`Ångra import nr ${imp.id} (${imp.fileName})?`}
            action={undoImportAction}
            fields={{ importId: imp.id }}
            confirmLabel="Ja, ångra importen"
            cancelHref={`/import/historik/${imp.id}`}
          >
            <p>
              De {formatNumber(replaced)} värden importen ändrade får tillbaka sina tidigare värden, och de {formatNumber(added.length)}{' '}
              värden den lade till tas bort. Översikten och målens bedömningar räknas om. Ångringen förs in i ändringsloggen; för att få
              tillbaka värdena importerar du filen igen.
            </p>
          </ConfirmStep>
        ) : (
          <p>
            Att ångra återställer exakt de värden importen ersatte och tar bort de värden den lade till.{' '}
            <Link className="button danger-start" href={`/import/historik/${imp.id}?angra=1#bekrafta`}>
              Ångra importen
            </Link>
          </p>
        ))}
      {imp.kind === 'upload' && !imp.undoneAt && !mayInAnyKommun(user, 'coordinator') && <p>En samordnare kan ångra importen.</p>}
      <h2>Vad importen ändrade</h2>
      {changes.length === 0 ? (
        <p>
          {imp.kind === 'upload'
            ? 'Importen ändrade inga värden som fortfarande gäller (allt fanns redan, eller importen är ångrad).'
            : 'Grund- och exempeldata spåras inte värde för värde.'}
        </p>
      ) : (
        <table className="data">
          <caption>{changes.length} ändringar</caption>
          <thead>
            <tr>
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
            {changes.map((c) => (
              <tr key={c.key}>
                <td>{c.action}</td>
                <td title={c.indicatorId}>{c.indicatorName ?? c.indicatorId}</td>
                <td>{c.regionName}</td>
                <td>{c.period}</td>
                <td>{c.group || '–'}</td>
                <td>{c.before}</td>
                <td>{c.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <Link href="/import/historik">Tillbaka till importhistoriken</Link>
      </p>
    </>
  );
}
