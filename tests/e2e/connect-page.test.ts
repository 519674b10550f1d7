/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeFakeSocketFactory } from '../../electron/core/channels/whatsapp/test-utils/fake-socket';
import { call } from '../../electron/core/test-utils/temp-core';
import { type Harness, chromiumAvailable, openApp, screenshot, startBrowserSession, sessionPerSuite } from './harness';

/** The Connect page against a real core whose WhatsApp socket is a double the test drives. */
describe.skipIf(!chromiumAvailable())('Connect page in headless Chromium', () => {
  let harness: Harness;
  let page: Page;
  let errors: string[];
  const sockets = makeFakeSocketFactory();

  sessionPerSuite(
    () =>
      startBrowserSession({
        core: { whatsapp: { socketFactory: sockets.factory } },
        prepare: async (core) => {
          await call(core, 'shops/create', { name: 'Boutique Amina', currency: 'DZD' });
        },
        context: { viewport: { width: 1280, height: 900 }, locale: 'en-US' },
      }),
    (session) => ({ harness, page, errors } = session),
  );

  it('shows the warning, links by QR with a countdown, then shows the connected number', async () => {
    await openApp(page, harness, '#connect');
    await page.waitForSelector('.shell[data-page="connect"]');
    expect(await page.textContent('.connect-warning')).toMatch(/may restrict numbers/);
    await page.click('.connect-link-form button[type="submit"]');
    await page.waitForFunction(() => document.body.textContent?.includes('Waiting for WhatsApp'));
    sockets.last().qr('ref-1');
    await page.waitForSelector('.connect-qr img[src^="data:image/png;base64,"]');
    expect(await page.textContent('.connect-card[aria-live]')).toMatch(/Expires in [23]:\d\d/);
    await screenshot(page, 'connect-qr-en');

    sockets.last().pairSuccess('213555000111:5@s.whatsapp.net');
    sockets.last().open();
    await page.waitForFunction(() => document.querySelector('.connect-phone')?.textContent === '+213555000111');
    expect(await page.textContent('article.connect-card')).toMatch(/Connected/);
    expect(await page.textContent('article.connect-card')).toMatch(/Today: 0 received, 0 sent/);
    await screenshot(page, 'connect-linked-en');
    expect(errors).toEqual([]);
  });

  it('saves who the bot answers with an excluded number', async () => {
    await page.click('article.connect-card button[aria-expanded]');
    await page.waitForSelector('.connect-policy');
    await page.check('.connect-policy input[type="radio"] >> nth=1');
    await page.fill('.connect-policy textarea', '+213 550 00 00 09');
    await page.click('.connect-policy button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('.connect-policy')?.textContent?.includes('Saved'));
    const shopId = (await call<{ id: number }[]>(harness.core, 'shops/list', {}))[0]?.id;
    const [account] = await call<{ accountId: number }[]>(harness.core, 'wa/get-overview', { shopId });
    const policy = await call<{ mode: string; excluded: { jid: string }[] }>(harness.core, 'wa/get-answer-policy', {
      shopId,
      accountId: account?.accountId,
    });
    expect(policy.mode).toBe('not_excluded');
    expect(policy.excluded.map((e) => e.jid)).toEqual(['213550000009@s.whatsapp.net']);
    await screenshot(page, 'connect-policy-en');
    expect(errors).toEqual([]);
  });
});
