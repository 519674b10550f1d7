/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Callbacks passed to page.evaluate/waitForFunction run in the browser: they need DOM types.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Product } from '../../shared/domain/catalog';
import { noPacing, noRateLimits } from '../../electron/core/pipeline/policies';
import { call } from '../../electron/core/test-utils/temp-core';
import { type Harness, chromiumAvailable, screenshot, sessionPerSuite } from './harness';
import { openShop } from './shop-opening';
import { customerSays as sayOnTestPhone } from './test-phone';

const NAME = 'Caftan velours';

/**
 * Variants are first-class (issue 18): a seller who reads Arabic reaches the Catalog by the
 * navigation, adds a product with two variants (values, SKU, price, stock each), edits one
 * variant's price and stock, and the test phone's customer is quoted that variant's price and
 * stock — the size that was sold out before the edit is not called sold out after it.
 */
describe.skipIf(!chromiumAvailable())('Catalog variants in Arabic, quoted by the bot on the test phone', { timeout: 120_000 }, () => {
  let harness: Harness;
  let page: Page;
  let errors: string[];
  let shopId: number;
  const product = async (): Promise<Product | undefined> =>
    (await call<{ items: Product[] }>(harness.core, 'catalog/list', { shopId, query: 'CV-1' })).items.find((p) => p.sku === 'CV-1');

  sessionPerSuite(
    () =>
      openShop({
        shop: { name: 'Dar Lalla', currency: 'DZD' },
        core: { pacing: noPacing, rateLimits: noRateLimits },
        locale: 'ar',
        viewport: { width: 1366, height: 900 },
        language: 'ar',
        nav: { page: 'catalog', ready: '#add-product' },
        timeoutMs: 10_000,
      }),
    (opening) => ({ harness, page, errors, shopId } = opening),
  );

  it('adds a product with two variants from the Catalog reached by the navigation', async () => {
    await page.click('#add-product');
    await page.waitForSelector('[role="dialog"] #product-name');
    await page.fill('#product-name', NAME);
    await page.fill('#product-sku', 'CV-1');
    await page.fill('#product-price', '12000');
    await page.click('#add-variant');
    await page.click('#add-variant');
    expect(await page.textContent('.catalog-variants thead')).toContain('القيم');
    // The first variant is named by its values; the second by hand.
    await page.fill('[aria-label="القيم 1"]', 'اللون: Bordeaux');
    await page.fill('[aria-label="المرجع 1"]', 'CV-1-BOR');
    await page.fill('[aria-label="المخزون 1"]', '4');
    await page.fill('[aria-label="الخيار 2"]', 'Vert');
    await page.fill('[aria-label="القيم 2"]', 'اللون: Vert');
    await page.fill('[aria-label="المرجع 2"]', 'CV-1-VER');
    await page.fill('[aria-label="المخزون 2"]', '0');
    await page.click('#product-save');
    await page.waitForSelector('tr[data-sku="CV-1"]');
    const saved = await product();
    expect(saved?.variants.map((v) => [v.name, v.sku, v.price, v.stock, v.options])).toEqual([
      ['Bordeaux', 'CV-1-BOR', null, 4, [{ name: 'اللون', value: 'Bordeaux' }]],
      ['Vert', 'CV-1-VER', null, 0, [{ name: 'اللون', value: 'Vert' }]],
    ]);
    expect(saved?.stock).toBe(4);
  });

  it('edits one variant’s price and stock', async () => {
    await page.click(`[aria-label="تعديل — ${NAME}"]`);
    await page.waitForSelector('[role="dialog"] #product-name');
    expect(await page.inputValue('[aria-label="القيم 2"]')).toBe('اللون: Vert');
    // At a phone's width the variants table scrolls inside its box; the box stays inside the dialog.
    await page.setViewportSize({ width: 390, height: 800 });
    await page.locator('#add-variant').scrollIntoViewIfNeeded();
    const [box, dialog] = await page.evaluate(() =>
      ['.catalog-variants', '[role="dialog"]'].map((s) => {
        const r = document.querySelector(s)?.getBoundingClientRect();
        return r ? [r.left, r.right] : [0, 0];
      }),
    );
    expect(box?.[0]).toBeGreaterThanOrEqual(dialog?.[0] ?? 0);
    expect(box?.[1]).toBeLessThanOrEqual(dialog?.[1] ?? 0);
    await screenshot(page, 'catalog-variants-editor-390-ar');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.fill('[aria-label="السعر 2"]', '13500');
    await page.fill('[aria-label="المخزون 2"]', '2');
    await page.click('#product-save');
    await page.waitForSelector('[role="dialog"]', { state: 'detached' });
    const edited = await product();
    expect(edited?.variants.map((v) => [v.name, v.price ?? edited.price, v.stock])).toEqual([
      ['Bordeaux', 12000, 4],
      ['Vert', 13500, 2],
    ]);
    expect(edited?.stock).toBe(6);
    // The list shows the product's price, and beside the variant priced apart, its own.
    await page.waitForFunction(() =>
      /13[.,\s\u202f]?500/.test(document.querySelector('tr[data-sku="CV-1"] .catalog-variant-list')?.textContent ?? ''),
    );
    await screenshot(page, 'catalog-variants-ar');
  });

  it('an import whose variant SKU another product has writes nothing and says why, in Arabic', async () => {
    await page.click('text=استيراد ملف CSV…');
    await page.waitForSelector('#catalog-file');
    const csv =
      'sku,name,name_ar,category,price,currency,stock,variants,aliases,description,compare_at_price,images,upsell_skus,variant,variant_sku\nNEW-1,Nouveau,,,100,DZD,,,,,,,,M,CV-1-BOR\n';
    await page.setInputFiles('#catalog-file', { name: 'nouveau.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.waitForSelector('#import-counts');
    await page.click('[data-testid="import-dialog"] button.primary');
    await page.waitForSelector('[data-testid="import-dialog"] [role="alert"]');
    expect(await page.textContent('[data-testid="import-dialog"] [role="alert"]')).toContain('لم يُستورد شيء');
    await page.keyboard.press('Escape');
    expect((await call<{ total: number }>(harness.core, 'catalog/list', { shopId })).total).toBe(1);
  });

  const customerSays = (text: string) => sayOnTestPhone(page, text);

  it('the bot on the test phone quotes the edited variant’s price and stock, and never calls it sold out', async () => {
    await page.click('[data-testid="nav-inbox"]');
    await page.waitForSelector('.shell[data-page="inbox"]');
    await page.click('[data-testid="toggle-test-phone"]');
    await page.fill('[data-testid="test-phone-number"]', '+213550000077');
    const price = await customerSays('Bonjour, le caftan velours vert est disponible ? combien ?');
    expect(price).toMatch(/13\s?500/);
    expect(price).not.toMatch(/12\s?000/);
    expect(price).not.toMatch(/rupture|plus disponible/i);
    const other = await customerSays('et le caftan velours bordeaux, combien ?');
    expect(other).toMatch(/12\s?000/);
    // Five asked, two in that colour: the bot says how many are left of that variant (the product has six).
    const stock = await customerSays('je veux 5 caftan velours vert');
    expect(stock).toMatch(/Plus que 2 en stock/);
    expect(stock).not.toMatch(/rupture|plus disponible/i);
    await screenshot(page, 'catalog-variants-test-phone-ar');
    expect(errors).toEqual([]);
  });
});
