import { renderFollowUpDocx } from '@/lib/reports/render-docx';
import { reportDownload } from '../report';

export const dynamic = 'force-dynamic';

export async function GET(_req: Request, { params }: { params: Promise<{ year: string }> }) {
  return reportDownload(
    (await params).year,
    renderFollowUpDocx,
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'docx',
  );
}
