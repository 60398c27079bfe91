import type { ReactNode } from 'react';

/**
 * A wide table scrolls inside its own box on a narrow screen, never the page. The box is a focusable, named
 * region so that keyboard users can scroll it with the arrow keys.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={`${label} (tabell, kan rullas i sidled)`} tabIndex={0}>
      {children}
    </div>
  );
}
