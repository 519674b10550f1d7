/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Product } from '../../shared/domain/catalog';
import { call } from '../../electron/core/test-utils/temp-core';
import { type Harness, chromiumAvailable, screenshot, sessionPerSuite } from './harness';
import { openShop } from './shop-opening';

const NAME = 'جبة قبائلية';

/** A seller who reads Arabic adds, edits and deletes a product with variants, reaching the catalog by the navigation. */
describe.skipIf(!chromiumAvailable())('Catalog editing in Arabic, in headless Chromium', () => {
  let harness: Harness;
  let page: Page;
  let errors: string[];
  let shopId: number;
  const product = async (): Promise<Product | undefined> =>
    (await call<{ items: Product[] }>(harness.core, 'catalog/list', { shopId, query: 'JB' })).items.find((p) => p.sku === 'JB-1');

  sessionPerSuite(
    () =>
      openShop({
        shop: { name: 'Dar Amina', currency: 'DZD' },
        locale: 'ar',
        viewport: { width: 1366, height: 900 },
        language: 'ar',
        nav: { page: 'catalog', ready: '#add-product' },
      }),
    (opening) => ({ harness, page, errors, shopId } = opening),
  );

  it('adds a product by hand with two variants', async () => {
    expect(await page.textContent('#add-product')).toBe('إضافة منتج');
    await page.click('#add-product');
    await page.waitForSelector('[role="dialog"] #product-name');
    expect(await page.textContent('#editor-title')).toBe('منتج جديد');
    await page.fill('#product-name', NAME);
    await page.fill('#product-sku', 'JB-1');
    await page.fill('#product-price', '9800');
    await page.fill('#product-category', 'جبب');
    await page.fill('#product-alt-names', 'Jebba kabyle');
    await page.fill('#product-aliases', 'jebba, jba');
    await page.click('#add-variant');
    await page.click('#add-variant');
    await page.fill('[aria-label="الخيار 1"]', 'M');
    await page.fill('[aria-label="المرجع 1"]', 'JB-1-M');
    await page.fill('[aria-label="المخزون 1"]', '3');
    await page.fill('[aria-label="الخيار 2"]', 'L');
    await page.fill('[aria-label="المرجع 2"]', 'JB-1-L');
    await page.fill('[aria-label="السعر 2"]', '10500');
    await page.fill('[aria-label="المخزون 2"]', '0');
    await page.click('#product-save');
    await page.waitForSelector('tr[data-sku="JB-1"]');
    expect(await page.textContent('tr[data-sku="JB-1"]')).toContain(NAME);
    expect(await page.textContent('tr[data-sku="JB-1"]')).toContain('لكل خيار');
    const saved = await product();
    expect(saved).toMatchObject({
      name: NAME,
      price: 9800,
      stock: 3,
      category: 'جبب',
      altNames: ['Jebba kabyle'],
      aliases: ['jebba', 'jba'],
    });
    expect(saved?.variants.map((v) => [v.name, v.sku, v.price, v.stock])).toEqual([
      ['M', 'JB-1-M', null, 3],
      ['L', 'JB-1-L', 10500, 0],
    ]);
  });

  it('edits a variant and a field, then the price inline', async () => {
    await page.click(`[aria-label="تعديل — ${NAME}"]`);
    await page.waitForSelector('[role="dialog"] #product-name');
    await page.fill('[aria-label="المخزون 2"]', '2');
    await page.fill('[aria-label="الخيار 2"]', 'XL');
    await page.fill('#product-description', 'صوف مطرز باليد');
    await page.click('#product-save');
    await page.waitForSelector('[role="dialog"]', { state: 'detached' });
    await page.waitForFunction(() => document.querySelector('tr[data-sku="JB-1"]')?.textContent?.includes('XL'));
    const edited = await product();
    expect(edited?.variants.map((v) => [v.name, v.stock])).toEqual([
      ['M', 3],
      ['XL', 2],
    ]);
    expect(edited).toMatchObject({ stock: 5, description: 'صوف مطرز باليد' });

    await page.click(`[aria-label="السعر — ${NAME}"]`);
    await page.fill(`input[aria-label="السعر — ${NAME}"]`, '9900');
    await page.press(`input[aria-label="السعر — ${NAME}"]`, 'Enter');
    await expect.poll(async () => (await product())?.price).toBe(9900);
    await screenshot(page, 'catalog-edit-ar');
  });

  it('deletes after the app’s own Arabic dialog, and undoes it', async () => {
    await page.click(`[aria-label="حذف — ${NAME}"]`);
    await page.waitForSelector('#delete-title');
    expect(await page.textContent('#delete-title')).toBe('حذف هذا المنتج؟');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('إلغاء');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#delete-title', { state: 'detached' });
    expect(await product()).toBeDefined();

    await page.click(`[aria-label="حذف — ${NAME}"]`);
    await page.click('#confirm-delete');
    await page.waitForSelector('#undo-delete');
    expect(await page.textContent('.catalog-toast')).toContain('تم حذف');
    await expect.poll(async () => (await product()) === undefined).toBe(true);
    await page.click('#undo-delete');
    await page.waitForSelector('tr[data-sku="JB-1"]');
    expect((await product())?.variants.map((v) => v.name)).toEqual(['M', 'XL']);
    expect(errors).toEqual([]);
  });

  it('imports a Windows-1252 file with its accents and says so; refuses an .xlsx as not a text file', async () => {
    await page.click('text=استيراد ملف CSV…');
    await page.waitForSelector('#catalog-file');
    const latin = Buffer.from('sku;D\xe9signation;Prix;Stock\nTH-1;Th\xe9 \xe0 la menthe;12,50;\nTH-2;Caf\xe9 cr\xe8me;9;4\n', 'latin1');
    await page.setInputFiles('#catalog-file', { name: 'epicerie.csv', mimeType: 'text/csv', buffer: latin });
    await page.waitForSelector('#import-encoding');
    expect(await page.textContent('#import-encoding')).toContain('Windows-1252');
    expect(await page.textContent('[data-testid="import-dialog"]')).toContain('Thé à la menthe');
    expect(await page.textContent('.catalog-assumptions')).toContain('خانة المخزون فيها فارغة');
    await page.click('text=اختيار ملف آخر');
    await page.waitForSelector('#catalog-file');
    await page.setInputFiles('#catalog-file', {
      name: 'catalogue.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]),
    });
    await page.waitForSelector('[data-testid="import-dialog"] [role="alert"]');
    expect(await page.textContent('[data-testid="import-dialog"] [role="alert"]')).toContain('ليس ملف نص CSV/Excel');
    await screenshot(page, 'catalog-import-not-text-ar');
  });

  it('picks the shop currency from the list in Settings; the catalog follows', async () => {
    await page.keyboard.press('Escape');
    await page.click('[data-testid="nav-settings"]');
    await page.waitForSelector('#shop-currency');
    expect(await page.textContent('#shop-currency option[value="DZD"]')).toContain('د.ج');
    await page.selectOption('#shop-currency', 'MAD');
    await page.waitForFunction(() => document.querySelector('#shop-currency-status')?.textContent === 'تم حفظ العملة.');
    const shops = await call<{ id: number; currency: string }[]>(harness.core, 'shops/list', {});
    expect(shops.find((s) => s.id === shopId)?.currency).toBe('MAD');
    expect((await product())?.currency).toBe('MAD');
    expect(errors).toEqual([]);
  });

  it('the Knowledge test panel shows what the customer would get, hand-over included', async () => {
    await call(harness.core, 'knowledge/save', {
      shopId,
      question: 'Vous livrez où ?',
      answer: 'Nous livrons partout en 48 h.',
      keywords: ['livraison', 'tawsil'],
    });
    await page.click('[data-testid="nav-knowledge"]');
    await page.fill('[aria-label="تجربة: اسأل كما يسأل الزبون"]', 'bghit nhder m3a el patron');
    await page.click('.knowledge-panel button[type="submit"]');
    await page.waitForSelector('#knowledge-try-reply');
    const reply = await page.textContent('#knowledge-try-reply');
    expect(reply?.trim().length).toBeGreaterThan(0);
    const row = harness.core.ctx.store.sqlite
      .prepare(`SELECT escalation_reason AS reason FROM conversations WHERE shop_id = ? ORDER BY id DESC LIMIT 1`)
      .get(shopId) as { reason: string | null };
    const escalated = row.reason !== null;
    expect(await page.locator('#knowledge-try-escalation').count()).toBe(escalated ? 1 : 0);
    await screenshot(page, 'knowledge-try-ar');
    expect(errors).toEqual([]);
  });
});
