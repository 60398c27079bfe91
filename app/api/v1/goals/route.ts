import { apiGoals, GOALS_CSV_HEADER, goalsCsvRows } from '@/lib/api/goals';
import { listQuery, parseQuery } from '@/lib/api/params';
import { csvResponse } from '@/lib/api/v1';
import { getDb } from '@/lib/db';
import { toSwedishCsv } from '@/lib/export/csv';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const q = parseQuery(listQuery, new URL(request.url).searchParams);
  if (!q.ok) return q.response;
  const { db } = await getDb();
  const goals = await apiGoals(db, new Date());
  if (q.data.format === 'csv') return csvResponse(toSwedishCsv(GOALS_CSV_HEADER, goalsCsvRows(goals)), 'mal.csv');
  return Response.json({ goals });
}
