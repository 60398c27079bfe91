import { launchBrowser, closeBrowser } from './test/e2e/browser';
const url = process.env.URL ?? 'http://127.0.0.1:3100';
const ctx = await launchBrowser();
const page = await ctx.newPage();
await page.setViewportSize({ width: 390, height: 844 });
await page.goto(url + (process.env.P ?? '/'));
await page.waitForLoadState('networkidle');
console.log(await page.evaluate(() => {
  const out: string[] = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.right > 391) out.push(`${el.tagName}.${el.className} ${Math.round(r.left)}-${Math.round(r.right)}`);
  }
  return [document.documentElement.scrollWidth, ...out.slice(0, 20)].join('\n');
}));
await closeBrowser(ctx);
