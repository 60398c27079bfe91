import { revalidatePath } from 'next/cache';
import { clientIp } from '@/lib/audit';
import { authorizeWrite } from '@/lib/auth/session';
import { describeDbError } from '@/lib/data/door';
import { saveImportRun } from '@/lib/data/imports';
import { MappingNeededError } from '@/lib/import/analyze';
import { columnMappingSchema } from '@/lib/import/mapping';
import { toPreview, type ImportReceipt, type ImportRefusal } from '@/lib/import/preview';
import { FileChangedError, importLimits } from '@/lib/import/run';

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
  // Public statistics are shared by every kommun: a samordnare of any kommun (or the administrator) imports.
  const user = await authorizeWrite(request, 'coordinator', 'any');
  if (user instanceof Response) return user;
  const limit = importLimits().maxBytes;
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
  // A column mapping from the mapping form: checked here (shape), and against the file and catalogue by the import.
  let mapping;
  const mappingText = str('mapping');
  if (mappingText !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(mappingText);
    } catch {
      return refuse('Kolumnmappningen kunde inte läsas (förväntade JSON).', 400);
    }
    const parsed = columnMappingSchema.safeParse(json);
    if (!parsed.success)
      return refuse(
        `Kolumnmappningen är ogiltig: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'mappning'}: ${i.message}`).join('; ')}.`,
        400,
      );
    mapping = parsed.data;
  }
  try {
    const run = await saveImportRun({
      fileName: file.name || 'fil',
      file: { bytes: new Uint8Array(await file.arrayBuffer()) },
      source: str('source'),
      sheet: str('sheet'),
      mapping,
      dryRun: !confirm,
      changes: 1000,
      sha256: confirm ? (str('sha256') ?? '') : undefined,
      user: user.email,
      audit: { actorId: user.id, actor: user.email, ip: clientIp(request.headers) },
    });
    if (run.failure) throw run.failure;
    if (run.refusal instanceof FileChangedError) return refuse(run.refusal.message, 409);
    if (run.refusal) {
      const offer = run.refusal instanceof MappingNeededError ? { mapping: run.refusal.offer } : {};
      return refuse(run.refusal.message, 422, { issues: run.refusal.issues, sheets: run.refusal.sheets, ...offer });
    }
    const analysis = run.analysis!;
    if (!confirm) return Response.json(toPreview(analysis, run.diff));
    revalidatePath('/', 'layout'); // cached pages show the new values at once
    const { inserted, updated, unchanged } = run.report;
    const receipt: ImportReceipt = {
      status: 'committed',
      importId: run.importId!,
      fileName: analysis.fileName,
      sha256: analysis.sha256,
      inserted,
      updated,
      unchanged,
    };
    return Response.json(receipt);
  } catch (err) {
    console.error('import failed:', describeDbError(err));
    return refuse('Importen avbröts av ett fel på servern. Inget skrevs. Försök igen.', 500);
  }
}
