import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { notFound } from 'next/navigation';
import { pageKommun } from '@/lib/data/kommun';
import { kommunPath } from '@/lib/kommun-path';
import { mayIn } from '@/lib/auth/roles';
import { currentUser } from '@/lib/auth/session';
import { VERDICT_ORDER } from '@/lib/data/overview-query';
import { getMeasureViews, getReviewView } from '@/lib/data/followup';
import { computedLabels } from '@/lib/data/followup/reviews';
import { DECISION_KINDS, MEASURE_STATUS_LABELS } from '@/lib/vocabulary';
import { formatDateLong } from '@/lib/format';
import { yearParam } from '@/lib/params';
import { IndicatorCard } from '@/app/_components/indicator-card';
import { ConfirmStep } from '@/app/_components/confirm-step';
import { StateForm } from '@/app/_components/state-form';
import { RollupBadge } from '@/app/_components/verdict-badge';
import { addDecisionAction, decideReviewAction, removeDecisionAction, saveAssessmentAction } from '../actions';

export const metadata: Metadata = { title: 'Uppföljning' };

const stamp = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Stockholm' });

export default async function ReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ kommun: string; year: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const year = yearParam((await params).year);
  if (year === null) notFound();
  const kommun = await pageKommun(params);
  const [view, user] = await Promise.all([getReviewView(year, kommun), currentUser()]);
  if (!view) notFound();
  const actionViews = await getMeasureViews(view.review.planId);
  const { review, snapshot, assessments, decisions, goalIds } = view;
  const open = review.status === 'open';
  const canEdit = open && mayIn(user, 'coordinator', kommun);
  const { overview } = snapshot;
  const sp = await searchParams;
  const allGoals = overview.areas.reduce((n, a) => n + a.goals.length, 0);
  const assessedGoals = overview.areas.reduce(
    (n, a) => n + a.goals.filter((g) => assessments.some((x) => x.goalId === goalIds.get(g.code))).length,
    0,
  );
  const assessmentOf = (code: string) => assessments.find((a) => a.goalId === goalIds.get(code));
  const decisionsOf = (code: string | null) =>
    decisions.filter((d) => (code === null ? d.goalId === null : d.goalId === goalIds.get(code)));

  const decisionForm = (goalCode: string | null, idSuffix: string) =>
    canEdit && (
      <details className="decision-form">
        <summary>Lägg till beslut{goalCode ? ` för ${goalCode}` : ''}</summary>
        <StateForm action={addDecisionAction.bind(null, kommun)} submit="Lägg till beslutet" resetOnSuccess>
          <input type="hidden" name="reviewId" value={review.id} />
          <input type="hidden" name="goalCode" value={goalCode ?? ''} />
          <p>
            <label htmlFor={`kind-${idSuffix}`}>Typ av beslut</label>
            <select id={`kind-${idSuffix}`} name="kind" defaultValue="adjust_measure">
              {Object.entries(DECISION_KINDS).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label htmlFor={`text-${idSuffix}`}>Beslut</label>
            <textarea id={`text-${idSuffix}`} name="text" rows={2} required />
          </p>
        </StateForm>
      </details>
    );

  const decisionList = (code: string | null) => {
    const list = decisionsOf(code);
    if (list.length === 0) return <p>Inga beslut.</p>;
    return (
      <ul className="decisions">
        {list.map((d) => (
          <li key={d.id} data-decision={d.id}>
            <strong>{DECISION_KINDS[d.kind as keyof typeof DECISION_KINDS] ?? d.kind}:</strong> {d.text}{' '}
            <span className="meta">({d.createdBy})</span>
            {canEdit && (
              <StateForm action={removeDecisionAction.bind(null, kommun)} submit="Ta bort" className="inline">
                <input type="hidden" name="reviewId" value={review.id} />
                <input type="hidden" name="decisionId" value={d.id} />
              </StateForm>
            )}
          </li>
        ))}
      </ul>
    );
  };

  return (
    <>
      <p>
        <Link href={kommunPath(kommun, '/uppfoljning')}>Alla uppföljningar</Link>
      </p>
      <h1>Uppföljning {review.year}</h1>
      {!open && sp.beslutad === '1' && (
        <p className="notice ok" role="status">
          Uppföljningen {review.year} är beslutad och låst{review.decidedBy ? ` av ${review.decidedBy}` : ''}: bedömningar och beslut kan
          inte längre ändras.
        </p>
      )}
      <dl className="facts">
        <dt>Plan</dt>
        <dd>{overview.plan.title}</dd>
        <dt>Mötesdatum</dt>
        <dd>{formatDateLong(review.meetingDate)}</dd>
        <dt>Status</dt>
        <dd data-review-status={review.status}>
          {open
            ? 'Öppen – bedömningar och beslut kan föras in'
            : `Beslutad ${review.decidedAt ? stamp.format(review.decidedAt) : ''}${review.decidedBy ? ` av ${review.decidedBy}` : ''} – låst`}
        </dd>
        <dt>Underlag</dt>
        <dd>
          Bedömningarna frystes {stamp.format(new Date(snapshot.takenAt))} av {review.openedBy}, med data från {snapshot.importIds.length}{' '}
          {snapshot.importIds.length === 1 ? 'import' : 'importer'} (nr {snapshot.importIds.join(', ')}). Data som importerats senare
          påverkar inte denna sida.
        </dd>
      </dl>
      <p>
        Rapport: <Link href={kommunPath(kommun, `/uppfoljning/${review.year}/rapport`)}>utskriftsvänlig sida</Link> ·{' '}
        <a href={kommunPath(kommun, `/uppfoljning/${review.year}/rapport.pdf`)}>Uppföljningsrapport {review.year} (PDF)</a> ·{' '}
        <a href={kommunPath(kommun, `/uppfoljning/${review.year}/rapport.docx`)}>Word (DOCX)</a>
      </p>
      {overview.hasExample && (
        <div className="notice warn" role="note">
          <p>
            <strong>Underlaget innehåller exempeldata.</strong> Mått märkta Exempeldata har påhittade värden.
          </p>
        </div>
      )}

      {overview.areas.map((area) => (
        <section key={area.code} aria-labelledby={`area-${area.code}`}>
          <h2 id={`area-${area.code}`}>{area.title}</h2>
          {area.goals.map((goal) => {
            const a = assessmentOf(goal.code);
            const computed = computedLabels(goal);
            const differs = a ? !computed.includes(a.label) : false;
            return (
              <section key={goal.code} className="goal" aria-labelledby={`goal-${goal.code}`} data-goal={goal.code}>
                <h3 id={`goal-${goal.code}`}>
                  {goal.code}: {goal.text}
                </h3>
                <p className="rollup">
                  <span className="sr-only">Beräknad bedömning vid mötet: </span>
                  {goal.rollup.length > 0
                    ? goal.rollup.map((r) => <RollupBadge key={r.label} label={r.label} count={r.count} />)
                    : 'Endast sammanhangsmått.'}
                </p>
                <div className="assessment" data-assessment={goal.code}>
                  <h4>Lokala Brås bedömning</h4>
                  {a ? (
                    <p>
                      <strong>{a.label}</strong>
                      {differs && ' (avviker från den beräknade bedömningen)'}
                      {a.justification && (
                        <>
                          <br />
                          Motivering: {a.justification}
                        </>
                      )}
                      {a.comment && (
                        <>
                          <br />
                          Kommentar: {a.comment}
                        </>
                      )}
                    </p>
                  ) : (
                    <p>Ingen bedömning förd ännu.</p>
                  )}
                  {canEdit && (
                    <details>
                      <summary>
                        {a ? 'Ändra bedömningen' : 'För in bedömningen'} för {goal.code}
                      </summary>
                      <StateForm action={saveAssessmentAction.bind(null, kommun)} submit="Spara bedömningen">
                        <input type="hidden" name="reviewId" value={review.id} />
                        <input type="hidden" name="goalCode" value={goal.code} />
                        <p>
                          <label htmlFor={`label-${goal.code}`}>Bedömning</label>
                          <select id={`label-${goal.code}`} name="label" defaultValue={a?.label ?? computed[0] ?? 'Oförändrat'}>
                            {VERDICT_ORDER.map((l) => (
                              <option key={l} value={l}>
                                {l}
                                {computed.includes(l) ? ' (beräknad)' : ''}
                              </option>
                            ))}
                          </select>
                        </p>
                        <p>
                          <label htmlFor={`just-${goal.code}`}>Motivering (krävs när bedömningen avviker från den beräknade)</label>
                          <textarea id={`just-${goal.code}`} name="justification" rows={2} defaultValue={a?.justification ?? ''} />
                        </p>
                        <p>
                          <label htmlFor={`comment-${goal.code}`}>Kommentar</label>
                          <textarea id={`comment-${goal.code}`} name="comment" rows={2} defaultValue={a?.comment ?? ''} />
                        </p>
                      </StateForm>
                    </details>
                  )}
                </div>
                <h4>Beslut</h4>
                {decisionList(goal.code)}
                {decisionForm(goal.code, goal.code)}
                <h4>Måtten vid mötet</h4>
                <div className="cards">
                  {goal.indicators.map((ind) => (
                    <IndicatorCard key={ind.id} ind={ind} regions={overview.regions} headingId={`r-${goal.code}-${ind.id}`} />
                  ))}
                </div>
              </section>
            );
          })}
          <h3>Åtgärder inom {area.title.toLowerCase()}</h3>
          <table className="data">
            <caption className="sr-only">Åtgärdernas status och delrapport {review.year}</caption>
            <thead>
              <tr>
                <th scope="col">Åtgärd</th>
                <th scope="col">Status</th>
                <th scope="col">Delrapport {review.year}</th>
              </tr>
            </thead>
            <tbody>
              {actionViews
                .filter((v) => v.areaCode === area.code)
                .map((v) => {
                  const rep = v.reports.find((r) => r.year === review.year);
                  return (
                    <tr key={v.action.id} data-action={v.action.code}>
                      <th scope="row">
                        <Link href={kommunPath(kommun, `/atgarder/${encodeURIComponent(v.action.code)}?ar=${review.year}`)}>
                          {v.action.code}
                        </Link>{' '}
                        {v.action.title}
                      </th>
                      <td>{MEASURE_STATUS_LABELS[v.action.status]}</td>
                      <td>{rep ? rep.done : <strong>Saknas</strong>}</td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </section>
      ))}

      <section aria-labelledby="general-heading">
        <h2 id="general-heading">Beslut för planen som helhet</h2>
        {decisionList(null)}
        {decisionForm(null, 'plan')}
      </section>

      {canEdit && (
        <section aria-labelledby="decide-heading">
          <h2 id="decide-heading">Avsluta uppföljningen</h2>
          <p>När lokala Brå har fattat sina beslut markeras uppföljningen som beslutad. Därefter kan den inte ändras.</p>
          {sp.beslut === 'bekrafta' ? (
            <ConfirmStep
              kind="review_decision"
              target={review.id}
              userId={user!.id}
              headingLevel={3}
              heading={`Markera uppföljningen ${review.year} som beslutad?`}
              action={decideReviewAction.bind(null, kommun)}
              fields={{ reviewId: review.id }}
              confirmLabel="Ja, markera som beslutad"
              cancelHref={kommunPath(kommun, `/uppfoljning/${review.year}#decide-heading`)}
            >
              <p>
                Lokala Brås bedömningar ({assessedGoals} av {allGoals} mål bedömda) och {decisions.length} beslut låses tillsammans med
                underlaget. Det går inte att ångra: uppföljningen kan därefter bara läsas och skrivas ut.
              </p>
              {assessedGoals < allGoals && (
                <p>
                  <strong>{allGoals - assessedGoals} mål saknar lokala Brås bedömning.</strong>
                </p>
              )}
            </ConfirmStep>
          ) : (
            <p>
              <Link className="button danger-start" href={kommunPath(kommun, `/uppfoljning/${review.year}?beslut=bekrafta#bekrafta`)}>
                Markera som beslutad
              </Link>
            </p>
          )}
        </section>
      )}
    </>
  );
}
