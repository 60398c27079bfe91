import type { OverviewArea, RegionRef } from './overview-query';

/** One priority area's detail as `/k/<kommun>/omrade/<kod>/data` sends it (JSON) and its page renders it. */
export interface AreaDetailData {
  regions: RegionRef[];
  area: OverviewArea;
}
