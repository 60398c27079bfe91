import { renderFollowUpPdf } from '@/lib/reports/render-pdf';
import { reportDownload } from '../report';

export const dynamic = 'force-dynamic';

export async function GET(_req: Request, { params }: { params: Promise<{ year: string }> }) {
  return reportDownload((await params).year, renderFollowUpPdf, 'application/pdf', 'pdf');
}
