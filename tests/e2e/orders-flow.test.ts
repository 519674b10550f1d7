/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Callbacks passed to page.evaluate/waitForFunction run in the browser: they need DOM types.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { NotifierNotice } from '../../shared/domain/notices';
import { wordNotifier } from '../../shared/desktop/notifier-strings';
import { noPacing, noRateLimits } from '../../electron/core/pipeline/policies';
import { chromiumAvailable, screenshot, sessionPerSuite } from './harness';
import { openShop } from './shop-opening';
import { customerSays as sayOnTestPhone } from './test-phone';

/**
 * Orders reach the seller (issue 9): a customer orders on the test phone, the new order shows as a
 * badge on the Orders nav item and a toast, the seller clicks through the navigation to the
 * Orders page, sees it, and moves it to "confirmed"; the inbox thread shows it beside the chat.
 */
describe.skipIf(!chromiumAvailable())('orders from the test phone to the Orders page', { timeout: 120_000 }, () => {
  let page: Page;
  let errors: string[];
  const notices: NotifierNotice[] = [];

  sessionPerSuite(
    () =>
      openShop({
        shop: { name: 'Boutique Nour', currency: 'DZD' },
        catalog: 'catalog-dz-fashion.csv',
        core: { pacing: noPacing, rateLimits: noRateLimits, notifier: { notify: (notice) => void notices.push(notice) } },
        prepare: async (core, shopId) => {
          const ok = await core.app.dispatch('settings/update', {
            shopId,
            patch: { facts: { deliveryZones: [{ name: 'Oran', fee: 600, delayDays: '2-3' }] } },
          });
          if (!ok.ok) throw new Error('settings/update failed');
        },
        locale: 'fr-FR',
        viewport: { width: 1440, height: 860 },
        nav: { page: 'inbox', ready: '.shell[data-page="inbox"]' },
        timeoutMs: 10_000,
      }),
    (opening) => ({ page, errors } = opening),
  );

  const customerSays = (text: string) => sayOnTestPhone(page, text);

  it('a customer orders on the test phone; the nav shows a badge and a toast', async () => {
    await page.click('[data-testid="toggle-test-phone"]');
    await page.fill('[data-testid="test-phone-number"]', '+213550000042');
    await customerSays('salam nheb ncommandi robe de soirée rouge taille M');
    await customerSays('Yacine Benali 0555123456');
    const summary = await customerSays('Oran, cité 200 logements bloc 4');
    expect(summary).toMatch(/7\s100/);
    expect(await page.locator('[data-testid="nav-orders-badge"]').count()).toBe(0);
    const done = await customerSays('oui');
    expect(done).toMatch(/n° \d+/);
    await page.waitForSelector('[data-testid="nav-orders-badge"]');
    expect(await page.textContent('[data-testid="nav-orders-badge"]')).toBe('1');
    expect(await page.textContent('[data-testid="new-order-toast"]')).toContain('Yacine Benali');
    const order = notices.find((n) => n.code === 'order_created');
    expect(order?.params).toMatchObject({ customer: 'Yacine Benali', total: 7100, currency: 'DZD' });
    // The desktop notification, worded for this French-speaking seller.
    expect(wordNotifier('fr', order!).title).toMatch(/^Nouvelle commande n° \d+ de \u2068Yacine Benali\u2069$/);
    await screenshot(page, 'orders-new-order-toast-fr');
  });

  it('the thread in the inbox shows the order beside the chat', async () => {
    await page.locator('[data-testid="conversation-row"][data-conversation-id]').first().click();
    await page.waitForSelector('[data-testid="order-panel-item"]');
    expect(await page.textContent('[data-testid="order-panel"]')).toContain('Robe de soirée rouge');
  });

  it('from the navigation: the order is on the Orders page, and the seller confirms it', async () => {
    await page.click('[data-testid="nav-orders"]');
    await page.waitForSelector('.shell[data-page="orders"]');
    // Opening the page is seeing the new orders.
    await page.waitForSelector('[data-testid="nav-orders-badge"]', { state: 'detached' });
    const row = page.locator('[data-testid="order-row"]').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('Yacine Benali');
    expect(await row.getAttribute('data-status')).toBe('new');
    await row.click();
    await page.waitForSelector('[data-testid="order-detail"][data-status="new"]');
    await page.click('[data-testid="order-move-confirmed"]');
    await page.waitForSelector('[data-testid="order-row"][data-status="confirmed"]');
    await page.waitForSelector('[data-testid="order-detail"][data-status="confirmed"]');
    await screenshot(page, 'orders-page-confirmed-fr');
    // The customer was told, in their conversation, from the status change.
    await page.click('[data-testid="nav-inbox"]');
    await page.waitForSelector('.shell[data-page="inbox"]');
    expect(errors).toEqual([]);
  });
});
