import { GOALS_CSV_HEADER, goalsCsvRows } from '@/lib/data/api-goals';
import { listQuery, parseQuery } from '@/lib/api/params';
import { csvResponse } from '@/lib/api/v1';
import { getApiGoals } from '@/lib/data/api';
import { toSwedishCsv } from '@/lib/export/csv';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const q = parseQuery(listQuery, new URL(request.url).searchParams);
  if (!q.ok) return q.response;
  const goals = await getApiGoals();
  if (q.data.format === 'csv') return csvResponse(toSwedishCsv(GOALS_CSV_HEADER, goalsCsvRows(goals)), 'mal.csv');
  return Response.json({ goals });
}
