import { auditFilterFrom } from '@/lib/audit-query';
import { sessionUserFrom } from '@/lib/auth/session';
import { roleAtLeast } from '@/lib/auth/roles';
import { getAuditCsv } from '@/lib/data/users';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const user = await sessionUserFrom(request.headers);
  if (!user) return Response.json({ status: 'refused', message: 'Du måste logga in.', issues: [] }, { status: 401 });
  if (!roleAtLeast(user.role, 'admin'))
    return Response.json({ status: 'refused', message: 'Ändringsloggen är bara för administratörer.', issues: [] }, { status: 403 });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const csv = await getAuditCsv(auditFilterFrom(params));
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="andringslogg-${new Date().toISOString().slice(0, 10)}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
