import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with the flags this sandbox needs (no background networking). */
export async function launchBrowser(): Promise<BrowserContext> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium saknas på ${CHROMIUM}: installera med "apt-get install -y chromium" (eller sätt CHROMIUM_PATH).`);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-profile-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: 'sv-SE',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Closes the browser, but never hangs a test run on it: Chromium occasionally ignores a close. */
export async function closeBrowser(ctx: BrowserContext | undefined): Promise<void> {
  if (!ctx) return;
  const browser = ctx.browser();
  await Promise.race([ctx.close().catch(() => {}), new Promise((r) => setTimeout(r, 15_000))]);
  await browser?.close().catch(() => {});
}
