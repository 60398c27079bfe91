'use client';

import { usePathname } from 'next/navigation';
import { isEmbedPath } from '@/lib/embed/csp';

/**
 * The site's own header, skip link and footer: left out of the embed pages (/inbaddning/…), which a kommun shows
 * inside its own website and which must carry no navigation of this one. The pathname is known when the server
 * renders, so an embed's HTML holds none of it.
 */
export function SiteChrome({ header, footer, children }: { header: React.ReactNode; footer: React.ReactNode; children: React.ReactNode }) {
  const embed = isEmbedPath(usePathname() ?? '');
  if (embed) {
    return (
      <main id="main" className="embed">
        {children}
      </main>
    );
  }
  return (
    <>
      <a className="skip-link" href="#main">
        Hoppa till innehållet
      </a>
      {header}
      <main id="main" className="wrap" tabIndex={-1}>
        {children}
      </main>
      {footer}
    </>
  );
}
