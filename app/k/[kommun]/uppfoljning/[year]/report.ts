import 'server-only';
import { describeDbError } from '@/lib/data/door';
import { resolveKommun } from '@/lib/data/kommun';
import { getFollowUpReport } from '@/lib/data/reports';
import type { FollowUpReport } from '@/lib/reports/types';
import { yearParam } from '@/lib/params';

/** The review's report file (PDF or DOCX), generated on the server from the frozen snapshot. */
export async function reportDownload(
  rawKommun: string,
  rawYear: string,
  render: (r: FollowUpReport) => Promise<Buffer>,
  type: string,
  ext: string,
): Promise<Response> {
  const year = yearParam(rawYear);
  const text = (body: string, status: number) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  if (year === null) return text('Ogiltigt år.', 404);
  try {
    const kommun = await resolveKommun(rawKommun);
    if (!kommun) return text('Kommunen finns inte här.', 404);
    const report = await getFollowUpReport(year, kommun);
    if (!report) return text(`Det finns ingen uppföljning för ${year}.`, 404);
    const body = await render(report);
    const draft = report.status === 'open' ? '-utkast' : '';
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
