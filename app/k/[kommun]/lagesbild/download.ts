import 'server-only';
import { describeDbError } from '@/lib/data/door';
import { resolveKommun } from '@/lib/data/kommun';
import { getLagesbild } from '@/lib/data/reports';
import type { LagesbildData } from '@/lib/reports/types';

/** Builds the lägesbild data and sends it as a download in the given format. */
export async function lagesbildDownload(
  rawKommun: string,
  render: (d: LagesbildData) => Promise<Buffer>,
  type: string,
  ext: string,
): Promise<Response> {
  try {
    const kommun = await resolveKommun(rawKommun);
    const data = kommun ? await getLagesbild(kommun) : null;
    if (!data)
      return new Response('Ingen åtgärdsplan är inläst.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    const body = await render(data);
    const name = `lagesbild-underlag-${data.kommun.toLowerCase().replace(/[^a-z0-9åäö]+/g, '-')}-${data.generatedAt.slice(0, 10)}.${ext}`;
    return new Response(new Uint8Array(body), {
      headers: {
        'content-type': type,
        'content-disposition': `attachment; filename="${name.normalize('NFD').replace(/[\u0300-\u036f]/g, '')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        'cache-control': 'no-store',
      },
    });
  } catch (err) {
    console.error('lägesbild export failed:', describeDbError(err));
    return new Response('Underlaget kunde inte skapas på grund av ett fel på servern.', {
      status: 500,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
}
