/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/test-utils/temp-core';
import { type Harness, chromiumAvailable, sessionPerSuite } from './harness';
import { openShop } from './shop-opening';

/** The shop's country on the Settings page: derived until chosen, saved at once, read back by core. */
describe.skipIf(!chromiumAvailable())('shop country in Settings (headless Chromium)', () => {
  let harness: Harness;
  let page: Page;
  let errors: string[];
  let shopId: number;

  sessionPerSuite(
    () =>
      openShop({
        shop: { name: 'Zahra Beauté', currency: 'MAD' },
        locale: 'en-US',
        viewport: { width: 1280, height: 1000 },
        nav: { page: 'settings', ready: '#shop-country' },
      }),
    (opening) => ({ harness, page, errors, shopId } = opening),
  );

  it('shows the derived country, saves a chosen one and goes back to automatic', async () => {
    expect(await page.inputValue('#shop-country')).toBe('');
    expect(await page.textContent('#shop-country option[value=""]')).toContain('Morocco');
    await page.selectOption('#shop-country', 'TN');
    await page.waitForFunction(() => document.querySelector('#country-hint')?.textContent === 'Country saved.');
    const shops = await call<{ id: number; country: string | null }[]>(harness.core, 'shops/list', {});
    expect(shops.find((s) => s.id === shopId)?.country).toBe('TN');
    await page.reload();
    await page.waitForSelector('#shop-country');
    expect(await page.inputValue('#shop-country')).toBe('TN');
    await page.selectOption('#shop-country', '');
    await page.waitForFunction(() => document.querySelector('#country-hint')?.textContent === 'Country saved.');
    expect(
      (await call<{ id: number; country: string | null }[]>(harness.core, 'shops/list', {})).find((s) => s.id === shopId)?.country,
    ).toBeNull();
    expect(errors).toEqual([]);
  });
});
