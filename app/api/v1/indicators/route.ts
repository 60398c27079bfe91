import { parseQuery, listQuery } from '@/lib/api/params';
import { csvResponse } from '@/lib/api/v1';
import { getApiIndicators } from '@/lib/data/api';
import { toSwedishCsv } from '@/lib/export/csv';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const q = parseQuery(listQuery, new URL(request.url).searchParams);
  if (!q.ok) return q.response;
  const rows = await getApiIndicators();
  if (q.data.format === 'csv') {
    return csvResponse(
      toSwedishCsv(
        ['id', 'namn', 'enhet', 'riktning', 'typ', 'källa', 'utgivare', 'mäter', 'utgivningstakt'],
        rows.map((r) => [r.id, r.name, r.unit, r.direction, r.type, r.source.name, r.source.publisher, r.measuredGeography, r.cadence]),
      ),
      'indikatorer.csv',
    );
  }
  return Response.json({ indicators: rows });
}
