import { launchBrowser, closeBrowser } from './test/e2e/browser';
import { axeViolations } from './test/e2e/axe';
const url = process.env.URL ?? 'http://127.0.0.1:3100';
const ctx = await launchBrowser();
const page = await ctx.newPage();
for (const [w, h] of [[1280, 800], [390, 844]] as const) {
  await page.setViewportSize({ width: w, height: h });
  await page.goto(url + '/');
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `/tmp/wt15a-shots/home-${w}.png` });
  console.log(w, 'scrollWidth', await page.evaluate(() => document.documentElement.scrollWidth));
  console.log('axe', JSON.stringify(await axeViolations(page)).slice(0, 1500));
}
await page.setViewportSize({ width: 1280, height: 800 });
await page.goto(url + '/');
await page.locator('[data-area-detail="T"] > summary').click();
await page.waitForSelector('[data-area-detail="T"] [data-chart] .recharts-line-curve', { state: 'attached', timeout: 30000 });
await page.locator('[data-area="T"]').screenshot({ path: '/tmp/wt15a-shots/home-T-open.png' });
console.log('axe open', JSON.stringify(await axeViolations(page)).slice(0, 1500));
await page.screenshot({ path: '/tmp/wt15a-shots/home-1280-full.png', fullPage: true });
await closeBrowser(ctx);
