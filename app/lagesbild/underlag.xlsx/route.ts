import { lagesbildXlsx } from '@/lib/reports/lagesbild-export';
import { lagesbildDownload } from '../download';

export const dynamic = 'force-dynamic';

export function GET() {
  return lagesbildDownload(lagesbildXlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx');
}
