import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const url = process.argv[2]!; const out = process.argv[3]!; const width = Number(process.argv[4] ?? 1280); const sel = process.argv[5];
const p = await b.newPage({ viewport: { width, height: 900 } });
await p.goto(url, { timeout: 240000 });
if (process.argv[6] === 'focus') { await p.locator('#karta svg [data-kommun="2083"]').focus(); }
if (sel) await p.locator(sel).first().screenshot({ path: out }); else await p.screenshot({ path: out, fullPage: true });
await b.close();
