import { kommunNotFound, notFound, parseQuery, planQuery } from '@/lib/api/params';
import { getApiIndicator, resolveApiKommun } from '@/lib/data/api';

export const dynamic = 'force-dynamic';

/** One indicator and the goals that use it in a kommun's plan in force: `?kommun=2084`, by default the first kommun. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const q = parseQuery(planQuery, new URL(request.url).searchParams);
  if (!q.ok) return q.response;
  const kommun = await resolveApiKommun(q.data.kommun);
  if (!kommun.found) return kommunNotFound(q.data.kommun!);
  const indicator = await getApiIndicator((await params).id, kommun.code);
  if (!indicator) return notFound('Indikatorn');
  return Response.json({ kommun: kommun.code, indicator });
}
