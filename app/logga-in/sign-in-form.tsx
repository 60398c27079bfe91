'use client';

import { useState } from 'react';
import { authClient, authErrorText, safeReturnPath } from '@/lib/auth/client';

export function SignInForm({ next, sso }: { next: string; sso: { name: string } | null }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const target = safeReturnPath(next);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const { error: err } = await authClient.signIn.email({
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
    });
    if (err) {
      setPending(false);
      setError(authErrorText(err, 'Inloggningen misslyckades. Försök igen.'));
      return;
    }
    window.location.assign(target);
  }

  async function onSso() {
    setPending(true);
    setError(null);
    const { error: err } = await authClient.signIn.social({
      provider: 'oidc',
      callbackURL: target,
      errorCallbackURL: `/logga-in?nasta=${encodeURIComponent(target)}`,
    });
    if (err) {
      setPending(false);
      setError(authErrorText(err, 'Inloggningen via kommunens konto kunde inte starta.'));
    }
  }

  return (
    <div className="sign-in">
      {sso && (
        <>
          <p>
            <button type="button" className="primary" onClick={onSso} disabled={pending}>
              Logga in med {sso.name}
            </button>
          </p>
          <p>eller med e-post och lösenord:</p>
        </>
      )}
      <form onSubmit={onSubmit} aria-describedby={error ? 'sign-in-error' : undefined}>
        <p>
          <label htmlFor="email">E-postadress</label>
          <input id="email" name="email" type="email" autoComplete="username" required />
        </p>
        <p>
          <label htmlFor="password">Lösenord</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </p>
        <p>
          <button type="submit" disabled={pending}>
            {pending ? 'Loggar in …' : 'Logga in'}
          </button>
        </p>
        {error && (
          <p id="sign-in-error" className="notice alert" role="alert">
            {error}
          </p>
        )}
      </form>
    </div>
  );
}
