import { notFound, observationsQuery, parseQuery } from '@/lib/api/params';
import { csvResponse, observationsCsv } from '@/lib/api/v1';
import { getApiObservations } from '@/lib/data/api';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const q = parseQuery(observationsQuery, new URL(request.url).searchParams);
  if (!q.ok) return q.response;
  const id = (await params).id;
  const { regions, from, to, sex, group, site, format } = q.data;
  const rows = await getApiObservations(id, { regionCodes: regions, from, to, sex, grp: group, site });
  if (!rows) return notFound('Indikatorn');
  if (format === 'csv') return csvResponse(observationsCsv(rows), `${id}.csv`);
  return Response.json({ indicator: id, observations: rows });
}
