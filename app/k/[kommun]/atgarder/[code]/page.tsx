import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { notFound } from 'next/navigation';
import { pageKommun } from '@/lib/data/kommun';
import { kommunPath } from '@/lib/kommun-path';
import { mayIn } from '@/lib/auth/roles';
import { currentUser } from '@/lib/auth/session';
import { getMeasureView } from '@/lib/data/followup';
import {
  AS_PLANNED,
  AS_PLANNED_LABELS,
  EFFECT_HORIZON_LABELS,
  EFFECT_HORIZONS,
  MEASURE_STATUS_LABELS,
  MEASURE_STATUSES,
} from '@/lib/vocabulary';
import { formatDateLong, formatNumber } from '@/lib/format';
import { StateForm } from '@/app/_components/state-form';
import { saveMeasureReportAction, updateMeasureAction } from '../actions';

export const metadata: Metadata = { title: 'Åtgärd' };

export default async function ActionPage({
  params,
  searchParams,
}: {
  params: Promise<{ kommun: string; code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const code = decodeURIComponent((await params).code);
  const kommun = await pageKommun(params);
  const [view, user] = await Promise.all([getMeasureView(code, kommun), currentUser()]);
  if (!view) notFound();
  const sp = await searchParams;
  const thisYear = new Date().getFullYear();
  const year = typeof sp.ar === 'string' && /^\d{4}$/.test(sp.ar) ? Number(sp.ar) : thisYear;
  const report = view.reports.find((r) => r.year === year);
  const canEdit = mayIn(user, 'coordinator', kommun);
  const { action } = view;
  return (
    <>
      <p>
        <Link href={kommunPath(kommun, '/atgarder')}>Alla åtgärder</Link>
      </p>
      <h1>
        {action.code}: {action.title}
      </h1>
      <dl className="facts">
        <dt>Prioriterat område</dt>
        <dd>{view.areaTitle}</dd>
        <dt>Vem (ansvariga)</dt>
        <dd>{view.responsible.join(', ') || '–'}</dd>
        <dt>Status</dt>
        <dd>{MEASURE_STATUS_LABELS[action.status]}</dd>
        <dt>Start</dt>
        <dd>{action.startDate ? formatDateLong(action.startDate) : 'Inget startdatum (diagrammen visar planens start)'}</dd>
        <dt>Slut</dt>
        <dd>{action.endDate ? formatDateLong(action.endDate) : '–'}</dd>
        <dt>Förväntad effekt</dt>
        <dd>{action.effectHorizon ? EFFECT_HORIZON_LABELS[action.effectHorizon] : '–'}</dd>
        <dt>Mål</dt>
        <dd>
          <ul>
            {view.goals.map((g) => (
              <li key={g.code}>
                {g.kind === 'overall' ? <Link href={kommunPath(kommun, `/mal/${g.code}`)}>{g.code}</Link> : g.code}: {g.text}
              </li>
            ))}
          </ul>
        </dd>
        <dt>Indikatorer</dt>
        <dd>
          {view.indicators.length === 0 ? (
            '–'
          ) : (
            <ul>
              {view.indicators.map((ind) => (
                <li key={ind.id}>
                  <Link href={kommunPath(kommun, `/indikatorer/${ind.id}`)}>{ind.name}</Link>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>

      {canEdit && (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">Ändra status och datum</h2>
          <StateForm action={updateMeasureAction.bind(null, kommun)} submit="Spara åtgärden">
            <input type="hidden" name="actionId" value={action.id} />
            <p>
              <label htmlFor="status">Status</label>
              <select id="status" name="status" defaultValue={action.status}>
                {MEASURE_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {MEASURE_STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </p>
            <p>
              <label htmlFor="startDate">Startdatum</label>
              <input id="startDate" name="startDate" type="date" defaultValue={action.startDate ?? ''} />
            </p>
            <p>
              <label htmlFor="endDate">Slutdatum</label>
              <input id="endDate" name="endDate" type="date" defaultValue={action.endDate ?? ''} />
            </p>
            <p>
              <label htmlFor="effectHorizon">Förväntad effekt</label>
              <select id="effectHorizon" name="effectHorizon" defaultValue={action.effectHorizon ?? ''}>
                <option value="">Ej angiven</option>
                {EFFECT_HORIZONS.map((h) => (
                  <option key={h} value={h}>
                    {EFFECT_HORIZON_LABELS[h]}
                  </option>
                ))}
              </select>
            </p>
          </StateForm>
        </section>
      )}

      <section aria-labelledby="report-heading">
        <h2 id="report-heading">Delrapport {year}</h2>
        <p>
          Delrapporten är åtgärdens årliga återrapportering till lokala Brå: vad som gjorts, om det genomförts som planerat, resurser,
          problem och förslag (processuppföljning).{' '}
          {[thisYear - 1, thisYear]
            .filter((y) => y !== year)
            .map((y) => (
              <Link key={y} href={`?ar=${y}`}>
                Visa {y}
              </Link>
            ))}
        </p>
        {report ? (
          <dl className="facts" data-report={year}>
            <dt>Vad har gjorts</dt>
            <dd>{report.done}</dd>
            <dt>Genomfört som planerat</dt>
            <dd>{AS_PLANNED_LABELS[report.asPlanned]}</dd>
            <dt>Hur</dt>
            <dd>{report.how ?? '–'}</dd>
            <dt>Timmar</dt>
            <dd>{report.hours !== null ? formatNumber(report.hours, 1).replace(/,0$/, '') : 'Ej angivet'}</dd>
            <dt>Kostnad</dt>
            <dd>{report.costSek !== null ? `${formatNumber(report.costSek)} kr` : 'Ej angiven'}</dd>
            <dt>Problem</dt>
            <dd>{report.problems ?? '–'}</dd>
            <dt>Förslag</dt>
            <dd>{report.proposal ?? '–'}</dd>
            <dt>Senast ändrad</dt>
            <dd>{report.updatedBy}</dd>
          </dl>
        ) : (
          <p className="notice warn" role="note">
            Ingen delrapport för {year} ännu.
          </p>
        )}
        {canEdit && (
          <StateForm action={saveMeasureReportAction.bind(null, kommun)} submit={report ? 'Spara ändringarna' : 'Spara delrapporten'}>
            <input type="hidden" name="actionId" value={action.id} />
            <input type="hidden" name="year" value={year} />
            <p>
              <label htmlFor="done">Vad har gjorts under {year}?</label>
              <textarea id="done" name="done" rows={4} required defaultValue={report?.done ?? ''} />
            </p>
            <fieldset>
              <legend>Har åtgärden genomförts som planerat?</legend>
              {AS_PLANNED.map((v) => (
                <label key={v} className="choice">
                  <input type="radio" name="asPlanned" value={v} defaultChecked={report?.asPlanned === v} required /> {AS_PLANNED_LABELS[v]}
                </label>
              ))}
            </fieldset>
            <p>
              <label htmlFor="how">Hur genomfördes den? Vad avvek från planen?</label>
              <textarea id="how" name="how" rows={3} defaultValue={report?.how ?? ''} />
            </p>
            <p>
              <label htmlFor="hours">Timmar (om känt)</label>
              <input id="hours" name="hours" inputMode="decimal" defaultValue={report?.hours ?? ''} />
            </p>
            <p>
              <label htmlFor="costSek">Kostnad i kronor (om känd)</label>
              <input id="costSek" name="costSek" inputMode="decimal" defaultValue={report?.costSek ?? ''} />
            </p>
            <p>
              <label htmlFor="problems">Problem och hinder</label>
              <textarea id="problems" name="problems" rows={3} defaultValue={report?.problems ?? ''} />
            </p>
            <p>
              <label htmlFor="proposal">Förslag till lokala Brå</label>
              <textarea id="proposal" name="proposal" rows={3} defaultValue={report?.proposal ?? ''} />
            </p>
          </StateForm>
        )}
      </section>
    </>
  );
}
