import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageRole } from '@/lib/auth/session';
import { getImportContext } from '@/lib/data/imports';
import { ADAPTERS } from '@/lib/import/registry';
import { TEMPLATES } from '@/lib/import/templates';
import { ImportForm } from './import-form';
import { KoladaSection } from './kolada-section';

export const metadata: Metadata = { title: 'Importera data' };

export default async function ImportPage() {
  await requirePageRole('coordinator', '/import');
  const ctx = await getImportContext();
  const indicators = [...ctx.indicators.values()]
    .map((i) => ({ id: i.id, name: i.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  return (
    <>
      <h1>Importera data</h1>
      <p className="lead">
        Ladda upp ett nytt utdrag (NTU, Lupp, avloppsmätning, Svenskt Näringsliv, Brå, Kolada eller kommunens egna register). Källan känns
        igen från rubrikraden. Du ser först vad som lästs in, alla fel med rad och kolumn, och vad som ändras i databasen. Inget sparas
        förrän du bekräftar, och en import kan ångras.
      </p>
      <ImportForm adapters={ADAPTERS.map((a) => ({ id: a.id, label: a.label }))} indicators={indicators} />
      <KoladaSection />
      <h2>Mallar</h2>
      <p>
        För källor utan egen exportfil: fyll i mallen (Excel går bra, även sparad som &quot;CSV (semikolonavgränsad)&quot;) och ladda upp
        den.
      </p>
      <ul>
        {TEMPLATES.map((t) => (
          <li key={t.file}>
            <a href={`/import/mall/${t.file}`} download>
              {t.label}
            </a>{' '}
            – {t.description}
          </li>
        ))}
      </ul>
      <p>
        <Link href="/import/historik">Importhistorik</Link>: alla importer, vad de ändrade, och ångra.
      </p>
    </>
  );
}
