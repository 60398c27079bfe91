import { REGION_STYLES } from '@/lib/charts/styles';
import type { loadIndicatorView } from '@/lib/data/indicator-query';
import { IndicatorChart, type LineSpec } from './indicator-chart';

type IndicatorView = NonNullable<Awaited<ReturnType<typeof loadIndicatorView>>>;

const COMPARE_COLORS = ['#5b3f8c', '#00695c', '#7a4a00', '#37474f', '#ad1457', '#1565c0', '#4e342e', '#2e7d32'];

/**
 * An indicator's chart over time with its text summary, as the indicator page and its embed draw it: the kommun, the
 * län and riket in their own styles with KI bands, comparison kommuner as thin lines in colours of their own.
 */
export function IndicatorFigure({ view, title }: { view: IndicatorView; title: string }) {
  const ind = view.indicator;
  const lines: LineSpec[] = view.lines.map((l, i) => {
    const style = l.key in REGION_STYLES ? REGION_STYLES[l.key as 'kommun'] : null;
    return {
      key: l.key,
      name: l.name,
      color: style?.color ?? COMPARE_COLORS[i % COMPARE_COLORS.length]!,
      dash: style?.dash ?? '1 0',
      band: style !== null,
    };
  });
  const bands = view.chart.rows.some((r) => lines.some((l) => l.band && r[`${l.key}_ki`]));
  return (
    <figure>
      <IndicatorChart
        rows={view.chart.rows}
        annotations={view.chart.annotations}
        unitKind={ind.unitKind}
        decimals={ind.decimals}
        title={title}
        fileName={ind.id}
        lines={lines}
      />
      <figcaption className="chart-summary">
        {view.summary}
        {bands ? ' Skuggade band: 95 % konfidensintervall.' : ''}
      </figcaption>
    </figure>
  );
}
