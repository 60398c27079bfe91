import type { Metadata } from 'next';
import Link from 'next/link';
import { SiteChrome } from './_components/site-chrome';
import { SiteNav } from './_components/site-nav';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Trygghetsläget', template: '%s – Trygghetsläget' },
  description: 'Uppföljning av kommunens åtgärdsplan för brottsförebyggande arbete mot utfallsindikatorer.',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="sv">
      <body>
        {/* Without JavaScript the menu button cannot open the list: show the list instead. */}
        <noscript>
          <style>{'.site-header .nav-list { display: flex !important; } .site-header .menu-toggle { display: none !important; }'}</style>
        </noscript>
        <SiteChrome
          header={
            <header className="site-header">
              <div className="wrap">
                <Link href="/" className="brand">
                  Trygghetsläget
                </Link>
                <SiteNav />
              </div>
            </header>
          }
          footer={
            <footer className="site-footer">
              <div className="wrap">
                <p>
                  Trygghetsläget följer upp åtgärdsplanen enligt lag (2023:196) om kommuners ansvar för brottsförebyggande arbete.
                  Avloppsdata: EUDA/SCORE (källdata 2011–2024). Regionkoder: SCB.
                </p>
                <p>
                  <Link href="/metod">Metod: så bedöms förändringar</Link>
                </p>
              </div>
            </footer>
          }
        >
          {children}
        </SiteChrome>
      </body>
    </html>
  );
}
