import Link from 'next/link';
import { getIndicatorMap } from '@/lib/data/comparison-view';
import type { MapEntry } from '@/lib/data/comparison';
import { formatNumber } from '@/lib/format';
import { mapFor } from '@/lib/maps/project';
import { SIGNIFICANCE_CLASS_LABELS, SIGNIFICANCE_ORDER } from '@/lib/maps/significance';
import { Choropleth, describeEntry, Swatch, type ValueFormat } from './choropleth';
import styles from './choropleth.module.css';
import { EmbedOffer } from './embed-offer';

type Params = Record<string, string | string[] | undefined>;
const SORTS = ['namn', 'varde', 'klass'] as const;
type Sort = (typeof SORTS)[number];

function one(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** The map's state in the URL: karta=lan|riket, mot=lan|riket, period, kartsort, kartordning. Other keys are kept. */
export function mapState(p: Params) {
  const scope = one(p.karta) === 'riket' ? 'riket' : 'lan';
  const benchmark = one(p.mot) === 'riket' ? 'riket' : 'lan';
  const period = one(p.period)?.slice(0, 20) ?? null;
  const sort: Sort = (SORTS as readonly string[]).includes(one(p.kartsort) ?? '') ? (one(p.kartsort) as Sort) : 'namn';
  const desc = one(p.kartordning) === 'fallande';
  return { scope, benchmark, period, sort, desc } as const;
}

function href(p: Params, change: Record<string, string | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) {
    if (v === undefined || k in change) continue;
    for (const x of Array.isArray(v) ? v : [v]) q.append(k, x);
  }
  for (const [k, v] of Object.entries(change)) if (v !== null) q.set(k, v);
  return `?${q}#karta`;
}

function sorted(entries: MapEntry[], sort: Sort, desc: boolean): MapEntry[] {
  const name = (a: MapEntry, b: MapEntry) => a.name.localeCompare(b.name, 'sv');
  const cmp: Record<Sort, (a: MapEntry, b: MapEntry) => number> = {
    namn: name,
    // Missing values last, whatever the direction.
    varde: (a, b) => (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) || (a.value ?? 0) - (b.value ?? 0) || name(a, b),
    klass: (a, b) => SIGNIFICANCE_ORDER.indexOf(a.cls) - SIGNIFICANCE_ORDER.indexOf(b.cls) || name(a, b),
  };
  const out = [...entries].sort(cmp[sort]);
  if (!desc) return out;
  return sort === 'varde' ? [...out.filter((e) => e.value !== null).reverse(), ...out.filter((e) => e.value === null)] : out.reverse();
}

/**
 * The indicator page's map section: the län's kommuner (or all of Sweden) in one period, coloured by the
 * benchmark test against the län or riket, with the same data as a sortable table beside it.
 * `embed`: the map alone for another site's frame (/inbaddning/karta/…): the view's choices as text rather than
 * links, the table behind a disclosure, the example-data mark, and no permanent link or embed code of its own.
 * Otherwise `origin` (the site's address) gives the "Bädda in" code.
 */
export async function IndicatorMap({
  indicatorId,
  indicatorName,
  searchParams,
  format,
  unit,
  origin,
  embed = false,
  kommunCode,
}: {
  indicatorId: string;
  indicatorName: string;
  /** The kommun the page shows (its län, its mark); by default the installation's first. */
  kommunCode?: string;
  searchParams: Promise<Params>;
  format: ValueFormat;
  unit: string;
  origin?: string;
  embed?: boolean;
}) {
  const params = await searchParams;
  const s = mapState(params);
  const data = await getIndicatorMap(indicatorId, { scope: s.scope, benchmark: s.benchmark, period: s.period, kommunCode });
  if (!data || data.periods.length === 0) return embed ? <p className="missing">Inga kommunvärden att visa på en karta.</p> : null;
  const map = mapFor(s.scope === 'riket' ? 'riket' : data.lanCode);
  const area = s.scope === 'riket' ? 'Sverige' : data.lanName;
  const inScope = new Set(map.shapes.map((x) => x.code));
  const entries = data.entries.filter((e) => inScope.has(e.code));
  const counts = SIGNIFICANCE_ORDER.map((c) => ({ c, n: entries.filter((e) => e.cls === c).length })).filter((x) => x.n > 0);
  const tested = entries.filter((e) => e.cls !== 'none').length;
  const rows = sorted(entries, s.sort, s.desc);
  const sortLink = (key: Sort, text: string) => {
    const current = s.sort === key;
    const next = current && !s.desc ? 'fallande' : 'stigande';
    return (
      <th scope="col" aria-sort={current ? (s.desc ? 'descending' : 'ascending') : undefined}>
        <Link href={href(params, { kartsort: key, kartordning: next })} scroll={false}>
          {text}
          <span className="sr-only">, sortera {next === 'fallande' ? 'fallande' : 'stigande'}</span>
        </Link>
        {current && <span aria-hidden="true">{s.desc ? ' ▼' : ' ▲'}</span>}
      </th>
    );
  };
  const dataTable = (
    <table className="data">
      <caption>
        Kommunerna {data.period} jämförda med {data.benchmarkName} ({unit.replace(/\.$/, '')})
      </caption>
      <thead>
        <tr>
          {sortLink('namn', 'Kommun')}
          {sortLink('varde', 'Värde (95 % KI, antal)')}
          {sortLink('klass', 'Jämfört med ' + data.benchmarkName)}
        </tr>
      </thead>
      <tbody>
        {rows.map((e) => (
          <tr key={e.code} data-kommun={e.code}>
            <th scope="row" style={{ fontWeight: e.code === data.kommunCode ? 700 : 400 }}>
              {e.name} <span className="meta">({e.code})</span>
            </th>
            <td className="num">{describeEntry(e, format)}</td>
            <td>
              <Swatch cls={e.cls} prefix={`t${e.code}`} /> {SIGNIFICANCE_CLASS_LABELS[e.cls]}
              {/* A missing value says so in its own cell: no second "Underlag saknas" here. */}
              {e.cls !== 'similar' && e.value !== null && (
                <>
                  <br />
                  <span className="meta">{e.text}</span>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  const tableBlock = (
    // table-scroll: the box scrolls, not the table (globals.css makes a bare table its own scroller on phones, which
    // would keep the header row from sticking).
    <div className={`${styles.tableCol} table-scroll`} role="region" aria-label="Kartans data som tabell (rullbar)" tabIndex={0}>
      {dataTable}
    </div>
  );
  return (
    <section id="karta" aria-labelledby="karta-rubrik">
      <h2 id="karta-rubrik">
        Karta: {area} {data.period}
      </h2>
      {embed ? (
        <p className={styles.toggles}>
          Jämfört med {data.benchmarkName}. Period {data.period}.
        </p>
      ) : (
        <>
          <p className={styles.toggles}>
            Visa:{' '}
            {s.scope === 'lan' ? (
              <strong aria-current="true">{data.lanName}</strong>
            ) : (
              <Link href={href(params, { karta: null })} scroll={false}>
                {data.lanName}
              </Link>
            )}
            {' · '}
            {s.scope === 'riket' ? (
              <strong aria-current="true">hela Sverige</strong>
            ) : (
              <Link href={href(params, { karta: 'riket' })} scroll={false}>
                hela Sverige
              </Link>
            )}
            {'. Jämför med: '}
            {s.benchmark === 'lan' ? (
              <strong aria-current="true">{s.scope === 'riket' ? 'eget län' : data.lanName}</strong>
            ) : (
              <Link href={href(params, { mot: null })} scroll={false}>
                {s.scope === 'riket' ? 'eget län' : data.lanName}
              </Link>
            )}
            {' · '}
            {s.benchmark === 'riket' ? (
              <strong aria-current="true">Sverige</strong>
            ) : (
              <Link href={href(params, { mot: 'riket' })} scroll={false}>
                Sverige
              </Link>
            )}
          </p>
          <p className={styles.toggles}>
            Period:{' '}
            {data.periods.map((p, i) => (
              <span key={p}>
                {i > 0 && ' · '}
                {p === data.period ? (
                  <strong aria-current="true">{p}</strong>
                ) : (
                  <Link href={href(params, { period: p })} scroll={false}>
                    {p}
                  </Link>
                )}
              </span>
            ))}
          </p>
        </>
      )}
      {embed && data.hasExample && (
        <p className="notice warn" data-example-mark="">
          <strong>Exempeldata:</strong> kartan innehåller påhittade värden (märkta Exempeldata) tills verkliga värden importeras.
        </p>
      )}
      <p className="chart-summary">
        {tested} av {entries.length} kommuner jämförs med {data.benchmarkName} för {data.period}
        {counts.length > 0 && <>: {counts.map((x) => `${SIGNIFICANCE_CLASS_LABELS[x.c].toLowerCase()} ${x.n}`).join(', ')}</>}. Samma test
        som på målsidorna (95 %; antal mot resten av länet, med kommunens överspridning). Skillnader säger inget om orsaker.
        {format.type === 'count' && ' Anmälda brott påverkas av anmälningsbenägenhet och polisens insatser.'} Med {tested} jämförelser
        väntas ungefär {formatNumber(0.05 * tested, 1)} se säkerställda ut av ren slump.
        {data.hasExample && <strong> Exempeldata visas men jämförs inte.</strong>}
      </p>
      <div className={styles.layout}>
        <div className={styles.mapCol}>
          <Choropleth
            map={map}
            entries={entries}
            format={format}
            highlight={data.kommunCode}
            label={`Karta över ${area}s kommuner, ${data.period}: färg och mönster visar jämförelsen med ${data.benchmarkName}`}
          />
        </div>
        {embed ? null : tableBlock}
      </div>
      {embed && (
        <details className="data-table">
          <summary>Tabell: kartans värden och jämförelser</summary>
          <div role="region" aria-label="Kartans data som tabell (rullbar)" tabIndex={0} style={{ overflowX: 'auto' }}>
            {dataTable}
          </div>
        </details>
      )}
      {!embed && (
        <p className="chart-tools">
          <Link
            href={href(params, {
              karta: s.scope === 'riket' ? 'riket' : null,
              mot: s.benchmark === 'riket' ? 'riket' : null,
              period: data.period,
            })}
            scroll={false}
          >
            Permanent länk till kartan
          </Link>{' '}
          (indikator, område, jämförelse och period står i adressen).
        </p>
      )}
      {!embed && origin && (
        <EmbedOffer
          kind="karta"
          indicatorId={indicatorId}
          origin={origin}
          title={`Karta: ${indicatorName}, ${area} ${data.period}`}
          params={{
            kommun: data.kommunCode,
            karta: s.scope === 'riket' ? 'riket' : undefined,
            mot: s.benchmark === 'riket' ? 'riket' : undefined,
            period: data.period ?? undefined,
          }}
        />
      )}
      <p className="chart-summary" data-source-line="">
        Källa: {data.sources.join('; ') || 'inga värden'}. Kartunderlag: Valmyndighetens kommungränser (okfse/sweden-geojson).
      </p>
    </section>
  );
}
