import type { Metadata } from 'next';
import Link from 'next/link';
import { AccountMenu } from './_components/account-menu';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Trygghetsläget', template: '%s – Trygghetsläget' },
  description: 'Uppföljning av kommunens åtgärdsplan för brottsförebyggande arbete mot utfallsindikatorer.',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="sv">
      <body>
        <a className="skip-link" href="#main">Hoppa till innehållet</a>
        <header className="site-header">
          <div className="wrap">
            <Link href="/" className="brand">Trygghetsläget</Link>
            <nav aria-label="Huvudmeny">
              <ul>
                <li><Link href="/">Översikt</Link></li>
                <li><Link href="/indikatorer">Indikatorer</Link></li>
                <li><Link href="/plan">Planen</Link></li>
                <li><Link href="/atgarder">Åtgärder</Link></li>
                <li><Link href="/uppfoljning">Uppföljning</Link></li>
                <li><Link href="/lagesbild">Lägesbild</Link></li>
                <li><Link href="/import">Importera</Link></li>
                <li><Link href="/import/historik">Importhistorik</Link></li>
                <AccountMenu />
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" className="wrap" tabIndex={-1}>{children}</main>
        <footer className="site-footer">
          <div className="wrap">
            <p>
              Trygghetsläget följer upp åtgärdsplanen enligt lag (2023:196) om kommuners ansvar för brottsförebyggande
              arbete. Avloppsdata: EUDA/SCORE (källdata 2011–2024). Regionkoder: SCB.
            </p>
            <p><Link href="/metod">Metod: så bedöms förändringar</Link></p>
          </div>
        </footer>
      </body>
    </html>
  );
}
