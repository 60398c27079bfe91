import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getCurrentPlan, getRegionWithParent, listPlanKommuner } from '../db/queries/plan';
import { isKommunCode } from '../kommun-path';
import { getDb } from '../server-db';

/** The kommuner with a plan in this installation, the first kommun first (once per request). */
export const getPlanKommuner = cache(async (): Promise<string[]> => listPlanKommuner((await getDb()).db));

/**
 * The kommun an address segment names, when it is a kommun code (four digits) with a plan in this installation;
 * otherwise null (the page answers notFound()).
 */
export async function resolveKommun(segment: string): Promise<string | null> {
  if (!isKommunCode(segment)) return null;
  return (await getPlanKommuner()).includes(segment) ? segment : null;
}

/**
 * The answer of an old address without the kommun (`/mal/N-M1?x=1`): 307 to the installation's first kommun's same
 * page (`/k/2083/mal/N-M1?x=1`), the query string kept; `dropPrefix` leaves out a segment the new address has not
 * (`/oversikt/omrade/T` → `/k/2083/omrade/T`). The Location is relative, so it is right behind any proxy.
 */
export async function redirectToFirstKommun(request: Request, dropPrefix = ''): Promise<Response> {
  const [first] = await getPlanKommuner();
  const url = new URL(request.url);
  if (!first) return new Response('Ingen åtgärdsplan inläst.', { status: 404 });
  const dropped = dropPrefix && (url.pathname === dropPrefix || url.pathname.startsWith(`${dropPrefix}/`));
  const path = dropped ? url.pathname.slice(dropPrefix.length) : url.pathname;
  return new Response(null, {
    status: 307,
    headers: { Location: `/k/${first}${path}${url.search}`, 'Cache-Control': 'no-store' },
  });
}

export interface KommunChoice {
  code: string;
  name: string;
  planTitle: string;
  lan: { code: string; name: string } | null;
}

/** `/` with several kommuner: every kommun with a plan, its plan in force and its län, the first kommun first. */
export async function getKommunChoices(): Promise<KommunChoice[]> {
  const { db } = await getDb();
  const codes = await getPlanKommuner();
  return Promise.all(
    codes.map(async (code) => {
      const [plan, geo] = await Promise.all([getCurrentPlan(db, code), getRegionWithParent(db, code)]);
      return {
        code,
        name: geo?.region.shortName ?? code,
        planTitle: plan?.title ?? '',
        lan: geo?.parent ? { code: geo.parent.code, name: geo.parent.name } : null,
      };
    }),
  );
}

/** A kommun page's kommun from its `[kommun]` segment; notFound() unless it is a kommun with a plan here. */
export async function pageKommun(params: Promise<{ kommun: string }>): Promise<string> {
  const code = await resolveKommun((await params).kommun);
  if (!code) notFound();
  return code;
}

/**
 * The kommun of an embed (`?kommun=2084`): the installation's first kommun when the query names none (embeds pasted
 * before the kommun was in their code); notFound() when it names one without a plan here.
 */
export async function queryKommun(sp: Record<string, string | string[] | undefined>): Promise<string | undefined> {
  const asked = sp.kommun;
  if (asked === undefined) return undefined;
  const code = typeof asked === 'string' ? await resolveKommun(asked) : null;
  if (!code) notFound();
  return code;
}
