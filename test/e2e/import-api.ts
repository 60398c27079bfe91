import { expect } from 'vitest';

/** A value with one decimal, written the Swedish way, that `html` does not contain yet (to see an import arrive). */
export function valueNotIn(html: string): string {
  let shown = '';
  while (shown === '' || html.includes(shown)) shown = (50 + Math.random() * 49).toFixed(1).replace('.', ',');
  return shown;
}

/** Hedemora's NTU share "otrygg en kväll" for 2026, as a one-row CSV in the import format. */
export function ntuRowCsv(value: string, comment: string): string {
  return `indikator;region;period;kön;grupp;värde;ki_låg;ki_hög;n;status;kommentar\nntu_otrygg_kvall;2083;2026;;;${value};;;;;${comment}\n`;
}

/** Imports a CSV through /api/import as a script would: the preview, then its confirmation by the preview's sha256. */
export async function importCsvThroughApi(base: string, cookie: string, csv: string, fileName: string): Promise<void> {
  const post = async (extra: Record<string, string>) => {
    const form = new FormData();
    form.set('file', new File([csv], fileName, { type: 'text/csv' }));
    for (const [k, v] of Object.entries(extra)) form.set(k, v);
    const res = await fetch(`${base}/api/import`, { method: 'POST', headers: { cookie }, body: form });
    const body = (await res.json()) as { status: string; sha256?: string; message?: string };
    expect(res.ok, body.message).toBe(true);
    return body;
  };
  const preview = await post({});
  await post({ confirm: '1', sha256: preview.sha256 ?? '' });
}
