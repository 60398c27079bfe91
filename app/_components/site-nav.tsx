'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { kommunFromPath, kommunPath } from '@/lib/kommun-path';
import { AccountMenu } from './account-menu';

/** The items; `kommun` ones point into the kommun the address names (lib/kommun-path.ts). */
const LINKS: [href: string, label: string, kommun: boolean][] = [
  ['/', 'Översikt', true],
  ['/indikatorer', 'Indikatorer', true],
  ['/plan', 'Planen', true],
  ['/atgarder', 'Åtgärder', true],
  ['/uppfoljning', 'Uppföljning', true],
  ['/lagesbild', 'Lägesbild', true],
];

/**
 * The main navigation. On a kommun's pages (`/k/<kod>/…`) the kommun's items point into that kommun; elsewhere to
 * the addresses without the kommun (`/`, `/plan`, …), which lead to the installation's first kommun. At narrow
 * widths the list collapses behind a "Meny" button (aria-expanded, Escape closes it and returns focus); without
 * JavaScript the list is always shown (a <noscript> style in the layout).
 */
export function SiteNav() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  const kommun = kommunFromPath(pathname);
  // A link followed closes the menu (the layout, and this component, stay mounted across pages).
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  // /import and the overviews are items of their own beside the pages under them; every other item covers those.
  const overview = kommun ? kommunPath(kommun) : '/';
  const current = (href: string) =>
    href === overview || href === '/import' ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav aria-label="Huvudmeny" className="main-nav">
      <button
        ref={button}
        type="button"
        className="menu-toggle"
        aria-expanded={open}
        aria-controls="huvudmeny"
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true" className="menu-icon">
          ☰
        </span>{' '}
        Meny
      </button>
      <ul id="huvudmeny" className={open ? 'nav-list open' : 'nav-list'}>
        {LINKS.map(([path, label, inKommun]) => {
          const href = inKommun ? kommunPath(kommun, path) : path;
          return (
            <li key={path}>
              <Link href={href} aria-current={current(href) ? 'page' : undefined}>
                {label}
              </Link>
            </li>
          );
        })}
        <AccountMenu current={current} />
      </ul>
    </nav>
  );
}
