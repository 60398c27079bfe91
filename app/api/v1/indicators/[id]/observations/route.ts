import { notFound, observationsQuery, parseQuery } from '@/lib/api/params';
import { apiObservations, csvResponse, observationsCsv } from '@/lib/api/v1';
import { getDb } from '@/lib/db';
import { getIndicator } from '@/lib/db/queries/indicators';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const q = parseQuery(observationsQuery, new URL(request.url).searchParams);
  if (!q.ok) return q.response;
  const id = (await params).id;
  const { db } = await getDb();
  if (!(await getIndicator(db, id))) return notFound('Indikatorn');
  const { regions, from, to, sex, group, site, format } = q.data;
  const rows = await apiObservations(db, { indicatorIds: [id], regionCodes: regions, from, to, sex, grp: group, site });
  if (format === 'csv') return csvResponse(observationsCsv(rows), `${id}.csv`);
  return Response.json({ indicator: id, observations: rows });
}
