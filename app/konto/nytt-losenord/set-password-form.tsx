'use client';

import Link from 'next/link';
import { useState } from 'react';
import { authClient, authErrorText } from '@/lib/auth/client';

export function SetPasswordForm({ token }: { token: string }) {
  const [state, setState] = useState<{ ok: boolean; text: string } | null>(null);
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const newPassword = String(form.get('newPassword') ?? '');
    if (newPassword !== String(form.get('repeat') ?? '')) {
      setState({ ok: false, text: 'De två lösenorden är inte lika.' });
      return;
    }
    const { error } = await authClient.resetPassword({ newPassword, token });
    setState(
      error
        ? { ok: false, text: authErrorText(error, 'Länken är ogiltig eller har gått ut. Be administratören om en ny inbjudan.') }
        : { ok: true, text: 'Lösenordet är sparat.' },
    );
  }
  if (state?.ok)
    return (
      <p className="notice ok" role="status">
        {state.text} <Link href="/logga-in">Logga in</Link>.
      </p>
    );
  return (
    <form onSubmit={onSubmit} className="stacked">
      <p>
        <label htmlFor="newPassword">Nytt lösenord (minst 12 tecken)</label>
        <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" minLength={12} required />
      </p>
      <p>
        <label htmlFor="repeat">Upprepa lösenordet</label>
        <input id="repeat" name="repeat" type="password" autoComplete="new-password" minLength={12} required />
      </p>
      <p>
        <button type="submit">Spara lösenord</button>
      </p>
      {state && (
        <p className="notice alert" role="alert">
          {state.text}
        </p>
      )}
    </form>
  );
}
