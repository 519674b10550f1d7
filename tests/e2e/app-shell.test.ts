/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Callbacks passed to page.evaluate/waitForFunction run in the browser: they need DOM types.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_IDS } from '../../renderer/src/features/page-ids';
import { type Harness, chromiumAvailable, launchBrowser, openApp, screenshot, startHarness, watchErrors } from './harness';

// Browser steps on a shared 2-core machine: generous per-test time, short per-step waits (10 s).
describe.skipIf(!chromiumAvailable())('app shell in headless Chromium', { timeout: 90_000 }, () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    harness = await startHarness();
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('loads on an empty data folder with no console error, and the token leaves the address bar', async () => {
    await openApp(page, harness);
    // The first-run wizard (tests/e2e/wizard.test.ts walks all of it).
    expect(await page.getAttribute('[data-testid="app-ready"]', 'data-page')).toBe('wizard');
    expect(new URL(page.url()).searchParams.has('token')).toBe(false);
    await page.waitForSelector('[data-testid="status-bar"][data-state="connected"]');
    await screenshot(page, 'welcome-en');
    // The language can be chosen on the very first screen.
    await page.click('[data-testid="wizard-locale-ar"]');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await screenshot(page, 'welcome-ar');
    await page.click('[data-testid="wizard-locale-en"]');
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
    expect(errors).toEqual([]);
  });

  it('creates the first shop in the wizard, skips the rest and shows the shell', async () => {
    await page.click('[data-testid="wizard-next"]');
    await page.fill('input[name="shop-name"]', 'Boutique Yasmine');
    await page.click('[data-testid="wizard-next"]');
    await page.click('[data-testid="wizard-skip-all"]');
    await page.waitForSelector('.shell[data-testid="app-ready"]');
    const shops = await page.$$eval('[data-testid="shop-switcher"] option', (os) => os.map((o) => o.textContent));
    expect(shops).toContain('Boutique Yasmine');
    // A second shop from the switcher; the UI moves to it.
    await page.selectOption('[data-testid="shop-switcher"]', '__new__');
    await page.fill('.popover input[name="shop-name"]', 'Loja Rafael');
    await page.selectOption('.popover select[name="currency"]', 'BRL');
    await page.click('.popover button[type="submit"]');
    await page.waitForSelector('.popover', { state: 'detached' });
    const current = await page.$eval('[data-testid="shop-switcher"]', (el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent);
    expect(current).toBe('Loja Rafael');
    await page.selectOption('[data-testid="shop-switcher"]', { label: 'Boutique Yasmine' });
    expect(errors).toEqual([]);
  });

  it('navigates to every page by keyboard-reachable links and saves a screenshot of each', async () => {
    for (const id of PAGE_IDS) {
      await page.click(`[data-testid="nav-${id}"]`);
      await page.waitForSelector(`.shell[data-page="${id}"]`);
      expect(await page.getAttribute(`[data-testid="nav-${id}"]`, 'aria-current')).toBe('page');
      await screenshot(page, `page-${id}-en`);
    }
    // Alt+2 is the inbox, from anywhere.
    await page.keyboard.press('Alt+2');
    await page.waitForSelector('.shell[data-page="inbox"]');
    expect(errors).toEqual([]);
  });

  it('switching to Arabic flips the document and the layout to right-to-left, and is remembered', async () => {
    const sidebarBefore = await page.locator('.sidebar').boundingBox();
    expect(sidebarBefore?.x).toBe(0);
    await page.selectOption('[data-testid="language-picker"]', 'ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    const sidebar = await page.locator('.sidebar').boundingBox();
    const main = await page.locator('#main').boundingBox();
    // Mirrored: the sidebar now sits on the right edge, the content to its left.
    expect(sidebar && main && sidebar.x > main.x).toBe(true);
    expect(Math.round((sidebar?.x ?? 0) + (sidebar?.width ?? 0))).toBe(1280);
    expect(await page.textContent('[data-testid="nav-inbox"]')).toContain('الرسائل');
    for (const id of PAGE_IDS) {
      await page.click(`[data-testid="nav-${id}"]`);
      await page.waitForSelector(`.shell[data-page="${id}"]`);
      await screenshot(page, `page-${id}-ar`);
    }
    await page.reload();
    await page.waitForSelector('.shell[data-testid="app-ready"]');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.selectOption('[data-testid="language-picker"]', 'fr');
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
    expect(await page.textContent('[data-testid="nav-inbox"]')).toContain('Messages');
    expect(errors).toEqual([]);
  });

  it('the status bar follows the link to core: disconnected when it goes away, connected when it is back', async () => {
    await page.waitForSelector('[data-testid="status-bar"][data-state="connected"]');
    const quiet = errors.length;
    await harness.stopServer();
    await page.waitForSelector('[data-testid="status-bar"][data-state="disconnected"]');
    await screenshot(page, 'status-disconnected-fr');
    await harness.startServer();
    await page.waitForSelector('[data-testid="status-bar"][data-state="connected"]', { timeout: 20_000 });
    // Chromium logs the refused reconnection attempts itself; nothing else may have failed.
    expect(errors.slice(quiet).every((e) => /WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource/.test(e))).toBe(true);
    errors.length = quiet;
  });
});
