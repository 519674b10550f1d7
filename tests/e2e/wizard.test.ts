/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Callbacks passed to page.evaluate/waitForFunction run in the browser: they need DOM types.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../electron/core/test-utils/temp-core';
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
      expect(await page.textContent('[data-testid="wizard-suggestion"]')).toMatch(/quel est le prix de « .+ »/);
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

    it('a customer asking for a human raises a toast in French; it opens that conversation; back and forward follow', async () => {
      await page.evaluate(() => (window.location.hash = '#/inbox'));
      await page.waitForSelector('.shell[data-page="inbox"]');
      await page.click('[data-testid="toggle-test-phone"]');
      await page.fill('[data-testid="test-phone-number"]', '+213550000002');
      await page.fill('[data-testid="test-phone-input"]', 'Je veux parler à un humain svp');
      await page.click('[data-testid="test-phone-send"]');
      const toast = page.locator('[data-testid="notice-toast"][data-kind="human"]').first();
      await toast.waitFor({ timeout: 60_000 });
      expect(await toast.textContent()).toContain('veut vous parler');
      await screenshot(page, 'notice-toast-fr');
      const href = await toast.locator('a').getAttribute('href');
      expect(href).toMatch(/^#\/inbox\/\d+$/);
      const conversationId = Number(href?.split('/').pop());
      await toast.locator('a').click();
      await page.waitForSelector(`[data-testid="thread"]`);
      expect(await page.textContent('[data-testid="thread"]')).toContain('parler à un humain');
      expect(page.url()).toContain(`#/inbox/${conversationId}`);

      // The tray's "waiting for you" address filters the list; back returns to the conversation, forward to the filter.
      await page.evaluate(() => (window.location.hash = '#/inbox?status=waiting_human'));
      await page.waitForSelector('[data-testid="filter-waiting_human"][aria-pressed="true"]');
      await page.goBack();
      await page.waitForSelector('[data-testid="filter-all"][aria-pressed="true"]');
      expect(page.url()).toContain(`#/inbox/${conversationId}`);
      await page.goForward();
      await page.waitForSelector('[data-testid="filter-waiting_human"][aria-pressed="true"]');
      // A deep link opened on a fresh load (a notification click in another tab) lands on the conversation too.
      await page.goto(`${new URL(page.url()).origin}/#/inbox/${conversationId}`);
      await page.waitForFunction(() => document.querySelector('[data-testid="thread"]')?.textContent?.includes('parler à un humain'));
      expect(errors).toEqual([]);
    });

    it('with permission asked from the status bar, a Web Notification opens its conversation when clicked', async () => {
      // A fake Notification (headless Chromium has no notification centre) and a tab the seller is not looking at.
      await page.addInitScript(() => {
        const shown: { title: string; body: string; click: () => void }[] = [];
        class FakeNotification {
          static permission: NotificationPermission = 'default';
          static requestPermission() {
            FakeNotification.permission = 'granted';
            return Promise.resolve('granted' as NotificationPermission);
          }
          onclick: (() => void) | null = null;
          constructor(title: string, options?: NotificationOptions) {
            shown.push({ title, body: options?.body ?? '', click: () => this.onclick?.() });
          }
          close() {}
        }
        Object.assign(window, { Notification: FakeNotification, shownNotifications: shown });
        document.hasFocus = () => false;
      });
      await page.reload();
      await page.waitForSelector('.shell[data-testid="app-ready"]');
      await page.click('[data-testid="notify-enable"]');
      await page.waitForSelector('[data-testid="notify-enable"]', { state: 'detached' });
      await page.evaluate(() => (window.location.hash = '#/connect'));
      await page.click('[data-testid="nav-inbox"]');
      await page.click('[data-testid="toggle-test-phone"]');
      await page.fill('[data-testid="test-phone-number"]', '+213550000003');
      await page.fill('[data-testid="test-phone-input"]', 'Je veux parler à un humain, le responsable');
      await page.click('[data-testid="test-phone-send"]');
      type Shown = { title: string; body: string; click: () => void }[];
      await page.waitForFunction(
        () => ((window as unknown as { shownNotifications: Shown }).shownNotifications ?? []).length > 0,
        undefined,
        {
          timeout: 60_000,
        },
      );
      const title = await page.evaluate(() => (window as unknown as { shownNotifications: Shown }).shownNotifications[0]?.title);
      expect(title).toContain('veut vous parler');
      await page.evaluate(() => (window as unknown as { shownNotifications: Shown }).shownNotifications[0]?.click());
      await page.waitForFunction(() => /^#\/inbox\/\d+$/.test(window.location.hash));
      await page.waitForFunction(() => document.querySelector('[data-testid="thread"]')?.textContent?.includes('le responsable'));
      expect(errors).toEqual([]);
    });
  });

  describe('a shop created another way', () => {
    let harness: Harness;
    let page: Page;
    beforeAll(async () => {
      harness = await startHarness();
      page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
      page.setDefaultTimeout(15_000);
    });
    afterAll(async () => {
      await page?.close();
      await harness?.close();
    });

    it('goes straight to the app, even with the wizard left open at its first steps', async () => {
      await openApp(page, harness);
      await page.click('[data-testid="wizard-next"]');
      await step(page, 'shop');
      await call(harness.core, 'shops/create', { name: 'Made by the contract', currency: 'EUR' });
      await page.reload();
      await page.waitForSelector('.shell[data-testid="app-ready"]');
      expect(await page.$$eval('[data-testid="shop-switcher"] option', (os) => os.map((o) => o.textContent))).toContain(
        'Made by the contract',
      );
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
      // On a phone-sized window nothing runs off the side.
      await page.setViewportSize({ width: 390, height: 800 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await screenshot(page, 'wizard-catalog-ar-390');
      await page.setViewportSize({ width: 1280, height: 860 });

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
