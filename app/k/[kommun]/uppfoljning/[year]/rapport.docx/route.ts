import { renderFollowUpDocx } from '@/lib/reports/render-docx';
import { reportDownload } from '../report';

export const dynamic = 'force-dynamic';

export async function GET(_req: Request, { params }: { params: Promise<{ kommun: string; year: string }> }) {
  const { kommun, year } = await params;
  return reportDownload(
    kommun,
    year,
    renderFollowUpDocx,
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'docx',
  );
}
