import { lagesbildCsvZip } from '@/lib/reports/lagesbild-export';
import { lagesbildDownload } from '../download';

export const dynamic = 'force-dynamic';

export async function GET(_req: Request, { params }: { params: Promise<{ kommun: string }> }) {
  return lagesbildDownload((await params).kommun, lagesbildCsvZip, 'application/zip', 'zip');
}
