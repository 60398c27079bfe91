import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { pageKommun } from '@/lib/data/kommun';
import { kommunPath } from '@/lib/kommun-path';
import { mayIn } from '@/lib/auth/roles';
import { currentUser } from '@/lib/auth/session';
import { getPlanPage, getRemovedLink } from '@/lib/data/plan';
import { formatDateLong, formatMonth } from '@/lib/format';
import { CADENCE_LABELS } from '@/lib/plan/edit';
import {
  DIRECTION_LABELS,
  DIRECTIONS,
  INDICATOR_TYPE_LABELS,
  INDICATOR_TYPES,
  LINK_ROLE_LABELS,
  TERMS,
  UNIT_KIND_LABELS,
  UNIT_KINDS,
} from '@/lib/vocabulary';
import { parseLinkKey, linkKey } from '@/lib/plan/link-key';
import { StateForm } from '@/app/_components/state-form';
import { TableScroll } from '@/app/_components/table-scroll';
import { ConfirmStep } from '@/app/_components/confirm-step';
import {
  createIndicatorAction,
  removeLinkAction,
  restoreLinkAction,
  saveLinkAction,
  startRevisedPlanAction,
  updateGoalAction,
} from './actions';

/** A link's role, baseline and target in words, for the confirmation and the message after. */
function linkText(l: { role: string; baselinePeriod: string | null; targetValue: number | null; targetYear: number | null }): string {
  const role = LINK_ROLE_LABELS[l.role as keyof typeof LINK_ROLE_LABELS] ?? l.role;
  const target = l.targetValue !== null ? `mål ${String(l.targetValue).replace('.', ',')} år ${l.targetYear}` : 'inget målvärde';
  return `${role.toLowerCase()}, ${TERMS.baseline.toLowerCase()} ${l.baselinePeriod ?? 'senaste före planens beslut'}, ${target}`;
}

export const metadata: Metadata = { title: 'Planen' };

export default async function PlanPage({
  params,
  searchParams,
}: {
  params: Promise<{ kommun: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const kommun = await pageKommun(params);
  // ?plan=<id> shows an earlier plan, read-only.
  const sp = await searchParams;
  const asked = Number(sp.plan);
  const [page, user] = await Promise.all([getPlanPage(asked, kommun), currentUser()]);
  if (!page)
    return (
      <>
        <h1>Planen</h1>
        <p>Ingen åtgärdsplan är inläst.</p>
      </>
    );
  const { current, allPlans, plan, areas, goalRows, catalogue, links } = page;
  const isCurrent = plan.id === current.id;
  const canEdit = isCurrent && mayIn(user, 'coordinator', plan.kommunCode);
  const nameOf = (id: string) => catalogue.find((c) => c.id === id)?.name ?? id;
  // Removing a link asks first (?ta-bort=), then says what happened (?borttagen=) with an undo, or that it was undone.
  const removing = canEdit ? parseLinkKey(sp['ta-bort']) : null;
  const removed = canEdit ? parseLinkKey(sp.borttagen) : null;
  const restored = canEdit ? parseLinkKey(sp.aterkopplad) : null;
  const isLinked = (k: { goalCode: string; indicatorId: string }) =>
    links.some((l) => l.link.indicatorId === k.indicatorId && goalRows.find((g) => g.id === l.link.goalId)?.code === k.goalCode);
  const removedLink = removed && !isLinked(removed) ? await getRemovedLink(kommun, removed.goalCode, removed.indicatorId) : null;

  return (
    <>
      <h1>{isCurrent ? 'Planen' : 'Tidigare plan'}</h1>
      {removedLink && removed && (
        <div id="resultat" className="notice ok" role="status">
          <p>
            Måttet {nameOf(removed.indicatorId)} är borttaget från målet {removed.goalCode} ({linkText(removedLink)}). Måttets värden finns
            kvar.
          </p>
          <StateForm
            action={restoreLinkAction.bind(null, kommun)}
            submit={`Ångra: koppla tillbaka ${nameOf(removed.indicatorId)} till ${removed.goalCode}`}
            pendingText="Kopplar tillbaka …"
            className="inline"
          >
            <input type="hidden" name="goalCode" value={removed.goalCode} />
            <input type="hidden" name="indicatorId" value={removed.indicatorId} />
          </StateForm>
        </div>
      )}
      {restored && isLinked(restored) && (
        <p id="resultat" className="notice ok" role="status">
          Måttet {nameOf(restored.indicatorId)} är kopplat till målet {restored.goalCode} igen, som förut.
        </p>
      )}
      {!isCurrent && (
        <p className="notice warn" role="note">
          Detta är en tidigare plan. Den gällande planen är{' '}
          <Link href={kommunPath(kommun, '/plan')}>
            {current.title}, beslutad {formatDateLong(current.decidedDate)}
          </Link>
          .
        </p>
      )}
      <p className="lead">
        {plan.title}, beslutad av {plan.decidedBy.toLowerCase()} {formatDateLong(plan.decidedDate)} ({plan.decisionParagraph}, dnr{' '}
        {plan.diarienummer}). Bör revideras senast {formatMonth(plan.reviseBy)}. Här hålls planen aktuell: målen, vilka mått som följer dem
        (med baslinje, målvärde och vilken uppdelning som räknas), lokala mått, och en reviderad plan. Varje ändring förs in i
        ändringsloggen.
      </p>
      {allPlans.length > 1 && (
        <section aria-labelledby="plans-heading">
          <h2 id="plans-heading">Planer</h2>
          <ul>
            {allPlans.map((p) => (
              <li key={p.id}>
                <Link
                  href={kommunPath(kommun, p.id === current.id ? '/plan' : `/plan?plan=${p.id}`)}
                  aria-current={p.id === plan.id ? 'page' : undefined}
                >
                  {p.title}, beslutad {formatDateLong(p.decidedDate)}
                </Link>
                {p.id === current.id
                  ? ' (gällande)'
                  : ' – tidigare plan, visas utan redigering; dess uppföljningar finns under Uppföljning'}
              </li>
            ))}
          </ul>
        </section>
      )}
      {areas.map((area) => (
        <section key={area.id} aria-labelledby={`pa-${area.code}`}>
          <h2 id={`pa-${area.code}`}>{area.title}</h2>
          {goalRows
            .filter((g) => g.areaId === area.id)
            .map((goal) => {
              const mine = links.filter((l) => l.link.goalId === goal.id);
              return (
                <section key={goal.id} className="goal" aria-labelledby={`pg-${goal.code}`} data-goal={goal.code}>
                  <h3 id={`pg-${goal.code}`}>
                    {goal.kind === 'overall' ? <Link href={kommunPath(kommun, `/mal/${goal.code}`)}>{goal.code}</Link> : goal.code}:{' '}
                    {goal.text}
                  </h3>
                  {goal.kind === 'table' && (
                    <dl className="facts">
                      <dt>Orsak</dt>
                      <dd>{goal.cause ?? '–'}</dd>
                      <dt>Åtgärd</dt>
                      <dd>{goal.actionText ?? '–'}</dd>
                      <dt>Vem</dt>
                      <dd>{goal.responsibleText ?? '–'}</dd>
                    </dl>
                  )}
                  <TableScroll label={`Mått för ${goal.code}`}>
                    <table className="data plan-links">
                      <caption>Mått för {goal.code}</caption>
                      <thead>
                        <tr>
                          <th scope="col">Mått</th>
                          <th scope="col">Roll</th>
                          <th scope="col">{TERMS.baseline}</th>
                          <th scope="col">{TERMS.target}</th>
                          <th scope="col">Uppdelning</th>
                          {canEdit && (
                            <th scope="col">
                              <span className="sr-only">Ta bort</span>
                            </th>
                          )}
                        </tr>
                      </thead>
                      <tbody>
                        {mine.length === 0 && (
                          <tr>
                            <td colSpan={canEdit ? 6 : 5}>Inga mått kopplade.</td>
                          </tr>
                        )}
                        {mine.map(({ link, name }) => (
                          <tr key={link.indicatorId} data-link={link.indicatorId}>
                            <th scope="row">
                              <Link href={kommunPath(kommun, `/indikatorer/${link.indicatorId}`)}>{name}</Link>
                            </th>
                            <td>{LINK_ROLE_LABELS[link.role]}</td>
                            <td>{link.baselinePeriod ?? 'Senaste före planens beslut'}</td>
                            <td>
                              {link.targetValue !== null ? `${String(link.targetValue).replace('.', ',')} år ${link.targetYear}` : '–'}
                            </td>
                            <td>
                              {[link.sex !== 'T' ? (link.sex === 'K' ? 'Kvinnor' : 'Män') : 'Totalt', link.grp].filter(Boolean).join(', ')}
                            </td>
                            {canEdit && (
                              <td>
                                <Link
                                  className="button danger-start"
                                  href={`${kommunPath(kommun, '/plan')}?ta-bort=${encodeURIComponent(linkKey(goal.code, link.indicatorId))}#bekrafta`}
                                >
                                  Ta bort
                                  <span className="sr-only">
                                    {' '}
                                    {name} från {goal.code}
                                  </span>
                                </Link>
                              </td>
                            )}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableScroll>
                  {removing?.goalCode === goal.code &&
                    mine
                      .filter(({ link }) => link.indicatorId === removing.indicatorId)
                      .map(({ link, name }) => (
                        <ConfirmStep
                          key="confirm"
                          kind="link_removal"
                          target={linkKey(goal.code, link.indicatorId)}
                          userId={user!.id}
                          headingLevel={4}
                          heading={`Ta bort ${name} från målet ${goal.code}?`}
                          action={removeLinkAction.bind(null, kommun)}
                          fields={{ goalCode: goal.code, indicatorId: link.indicatorId }}
                          confirmLabel="Ja, ta bort"
                          cancelHref={`/plan#pg-${goal.code}`}
                        >
                          <p>
                            Kopplingen ({linkText(link)}) tas bort från planen, och målets bedömning räknas utan måttet. Måttets värden
                            finns kvar. Efteråt kan du ångra med ett klick.
                          </p>
                        </ConfirmStep>
                      ))}
                  {canEdit && (
                    <>
                      <details>
                        <summary>Ändra målet {goal.code}</summary>
                        <StateForm action={updateGoalAction.bind(null, kommun)} submit="Spara målet">
                          <input type="hidden" name="goalCode" value={goal.code} />
                          <p>
                            <label htmlFor={`t-${goal.code}`}>Mål</label>
                            <textarea id={`t-${goal.code}`} name="text" rows={2} required defaultValue={goal.text} />
                          </p>
                          {goal.kind === 'table' && (
                            <>
                              <p>
                                <label htmlFor={`c-${goal.code}`}>Orsak</label>
                                <textarea id={`c-${goal.code}`} name="cause" rows={2} defaultValue={goal.cause ?? ''} />
                              </p>
                              <p>
                                <label htmlFor={`a-${goal.code}`}>Åtgärd</label>
                                <textarea id={`a-${goal.code}`} name="actionText" rows={2} defaultValue={goal.actionText ?? ''} />
                              </p>
                              <p>
                                <label htmlFor={`r-${goal.code}`}>Vem</label>
                                <textarea id={`r-${goal.code}`} name="responsibleText" rows={2} defaultValue={goal.responsibleText ?? ''} />
                              </p>
                              <p>
                                <label htmlFor={`p-${goal.code}`}>Förslag</label>
                                <textarea id={`p-${goal.code}`} name="proposal" rows={2} defaultValue={goal.proposal ?? ''} />
                              </p>
                            </>
                          )}
                        </StateForm>
                      </details>
                      <details>
                        <summary>Koppla eller ändra ett mått för {goal.code}</summary>
                        <StateForm action={saveLinkAction.bind(null, kommun)} submit="Spara måttet för målet">
                          <input type="hidden" name="goalCode" value={goal.code} />
                          <p>
                            <label htmlFor={`li-${goal.code}`}>Mått</label>
                            <select id={`li-${goal.code}`} name="indicatorId" required defaultValue="">
                              <option value="" disabled>
                                Välj mått
                              </option>
                              {catalogue.map((c) => (
                                <option key={c.id} value={c.id}>
                                  {c.name} ({c.id})
                                </option>
                              ))}
                            </select>
                          </p>
                          <p>
                            <label htmlFor={`lr-${goal.code}`}>Roll</label>
                            <select id={`lr-${goal.code}`} name="role" defaultValue="primary">
                              {Object.entries(LINK_ROLE_LABELS).map(([k, v]) => (
                                <option key={k} value={k}>
                                  {v}
                                </option>
                              ))}
                            </select>
                          </p>
                          <p>
                            <label htmlFor={`lb-${goal.code}`}>
                              {TERMS.baseline} (period, t.ex. 2021–2022; tomt = senaste före planens beslut)
                            </label>
                            <input id={`lb-${goal.code}`} name="baselinePeriod" />
                          </p>
                          <p>
                            <label htmlFor={`lt-${goal.code}`}>Målvärde (tomt = inget)</label>
                            <input id={`lt-${goal.code}`} name="targetValue" inputMode="decimal" />
                          </p>
                          <p>
                            <label htmlFor={`ly-${goal.code}`}>Målår</label>
                            <input id={`ly-${goal.code}`} name="targetYear" type="number" min={2000} max={2100} />
                          </p>
                          <p>
                            <label htmlFor={`ls-${goal.code}`}>Kön som räknas</label>
                            <select id={`ls-${goal.code}`} name="sex" defaultValue="T">
                              <option value="T">Totalt</option>
                              <option value="K">Kvinnor</option>
                              <option value="M">Män</option>
                            </select>
                          </p>
                          <p>
                            <label htmlFor={`lg-${goal.code}`}>Grupp som räknas (t.ex. åk 9; tomt = alla)</label>
                            <input id={`lg-${goal.code}`} name="grp" />
                          </p>
                        </StateForm>
                      </details>
                    </>
                  )}
                </section>
              );
            })}
        </section>
      ))}
      {canEdit && (
        <>
          <section aria-labelledby="local-heading">
            <h2 id="local-heading">Lägg till ett lokalt mått</h2>
            <p>
              Ett mått ur kommunens egna register eller enkäter, t.ex. antal orosanmälningar från förskolan. Värden importeras sedan med den
              generiska mallen.
            </p>
            <StateForm action={createIndicatorAction.bind(null, kommun)} submit="Lägg till måttet">
              <p>
                <label htmlFor="li-id">Id (små bokstäver, siffror och _)</label>
                <input id="li-id" name="id" required pattern="[a-z][a-z0-9_]{2,60}" />
              </p>
              <p>
                <label htmlFor="li-name">Namn</label>
                <input id="li-name" name="name" required />
              </p>
              <p>
                <label htmlFor="li-def">Definition: vad räknas, avgränsning</label>
                <textarea id="li-def" name="definition" rows={3} required />
              </p>
              <p>
                <label htmlFor="li-unit">Enhet</label>
                <input id="li-unit" name="unit" required placeholder="antal per år" />
              </p>
              <p>
                <label htmlFor="li-kind">Typ av enhet</label>
                <select id="li-kind" name="unitKind" defaultValue="count">
                  {UNIT_KINDS.map((u) => (
                    <option key={u} value={u}>
                      {UNIT_KIND_LABELS[u]}
                    </option>
                  ))}
                </select>
              </p>
              <p>
                <label htmlFor="li-dir">Riktning</label>
                <select id="li-dir" name="direction" defaultValue="down">
                  {DIRECTIONS.map((d) => (
                    <option key={d} value={d}>
                      {DIRECTION_LABELS[d]}
                    </option>
                  ))}
                </select>
              </p>
              <p>
                <label htmlFor="li-type">Slag av mått</label>
                <select id="li-type" name="type" defaultValue="count">
                  {INDICATOR_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {INDICATOR_TYPE_LABELS[t]}
                    </option>
                  ))}
                </select>
              </p>
              <p>
                <label htmlFor="li-dec">Decimaler</label>
                <input id="li-dec" name="decimals" type="number" min={0} max={3} defaultValue={0} />
              </p>
              <p>
                <label htmlFor="li-cad">Hur ofta nya värden kommer</label>
                <select id="li-cad" name="cadence" defaultValue="year">
                  {Object.entries(CADENCE_LABELS).map(([k, v]) => (
                    <option key={k} value={k}>
                      {v}
                    </option>
                  ))}
                </select>
              </p>
              <p>
                <label htmlFor="li-geo">Vad som mäts (geografi)</label>
                <input id="li-geo" name="measuredGeography" required placeholder="Kommunens förskolor" />
              </p>
              <p>
                <label htmlFor="li-cav">Förbehåll</label>
                <textarea id="li-cav" name="caveats" rows={2} />
              </p>
            </StateForm>
          </section>
          <section aria-labelledby="revise-heading">
            <h2 id="revise-heading">Starta en reviderad plan</h2>
            <p>
              Den reviderade planen börjar som en kopia av den gällande (områden, mål, åtgärder med ansvariga, mått) och blir gällande plan.
              Den tidigare planen, dess delrapporter och uppföljningar finns kvar och går att läsa.
            </p>
            <StateForm action={startRevisedPlanAction.bind(null, kommun)} submit="Starta den reviderade planen">
              <p>
                <label htmlFor="rp-title">Titel</label>
                <input id="rp-title" name="title" required defaultValue={plan.title} />
              </p>
              <p>
                <label htmlFor="rp-date">Beslutsdatum</label>
                <input id="rp-date" name="decidedDate" type="date" required />
              </p>
              <p>
                <label htmlFor="rp-by">Beslutad av</label>
                <input id="rp-by" name="decidedBy" required defaultValue={plan.decidedBy} />
              </p>
              <p>
                <label htmlFor="rp-par">Paragraf</label>
                <input id="rp-par" name="decisionParagraph" required />
              </p>
              <p>
                <label htmlFor="rp-dnr">Diarienummer</label>
                <input id="rp-dnr" name="diarienummer" required />
              </p>
              <p>
                <label htmlFor="rp-from">Gäller från</label>
                <input id="rp-from" name="validFrom" type="date" required />
              </p>
              <p>
                <label htmlFor="rp-rev">Bör revideras senast (ÅÅÅÅ-MM)</label>
                <input id="rp-rev" name="reviseBy" required pattern="\d{4}-\d{2}" />
              </p>
              <p>
                <label htmlFor="rp-lb">Bygger på lägesbilden</label>
                <input id="rp-lb" name="basedOnLagesbild" required placeholder="2025/2026" />
              </p>
            </StateForm>
          </section>
        </>
      )}
    </>
  );
}
