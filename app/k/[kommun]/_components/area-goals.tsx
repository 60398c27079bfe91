import Link from 'next/link';
import { kommunPath } from '@/lib/kommun-path';
import type { OverviewArea, RegionRef } from '@/lib/data/overview-query';
import { IndicatorCard } from '../../../_components/indicator-card';
import { RollupBadge } from '../../../_components/verdict-badge';

/**
 * One priority area's goals with every indicator's card: the detail under the summary. Rendered on the server on
 * the area's own page, and in the browser when the area is opened on `/` (from the same data, so both agree).
 * Nothing here may need the server: it is also part of the client bundle that `/` loads when an area is opened.
 */
export function AreaGoals({ area, regions, kommunCode }: { area: OverviewArea; regions: RegionRef[]; kommunCode: string }) {
  return area.goals.map((goal) => (
    <section key={goal.code} className="goal" aria-labelledby={`goal-${goal.code}`} data-goal-detail={goal.code}>
      <h3 id={`goal-${goal.code}`}>
        <Link href={kommunPath(kommunCode, `/mal/${goal.code}`)}>Övergripande mål: {goal.text}</Link>
      </h3>
      <p className="rollup">
        <span className="sr-only">Bedömning av målets mått: </span>
        {goal.rollup.length > 0
          ? goal.rollup.map((r) => <RollupBadge key={r.label} label={r.label} count={r.count} />)
          : 'Endast sammanhangsmått.'}
      </p>
      <div className="cards">
        {goal.indicators.map((ind) => (
          <IndicatorCard key={ind.id} ind={ind} regions={regions} headingId={`ind-${goal.code}-${ind.id}`} />
        ))}
      </div>
    </section>
  ));
}
