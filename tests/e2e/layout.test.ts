/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noPacing, noRateLimits } from '../../electron/core/pipeline/policies';
import { call } from '../../electron/core/test-utils/temp-core';
import { type Harness, chromiumAvailable, launchBrowser, openApp, screenshot, startHarness, watchErrors } from './harness';
import { checkLayout } from './layout-check';

const WIDTHS = [
  { width: 1366, height: 768 },
  { width: 1024, height: 700 },
  { width: 390, height: 844 },
] as const;
const PAGES = ['inbox', 'connect', 'catalog', 'sales-settings', 'settings'] as const;

/**
 * The frame at a laptop, a small laptop with the test phone open, and a phone: navigation as
 * sidebar / icon rail / bottom bar, nothing past the screen edge except inside its own scroll
 * box, the conversation never under 320 px at 1024. Screenshots stay in test-results/.
 */
describe.skipIf(!chromiumAvailable())('layout at 1366, 1024 and 390 px, Arabic and English', { timeout: 120_000 }, () => {
  let harness: Harness;
  let browser: Browser;

  beforeAll(async () => {
    harness = await startHarness({
      core: { pacing: noPacing, rateLimits: noRateLimits },
      prepare: async (core) => {
        const shop = await call<{ id: number }>(core, 'shops/create', { name: 'Boutique Nour el Houda', currency: 'DZD' });
        // Long Latin names and SKUs in an Arabic page are what pushes a layout past its edge.
        const csv = [
          'sku,name,price,stock,category',
          'KAF-ROUGE-TAILLE-UNIQUE-2026,"Caftan brodé rouge bordeaux, taille unique, collection 2026",24500,3,Caftans',
          'JEB-KAB-01,Jebba kabyle,9000,,Jebbas',
        ].join('\n');
        await call(core, 'catalog/commit-import', { shopId: shop.id, csv });
      },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  async function seedConversation(page: Page): Promise<void> {
    await page.click('[data-testid="nav-inbox"]');
    await page.click('[data-testid="toggle-test-phone"]');
    await page.fill('[data-testid="test-phone-input"]', 'Salam, bghit caftan rouge taille unique, ch7al? w livraison l Tizi Ouzou?');
    await page.click('[data-testid="test-phone-send"]');
    await page.waitForSelector('[data-testid="phone-message"][data-direction="in"]', { timeout: 15_000 });
  }

  for (const locale of ['ar', 'en'] as const) {
    it(`${locale}: every width and page fits the screen`, async () => {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
      page.setDefaultTimeout(10_000);
      const errors = watchErrors(page);
      await openApp(page, harness, '#/inbox');
      await page.selectOption('[data-testid="language-picker"]', locale);
      if (locale === 'ar') await page.waitForFunction(() => document.documentElement.dir === 'rtl');
      await seedConversation(page);
      for (const size of WIDTHS) {
        await page.setViewportSize(size);
        for (const id of PAGES) {
          await page.click(`[data-testid="nav-${id}"]`);
          await page.waitForSelector(`.shell[data-page="${id}"]`);
          if (id === 'inbox') await openConversationWithPhone(page, size.width);
          await page.waitForTimeout(150);
          const report = await checkLayout(page);
          await screenshot(page, `layout-${id}-${locale}-${size.width}`);
          expect(report.overflowing, `${locale} ${size.width} ${id}`).toEqual([]);
          expect(report.pageScrollsSideways, `${locale} ${size.width} ${id} scrolls sideways`).toBe(false);
          expect(report.overlapping, `${locale} ${size.width} ${id}`).toEqual([]);
        }
        const nav = await page.locator('.nav').boundingBox();
        if (size.width === 1024) expect(nav?.width).toBeLessThanOrEqual(120);
        if (size.width === 390) expect((nav?.y ?? 0) + (nav?.height ?? 0)).toBeGreaterThan(size.height - 2); // a bottom bar
      }
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  /** The inbox as the issue measures it: a conversation open, and the test phone beside it. */
  async function openConversationWithPhone(page: Page, width: number): Promise<void> {
    if (width <= 700) {
      // One pane at a time on a phone: the list, then the conversation (the phone is checked closed).
      if (await page.locator('[data-testid="test-phone"]').isVisible()) await page.click('[data-testid="test-phone"] .thread-back');
      const row = page.locator('[data-testid="conversation-row"][data-conversation-id]').first();
      if (await row.isVisible()) await row.click();
      await page.waitForSelector('[data-testid="thread"]');
      return;
    }
    const row = page.locator('[data-testid="conversation-row"][data-conversation-id]').first();
    await row.click();
    await page.waitForSelector('[data-testid="thread"]');
    if (!(await page.locator('[data-testid="test-phone"]').isVisible())) await page.click('[data-testid="toggle-test-phone"]');
    const thread = await page.locator('[data-testid="thread"]').boundingBox();
    expect(thread?.width ?? 0, `conversation column at ${width}`).toBeGreaterThanOrEqual(320);
  }
});
