import { renderFollowUpPdf } from '@/lib/reports/render-pdf';
import { reportDownload } from '../report';

export const dynamic = 'force-dynamic';

export async function GET(_req: Request, { params }: { params: Promise<{ kommun: string; year: string }> }) {
  return reportDownload(...(await params.then((p) => [p.kommun, p.year] as const)), renderFollowUpPdf, 'application/pdf', 'pdf');
}
