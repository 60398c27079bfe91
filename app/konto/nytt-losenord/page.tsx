import type { Metadata } from 'next';
import { SetPasswordForm } from './set-password-form';

export const metadata: Metadata = { title: 'Välj lösenord' };
export const dynamic = 'force-dynamic';

/** Where an invitation link lands (better-auth's reset-password link redirects here with ?token=…). */
export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const token = typeof sp.token === 'string' ? sp.token : null;
  return (
    <>
      <h1>Välj lösenord</h1>
      {token ? (
        <SetPasswordForm token={token} />
      ) : (
        <p className="notice alert" role="alert">
          Länken är ogiltig eller har gått ut{sp.error ? '' : ' (token saknas)'}. Be administratören om en ny inbjudan.
        </p>
      )}
    </>
  );
}
