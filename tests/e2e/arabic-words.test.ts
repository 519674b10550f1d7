/// <reference lib="dom" />
import net from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noPacing, noRateLimits } from '../../electron/core/pipeline/policies';
import { call } from '../../electron/core/test-utils/temp-core';
import { type BrowserSession, type Harness, chromiumAvailable, openApp, screenshot, startBrowserSession } from './harness';

/** A loopback port nothing listens on: what "no internet / firewall" looks like to the socket. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A seller who reads only Arabic: the real Baileys socket cannot reach WhatsApp, an import file
 * has bad rows; every word on screen is Arabic, Latin names and values kept apart.
 */
describe.skipIf(!chromiumAvailable())('Arabic seller: linking without network, import errors, a dead AI model', { timeout: 60_000 }, () => {
  let session: BrowserSession | undefined;
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let deadLlmPort = 0;

  beforeAll(async () => {
    const port = await closedPort();
    deadLlmPort = await closedPort();
    session = await startBrowserSession({
      core: {
        pacing: noPacing,
        rateLimits: noRateLimits,
        whatsapp: { socketConfig: { waWebSocketUrl: `ws://127.0.0.1:${port}/ws`, connectTimeoutMs: 3000 } },
      },
      prepare: async (core) => {
        await call(core, 'shops/create', { name: 'Boutique Amina', currency: 'DZD' });
      },
      context: { viewport: { width: 1280, height: 900 }, locale: 'en-US' },
    });
    ({ harness, browser, page, errors } = session);
    await openApp(page, harness, '#connect');
    await page.selectOption('[data-testid="language-picker"]', 'ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  });
  afterAll(async () => {
    await session?.close();
  });

  it('says WhatsApp could not be reached, with Try again on the same card', async () => {
    await page.click('[data-testid="nav-connect"]');
    await page.click('.connect-link-form button[type="submit"]');
    const detail = page.locator('[data-testid="account-detail"]');
    await detail.waitFor({ timeout: 15_000 });
    expect(await detail.textContent()).toContain('تعذّر الوصول إلى خوادم واتساب');
    expect(await detail.textContent()).not.toMatch(/[A-Za-z]{3,}/);
    await screenshot(page, 'connect-no-network-ar');
    // Trying again fails the same way on the same card: never a second, empty card.
    await page.click('[data-testid="retry-link"]');
    await page.waitForTimeout(300);
    await detail.waitFor({ timeout: 15_000 });
    await page.click('.connect-link-form button[type="submit"]');
    await page.waitForTimeout(300);
    await page.locator('[data-testid="retry-link"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('article.connect-card').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('words import row errors in Arabic, the bad value isolated', async () => {
    await page.click('[data-testid="nav-catalog"]');
    await page.click('text=استيراد');
    const csv = [
      'sku,name,price,stock',
      'KAF-01,Caftan Fès,"12 500",3',
      'KAF-02,Takchita Nour,"1,200.50.3",2',
      'KAF-03,Jebba Kabyle,9000,beaucoup',
    ].join('\n');
    await page.setInputFiles('#catalog-file', { name: 'catalogue.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const bad = page.locator('.catalog-bad-rows');
    await bad.waitFor({ timeout: 10_000 });
    const text = (await bad.textContent()) ?? '';
    expect(text).toContain('يمكن قراءته بأكثر من طريقة');
    expect(text).toContain('\u20681,200.50.3\u2069');
    expect(text).toContain('ليس عددًا صحيحًا');
    // Only the file's own values are in Latin letters.
    expect(text.replace(/\u2068[^\u2069]*\u2069/g, '').replace(/KAF-0\d/g, '')).not.toMatch(/[A-Za-z]{3,}/);
    await screenshot(page, 'import-errors-ar');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="import-dialog"]', { state: 'detached' });
    expect(errors).toEqual([]);
  });

  it('warns on every page while the AI model fails, with since when and a link to the settings', async () => {
    const [shop] = await call<{ id: number }[]>(harness.core, 'shops/list', {});
    // A local endpoint (no key needed) on a port nothing listens on: every call fails at once.
    await call(harness.core, 'settings/update', {
      shopId: shop?.id,
      patch: { llm: { baseUrl: `http://127.0.0.1:${deadLlmPort}/v1`, model: 'llama3' } },
    });
    await page.click('[data-testid="nav-inbox"]');
    await page.click('[data-testid="toggle-test-phone"]');
    await page.fill('[data-testid="test-phone-input"]', 'السلام، بشحال القفطان؟');
    await page.click('[data-testid="test-phone-send"]');
    const banner = page.locator('[data-testid="llm-failing"]');
    await banner.waitFor({ timeout: 20_000 });
    const text = (await banner.textContent()) ?? '';
    expect(text).toContain('نموذج الذكاء الاصطناعي لا يجيب منذ');
    expect(text).toMatch(/\d{2}:\d{2}/); // the time, in Western digits
    expect(text).toContain(`\u2068127.0.0.1:${deadLlmPort}\u2069`);
    // The customer still got an answer (the built-in replies).
    await page.waitForSelector('[data-testid="phone-message"][data-direction="in"]', { timeout: 15_000 });
    await screenshot(page, 'llm-failing-ar');
    await page.click('[data-testid="llm-failing-settings"]');
    await page.waitForSelector('.shell[data-page="sales-settings"]');
    expect(await page.locator('[data-testid="llm-failing"]').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('core remembers Arabic: another browser opens in Arabic, and without the token it says how to open Souqbot in Arabic', async () => {
    const other = await browser.newContext({ viewport: { width: 1024, height: 700 }, locale: 'fr-FR' });
    const locked = await other.newPage();
    const response = await locked.goto(harness.server.url);
    expect(response?.status()).toBe(401);
    expect(await locked.getAttribute('html', 'dir')).toBe('rtl');
    expect(await locked.textContent('[data-testid="locked-page"]')).toContain('افتح سوق بوت من عنوانه الخاص');
    await screenshot(locked, 'locked-page-ar');
    const app = await other.newPage();
    await openApp(app, harness, '#/inbox');
    await app.waitForFunction(() => document.documentElement.lang === 'ar' && document.documentElement.dir === 'rtl');
    await other.close();
  });
});
