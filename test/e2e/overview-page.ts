import type { Page } from 'playwright-core';

/**
 * Opens `/` and every priority area's detail under the summary (each loads its cards when opened), and waits
 * until the cards are there and their charts are drawn: the page as the card wall used to show it.
 */
export async function openOverviewDetails(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/`);
  const details = page.locator('details[data-area-detail]');
  const n = await details.count();
  if (n === 0) throw new Error('Översikten har inga områden att öppna');
  for (let i = 0; i < n; i++) await details.nth(i).locator('summary').first().click();
  await page.waitForFunction(() =>
    [...document.querySelectorAll('details[data-area-detail]')].every((d) => d.querySelector('[data-goal-detail]')),
  );
  // Recharts draws only in the browser, each chart once it has measured its box: wait for every chart's lines.
  await page.waitForFunction(() => {
    const charts = [...document.querySelectorAll('[data-chart]')];
    return charts.length > 0 && charts.every((c) => c.querySelector('svg .recharts-line-curve'));
  });
}
