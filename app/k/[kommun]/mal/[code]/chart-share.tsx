import Link from 'next/link';
import { getIndicatorMap } from '@/lib/data/comparison-view';
import { embedPaths, goalChartView } from '@/lib/embed/url';
import { EmbedOffer } from '../../../../_components/embed-offer';
import { goalGroupComparison } from '../../../../_components/group-band';

/**
 * A goal page's links for one indicator's charts: the permanent link to each view and its "Bädda in" code. The
 * line chart's embed is the indicator's chart with the goal's series (kommun, län, riket) and the comparison group
 * the page draws as a band; the ranked bars' embed is the län's map against the län, with the same kommuner and
 * classes as the bars. The page is cached, so the code's absolute address is made in the browser (embed-code.tsx).
 */
export async function GoalChartShare({
  indicatorId,
  name,
  series,
  kommunCode,
  hasChart,
  chartTitle,
  lanName,
}: {
  indicatorId: string;
  name: string;
  series: { sex: string; grp: string };
  kommunCode: string;
  hasChart: boolean;
  chartTitle: string;
  lanName: string;
}) {
  const group = hasChart ? ((await goalGroupComparison(indicatorId, kommunCode))?.chosen?.group ?? null) : null;
  const chartView = { ...goalChartView(series, group?.id ?? null), kommun: kommunCode };
  const chart = embedPaths('indikator', indicatorId, chartView);
  // The ranked bars' view: the län's kommuner against the län in the latest period (as GoalRanking draws them).
  const bars = await getIndicatorMap(indicatorId, { scope: 'lan', benchmark: 'lan', kommunCode });
  const period = bars?.period && bars.entries.some((e) => e.value !== null) ? bars.period : null;
  const map = period ? embedPaths('karta', indicatorId, { period, kommun: kommunCode }) : null;
  return (
    <div className="goal-share" data-goal-share={indicatorId}>
      <p className="chart-tools">
        Permanenta länkar: <Link href={chart.full}>{name} på måttets sida</Link> (samma uppdelning, med {lanName} och riket)
        {map && (
          <>
            {' '}
            ·{' '}
            <Link href={map.full}>
              Kartan över kommunerna i {lanName} {period}
            </Link>{' '}
            (samma kommuner och jämförelse som staplarna)
          </>
        )}
      </p>
      {hasChart && (
        <EmbedOffer
          kind="indikator"
          indicatorId={indicatorId}
          params={chartView}
          title={`Diagram: ${chartTitle}${group ? ` och ${group.title}` : ''}`}
        />
      )}
      {map && (
        <EmbedOffer
          kind="karta"
          indicatorId={indicatorId}
          params={{ period: period!, kommun: kommunCode }}
          title={`Karta: ${name}, kommunerna i ${lanName} ${period}`}
        />
      )}
    </div>
  );
}
