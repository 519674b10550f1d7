/// <reference lib="dom" />
// The callback passed to page.waitForFunction runs in the browser: it needs DOM types.
import type { Page } from 'playwright-core';

/** The bot's replies on the inbox's test phone (messages coming in to the customer's phone). */
export const botReplies = (page: Page) => page.locator('[data-testid="phone-message"][data-direction="in"]');

/** Types a customer's message on the open test phone, sends it, and returns the bot's next reply once it shows. */
export async function customerSays(page: Page, text: string): Promise<string> {
  const before = await botReplies(page).count();
  await page.fill('[data-testid="test-phone-input"]', text);
  await page.click('[data-testid="test-phone-send"]');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="phone-message"][data-direction="in"]').length > n, before, {
    timeout: 20_000,
  });
  return (await botReplies(page).last().textContent()) ?? '';
}
