'use client';

import { useState } from 'react';
import { authClient, authErrorText } from '@/lib/auth/client';
import { signOutAction } from '../_components/sign-out';

export function AccountForms() {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onChangePassword(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    const newPassword = String(form.get('newPassword') ?? '');
    if (newPassword !== String(form.get('repeat') ?? '')) {
      setMessage({ ok: false, text: 'De två nya lösenorden är inte lika.' });
      return;
    }
    setPending(true);
    const { error } = await authClient.changePassword({
      currentPassword: String(form.get('currentPassword') ?? ''),
      newPassword,
      revokeOtherSessions: true,
    });
    setPending(false);
    if (error) {
      setMessage({
        ok: false,
        text:
          error.status === 400 && /invalid password/i.test(error.message ?? '')
            ? 'Det nuvarande lösenordet stämmer inte.'
            : authErrorText(error, 'Lösenordet kunde inte bytas.'),
      });
      return;
    }
    formEl.reset();
    setMessage({ ok: true, text: 'Lösenordet är bytt. Andra inloggningar med ditt konto har loggats ut.' });
  }

  return (
    <>
      <h2>Byt lösenord</h2>
      <form onSubmit={onChangePassword} className="stacked">
        <p>
          <label htmlFor="currentPassword">Nuvarande lösenord</label>
          <input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required />
        </p>
        <p>
          <label htmlFor="newPassword">Nytt lösenord (minst 12 tecken)</label>
          <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" minLength={12} required />
        </p>
        <p>
          <label htmlFor="repeat">Upprepa det nya lösenordet</label>
          <input id="repeat" name="repeat" type="password" autoComplete="new-password" minLength={12} required />
        </p>
        <p>
          <button type="submit" disabled={pending}>
            Byt lösenord
          </button>
        </p>
        {message && (
          <p className={`notice ${message.ok ? 'ok' : 'alert'}`} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </p>
        )}
      </form>
      <h2>Logga ut</h2>
      <form action={signOutAction}>
        <p>
          <button type="submit">Logga ut</button>
        </p>
      </form>
    </>
  );
}
