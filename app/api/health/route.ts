import { sql } from 'drizzle-orm';
import { getDb, configuredDriver } from '@/lib/db';
import { describeDbError } from '@/lib/db/errors';

export const dynamic = 'force-dynamic';

export async function GET() {
  const database = configuredDriver();
  try {
    const { db } = await getDb();
    await db.execute(sql`select 1`);
    return Response.json({ status: 'ok', database });
  } catch (err) {
    console.error('health check failed:', describeDbError(err));
    return Response.json(
      { status: 'error', database, reason: 'Databasen går inte att nå.' },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    );
  }
}
