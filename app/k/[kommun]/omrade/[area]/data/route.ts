import { resolveKommun } from '@/lib/data/kommun';
import { getOverviewArea } from '@/lib/data/overview';
import type { AreaDetailData } from '@/lib/data/overview-area';
import { isAreaCode } from '../../../_components/area-code';

/*
 * An area's cards as JSON, fetched when the area is opened on `/`. Read anew on every request (one area's queries):
 * a cached copy here would not be refreshed at once by the revalidatePath of an import or undo, and an area opened
 * right after an import must show the new values. Private mode: the proxy answers this like any page.
 */
export const dynamic = 'force-dynamic';

export async function GET(_req: Request, { params }: { params: Promise<{ kommun: string; area: string }> }) {
  const { area: code, kommun } = await params;
  const kommunCode = await resolveKommun(kommun);
  const data = kommunCode && isAreaCode(code) ? await getOverviewArea(code, kommunCode) : null;
  if (!data) return Response.json({ status: 'refused', message: 'Området finns inte.' }, { status: 404 });
  const body: AreaDetailData = { regions: data.regions, area: data.area };
  return Response.json(body, { headers: { 'Cache-Control': 'no-store' } });
}
