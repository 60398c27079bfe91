// `npm start`: Next's production server behind the response cache (lib/cache/response-cache.mjs), in one process.
// Plain ESM run by Node itself. Takes the port and address as `next start` does: -p/--port (else PORT, else 3000),
// -H/--hostname (else every interface).
//
// Next's own `next start` gives every visit to a cached page a fresh pass through its router, the proxy and gzip;
// here a cached page's compressed bytes are kept and sent again until the page cache says the page changed. Anything
// else (signed-in or private pages, API, actions, static files) goes to Next exactly as under `next start`.

import http from 'node:http';
import path from 'node:path';
import process from 'node:process';
import console from 'node:console';
import { fileURLToPath } from 'node:url';
import { ResponseCache } from '../cache/response-cache.mjs';
import { isSurelyPublicDashboard } from '../public-dashboard.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function option(names) {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    for (const name of names) {
      if (args[i] === name) return args[i + 1];
      if (args[i].startsWith(`${name}=`)) return args[i].slice(name.length + 1);
    }
  }
  return undefined;
}

const portText = option(['-p', '--port']) ?? process.env.PORT ?? '3000';
const port = Number(portText);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Trygghetsläget startar inte: porten "${portText}" är inget portnummer (0–65535).`);
  process.exit(1);
}
const hostname = option(['-H', '--hostname']);

process.title = 'trygghetslaget-server';
// As `next start`, before Next is loaded: production, and the port the app derives its local address from (lib/env.ts).
process.env.NODE_ENV ??= 'production';
process.env.PORT = String(port);

const { default: next } = await import('next');
const app = next({ dev: false, dir: root, port, hostname: hostname ?? 'localhost' });
await app.prepare();
const handle = app.getRequestHandler();
// A dashboard that is not public checks every visit's session in the proxy: nothing is kept then.
const cache = new ResponseCache({ enabled: isSurelyPublicDashboard(process.env.PUBLIC_DASHBOARD) });

const server = http.createServer((req, res) => {
  // Async so that an error thrown at once is answered like one thrown later, never taking the process down.
  (async () => cache.handle(req, res, () => handle(req, res)))().catch((err) => {
    console.error(`Trygghetsläget: begäran ${req.method} ${req.url} misslyckades:`, err);
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end('Internal Server Error');
    } else res.destroy();
  });
});
server.on('error', (err) => {
  console.error(`Trygghetsläget kunde inte ta emot anslutningar på port ${port}: ${err.message}`);
  process.exit(1);
});
server.listen(port, hostname, () => {
  const address = server.address();
  const shown = typeof address === 'object' && address ? address.port : port;
  console.log(`Trygghetsläget lyssnar på http://${hostname ?? 'localhost'}:${shown}`);
});

// As `next start`: on SIGINT/SIGTERM stop taking connections, let Next close, and exit with the signal's code.
let stopping = false;
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    app
      .close()
      .catch((err) => console.error(err))
      .finally(() => process.exit(code));
  });
}
