// Whether the dashboard is open to visitors who are not signed in (PUBLIC_DASHBOARD, default true). Plain ESM: read by
// the proxy (proxy.ts) and by the server in front of Next (lib/server/start.mjs), which keeps no page for anyone
// when the dashboard is not public. lib/env.ts validates the same setting at start.

const NO = ['0', 'false', 'nej', 'off', 'no'];
const YES = ['1', 'true', 'ja', 'on', 'yes'];

/** Public unless the setting says no (the proxy's reading; a value that is neither stops the server at start). */
export function isPublicDashboard(value) {
  return !NO.includes(
    String(value ?? '')
      .trim()
      .toLowerCase(),
  );
}

/** Public for certain: unset, empty or a yes (the response cache's reading: when in doubt, nothing is kept). */
export function isSurelyPublicDashboard(value) {
  const v = String(value ?? '')
    .trim()
    .toLowerCase();
  return v === '' || YES.includes(v);
}
