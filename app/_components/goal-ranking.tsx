import { getIndicatorMap } from '@/lib/data/comparison-view';
import type { ValueFormat } from './choropleth';
import { RankedBars } from './ranked-bars';

/** The goal page's ranked bars for one indicator: the län's kommuner in the latest period, against the län. */
export async function GoalRanking({
  indicatorId,
  name,
  unit,
  format,
}: {
  indicatorId: string;
  name: string;
  unit: string;
  format: ValueFormat;
}) {
  const data = await getIndicatorMap(indicatorId, { scope: 'lan', benchmark: 'lan' });
  if (!data || !data.period || data.entries.filter((e) => e.value !== null && !e.example).length < 2) return null;
  return (
    <section aria-label={`Kommunerna i ${data.lanName} jämförda, ${name}`}>
      <h3>
        Kommunerna i {data.lanName} {data.period}
      </h3>
      <RankedBars
        data={data}
        format={format}
        unit={unit}
        title={`${name}, kommunerna i ${data.lanName} ${data.period}`}
        prefix={`rank-${indicatorId}`}
      />
    </section>
  );
}
