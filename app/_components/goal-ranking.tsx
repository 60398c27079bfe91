import Link from 'next/link';
import type { Assessment } from '@/lib/data/assess';
import { getIndicatorMap } from '@/lib/data/comparison-view';
import type { ValueFormat } from './choropleth';
import { RankedBars } from './ranked-bars';
import { METHOD_PAGE } from './verdict-badge';

/** The kommun's rank with its interval, as a sentence (the goal page folds it into the ranked bars' summary). */
function rankSentence(rank: NonNullable<Assessment['rank']>, kommunName: string) {
  return (
    <>
      {kommunName} har plats {rank.rank} av {rank.of} kommuner i länet med redovisade värden ({rank.period}; plats 1 är bäst); med hänsyn
      till osäkerheten kan den verkliga placeringen ligga mellan {rank.low} och {rank.high} (
      <Link href={`${METHOD_PAGE}#rang`}>om rangordning</Link>
      ).
    </>
  );
}

/**
 * The goal page's ranked bars for one indicator: the län's kommuner in the latest period, against the län. They
 * replace the bare rank: the kommun's rank is told in the bars' text summary. Without bars (fewer than two real
 * values), the rank stands alone as before.
 */
export async function GoalRanking({
  indicatorId,
  name,
  unit,
  format,
  rank = null,
  kommunName = '',
  kommunCode,
}: {
  indicatorId: string;
  name: string;
  unit: string;
  format: ValueFormat;
  rank?: Assessment['rank'];
  kommunName?: string;
  /** The kommun the goal page is for: its län's kommuner, its mark. */
  kommunCode: string;
}) {
  const data = await getIndicatorMap(indicatorId, { scope: 'lan', benchmark: 'lan', kommunCode });
  if (!data || !data.period || data.entries.filter((e) => e.value !== null && !e.example).length < 2) {
    return rank ? <p data-rank="">{rankSentence(rank, kommunName)}</p> : null;
  }
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
        note={rank ? rankSentence(rank, kommunName) : undefined}
      />
    </section>
  );
}
