/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../shared/domain/catalog';
import { productPhoto } from '../../electron/core/media/test-utils/synthetic-photos';
import { call } from '../../electron/core/test-utils/temp-core';
import { type BrowserSession, type Harness, chromiumAvailable, openApp, screenshot, startBrowserSession } from './harness';

/** A seller picks a product photo from disk in the Catalog page's editor (Arabic, right to left): it is stored and previewed. */
describe.skipIf(!chromiumAvailable())('Catalog product photo picker, in headless Chromium', () => {
  let session: BrowserSession | undefined;
  let harness: Harness;
  let page: Page;
  let errors: string[];
  let shopId: number;
  let productId: number;

  beforeAll(async () => {
    session = await startBrowserSession({
      prepare: async (core) => {
        shopId = (await call<{ id: number }>(core, 'shops/create', { name: 'Dar Amina', currency: 'DZD' })).id;
        productId = (
          await call<Product>(core, 'catalog/create-product', { shopId, name: 'Sac cabas', sku: 'SAC-1', price: 6500, stock: 2 })
        ).id;
      },
      context: { viewport: { width: 1366, height: 900 }, locale: 'ar' },
    });
    ({ harness, page, errors } = session);
    await openApp(page, harness);
    await page.selectOption('[data-testid="language-picker"]', 'ar');
    await page.click('[data-testid="nav-catalog"]');
    await page.waitForSelector('tr[data-sku="SAC-1"]');
  });
  afterAll(async () => {
    await session?.close();
  });

  it('stores a picked photo as the product image and shows its preview', async () => {
    await page.click('[aria-label="تعديل — Sac cabas"]');
    await page.waitForSelector('[role="dialog"] [data-testid="product-photo-input"]', { state: 'attached' });
    expect(await page.textContent('.catalog-photo-picker')).toContain('الصورة التي يرسلها البوت');
    await page.setInputFiles('[data-testid="product-photo-input"]', {
      name: 'sac.jpg',
      mimeType: 'image/jpeg',
      buffer: await productPhoto(5),
    });
    await page.waitForSelector('[data-testid="product-photo-preview"]');
    expect(await page.getAttribute('[data-testid="product-photo-preview"]', 'src')).toMatch(/^data:image\/jpeg;base64,/);
    expect(await page.inputValue('#product-images')).toMatch(/^souq-image:[0-9a-f]{32}\.jpg$/);
    await screenshot(page, 'catalog-photo-ar');
    await page.click('#product-save');
    await page.waitForSelector('[role="dialog"]', { state: 'detached' });
    const saved = await call<Product>(harness.core, 'catalog/get', { shopId, productId });
    expect(saved.images[0]).toMatch(/^souq-image:/);
    expect(errors).toEqual([]);
  }, 60_000);
});
