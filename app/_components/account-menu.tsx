'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { roleName } from '@/lib/auth/roles';

interface Me { email: string; role: string }

/**
 * The signed-in user in the header, asked for in the browser: the pages themselves stay the same for everyone,
 * so they can be cached. Reading never depends on this; every write is checked on the server.
 */
export function AccountMenu() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    fetch('/api/auth/get-session', { credentials: 'same-origin', cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : null))
      .then((body: { user?: Me } | null) => live && setMe(body?.user ? { email: body.user.email, role: body.user.role } : null))
      .catch(() => live && setMe(null));
    return () => {
      live = false;
    };
  }, []);
  if (me === undefined) return <li className="account" aria-hidden="true" />;
  if (!me) return <li className="account"><Link href="/logga-in">Logga in</Link></li>;
  return (
    <>
      {me.role === 'admin' && <li><Link href="/admin/anvandare">Användare</Link></li>}
      {me.role === 'admin' && <li><Link href="/admin/logg">Ändringslogg</Link></li>}
      <li className="account"><Link href="/konto">{me.email}<span className="sr-only">, mitt konto</span> ({roleName(me.role)})</Link></li>
    </>
  );
}
