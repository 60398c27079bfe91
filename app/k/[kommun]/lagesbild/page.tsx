import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { pageKommun } from '@/lib/data/kommun';
import { kommunPath } from '@/lib/kommun-path';
import { getLagesbildPage } from '@/lib/data/reports';
import { chartSvg } from '@/lib/reports/chart-svg';
import { lagesbildChart } from '@/lib/reports/lagesbild-chart';
import type { ReportIndicator } from '@/lib/reports/types';
import { lagesbildYear } from '@/lib/followup/reminders';

export const metadata: Metadata = { title: 'Lägesbild-underlag' };

export default async function LagesbildPage({ params }: { params: Promise<{ kommun: string }> }) {
  await connection();
  const kommun = await pageKommun(params);
  const page = await getLagesbildPage(kommun);
  if (!page)
    return (
      <>
        <h1>Lägesbild-underlag</h1>
        <p>Ingen åtgärdsplan är inläst.</p>
      </>
    );
  const { data, plan, geo, unitKinds: kinds } = page;
  const unitKind = (id: string): ReportIndicator['unitKind'] => {
    const k = kinds.get(id);
    return k === 'percent'
      ? 'percent'
      : k === 'per_100k' || k === 'per_1000'
        ? 'rate'
        : k === 'count'
          ? 'count'
          : k === 'mg_per_1000_day'
            ? 'mass'
            : k === 'index'
              ? 'index'
              : 'other';
  };
  const ly = lagesbildYear(plan.basedOnLagesbild);
  const age = ly !== null ? new Date().getFullYear() - ly : null;
  return (
    <>
      <h1>Lägesbild-underlag</h1>
      <p className="lead">
        Underlag för analytikern som tar fram lägesbilden (minst vartannat år enligt lag 2023:196): varje mått i planen över hela serien för{' '}
        {data.kommun}, länet, riket och länets kommuner, med alla uppdelningar, konfidensintervall, n och signifikansbedömningar.
      </p>
      {age !== null && age >= 2 && (
        <p className="notice alert" role="status">
          Planen bygger på lägesbilden {plan.basedOnLagesbild}, som är {age} år gammal: en ny lägesbild ska tas fram.
        </p>
      )}
      <ul className="downloads">
        <li>
          <a href={kommunPath(kommun, '/lagesbild/underlag.xlsx')}>Hela underlaget som Excel-arbetsbok (.xlsx, ett blad per mått)</a>
        </li>
        <li>
          <a href={kommunPath(kommun, '/lagesbild/underlag.zip')}>
            Hela underlaget som CSV-filer (.zip, en fil per mått, för svenska Excel)
          </a>
        </li>
      </ul>
      <p>
        Diagram för varje mått – med jämförelse mot länets kommuner (välj dem på måttets sida) – laddas ner som PNG eller SVG från måttets
        sida.
      </p>
      {data.areas.map((area) => (
        <section key={area.code} aria-labelledby={`lb-${area.code}`}>
          <h2 id={`lb-${area.code}`}>{area.title}</h2>
          {area.indicators.map((ind) => (
            <article key={ind.id} className="lagesbild-indicator" aria-labelledby={`lb-${area.code}-${ind.id}`}>
              <h3 id={`lb-${area.code}-${ind.id}`}>
                <Link href={kommunPath(kommun, `/indikatorer/${ind.id}`)}>{ind.name}</Link>
              </h3>
              <p className="meta">
                Källa: {ind.source}. {ind.rows.length} värden
                {ind.rows.length > 0 ? `, ${ind.rows[0]!.period}–${ind.rows.at(-1)!.period}` : ''}.
              </p>
              <ul>
                {ind.statements.map((s, i) => (
                  <li key={i}>{s}</li>
                ))}
              </ul>
              {(() => {
                const chart = lagesbildChart(ind, { kommun: plan.kommunCode, lan: geo?.parent?.code ?? '' }, unitKind(ind.id));
                if (chart.series.length === 0) return <p>Inga värden för kommunen, länet eller riket ännu.</p>;
                const svgUrl = (width: number, height: number) =>
                  `data:image/svg+xml;charset=utf-8,${encodeURIComponent(chartSvg(chart, { width, height }))}`;
                const periods = chart.series[0]!.points.map((p) => p.period);
                const fmt = (v: number | null) =>
                  v === null ? '–' : v.toLocaleString('sv-SE', { maximumFractionDigits: ind.decimals ?? 1 });
                return (
                  <>
                    {/* Inline SVG data URLs drawn on the server (next/image has nothing to optimise here): a phone gets
                        one drawn at its own width, so that its text is as large as on a desktop, not scaled down. */}
                    <picture>
                      <source media="(max-width: 40rem)" srcSet={svgUrl(360, 300)} width={360} height={300} />
                      <img
                        className="report-chart"
                        src={svgUrl(720, 280)}
                        width={720}
                        height={280}
                        alt={`Diagram: ${ind.name} över hela serien för ${chart.series.map((x) => x.name).join(', ')}. Värdena står i tabellen under.`}
                      />
                    </picture>
                    <details className="data-table">
                      <summary>Visa diagrammets data som tabell</summary>
                      <table className="data">
                        <caption>
                          {ind.name} ({ind.unit}), totalt
                        </caption>
                        <thead>
                          <tr>
                            <th scope="col">Period</th>
                            {chart.series.map((x) => (
                              <th key={x.key} scope="col">
                                {x.name}
                              </th>
                            ))}
                          </tr>
                        </thead>
                        <tbody>
                          {periods.map((p, i) => (
                            <tr key={p}>
                              <th scope="row">{p}</th>
                              {chart.series.map((x) => (
                                <td key={x.key}>{fmt(x.points[i]?.value ?? null)}</td>
                              ))}
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </details>
                  </>
                );
              })()}
            </article>
          ))}
        </section>
      ))}
    </>
  );
}
