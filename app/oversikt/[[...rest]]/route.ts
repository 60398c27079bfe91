import { redirectToFirstKommun } from '@/lib/data/kommun';

/* The old area addresses (`/oversikt/omrade/<kod>`): 307 to the first kommun's `/k/<kod>/omrade/<kod>`. */
export const dynamic = 'force-dynamic';
export function GET(request: Request) {
  return redirectToFirstKommun(request, '/oversikt');
}
