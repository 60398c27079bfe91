import { describeDbError } from '@/lib/data/door';
import { databaseDriver, pingDatabase } from '@/lib/data/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const database = databaseDriver();
  try {
    await pingDatabase();
    return Response.json({ status: 'ok', database });
  } catch (err) {
    console.error('health check failed:', describeDbError(err));
    return Response.json(
      { status: 'error', database, reason: 'Databasen går inte att nå.' },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    );
  }
}
