import { redirectToFirstKommun } from '@/lib/data/kommun';

/* The old address without the kommun: 307 to the first kommun's same page (lib/kommun-path.ts). */
export const dynamic = 'force-dynamic';
export const GET = redirectToFirstKommun;
