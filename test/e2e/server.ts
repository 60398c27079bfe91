import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { distDirForStart } from './dist-dir';

export interface Server {
  url: string;
  /** The process id of the server (`npm start`: lib/server/start.mjs; its memory is read from /proc). */
  pid: number;
  output: () => string;
  stop: () => Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export function tempPgliteDir(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tl-e2e-')), 'pglite');
}

/** Starts the server as `npm start` does (the process itself, not npm) and waits until it answers. */
export async function startServer(env: Record<string, string | undefined>, opts: { port?: number } = {}): Promise<Server> {
  const port = opts.port ?? (await freePort());
  // The server is production: it needs a session secret. APP_URL is where the browser reaches it.
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: distDirForStart(),
    BETTER_AUTH_SECRET: randomBytes(32).toString('base64url'),
    APP_URL: `http://127.0.0.1:${port}`,
    ...env,
  };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  const child: ChildProcess = spawn(process.execPath, ['lib/server/start.mjs', '-p', String(port)], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`servern avslutades (${child.exitCode}):\n${log}`);
    try {
      await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(30_000) });
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`servern svarade inte:\n${log}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return {
    url,
    pid: child.pid!,
    output: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        setTimeout(resolve, 10_000).unref(); // never hang a run on a server that will not exit
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}
