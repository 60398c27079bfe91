'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { signOutAction } from './sign-out';

/** What /api/me says of the signed-in user (roles per kommun, resolved on the server). */
interface Me {
  email: string;
  roleName: string;
  mayImport: boolean;
  mayAdminister: boolean;
  managesKommun: boolean;
}

/**
 * The signed-in user's part of the header, asked for in the browser: the pages themselves stay the same for
 * everyone, so they can be cached. Import links only for those who may use them; signing out is one POST.
 * Reading never depends on this; every write is checked on the server.
 */
export function AccountMenu({ current }: { current: (href: string) => boolean }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    fetch('/api/me', { credentials: 'same-origin', cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : null))
      .then((body: { user?: Me | null } | null) => live && setMe(body?.user ?? null))
      .catch(() => live && setMe(null));
    return () => {
      live = false;
    };
  }, []);
  if (me === undefined) return <li className="account" aria-hidden="true" />;
  if (!me)
    return (
      <li className="account">
        <Link href="/logga-in">Logga in</Link>
      </li>
    );
  const item = (href: string, label: string) => (
    <li key={href}>
      <Link href={href} aria-current={current(href) ? 'page' : undefined}>
        {label}
      </Link>
    </li>
  );
  return (
    <>
      {me.mayImport && item('/import', 'Importera')}
      {item('/import/historik', 'Importhistorik')}
      {(me.mayAdminister || me.managesKommun) && item('/admin/anvandare', 'Användare')}
      {me.mayAdminister && item('/admin/logg', 'Ändringslogg')}
      <li className="account">
        <Link href="/konto" aria-current={current('/konto') ? 'page' : undefined}>
          {me.email}
          <span className="sr-only">, mitt konto</span> ({me.roleName})
        </Link>
      </li>
      <li>
        <form action={signOutAction} className="sign-out">
          <button type="submit">Logga ut</button>
        </form>
      </li>
    </>
  );
}
