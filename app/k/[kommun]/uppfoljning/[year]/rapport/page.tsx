import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { pageKommun } from '@/lib/data/kommun';
import { kommunPath } from '@/lib/kommun-path';
import { formatDateLong } from '@/lib/format';
import { chartSvg } from '@/lib/reports/chart-svg';
import { SUMMARY_COLUMNS, SUMMARY_HEADING, SUMMARY_NOTE, summaryCells } from '@/lib/reports/report-text';
import type { FollowUpReport, ReportIndicator, ReportReference } from '@/lib/reports/types';
import { ScoreSitesTable } from '@/app/_components/site-reference';
import { TableScroll } from '@/app/_components/table-scroll';
import { getFollowUpReport } from '@/lib/data/reports';
import { yearParam } from '@/lib/params';

export const metadata: Metadata = { title: 'Uppföljningsrapport' };

/** The chart as an image of the same SVG the PDF and DOCX carry; its data is in the table beside it. */
function Chart({ ind }: { ind: ReportIndicator }) {
  if (!ind.series.some((s) => s.points.some((p) => p.value !== null))) return <p>Diagram: inga värden att visa.</p>;
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(chartSvg(ind, { width: 720, height: 300 }))}`;
  const names = ind.series.map((s) => s.name).join(', ');
  // An inline SVG data URL drawn on the server: next/image has nothing to optimise here.
  const alt = `Diagram: ${ind.name} över tid för ${names}. Senaste värden i tabellen.`;
  // eslint-disable-next-line @next/next/no-img-element
  return <img className="report-chart" src={src} width={720} height={300} alt={alt} />;
}

/** The one-screen summary, first on the page as on page 1 of the PDF: a row per övergripande mål. */
function Summary({ report }: { report: FollowUpReport }) {
  return (
    <section aria-labelledby="r-summary" className="report-summary">
      <h2 id="r-summary">{SUMMARY_HEADING}</h2>
      <TableScroll label="Sammanfattning">
        <table className="data">
          <caption>Bedömningarna per övergripande mål, underlag och Lokala Brå:s bedömning</caption>
          <thead>
            <tr>
              {SUMMARY_COLUMNS.map((c) => (
                <th key={c.header} scope="col">
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          {report.summary.map((area) => (
            <tbody key={area.code}>
              <tr>
                <th scope="colgroup" colSpan={SUMMARY_COLUMNS.length}>
                  {area.title}
                </th>
              </tr>
              {area.rows.map((row) => {
                const [goal, ...rest] = summaryCells(row);
                return (
                  <tr key={row.code}>
                    <th scope="row">{goal}</th>
                    {rest.map((c, i) => (
                      <td key={i} className={i < 4 ? 'num' : undefined}>
                        {c}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </TableScroll>
      <p className="meta">{SUMMARY_NOTE}</p>
    </section>
  );
}

/** EUDA's SCORE sites, as the web review shows them. */
function Reference({ reference }: { reference: ReportReference }) {
  return (
    <>
      <p>{reference.summary}</p>
      <TableScroll label={`Svenska SCORE-städer ${reference.period}`}>
        <ScoreSitesTable period={reference.period} rows={reference.sites} className="data" />
      </TableScroll>
    </>
  );
}

/** The Uppföljningsrapport as a print-ready page: the same content as the PDF and DOCX (Skriv ut → Spara som PDF). */
export default async function ReportPage({ params }: { params: Promise<{ kommun: string; year: string }> }) {
  await connection();
  const year = yearParam((await params).year);
  if (year === null) notFound();
  const kommun = await pageKommun(params);
  const report = await getFollowUpReport(year, kommun);
  if (!report) notFound();
  return (
    <article className="report">
      <p className="no-print">
        <Link href={kommunPath(kommun, `/uppfoljning/${year}`)}>Tillbaka till uppföljningen</Link> ·{' '}
        <a href={kommunPath(kommun, `/uppfoljning/${year}/rapport.pdf`)}>PDF</a> ·{' '}
        <a href={kommunPath(kommun, `/uppfoljning/${year}/rapport.docx`)}>Word</a> · Skriv ut sidan med webbläsarens utskrift.
      </p>
      <h1>Uppföljningsrapport {report.year}</h1>
      <p className="lead">
        {report.planTitle}. {report.kommun}.
      </p>
      <dl className="facts">
        <dt>Mötesdatum</dt>
        <dd>{formatDateLong(report.meetingDate)}</dd>
        <dt>Status</dt>
        <dd>
          {report.status === 'decided' ? `Beslutad ${report.decidedAt ? formatDateLong(report.decidedAt) : ''}` : 'Utkast – ej beslutad'}
        </dd>
      </dl>
      <p>
        Värdena är låsta per mötesdatum. En skillnad kallas säkerställd först när den ligger utanför felmarginalen (95 %
        konfidensintervall).
      </p>
      <Summary report={report} />
      {report.areas.map((area) => (
        <section key={area.code} aria-labelledby={`r-${area.code}`} className="report-area">
          <h2 id={`r-${area.code}`}>{area.title}</h2>
          {area.goals.map((goal) => (
            <section key={goal.code} aria-labelledby={`r-${goal.code}`}>
              <h3 id={`r-${goal.code}`}>
                Mål {goal.code}: {goal.text}
              </h3>
              <p>Indikatorernas utveckling: {goal.rollup.map((r) => `${r.label} ${r.count}`).join(', ') || 'endast sammanhangsmått'}.</p>
              <p>
                Lokala Brås bedömning: {goal.assessment ? <strong>{goal.assessment.label}</strong> : 'ingen bedömning registrerad'}
                {goal.assessment?.justification && <>. Motivering: {goal.assessment.justification}</>}
                {goal.assessment?.comment && <>. Kommentar: {goal.assessment.comment}</>}
              </p>
              {goal.decisions.length > 0 && (
                <ul>
                  {goal.decisions.map((d, i) => (
                    <li key={i}>
                      {d.kind}: {d.text}
                    </li>
                  ))}
                </ul>
              )}
              {goal.indicators.map((ind) => (
                <section key={ind.id} className="report-indicator" aria-labelledby={`r-${goal.code}-${ind.id}`}>
                  <h4 id={`r-${goal.code}-${ind.id}`}>{ind.name}</h4>
                  {ind.isExample && <p className="notice warn">Exempeldata: värdena är exempel, inte verklig statistik.</p>}
                  <p>
                    <strong>{ind.verdictLabel}.</strong> {ind.sentence}
                  </p>
                  {ind.flags.length > 0 && (
                    <ul>
                      {ind.flags.map((f) => (
                        <li key={f}>{f}</li>
                      ))}
                    </ul>
                  )}
                  {ind.reference && <Reference reference={ind.reference} />}
                  {!(ind.reference && !ind.reference.asContext) && <Chart ind={ind} />}
                  {ind.latest.length > 0 && (
                    <TableScroll label={`Senaste värden: ${ind.name}`}>
                      <table className="data">
                        <caption>
                          Senaste värden: {ind.name} ({ind.unit})
                        </caption>
                        <thead>
                          <tr>
                            <th scope="col">Område</th>
                            <th scope="col">Period</th>
                            <th scope="col">Värde</th>
                            <th scope="col">95 % KI</th>
                            <th scope="col">n</th>
                          </tr>
                        </thead>
                        <tbody>
                          {ind.latest.map((l) => (
                            <tr key={l.region}>
                              <th scope="row">{l.region}</th>
                              <td>{l.period}</td>
                              <td>{l.value}</td>
                              <td>{l.ci ?? '–'}</td>
                              <td>{l.n ?? '–'}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </TableScroll>
                  )}
                  <p className="meta">
                    Källa: {ind.source}. Mäts för: {ind.measuredGeography}.{ind.caveats ? ` ${ind.caveats}` : ''}
                  </p>
                </section>
              ))}
              {goal.actions.length > 0 && (
                <TableScroll label={`Åtgärder inom ${area.title.toLowerCase()}`}>
                  <table className="data">
                    <caption>
                      Åtgärder inom {area.title.toLowerCase()} och delrapport {report.year}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">Åtgärd</th>
                        <th scope="col">Status</th>
                        <th scope="col">Ansvariga</th>
                        <th scope="col">Delrapport</th>
                      </tr>
                    </thead>
                    <tbody>
                      {goal.actions.map((a) => (
                        <tr key={a.code}>
                          <th scope="row">
                            {a.code} {a.title}
                          </th>
                          <td>{a.status}</td>
                          <td>{a.responsible.join(', ')}</td>
                          <td>
                            {a.report
                              ? `${a.report.done} Enligt plan: ${a.report.asPlanned}.${a.report.hours ? ` Timmar: ${a.report.hours}.` : ''}${a.report.cost ? ` Kostnad: ${a.report.cost}.` : ''}${a.report.problems ? ` Problem: ${a.report.problems}.` : ''}${a.report.proposal ? ` Förslag: ${a.report.proposal}.` : ''}`
                              : `Ingen delrapport för ${report.year}.`}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              )}
            </section>
          ))}
        </section>
      ))}
      {report.generalDecisions && report.generalDecisions.length > 0 && (
        <section aria-labelledby="r-general" className="report-area">
          <h2 id="r-general">Beslut för planen som helhet</h2>
          <ul>
            {report.generalDecisions.map((d, i) => (
              <li key={i}>
                {d.kind}: {d.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="r-quality" className="report-area">
        <h2 id="r-quality">Bilaga: Datakvalitet</h2>
        <TableScroll label="Datakvalitet">
          <table className="data">
            <caption>Källor, perioder, underlag och förbehåll per indikator</caption>
            <thead>
              <tr>
                <th scope="col">Indikator</th>
                <th scope="col">Källa</th>
                <th scope="col">Perioder</th>
                <th scope="col">n</th>
                <th scope="col">Förbehåll</th>
                <th scope="col">Exempeldata</th>
              </tr>
            </thead>
            <tbody>
              {report.dataQuality.map((q) => (
                <tr key={q.indicator}>
                  <th scope="row">{q.indicator}</th>
                  <td>{q.source}</td>
                  <td>{q.periods}</td>
                  <td>{q.n}</td>
                  <td>{q.caveats}</td>
                  <td>{q.example ? 'Ja' : 'Nej'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </article>
  );
}
