import { revalidatePath } from 'next/cache';
import { clientIp } from '@/lib/audit';
import { authorizeWrite } from '@/lib/auth/session';
import { describeDbError } from '@/lib/data/door';
import { getImportContext, getImportDiff, saveImport } from '@/lib/data/imports';
import { analyzeFile } from '@/lib/import/analyze';
import { maxImportBytes } from '@/lib/import/cli';
import { ImportFileError } from '@/lib/import/issues';
import { toPreview, type ImportReceipt, type ImportRefusal } from '@/lib/import/preview';

export const dynamic = 'force-dynamic';

function refuse(message: string, status: number, extra: Partial<ImportRefusal> = {}) {
  const body: ImportRefusal = { status: 'refused', message, issues: [], ...extra };
  return Response.json(body, { status });
}

/**
 * POST multipart: `file`, optional `source` and `sheet`. Without `confirm` it only previews (nothing is
 * written). With `confirm=1` and the previewed `sha256` it commits the same file in one transaction.
 */
export async function POST(request: Request) {
  // Preview too: it reads a whole file and stages it in the database, which is a samordnare's task.
  const user = await authorizeWrite(request, 'samordnare');
  if (user instanceof Response) return user;
  const limit = maxImportBytes();
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit + 64 * 1024) {
    return refuse(`Filen är för stor: största tillåtna storlek är ${Math.round(limit / 1048576)} MB.`, 413);
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return refuse('Förfrågan saknar en fil (multipart/form-data med fältet "file").', 400);
  }
  const file = form.get('file');
  if (!(file instanceof File)) return refuse('Välj en fil att importera.', 400);
  const str = (k: string) => {
    const v = form.get(k);
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  };
  const confirm = str('confirm') === '1';
  try {
    const ctx = await getImportContext();
    const analysis = await analyzeFile(
      { fileName: file.name || 'fil', bytes: new Uint8Array(await file.arrayBuffer()), source: str('source'), sheet: str('sheet') },
      ctx,
      limit,
    );
    if (!confirm) {
      const diff = analysis.issues.length === 0 ? await getImportDiff(analysis.observations) : null;
      return Response.json(toPreview(analysis, diff));
    }
    if (str('sha256') !== analysis.sha256) {
      return refuse('Filen har ändrats sedan förhandsgranskningen. Förhandsgranska den igen innan du bekräftar.', 409);
    }
    const res = await saveImport(analysis, { createdBy: user.email, audit: { actorId: user.id, actor: user.email, ip: clientIp(request.headers) } });
    revalidatePath('/', 'layout'); // cached pages show the new values at once
    const receipt: ImportReceipt = { status: 'committed', importId: res.importId, fileName: analysis.fileName, sha256: analysis.sha256, inserted: res.inserted, updated: res.updated, unchanged: res.unchanged };
    return Response.json(receipt);
  } catch (err) {
    if (err instanceof ImportFileError) return refuse(err.message, 422, { issues: err.issues, sheets: err.sheets });
    console.error('import failed:', describeDbError(err));
    return refuse('Importen avbröts av ett fel på servern. Inget skrevs. Försök igen.', 500);
  }
}
