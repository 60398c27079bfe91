import { listQuery, notFound, parseQuery } from '@/lib/api/params';
import { apiIndicator } from '@/lib/api/v1';
import { getDb } from '@/lib/db';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const q = parseQuery(listQuery, new URL(request.url).searchParams);
  if (!q.ok) return q.response;
  const { db } = await getDb();
  const indicator = await apiIndicator(db, (await params).id);
  if (!indicator) return notFound('Indikatorn');
  return Response.json({ indicator });
}
