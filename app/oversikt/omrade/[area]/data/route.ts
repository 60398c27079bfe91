import { getOverviewArea } from '@/lib/data/overview';
import type { AreaDetailData } from '@/lib/data/overview-area';
import { isAreaCode } from '../../../_components/area-code';

/*
 * An area's cards as JSON, fetched when the area is opened on `/`. Cached like the pages (first request, then from
 * memory; at least every five minutes and at once after an import or undo), so opening an area costs no database
 * read. Private mode: the proxy answers this like any page.
 */
export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export async function GET(_req: Request, { params }: { params: Promise<{ area: string }> }) {
  const { area: code } = await params;
  const data = isAreaCode(code) ? await getOverviewArea(code) : null;
  if (!data) return Response.json({ status: 'refused', message: 'Området finns inte.' }, { status: 404 });
  const body: AreaDetailData = { regions: data.regions, area: data.area };
  return Response.json(body);
}
