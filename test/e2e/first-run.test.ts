import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { closeBrowser, launchBrowser } from './browser';
import { freePort, startServer, type Server } from './server';

/*
 * Issue #15: a newcomer's first run on a port other than 3000. `npm run setup` is `npm ci`, then
 * scripts/setup-env.ts, `next build` (done once for all browser tests) and `npm start`: here setup-env writes a
 * temporary env file (ENV_FILE; the worktree's own .env.local is never touched) and the server (`npm start`) runs on the
 * values it wrote, with a temporary PGlite directory. The first administrator is made in the browser on
 * /forsta-start while that server runs, and signs in.
 * Before that, the file an earlier setup wrote (APP_URL pinned to port 3000) shows what went wrong then: the
 * sign-in is refused for its origin, and the page and the change record say so instead of "wrong password".
 */

const SHOTS = path.resolve('test-results');
const ADMIN = { email: 'forsta.admin@hedemora.test', name: 'Första Administratör', password: 'Första-start-lösen-2026' };
const OLD_SETUP_FILE =
  '# Skapad av npm run setup 2026-11-01: nyckeln för sessioner. Dela den inte.\n' +
  `BETTER_AUTH_SECRET=${'k'.repeat(43)}\n# Adressen appen nås på. Sätt https://… i drift: då blir kakor Secure och HSTS skickas.\nAPP_URL=http://localhost:3000\n`;

let browser: BrowserContext;
let dir: string;
let envFile: string;
let pglite: string;
let port: number;
let server: Server | undefined;

/** The KEY=value lines of an env file, as Next reads .env.local. */
function readEnvFile(file: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => /^[A-Z_]+=/.test(l))
      .map((l) => {
        const i = l.indexOf('=');
        return [l.slice(0, i), l.slice(i + 1)];
      }),
  );
}

/** The server on the port, with exactly what the env file says (APP_URL unset unless the file sets it). */
function startFromEnvFile(): Promise<Server> {
  return startServer({ APP_URL: undefined, DATABASE_URL: undefined, PGLITE_DIR: pglite, ...readEnvFile(envFile) }, { port });
}

function setupEnv() {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/setup-env.ts'], {
    env: { ...process.env, ENV_FILE: envFile, PORT: String(port), APP_URL: '', BETTER_AUTH_SECRET: '' },
    encoding: 'utf8',
  });
}

beforeAll(async () => {
  browser = await launchBrowser();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-first-run-'));
  envFile = path.join(dir, '.env.local');
  pglite = path.join(dir, 'data', 'pglite');
  do port = await freePort();
  while (port === 3000);
});
afterAll(async () => {
  await server?.stop();
  await closeBrowser(browser);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('first run on a port other than 3000', () => {
  // This server is started from vitest (TEST=true): better-auth's origin check is on only because lib/auth/server.ts
  // says so explicitly.
  it('with APP_URL pinned to port 3000 (an earlier setup), a sign-in is refused for its origin and says so', async () => {
    fs.writeFileSync(envFile, OLD_SETUP_FILE, { mode: 0o600 });
    server = await startFromEnvFile();
    const base = `http://localhost:${port}`;
    const page = await browser.newPage();
    await page.goto(`${base}/logga-in`);
    await page.locator('header li.account a').waitFor();
    await page.getByLabel('E-postadress').fill(ADMIN.email);
    await page.getByLabel('Lösenord').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    // (Next's route announcer is an empty role="alert" too: the one with text is the form's.)
    const alert = page.getByRole('alert').filter({ hasText: 'Inloggningen' });
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain(`Inloggningen kom från en adress som servern inte känner igen (${base}); sätt APP_URL`);
    expect(text).not.toMatch(/fel e-postadress eller lösenord/i);
    await page.screenshot({ path: path.join(SHOTS, 'first-run-origin-refused.png') });
    await page.close();
    // The server's console says so too.
    await expect
      .poll(() => server!.output())
      .toContain(`inloggning avvisad: den kom från ${base}, som servern inte känner igen (APP_URL=http://localhost:3000)`);
    await server.stop();
    server = undefined;
  });

  it('npm run setup writes a session secret to the env file and no APP_URL pinned to a port', () => {
    // The file an earlier setup wrote (APP_URL pinned to port 3000).
    fs.writeFileSync(envFile, OLD_SETUP_FILE, { mode: 0o600 });
    const res = setupEnv();
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toContain('Tog bort APP_URL=http://localhost:3000');
    expect(res.stdout).toContain(`http://localhost:${port}`);
    const env = readEnvFile(envFile);
    expect(env.BETTER_AUTH_SECRET).toBe('k'.repeat(43));
    expect(env.APP_URL).toBeUndefined();
    expect(fs.statSync(envFile).mode & 0o777).toBe(0o600);
    // The worktree's own .env.local is not what was written.
    expect(path.dirname(envFile)).not.toBe(process.cwd());
  });

  it('the running server offers /forsta-start with a one-time code from its console and a 0600 file; the administrator signs in', async () => {
    await server?.stop();
    server = await startFromEnvFile();
    const base = `http://localhost:${port}`;
    const s = server;
    await expect.poll(() => s.output(), { timeout: 30_000 }).toContain('engångskoden');
    const code = /engångskoden (\S+) \(finns också i (.+)\)\./.exec(server.output());
    expect(code, server.output()).not.toBeNull();
    const [, token, file] = code!;
    expect(file).toBe(path.join(dir, 'data', 'forsta-start.txt'));
    expect(fs.readFileSync(file!, 'utf8').trim()).toBe(token);
    expect(fs.statSync(file!).mode & 0o777).toBe(0o600);

    const page = await browser.newPage();
    // The sign-in page points the newcomer there.
    await page.goto(`${base}/logga-in`);
    await page.getByRole('link', { name: 'Skapa den första administratören' }).click();
    await page.waitForURL(`${base}/forsta-start`);
    await page.locator('header li.account a').waitFor();
    expect(await page.locator('main').innerText()).toContain(path.relative(process.cwd(), file!));
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'first-run-forsta-start.png'), fullPage: true });

    // A second tab with the page open from before: its post comes after the administrator exists.
    const stale = await browser.newPage();
    await stale.goto(`${base}/forsta-start`);
    await stale.locator('header li.account a').waitFor();

    const fill = async (t: string) => {
      await page.getByLabel('Engångskod').fill(t);
      await page.getByLabel('E-postadress').fill(ADMIN.email);
      await page.getByLabel('Namn').fill(ADMIN.name);
      await page.getByLabel(/^Lösenord \(minst 12 tecken\)/).fill(ADMIN.password);
      await page.getByLabel('Upprepa lösenordet').fill(ADMIN.password);
    };
    await fill('fel-kod-fel-kod-fel-kod1');
    await page.getByRole('button', { name: 'Skapa administratören' }).click();
    await page.getByRole('alert').filter({ hasText: 'Engångskoden stämmer inte' }).waitFor();

    await fill(token!);
    await page.getByRole('button', { name: 'Skapa administratören' }).click();
    await page.waitForURL(/\/logga-in\?skapad=1/);
    await page.getByRole('status').filter({ hasText: 'Administratören är skapad' }).waitFor();
    expect(await page.getByRole('link', { name: 'Skapa den första administratören' }).count()).toBe(0);
    await page.getByLabel('E-postadress').fill(ADMIN.email);
    await page.getByLabel('Lösenord').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.waitForURL(`${base}/admin/anvandare`);
    expect(await page.locator(`tr[data-user="${ADMIN.email}"]`).innerText()).toContain('admin');

    // The stale tab's post with the right code is refused: the code is spent and an administrator exists.
    await stale.getByLabel('Engångskod').fill(token!);
    await stale.getByLabel('E-postadress').fill('nagon.annan@hedemora.test');
    await stale.getByLabel(/^Lösenord \(minst 12 tecken\)/).fill(ADMIN.password);
    await stale.getByLabel('Upprepa lösenordet').fill(ADMIN.password);
    await stale.getByRole('button', { name: 'Skapa administratören' }).click();
    await stale.getByRole('alert').filter({ hasText: 'Det finns redan en administratör' }).waitFor();
    await stale.close();
    await page.reload();
    expect(await page.locator('tr[data-user]').count()).toBe(1);

    // The page is gone, and so is the file.
    expect((await page.goto(`${base}/forsta-start`))!.status()).toBe(404);
    expect(fs.existsSync(file!)).toBe(false);

    // The change record has the first administrator, and no failed sign-in.
    const csv = await page.request.get(`${base}/admin/logg/export`);
    const rows = Papa.parse<string[]>((await csv.text()).replace(/^\uFEFF/, ''), { delimiter: ';' }).data.slice(1);
    expect(rows.filter((r) => r[2] === 'Misslyckad inloggning')).toEqual([]);
    // The sign-in refused for its origin (first case, same database) is there as that, with the address it came from.
    const refused = rows.filter((r) => r[2] === 'Inloggning avvisad (okänd adress)');
    expect(refused.map((r) => r.join(' ')).join('\n')).toContain(`adressen ${base}, som servern inte känner igen`);
    expect(rows.some((r) => r[2] === 'Användare inbjuden' && r.join(' ').includes('första start'))).toBe(true);
    await page.close();
  });
});
