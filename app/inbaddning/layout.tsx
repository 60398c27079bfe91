import type { Metadata } from 'next';
import styles from './embed.module.css';

export const metadata: Metadata = {
  // A frame's content, not a page of its own in search results.
  robots: { index: false },
};

/** The embed pages (the root layout leaves out the site's header and footer here, see app/_components/site-chrome.tsx). */
export default function EmbedLayout({ children }: { children: React.ReactNode }) {
  return <div className={styles.frame}>{children}</div>;
}
