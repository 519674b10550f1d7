/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Callbacks passed to page.evaluate/waitForFunction run in the browser: they need DOM types.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, chromiumAvailable, launchBrowser, openApp, screenshot, startHarness, watchErrors } from './harness';

const CATALOG = path.resolve('../shared/data/catalog-dz-fashion.csv');
const step = (page: Page, name: string) => page.waitForSelector(`.wizard[data-step="${name}"]`);
const focused = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? null);

/**
 * Issue 15's first run, as a new seller does it in a browser: a fresh data folder, the wizard (language → shop →
 * catalog → selling → test phone → WhatsApp), the bot answering from the catalog just imported, with no API key and
 * the core's real pacing. The time the scripted seller took is printed and must stay under 3 minutes.
 */
describe.skipIf(!chromiumAvailable())('first-run wizard in headless Chromium', { timeout: 180_000 }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('a new seller, start to finish', () => {
    let harness: Harness;
    let page: Page;
    let errors: string[];
    beforeAll(async () => {
      harness = await startHarness();
      page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
      page.setDefaultTimeout(15_000);
      errors = watchErrors(page);
    });
    afterAll(async () => {
      await page?.close();
      await harness?.close();
    });

    it('reaches a bot answering from their own catalog in under 3 minutes, keyboard first', async () => {
      const started = Date.now();
      await openApp(page, harness);
      await step(page, 'language');
      expect(await focused(page)).toBe('locale');
      await page.click('[data-testid="wizard-locale-fr"]');
      await page.waitForFunction(() => document.documentElement.lang === 'fr');
      await page.keyboard.press('Enter');

      await step(page, 'shop');
      expect(await focused(page)).toBe('shop-name');
      await page.keyboard.type('Boutique Yasmine');
      await page.selectOption('select[name="country"]', 'DZ');
      await page.focus('input[name="shop-name"]');
      await page.keyboard.press('Enter');

      await step(page, 'catalog');
      expect(await focused(page)).toBe('product-name');
      await page.click('[data-testid="wizard-import"]');
      await page.setInputFiles('#catalog-file', CATALOG);
      await page.click('[data-testid="import-dialog"] button.primary');
      await page.waitForSelector('[data-testid="import-dialog"] [role="status"] >> text=/\\d/');
      await page.click('[data-testid="import-dialog"] .actions button:last-child');
      await page.waitForSelector('[data-testid="import-dialog"]', { state: 'detached' });
      // And one typed by hand: Enter in the fields adds it and stays; Enter with them empty continues.
      await page.fill('input[name="product-name"]', 'Sac cabas en cuir');
      await page.fill('input[name="product-price"]', '4200');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid="wizard-added"] >> text=Sac cabas en cuir');
      const count = await page.textContent('[data-testid="wizard-product-count"]');
      const imported = fs.readFileSync(CATALOG, 'utf8').trim().split('\n').length - 1;
      expect(count).toContain(String(imported + 1));
      await page.focus('input[name="product-name"]');
      await page.keyboard.press('Enter');

      await step(page, 'sales');
      expect(await page.isChecked('[data-testid="wizard-pacing-normal"]')).toBe(true);
      await page.keyboard.press('Enter');

      await step(page, 'try');
      expect(await page.textContent('[data-testid="wizard-suggestion"]')).toMatch(/combien coûte le .+/);
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'test-phone-input');
      await page.keyboard.type('Bonjour, combien coûte la robe de soirée rouge ?');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid="phone-message"][data-direction="out"]');
      // The answer names the product's price from the imported file (6500 DZD), whatever the spacing.
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll('[data-testid="phone-message"][data-direction="in"]')].some((e) =>
            /6[\s\u202f\u00a0.,]?500/.test(e.textContent ?? ''),
          ),
        undefined,
        { timeout: 60_000 },
      );
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(`wizard: the scripted seller reached a bot answering from their catalog in ${seconds.toFixed(1)} s\n`);
      expect(seconds).toBeLessThan(180);
      await screenshot(page, 'wizard-try-fr');

      await page.click('[data-testid="wizard-next"]');
      await step(page, 'link');
      await page.click('[data-testid="wizard-next"]');
      await page.waitForSelector('.shell[data-page="connect"]');
      // Finished for good: a reload opens the app, not the wizard.
      await page.reload();
      await page.waitForSelector('.shell[data-testid="app-ready"]');
      const shops = await page.$$eval('[data-testid="shop-switcher"] option', (os) => os.map((o) => o.textContent));
      expect(shops).toContain('Boutique Yasmine');
      expect(errors).toEqual([]);
    });
  });

  describe('resume and skip', () => {
    let harness: Harness;
    let page: Page;
    let errors: string[];
    beforeAll(async () => {
      harness = await startHarness();
      page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'ar' });
      page.setDefaultTimeout(15_000);
      errors = watchErrors(page);
    });
    afterAll(async () => {
      await page?.close();
      await harness?.close();
    });

    it('in Arabic, right to left; a reload mid-wizard resumes at the same step, in any window', async () => {
      await openApp(page, harness);
      await step(page, 'language');
      await page.click('[data-testid="wizard-locale-ar"]');
      await page.waitForFunction(() => document.documentElement.dir === 'rtl');
      await screenshot(page, 'wizard-language-ar');
      await page.click('[data-testid="wizard-next"]');
      await step(page, 'shop');
      // Mirrored: the primary action sits at the left end of the row, Back would sit at the right.
      const card = await page.locator('.wizard-card').boundingBox();
      const next = await page.locator('[data-testid="wizard-next"]').boundingBox();
      expect(card && next && next.x < card.x + card.width / 2).toBe(true);
      await page.fill('input[name="shop-name"]', 'متجر نور');
      await page.click('[data-testid="wizard-next"]');
      await step(page, 'catalog');
      await screenshot(page, 'wizard-catalog-ar');

      await page.reload();
      await step(page, 'catalog');
      // Another window (a second tab) resumes there too: the progress is core's, not the tab's.
      const other = await browser.newPage({ locale: 'ar' });
      await openApp(other, harness);
      await step(other, 'catalog');
      await other.close();

      await page.click('[data-testid="wizard-back"]');
      await step(page, 'shop');
      expect(await page.inputValue('input[name="shop-name"]')).toBe('متجر نور');
      await page.click('[data-testid="wizard-next"]');
      await step(page, 'catalog');
      await page.click('[data-testid="wizard-skip"]');
      await step(page, 'sales');
      await page.reload();
      await step(page, 'sales');
      expect(errors).toEqual([]);
    });

    it('"skip setup" opens the app for good; the one shop stays', async () => {
      await page.click('[data-testid="wizard-skip-all"]');
      await page.waitForSelector('.shell[data-page="inbox"]');
      await page.reload();
      await page.waitForSelector('.shell[data-testid="app-ready"]');
      const shops = await page.$$eval('[data-testid="shop-switcher"] option:not([value="__new__"])', (os) => os.map((o) => o.textContent));
      expect(shops).toEqual(['متجر نور']);
      expect(errors).toEqual([]);
    });
  });
});
