import { GOALS_CSV_HEADER, goalsCsvRows } from '@/lib/data/api-goals';
import { kommunNotFound, parseQuery, planQuery } from '@/lib/api/params';
import { csvResponse } from '@/lib/api/v1';
import { getApiGoals, resolveApiKommun } from '@/lib/data/api';
import { toSwedishCsv } from '@/lib/export/csv';

export const dynamic = 'force-dynamic';

/** The goals of a kommun's plan in force: `?kommun=2084`, by default the installation's first kommun. */
export async function GET(request: Request) {
  const q = parseQuery(planQuery, new URL(request.url).searchParams);
  if (!q.ok) return q.response;
  const { format, kommun: asked } = q.data;
  const kommun = await resolveApiKommun(asked);
  if (!kommun.found) return kommunNotFound(asked!);
  const goals = await getApiGoals(kommun.code);
  if (format === 'csv') return csvResponse(toSwedishCsv(GOALS_CSV_HEADER, goalsCsvRows(goals)), asked ? `mal-${asked}.csv` : 'mal.csv');
  return Response.json({ kommun: kommun.code, goals });
}
