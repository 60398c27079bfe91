'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { AccountMenu } from './account-menu';

const LINKS: [href: string, label: string][] = [
  ['/', 'Översikt'],
  ['/indikatorer', 'Indikatorer'],
  ['/plan', 'Planen'],
  ['/atgarder', 'Åtgärder'],
  ['/uppfoljning', 'Uppföljning'],
  ['/lagesbild', 'Lägesbild'],
];

/**
 * The main navigation. At narrow widths the list collapses behind a "Meny" button (aria-expanded, Escape closes
 * it and returns focus); without JavaScript the list is always shown (a <noscript> style in the layout).
 */
export function SiteNav() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
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
  // /import is its own item beside /import/historik; every other item also covers the pages under it.
  const current = (href: string) =>
    href === '/' || href === '/import' ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
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
        {LINKS.map(([href, label]) => (
          <li key={href}>
            <Link href={href} aria-current={current(href) ? 'page' : undefined}>
              {label}
            </Link>
          </li>
        ))}
        <AccountMenu current={current} />
      </ul>
    </nav>
  );
}
