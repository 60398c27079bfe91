import type { Metadata } from 'next';
import Link from 'next/link';
import { getFirstAdminOpen } from '@/lib/data/users';
import { readEnv } from '@/lib/env';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Logga in' };
export const dynamic = 'force-dynamic';

const SSO_ERRORS: Record<string, string> = {
  signup_disabled: 'Ditt konto finns inte i Trygghetsläget ännu. Be en administratör att bjuda in dig.',
  banned: 'Kontot är inaktiverat. Kontakta en administratör.',
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const env = readEnv();
  // While no administrator exists, the newcomer is pointed at /forsta-start (a database that is down only hides the hint).
  const firstAdmin = await getFirstAdminOpen().catch(() => false);
  const sp = await searchParams;
  const next = typeof sp.nasta === 'string' ? sp.nasta : '/';
  const error =
    typeof sp.error === 'string'
      ? (SSO_ERRORS[sp.error] ?? 'Inloggningen via kommunens konto misslyckades. Försök igen eller logga in med e-post och lösenord.')
      : null;
  return (
    <>
      <h1>Logga in</h1>
      <p className="lead">
        Inloggning behövs för att importera data, ångra importer och hantera användare
        {env.PUBLIC_DASHBOARD ? '. Översikten och indikatorerna är öppna för alla.' : ', och för att läsa instrumentpanelen.'}
      </p>
      {sp.skapad === '1' && (
        <p className="notice ok" role="status">
          Administratören är skapad. Logga in med e-postadressen och lösenordet du valde.
        </p>
      )}
      {firstAdmin && (
        <p className="notice warn" role="note">
          Det finns ingen administratör ännu. <Link href="/forsta-start">Skapa den första administratören</Link> med engångskoden från
          serverns start.
        </p>
      )}
      {error && (
        <p className="notice alert" role="alert">
          {error}
        </p>
      )}
      <SignInForm next={next} sso={env.OIDC_ISSUER ? { name: env.OIDC_NAME } : null} />
    </>
  );
}
