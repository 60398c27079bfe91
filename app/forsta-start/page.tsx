import path from 'node:path';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { firstAdminTokenFile } from '@/lib/auth/first-admin';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/server';
import { getFirstAdminOpen } from '@/lib/data/users';
import { readEnv } from '@/lib/env';
import { FirstAdminForm } from './first-admin-form';

export const metadata: Metadata = { title: 'Första start' };

/** The first administrator, while none exists (lib/auth/first-admin.ts); afterwards the page is gone (404). */
export default async function FirstStartPage() {
  await connection();
  if (!(await getFirstAdminOpen())) notFound();
  const file = path.relative(process.cwd(), firstAdminTokenFile(readEnv()));
  return (
    <>
      <h1>Första start: skapa administratören</h1>
      <p className="lead">
        Det finns ingen administratör ännu. Den första skapas här, medan servern kör. Administratören bjuder sedan in övriga användare under
        Användare.
      </p>
      <p>
        Engångskoden visades när servern startade (i terminalen där <code>npm run setup</code> eller <code>npm start</code> kör) och finns i
        filen <code>{file}</code>, som bara kontots ägare kan läsa. Sidan försvinner när administratören är skapad.
      </p>
      <FirstAdminForm minLength={MIN_PASSWORD_LENGTH} />
    </>
  );
}
