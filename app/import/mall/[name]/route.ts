import fs from 'node:fs/promises';
import path from 'node:path';
import { TEMPLATES } from '@/lib/import/templates';

export async function GET(_req: Request, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  // Only the listed files: the name never reaches the file system unchecked.
  const t = TEMPLATES.find((x) => x.file === name);
  if (!t) return new Response('Mallen finns inte.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const body = await fs.readFile(path.join(process.cwd(), 'data-imports', 'templates', t.file));
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${t.file}"`,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
