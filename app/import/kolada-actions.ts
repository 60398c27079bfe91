'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { clientIp } from '@/lib/audit';
import { requireRole } from '@/lib/auth/session';
import { describeDbError } from '@/lib/data/door';
import { KoladaError, KoladaFetchRefused, KoladaKpiFileError, saveKoladaImport } from '@/lib/data/kolada';
import type { ImportIssue } from '@/lib/import/issues';
import { toPreview, type ImportPreview, type ImportReceipt } from '@/lib/import/preview';
import { FileChangedError } from '@/lib/import/run';

export type KoladaState =
  | { step: 'idle' }
  | {
      step: 'preview';
      preview: ImportPreview;
      /** When the answer was complete, Swedish time ("2026-12-03 14:45"). */
      retrieved: string;
      kpis: string[];
      areas: string;
      requests: number;
      pages: number;
      skipped: string[];
    }
  | { step: 'committed'; receipt: ImportReceipt; retrieved: string }
  | { step: 'refused'; message: string; issues: ImportIssue[] };

/**
 * "Hämta från Kolada": without `confirm` it fetches and previews (nothing written); with `confirm=1` and the previewed
 * `sha256` it fetches again and commits only if Kolada gave the same values. Samordnare only, checked here.
 */
export async function koladaFetchAction(_prev: KoladaState, form: FormData): Promise<KoladaState> {
  // Kolada's values are public statistics shared by every kommun: a samordnare of any kommun may fetch them.
  const user = await requireRole('coordinator', 'any');
  const confirm = form.get('confirm') === '1';
  const sha = form.get('sha256');
  if (confirm && (typeof sha !== 'string' || !/^[0-9a-f]{64}$/.test(sha))) {
    return { step: 'refused', message: 'Förhandsgranska hämtningen först.', issues: [] };
  }
  try {
    const { run, document } = await saveKoladaImport({
      dryRun: !confirm,
      user: user.email,
      changes: 1000,
      sha256: confirm ? (sha as string) : undefined,
      audit: { actorId: user.id, actor: user.email, ip: clientIp(await headers()) },
    });
    if (run.failure) throw run.failure;
    if (run.refusal instanceof FileChangedError) {
      return {
        step: 'refused',
        message: 'Koladas värden har ändrats sedan förhandsgranskningen. Inget har sparats: hämta och förhandsgranska igen.',
        issues: [],
      };
    }
    if (run.refusal) return { step: 'refused', message: run.refusal.message, issues: run.refusal.issues };
    const analysis = run.analysis!;
    if (!confirm) {
      const p = document.plan;
      return {
        step: 'preview',
        preview: toPreview(analysis, run.diff),
        retrieved: document.retrieval.retrieved ?? document.retrievedAt,
        kpis: p.kpis.map((k) => k.kpi),
        areas: `${p.kommun.name}, ${p.lan.name}, riket och länets ${p.municipalities.length - 2} kommuner`,
        requests: document.requests.length,
        pages: document.requests.reduce((n, r) => n + r.pages, 0),
        skipped: p.skipped.map((k) => `${k.kpi} → ${k.indicator}`),
      };
    }
    revalidatePath('/', 'layout'); // cached pages show the new values at once
    const { inserted, updated, unchanged } = run.report;
    return {
      step: 'committed',
      retrieved: document.retrieval.retrieved ?? document.retrievedAt,
      receipt: {
        status: 'committed',
        importId: run.importId!,
        fileName: analysis.fileName,
        sha256: analysis.sha256,
        inserted,
        updated,
        unchanged,
      },
    };
  } catch (err) {
    if (err instanceof KoladaError || err instanceof KoladaFetchRefused || err instanceof KoladaKpiFileError) {
      return { step: 'refused', message: err.message, issues: [] };
    }
    console.error('kolada fetch failed:', describeDbError(err));
    return { step: 'refused', message: 'Hämtningen avbröts av ett fel på servern. Inget har sparats. Försök igen.', issues: [] };
  }
}
