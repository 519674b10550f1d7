/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Callbacks passed to page.evaluate/waitForFunction run in the browser: they need DOM types.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeedResult, seedConversations } from '../../electron/core/test-utils/seed-conversations';
import { type BrowserSession, type Harness, chromiumAvailable, openApp, screenshot, startBrowserSession } from './harness';

const COUNT = 10_000;

// Browser steps on a shared 2-core machine: generous per-test time, short per-step waits (10 s).
describe.skipIf(!chromiumAvailable())('inbox with 10,000 conversations', { timeout: 90_000 }, () => {
  let session: BrowserSession | undefined;
  let harness: Harness;
  let page: Page;
  let errors: string[];
  let seeded: SeedResult;

  beforeAll(async () => {
    session = await startBrowserSession({
      prepare: async (core) => {
        const shop = await core.ctx.repos.shops.create({ name: 'Big shop', currency: 'DZD', now: new Date().toISOString() });
        seeded = seedConversations(core.ctx.store, { shopId: shop.id, count: COUNT });
        console.log(`seeded ${COUNT} conversations in ${seeded.ms.toFixed(0)} ms`);
      },
      context: { viewport: { width: 1280, height: 800 }, locale: 'en-US' },
      timeoutMs: 10_000,
    });
    ({ harness, page, errors } = session);
    await openApp(page, harness, '#/inbox');
    await page.waitForSelector('[data-testid="conversation-row"][data-conversation-id]');
  });
  afterAll(async () => {
    await session?.close();
  });

  const rowsInDom = () => page.locator('[data-testid="conversation-row"]').count();

  it('keeps fewer than 100 rows in the DOM and knows the full count', async () => {
    // The count is written for the locale (10,000 / 10 000): compare its digits.
    expect((await page.textContent('[data-testid="inbox-count"]'))?.replace(/\D/g, '')).toBe(String(COUNT));
    const rows = await rowsInDom();
    expect(rows).toBeGreaterThan(5);
    expect(rows).toBeLessThan(100);
    // Newest activity first: the last seeded conversation heads the list.
    expect(await page.getAttribute('[data-index="0"]', 'data-conversation-id')).toBe(String(seeded.conversationIds.at(-1)));
    await screenshot(page, 'inbox-10k-top');
  });

  it('scrolls to the end and shows the last conversation in under a second', async () => {
    const lastId = seeded.conversationIds[0];
    // Measured inside the page: from the scroll to the frame where the oldest conversation is rendered.
    const ms = await page.evaluate(async (id) => {
      const list = document.querySelector<HTMLElement>('[data-testid="conversation-list"]');
      if (!list) throw new Error('no list');
      const started = performance.now();
      list.scrollTop = list.scrollHeight;
      return new Promise<number>((resolve, reject) => {
        const check = () => {
          if (document.querySelector(`[data-conversation-id="${id}"]`)) resolve(performance.now() - started);
          else if (performance.now() - started > 10_000) reject(new Error('last conversation never appeared'));
          else requestAnimationFrame(check);
        };
        check();
      });
    }, lastId);
    console.log(`inbox: scroll to the end of ${COUNT} conversations → last row visible in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(1000);
    expect(await rowsInDom()).toBeLessThan(100);
    expect(await page.textContent(`[data-conversation-id="${lastId}"]`)).toContain('00000');
    await screenshot(page, 'inbox-10k-end');
  });

  it('moves between conversations with the arrow keys', async () => {
    await page.evaluate(() => {
      const list = document.querySelector<HTMLElement>('[data-testid="conversation-list"]');
      if (list) list.scrollTop = 0;
    });
    await page.focus('[data-testid="conversation-row"][data-index="0"]');
    // One key at a time, as a person types: each press moves focus one row down.
    for (let i = 1; i <= 3; i++) {
      await page.keyboard.press('ArrowDown');
      await page.waitForFunction((n) => (document.activeElement as HTMLElement | null)?.dataset.index === String(n), i);
    }
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="thread"]');
    expect(await page.textContent('[data-testid="thread"] h2')).toContain(String(9_996).padStart(5, '0'));
  });

  it('searches and filters on the server', async () => {
    await page.fill('[data-testid="inbox-search"]', '09999');
    await page.waitForFunction(() => document.querySelector('[data-testid="inbox-count"]')?.textContent?.startsWith('1 '));
    expect(await page.getAttribute('[data-index="0"]', 'data-conversation-id')).toBe(String(seeded.conversationIds.at(-1)));
    await page.fill('[data-testid="inbox-search"]', '');
    await page.click('[data-testid="filter-resolved"]');
    await page.waitForSelector('.list-empty');
    await page.click('[data-testid="filter-all"]');
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="inbox-count"]')?.textContent?.replace(/\D/g, '') === String(n),
      COUNT,
    );
    expect(errors).toEqual([]);
  });
});
