'use client';

import dynamic from 'next/dynamic';

/**
 * recharts draws only in the browser anyway (it does not server-render its SVG), so the overview loads
 * it after the page: the page's first-load JavaScript stays small, and each chart's table and text
 * summary are in the HTML from the start.
 */
export const LazyTrendChart = dynamic(() => import('./trend-chart').then((m) => m.TrendChart), {
  ssr: false,
  loading: () => <div style={{ height: 170 }} aria-hidden="true" />,
});
