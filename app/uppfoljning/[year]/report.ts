import 'server-only';
import { getDb } from '@/lib/db';
import { describeDbError } from '@/lib/db/errors';
import { getRegionWithParent } from '@/lib/db/queries/plan';
import { plans } from '@/lib/db/schema';
import { listActionViews } from '@/lib/followup/actions';
import { getReview } from '@/lib/followup/reviews';
import { buildFollowUpReport } from '@/lib/reports/build-follow-up';
import type { FollowUpReport } from '@/lib/reports/types';
import { eq } from 'drizzle-orm';
import { yearParam } from '@/lib/params';

/** The report of the year's review, from its frozen snapshot, or null when there is none. */
export async function loadFollowUpReport(year: number): Promise<FollowUpReport | null> {
  const { db } = await getDb();
  const view = await getReview(db, year);
  if (!view) return null;
  const [plan] = await db.select({ kommunCode: plans.kommunCode }).from(plans).where(eq(plans.id, view.review.planId));
  const geo = plan ? await getRegionWithParent(db, plan.kommunCode) : null;
  return buildFollowUpReport(view, await listActionViews(db, view.review.planId), geo ? `${geo.region.name} kommun` : 'Kommunen');
}

/** The review's report file (PDF or DOCX), generated on the server from the frozen snapshot. */
export async function reportDownload(rawYear: string, render: (r: FollowUpReport) => Promise<Buffer>, type: string, ext: string): Promise<Response> {
  const year = yearParam(rawYear);
  const text = (body: string, status: number) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  if (year === null) return text('Ogiltigt år.', 404);
  try {
    const report = await loadFollowUpReport(year);
    if (!report) return text(`Det finns ingen uppföljning för ${year}.`, 404);
    const body = await render(report);
    const draft = report.status === 'öppen' ? '-utkast' : '';
    return new Response(new Uint8Array(body), {
      headers: {
        'content-type': type,
        'content-disposition': `attachment; filename="uppfoljningsrapport-${year}${draft}.${ext}"`,
        'cache-control': 'no-store',
      },
    });
  } catch (err) {
    console.error('report failed:', describeDbError(err));
    return text('Rapporten kunde inte skapas på grund av ett fel på servern.', 500);
  }
}
