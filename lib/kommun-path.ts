/*
 * Addresses carry the kommun: a kommun's pages live under `/k/<kommunkod>/…` (e.g. `/k/2083/mal/N-M1`). The old
 * addresses without the kommun (`/mal/…`, `/plan`, `/atgarder…`, `/uppfoljning…`, `/lagesbild…`, `/indikatorer…`,
 * `/oversikt/…`) answer 307 to the installation's first kommun's same page (app/<old>/[[...rest]]/route.ts, lib/data/kommun.ts),
 * and `/` is rewritten to `/k/hem` (next.config.ts), the overview of the only kommun or, with several, a chooser.
 */

/** The placeholder segment `/` is rewritten to: never a kommun code (those are four digits). */
export const KOMMUN_HOME = 'hem';

const KOMMUN_CODE = /^\d{4}$/;

/** Whether `s` has the form of a kommun code (four digits); whether it has a plan here is lib/data/kommun.ts's. */
export function isKommunCode(s: string): boolean {
  return KOMMUN_CODE.test(s);
}

/**
 * The address of a kommun's page: `kommunPath('2083', '/mal/N-M1')` is `/k/2083/mal/N-M1`, `kommunPath('2083')`
 * the overview `/k/2083` (Next answers `/k/2083/` with a redirect to it). Without a kommun, the old address, which redirects
 * to the installation's first kommun.
 */
export function kommunPath(code: string | null | undefined, path = '/'): string {
  const p = path.startsWith('/') ? path : `/${path}`;
  if (!code) return p;
  return p === '/' ? `/k/${code}` : `/k/${code}${p}`;
}

/** The kommun code an address names (`/k/2084/plan` → `2084`), or null. */
export function kommunFromPath(pathname: string | null | undefined): string | null {
  const m = /^\/k\/(\d{4})(?:\/|$)/.exec(pathname ?? '');
  return m ? m[1]! : null;
}
