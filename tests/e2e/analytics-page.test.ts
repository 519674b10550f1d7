/// <reference lib="dom" />
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FIXTURE_ZONE, seedAnalyticsFixture } from '../../electron/core/test-utils/analytics-fixture';
import { call } from '../../electron/core/test-utils/temp-core';
import { type Harness, chromiumAvailable, openApp, screenshot, startBrowserSession, sessionPerSuite } from './harness';

/**
 * The Analytics page on the hand-checked Paris fixture (electron/core/analytics/test-fixture.ts):
 * reached by clicking the navigation, a custom period across the spring-forward night, the figures
 * the unit tests compute by hand, an unanswered question added to knowledge, a CSV export, then
 * the same page in Arabic (right to left, Western digits). Screenshots in test-results/.
 */
describe.skipIf(!chromiumAvailable())('Analytics page in headless Chromium', () => {
  let harness: Harness;
  let page: Page;
  let errors: string[];
  let shopId: number;

  sessionPerSuite(
    () =>
      startBrowserSession({
        prepare: async (core) => {
          shopId = (await call<{ id: number }>(core, 'shops/create', { name: 'Boutique Paris', currency: 'EUR' })).id;
          const other = (await call<{ id: number }>(core, 'shops/create', { name: 'Autre', currency: 'DZD' })).id;
          await call(core, 'settings/update', { shopId, patch: { facts: { timeZone: FIXTURE_ZONE } } });
          seedAnalyticsFixture(core.ctx.store.sqlite, shopId, other);
        },
        context: { viewport: { width: 1280, height: 1000 }, locale: 'en-US', acceptDownloads: true },
      }),
    (session) => ({ harness, page, errors } = session),
  );

  const showFixturePeriod = async () => {
    await page.click('.period-presets [role="radio"]:nth-child(4)');
    await page.fill('#analytics-from', '2026-03-28');
    await page.fill('#analytics-to', '2026-03-30');
    await page.click('.period-custom button[type="submit"]');
    await page.waitForSelector('[data-testid="analytics-ready"][data-period="2026-03-28..2026-03-30"]');
  };
  const toTop = () => page.evaluate(() => document.querySelector('#main')?.scrollTo(0, 0));
  const text = async (selector: string) => (await page.textContent(selector))?.replace(/\s+/g, ' ').trim() ?? '';
  /** The body rows of a table, cells joined by one space. */
  const rows = (selector: string) =>
    page.$$eval(`${selector} tbody tr`, (trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim()).join(' ')));

  it('is reached from the navigation and shows the hand-computed figures of the period', async () => {
    await openApp(page, harness);
    await page.click('[data-testid="nav-analytics"]');
    await page.waitForSelector('.analytics-page');
    await showFixturePeriod();
    expect(await text('[data-testid="kpi-revenue"]')).toContain('€8,500');
    expect(await text('[data-testid="kpi-revenue"]')).toContain('+325%'); // 8500 vs 2000 the three days before
    expect(await text('[data-testid="kpi-orders-bot"]')).toContain('1 · €4,500');
    expect(await text('[data-testid="kpi-orders-seller"]')).toContain('2 · €4,000');
    expect(await text('[data-testid="kpi-conversion"]')).toContain('50%');
    expect(await text('[data-testid="kpi-time-saved"]')).toContain('5 minutes');
    expect(await text('[data-testid="response-times"]')).toContain('20 sec');
    expect(await text('[data-testid="top-products"]')).toContain('Robe rouge');
    expect(await text('[data-testid="out-of-stock"]')).toContain('Robe rouge');
    expect(await page.locator('[data-testid="chart-per-day"] svg').count()).toBeGreaterThan(0);
    // Every chart's numbers as a table.
    await page.click('[data-testid="chart-funnel"] summary');
    expect(await rows('[data-testid="chart-funnel"] table')).toEqual([
      'Conversations 4 100%',
      'Asked a price 3 75%',
      'Started an order 2 50%',
      'Confirmed 2 50%',
      'Delivered 1 25%',
    ]);
    await page.click('[data-testid="chart-per-day"] summary');
    expect(await rows('[data-testid="chart-per-day"] table')).toEqual(['2026-03-28 3 4', '2026-03-29 2 2', '2026-03-30 5 5']);
    expect(await page.locator('[data-testid="follow-ups"]').count()).toBe(0);
    await toTop();
    await screenshot(page, 'analytics-en');
  });

  it("changes the time saved with the seller's typing time", async () => {
    await page.fill('#analytics-typing', '60');
    await page.waitForFunction(() => document.querySelector('[data-testid="kpi-time-saved"]')?.textContent?.includes('10 minutes'));
  });

  it('adds an unanswered question to knowledge in one click', async () => {
    await page.click('[data-testid="unanswered"] button:has-text("Add to knowledge")');
    await page.fill('[data-testid="unanswered"] textarea', 'Oui, 48 h vers Oran.');
    await page.click('[data-testid="unanswered"] button[type="submit"]');
    await page.waitForSelector('[data-testid="unanswered"] [role="status"]:has-text("Added to knowledge.")');
    const entries = await call<{ question: string; answer: string }[]>(harness.core, 'knowledge/list', { shopId });
    expect(entries.map((e) => e.question)).toContain('do you deliver to oran');
  });

  it('exports the orders as a CSV with a BOM', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="orders"]')]);
    expect(download.suggestedFilename()).toBe('souqbot-orders-2026-03-28-to-2026-03-30.csv');
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('delivered');
  });

  it('reads right to left in Arabic, with Western digits', async () => {
    await page.selectOption('[data-testid="language-picker"]', 'ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await text('.analytics-page h1')).toBe('الإحصائيات');
    const revenue = await text('[data-testid="kpi-revenue"]');
    expect(revenue).toMatch(/8[,.٬\u00a0\u202f]?500/);
    expect(revenue).not.toMatch(/[٠-٩]/);
    expect(await text('[data-testid="chart-busy-hours"]')).toContain('الأحد');
    // The category axis runs right to left: the first day sits right of the last.
    const ticks = page.locator('[data-testid="chart-per-day"] .recharts-xAxis .recharts-cartesian-axis-tick');
    const first = await ticks.first().boundingBox();
    const last = await ticks.last().boundingBox();
    expect(first!.x).toBeGreaterThan(last!.x);
    await toTop();
    await screenshot(page, 'analytics-ar');
    expect(errors).toEqual([]);
  });
});
