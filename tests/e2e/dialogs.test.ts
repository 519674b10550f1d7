/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { noPacing, noRateLimits } from '../../electron/core/pipeline/policies';
import { call } from '../../electron/core/test-utils/temp-core';
import { type Harness, chromiumAvailable, openApp, startBrowserSession, sessionPerSuite } from './harness';

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `#${el.getAttribute('data-testid')}` : ''}` : '';
  });
const focusInside = (page: Page, selector: string) =>
  page.evaluate((sel) => Boolean(document.querySelector(sel)?.contains(document.activeElement)), selector);

/** Every dialog (quick replies, import, delete) keeps Tab inside, closes on Esc, and gives focus back. */
describe.skipIf(!chromiumAvailable())('dialogs by keyboard', { timeout: 60_000 }, () => {
  let harness: Harness;
  let page: Page;
  let errors: string[];

  sessionPerSuite(
    () =>
      startBrowserSession({
        core: { pacing: noPacing, rateLimits: noRateLimits },
        prepare: async (core) => {
          const shop = await call<{ id: number }>(core, 'shops/create', { name: 'Bottega Chiara', currency: 'EUR' });
          await call(core, 'catalog/commit-import', {
            shopId: shop.id,
            csv: 'sku,name,price,stock\nPAN-01,Panettone artigianale 1 kg,24.90,12',
          });
        },
        context: { viewport: { width: 1280, height: 860 }, locale: 'it-IT' },
        timeoutMs: 10_000,
      }),
    (session) => ({ harness, page, errors } = session),
  );
  beforeAll(async () => {
    await openApp(page, harness, '#/inbox');
  });

  /** Tab forward past the end and backward past the start: focus never leaves the dialog. */
  async function tabAround(selector: string): Promise<void> {
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInside(page, selector), `Tab ${i + 1}`).toBe(true);
    }
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await focusInside(page, selector), `Shift+Tab ${i + 1}`).toBe(true);
    }
  }

  it('quick replies: focus in, trapped, Esc closes, focus back on the opener', async () => {
    // The Italian locale from the browser: the app speaks it on first launch.
    await page.waitForFunction(() => document.documentElement.lang === 'it');
    await page.click('[data-testid="toggle-test-phone"]');
    await page.fill('[data-testid="test-phone-input"]', 'Buongiorno, avete il panettone?');
    await page.click('[data-testid="test-phone-send"]');
    await page.locator('[data-testid="conversation-row"][data-conversation-id]').first().click();
    await page.focus('[data-testid="manage-quick-replies"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="quick-replies-dialog"]');
    expect(await focused(page)).toBe('input');
    await tabAround('[data-testid="quick-replies-dialog"]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="quick-replies-dialog"]', { state: 'detached' });
    expect(await focused(page)).toBe('button#manage-quick-replies');
  });

  it('import and delete in the catalog behave the same', async () => {
    await page.click('[data-testid="nav-catalog"]');
    const importButton = page.locator('button', { hasText: 'Importa CSV' });
    await importButton.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="import-dialog"]');
    expect(await focusInside(page, '[data-testid="import-dialog"]')).toBe(true);
    await tabAround('[data-testid="import-dialog"]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="import-dialog"]', { state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Importa CSV');

    const del = page.locator('button.link.danger').first();
    await del.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#delete-title');
    await tabAround('[role="dialog"]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#delete-title', { state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toContain('Panettone');
    expect(errors).toEqual([]);
  });
});
