/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../electron/core/test-utils/temp-core';
import { completion, type FakeOpenAiServer, startFakeOpenAiServer } from '../../electron/core/test-utils/fake-openai-server';
import { type Harness, chromiumAvailable, openApp, screenshot, startBrowserSession, sessionPerSuite } from './harness';

const KEY = 'sk-e2e-VERY-SECRET-0123456789abcdef';

/** The Sales settings and Settings pages against a real core and a fake OpenAI-compatible endpoint. */
describe.skipIf(!chromiumAvailable())('Settings pages in headless Chromium', () => {
  let harness: Harness;
  let llm: FakeOpenAiServer;
  let page: Page;
  let errors: string[];
  let shopId: number;

  beforeAll(async () => {
    llm = await startFakeOpenAiServer();
  });
  sessionPerSuite(
    () =>
      startBrowserSession({
        prepare: async (core) => {
          shopId = (await call<{ id: number }>(core, 'shops/create', { name: 'Boutique Amina', currency: 'DZD' })).id;
        },
        context: { viewport: { width: 1280, height: 1000 }, locale: 'en-US' },
      }),
    (session) => ({ harness, page, errors } = session),
  );
  afterAll(async () => {
    await llm?.close();
  });

  it('saves sales settings and a write-only key that never comes back to the page', async () => {
    await openApp(page, harness, '#sales-settings');
    await page.waitForSelector('#max-discount');
    await page.check('input[name="intensity"][value="aggressive"]');
    await page.fill('#max-discount', '10');
    await page.selectOption('#llm-preset', 'ollama');
    expect(await page.inputValue('#llm-base-url')).toBe('http://127.0.0.1:11434/v1');
    expect(await page.textContent('#llm-key-state')).toBe('No key saved');
    await page.fill('#llm-base-url', llm.baseUrl);
    expect(await page.inputValue('#llm-preset')).toBe('custom');
    await page.fill('#llm-model', 'fake-model');
    await page.fill('#llm-vision-model', ' vision-mini ');
    await page.fill('#llm-key', KEY);
    await page.click('.settings-actions button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('.settings-actions [role="status"]')?.textContent === 'Saved.');

    const saved = await call<{
      sales: { intensity: string; maxDiscountPercent: number };
      llm: { apiKeySet: boolean; baseUrl: string; visionModel: string };
    }>(harness.core, 'settings/get', { shopId });
    expect(saved.sales).toMatchObject({ intensity: 'aggressive', maxDiscountPercent: 10 });
    expect(saved.llm).toMatchObject({ apiKeySet: true, baseUrl: llm.baseUrl, visionModel: 'vision-mini' });
    expect(await page.textContent('#llm-key-state')).toBe('A key is saved');
    expect(await page.inputValue('#llm-key')).toBe('');
    await page.reload();
    await page.waitForSelector('#llm-key-state');
    expect(await page.inputValue('#llm-vision-model')).toBe('vision-mini');
    expect(await page.content()).not.toContain(KEY);
    expect(errors).toEqual([]);
  });

  it('tests the connection with the saved key and reports the result in words', async () => {
    llm.script(completion('OK', 3));
    await page.click('text=Test connection');
    await page.waitForFunction(() => document.body.textContent?.includes('Working'));
    expect(llm.requests.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);
    llm.script({ kind: 'status', status: 401, body: { error: { message: `Incorrect API key provided: ${KEY}` } } });
    await page.click('text=Test connection');
    await page.waitForFunction(() => document.body.textContent?.includes('Not working'));
    expect(await page.content()).not.toContain(KEY);
    await screenshot(page, 'sales-settings-en');
  });

  it('rejects an out-of-range discount with a message next to the field', async () => {
    await page.fill('#max-discount', '95');
    await page.click('.settings-actions button[type="submit"]');
    await page.waitForSelector('#max-discount[aria-invalid="true"]');
    expect(await page.textContent('#max-discount-hint')).toMatch(/0 to 90/);
    const saved = await call<{ sales: { maxDiscountPercent: number } }>(harness.core, 'settings/get', { shopId });
    expect(saved.sales.maxDiscountPercent).toBe(10);
  });

  it('edits delivery zones from the keyboard and saves the shop facts, in Arabic too', async () => {
    await openApp(page, harness, '#settings');
    await page.waitForSelector('text=Add a zone');
    await page.click('text=Add a zone');
    // Focus moves to the new row's name: type straight away, Tab through the row.
    await page.keyboard.type('Oran');
    await page.keyboard.press('Tab');
    await page.keyboard.type('600');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2-3');
    await page.check('text=BaridiMob');
    await page.fill('#return-policy', 'Échange sous 7 jours.');
    await page.fill('#time-zone', 'Africa/Algiers');
    expect(await page.isChecked('input[name="pacing"][value="normal"]')).toBe(true);
    await page.check('input[name="pacing"][value="careful"]');
    await page.click('.settings-actions button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('.settings-actions [role="status"]')?.textContent === 'Saved.');
    const saved = await call<{
      facts: { deliveryZones: unknown[]; paymentMethods: string[]; returnPolicy: string };
      bot: { pacing: string };
    }>(harness.core, 'settings/get', { shopId });
    expect(saved.facts.deliveryZones).toEqual([{ name: 'Oran', fee: 600, delayDays: '2-3' }]);
    expect(saved.bot.pacing).toBe('careful');
    expect(saved.facts.paymentMethods).toEqual(['cash_on_delivery', 'baridimob']);

    await page.selectOption('[data-testid="language-picker"]', 'ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.textContent('#page-title')).toBe('الإعدادات');
    await screenshot(page, 'settings-facts-ar');
    await page.selectOption('[data-testid="language-picker"]', 'en');
    expect(errors).toEqual([]);
  });
});
