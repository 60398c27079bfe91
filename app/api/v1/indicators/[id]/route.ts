import { listQuery, notFound, parseQuery } from '@/lib/api/params';
import { getApiIndicator } from '@/lib/data/api';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const q = parseQuery(listQuery, new URL(request.url).searchParams);
  if (!q.ok) return q.response;
  const indicator = await getApiIndicator((await params).id);
  if (!indicator) return notFound('Indikatorn');
  return Response.json({ indicator });
}
