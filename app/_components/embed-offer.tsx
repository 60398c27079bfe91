import { embedPaths, type EmbedKind } from '@/lib/embed/url';
import { EmbedCode } from './embed-code';

type Params = Record<string, string | string[] | undefined>;

/** Suggested frame sizes: the width follows the host page; the heights hold the view without a scroll bar. */
export const EMBED_SIZES: Record<EmbedKind, { width: string; height: number; narrowHeight: number }> = {
  indikator: { width: '100%', height: 620, narrowHeight: 760 },
  karta: { width: '100%', height: 900, narrowHeight: 1100 },
};

/** The comparison group's band chart with its caption and table disclosure (app/_components/group-band.tsx). */
const GROUP_BAND_HEIGHT = 380;

const WHAT: Record<EmbedKind, string> = { indikator: 'diagrammet', karta: 'kartan' };

/**
 * "Bädda in": the iframe code for the view on the page (the same query as its permanent link), with an absolute
 * address, size suggestions and a copy button. A disclosure, closed until asked for. Without `origin` the address
 * is made absolute in the browser (embed-code.tsx), so a cached page can offer it too; several offers on one page
 * (the goal page's indicators) keep apart by `indicatorId`.
 */
export function EmbedOffer({
  kind,
  indicatorId,
  params,
  origin,
  title,
}: {
  kind: EmbedKind;
  indicatorId: string;
  params: Params;
  /** The site's address (lib/embed/url.ts siteOrigin) when the server knows it; else the browser's. */
  origin?: string;
  title: string;
}) {
  const { embed } = embedPaths(kind, indicatorId, params);
  // The comparison group's chart under the indicator's (from a goal page) needs room of its own.
  const extra = params.jmfgrupp ? GROUP_BAND_HEIGHT : 0;
  const size = { ...EMBED_SIZES[kind], height: EMBED_SIZES[kind].height + extra, narrowHeight: EMBED_SIZES[kind].narrowHeight + extra };
  const id = `inbaddning-${kind}-${indicatorId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return (
    <details className="embed-offer" data-embed-offer={kind}>
      <summary>Bädda in {WHAT[kind]}</summary>
      <p>
        Klistra in koden på kommunens egen webbplats. Ramen visar {WHAT[kind]} med rubrik, sammanfattning, tabell och källa, utan
        Trygghetslägets meny, och med samma val som den permanenta länken.
        {params.jmfgrupp ? ' Under diagrammet visas jämförelsen med liknande kommuner: gruppens median och mittersta 50 %.' : ''}
      </p>
      <EmbedCode id={id} path={embed} origin={origin} title={title} size={size} />
      <p>
        Föreslagen storlek: bredd {size.width === '100%' ? '100 %' : size.width} av innehållsytan (fungerar från 320 px), höjd {size.height}{' '}
        px; på mobil ungefär {size.narrowHeight} px. Förhandsgranska:{' '}
        <a href={embed} target="_blank" rel="noopener">
          ramens sida (öppnas i ny flik)
        </a>
        .
      </p>
      <p className="meta">
        Ramen visas bara på webbplatser som serverns inställning <code>EMBED_ALLOWED_ORIGINS</code> tillåter; be den som driver
        Trygghetsläget lägga till kommunens webbadress.
      </p>
    </details>
  );
}
