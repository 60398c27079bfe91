'use client';

import { useSyncExternalStore } from 'react';
import { absoluteUrl, iframeCode } from '@/lib/embed/url';
import { CopyButton } from './copy-button';

const never = () => () => {};

/**
 * The iframe code field of "Bädda in" (embed-offer.tsx), with its copy button. The address is made absolute with
 * `origin` when the server knows it, else in the browser (window.location.origin): a cached page (the goal pages)
 * cannot know the address it is served under. Until the browser has filled it in, the field holds the relative
 * path and `data-resolved` is absent.
 */
export function EmbedCode({
  id,
  path,
  origin,
  title,
  size,
}: {
  id: string;
  /** The embed page, relative to the site (lib/embed/url.ts embedPaths). */
  path: string;
  origin?: string;
  title: string;
  size: { width: string; height: number };
}) {
  const here = useSyncExternalStore(
    never,
    () => window.location.origin,
    () => '',
  );
  const src = absoluteUrl(path, origin || here);
  const resolved = src !== path;
  return (
    <>
      <p>
        <label htmlFor={id}>Kod att klistra in (iframe)</label>
        <br />
        <textarea
          id={id}
          readOnly
          rows={4}
          value={iframeCode(src, title, size)}
          data-resolved={resolved ? '' : undefined}
          style={{ width: '100%', fontFamily: 'monospace' }}
        />
      </p>
      {!origin && (
        <noscript>
          <p className="meta">
            Utan JavaScript saknar adressen i koden webbplatsens namn: skriv Trygghetslägets adress (den som står i webbläsarens adressfält,
            till exempel https://trygghet.kommun.se) framför /inbaddning.
          </p>
        </noscript>
      )}
      <CopyButton targetId={id} />
    </>
  );
}
