import { lagesbildCsvZip } from '@/lib/reports/lagesbild-export';
import { lagesbildDownload } from '../download';

export const dynamic = 'force-dynamic';

export function GET() {
  return lagesbildDownload(lagesbildCsvZip, 'application/zip', 'zip');
}
