/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Callbacks passed to page.evaluate/waitForFunction run in the browser: they need DOM types.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { noPacing, noRateLimits } from '../../electron/core/pipeline/policies';
import { type Harness, chromiumAvailable, openApp, screenshot, startBrowserSession, sessionPerSuite } from './harness';

const CUSTOMER = '+213550000001';

/**
 * The seller's day, issue 3: the test phone writes as a customer, the bot answers live in the
 * inbox, the seller takes over, answers with a quick reply, and gives the chat back.
 */
// Browser steps on a shared 2-core machine: generous per-test time, short per-step waits (10 s).
describe.skipIf(!chromiumAvailable())('inbox flow with the test phone', { timeout: 90_000 }, () => {
  let harness: Harness;
  let page: Page;
  let errors: string[];

  sessionPerSuite(
    () =>
      startBrowserSession({
        // Humanlike pacing (debounce, typing delay, gaps) is tested on its own; here it would only add seconds.
        core: { pacing: noPacing, rateLimits: noRateLimits },
        prepare: async (core) => {
          await core.ctx.repos.shops.create({ name: 'Boutique Nour', currency: 'DZD', now: new Date().toISOString() });
        },
        context: { viewport: { width: 1440, height: 860 }, locale: 'fr-FR' },
        timeoutMs: 10_000,
      }),
    (session) => ({ harness, page, errors } = session),
  );
  beforeAll(async () => {
    await openApp(page, harness, '#/inbox');
  });

  const outbound = (author: 'bot' | 'seller') => page.locator(`[data-testid="thread"] [data-testid="message"][data-author="${author}"]`);

  it('sends from the test phone and sees the bot reply appear live, on the phone and in the inbox', async () => {
    await page.click('[data-testid="toggle-test-phone"]');
    await page.fill('[data-testid="test-phone-number"]', CUSTOMER);
    await page.fill('[data-testid="test-phone-input"]', 'Salam, 3andkom des robes ?');
    await page.click('[data-testid="test-phone-send"]');
    // The customer's own bubble, then the shop's answer on the phone (pushed, no reload).
    await page.waitForSelector('[data-testid="phone-message"][data-direction="out"]');
    await page.waitForSelector('[data-testid="phone-message"][data-direction="in"]', { timeout: 15_000 });
    // The conversation appears in the list by itself; open it.
    const row = page.locator('[data-testid="conversation-row"][data-conversation-id]').first();
    await row.waitFor();
    await row.click();
    await page.waitForSelector('[data-testid="thread"] [data-direction="in"]');
    await outbound('bot').first().waitFor({ timeout: 15_000 });
    expect(await page.textContent('[data-testid="thread"] [data-direction="in"]')).toContain('3andkom des robes');
    expect(await outbound('bot').count()).toBeGreaterThan(0);

    // A second message while the thread is open: the reply arrives through events alone.
    const before = await outbound('bot').count();
    await page.fill('[data-testid="test-phone-input"]', 'Bchhal ?');
    await page.click('[data-testid="test-phone-send"]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="thread"] [data-author="bot"]').length > n, before, {
      timeout: 15_000,
    });
    await screenshot(page, 'inbox-flow-bot-replied-fr');
  });

  it('takes over, answers with a quick reply typed as /name, and the customer receives it', async () => {
    await page.click('[data-testid="toggle-takeover"]');
    await page.waitForSelector('[data-testid="thread"][data-takeover="true"]');
    await page.waitForSelector('[data-testid="takeover-banner"]');

    await page.click('[data-testid="manage-quick-replies"]');
    await page.fill('input[name="qr-name"]', 'livraison');
    await page.fill('textarea[name="qr-text"]', 'La livraison à Alger prend 24 à 48 h.');
    await page.click('[data-testid="quick-replies-dialog"] button[type="submit"]');
    await page.waitForSelector('[data-testid="quick-replies-dialog"] .qr-list li');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="quick-replies-dialog"]', { state: 'detached' });

    await page.click('[data-testid="reply-input"]');
    await page.keyboard.type('Bonjour ! /livr');
    await page.waitForSelector('[data-testid="quick-suggestions"]');
    await page.keyboard.press('Enter'); // inserts the highlighted quick reply
    expect(await page.inputValue('[data-testid="reply-input"]')).toBe('Bonjour ! La livraison à Alger prend 24 à 48 h.');
    await page.keyboard.press('Enter'); // sends
    await outbound('seller').first().waitFor();
    expect(await outbound('seller').first().textContent()).toContain('La livraison à Alger prend 24 à 48 h.');
    // Cleared once core accepted it (the pushed bubble may come first).
    await page.waitForFunction(() => document.querySelector<HTMLTextAreaElement>('[data-testid="reply-input"]')?.value === '');
    // The seller's message reaches the customer's phone, and its tick moves past "pending".
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-testid="phone-message"][data-direction="in"]')].some((e) =>
          e.textContent?.includes('24 à 48 h'),
        ),
      undefined,
      { timeout: 15_000 },
    );
    await page.waitForFunction(() => {
      const status = document.querySelector('[data-testid="thread"] [data-author="seller"]')?.getAttribute('data-status');
      return status === 'sent' || status === 'delivered' || status === 'read';
    });
    await screenshot(page, 'inbox-flow-takeover-fr');
  });

  it('while taken over the bot stays silent; after giving back it answers again', async () => {
    const botBefore = await outbound('bot').count();
    await page.fill('[data-testid="test-phone-input"]', 'Merci, et pour Oran ?');
    await page.click('[data-testid="test-phone-send"]');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="thread"] [data-direction="in"]')].some((e) => e.textContent?.includes('pour Oran')),
    );
    await page.waitForTimeout(1500);
    expect(await outbound('bot').count()).toBe(botBefore);

    await page.click('[data-testid="toggle-takeover"]');
    await page.waitForSelector('[data-testid="thread"][data-takeover="false"]');
    await page.fill('[data-testid="test-phone-input"]', 'Vous avez la taille M ?');
    await page.click('[data-testid="test-phone-send"]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="thread"] [data-author="bot"]').length > n, botBefore, {
      timeout: 15_000,
    });
    expect(errors).toEqual([]);
  });

  it('in approval mode the bot drafts; the seller edits and approves one, rejects another', async () => {
    const [shop] = await harness.core.ctx.repos.shops.list();
    const shopId = shop?.id ?? 0;
    const updated = await harness.core.app.dispatch('settings/update', { shopId, patch: { bot: { approvalMode: true } } });
    expect(updated.ok).toBe(true);

    await page.fill('[data-testid="test-phone-input"]', 'Je veux commander la robe bleue');
    await page.click('[data-testid="test-phone-send"]');
    const draft = page.locator('[data-testid="thread"] [data-testid="message"][data-status="draft"]');
    await draft.waitFor({ timeout: 15_000 });
    await page.waitForSelector('[data-testid="thread"][data-status="pending_approval"]');
    await screenshot(page, 'inbox-flow-draft-fr');
    await draft.locator('button', { hasText: 'Modifier' }).click();
    await draft.locator('textarea').fill('Avec plaisir ! Quelle taille voulez-vous ?');
    await draft.locator('button.primary').click();
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-testid="phone-message"][data-direction="in"]')].some((e) =>
          e.textContent?.includes('Quelle taille voulez-vous'),
        ),
      undefined,
      { timeout: 15_000 },
    );

    await page.fill('[data-testid="test-phone-input"]', 'Et la verte ?');
    await page.click('[data-testid="test-phone-send"]');
    await draft.first().waitFor({ timeout: 15_000 });
    await draft.first().locator('button.danger').click();
    await page.waitForSelector('[data-testid="thread"] [data-testid="message"][data-status="rejected"]');
    expect(await draft.count()).toBe(0);
    await harness.core.app.dispatch('settings/update', { shopId, patch: { bot: { approvalMode: false } } });
    expect(errors).toEqual([]);
  });

  it('shows the same conversation correctly in Arabic (RTL bubbles and list)', async () => {
    await page.selectOption('[data-testid="language-picker"]', 'ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.fill('[data-testid="test-phone-input"]', 'السلام عليكم، بشحال الصباط؟');
    await page.click('[data-testid="test-phone-send"]');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="thread"] [data-direction="in"]')].some((e) => e.textContent?.includes('بشحال')),
    );
    // In RTL the customer's bubbles sit on the right, the shop's on the left.
    const inbound = await page.locator('[data-testid="thread"] [data-direction="in"]').last().boundingBox();
    const out = await page.locator('[data-testid="thread"] [data-direction="out"]').last().boundingBox();
    expect(inbound && out && inbound.x + inbound.width > out.x + out.width).toBe(true);
    await page.waitForTimeout(800);
    await screenshot(page, 'inbox-flow-ar');
    expect(errors).toEqual([]);
  });

  it('shows why a conversation needs the seller, under the "waiting for you" filter; blocking silences the bot', async () => {
    await page.fill('[data-testid="test-phone-number"]', '+213550000077');
    await page.fill('[data-testid="test-phone-input"]', 'Je veux parler à une vraie personne, pas à un robot');
    await page.click('[data-testid="test-phone-send"]');
    await page.click('[data-testid="filter-waiting_human"]');
    const row = page.locator('[data-testid="conversation-row"][data-conversation-id]', { hasText: '213550000077' });
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    const banner = page.locator('[data-testid="escalation"]');
    await banner.waitFor();
    const [shop] = await harness.core.ctx.repos.shops.list();
    const listed = await harness.core.ctx.repos.conversations.list({ shopId: shop?.id ?? 0, status: 'waiting_human', offset: 0, limit: 5 });
    const reasons = listed.items.find((c) => c.contactJid.startsWith('213550000077'))?.escalation ?? [];
    expect(reasons.map((n) => n.code)).toContain('human_request');
    // Worded in the seller's language from the code: no English, no raw code, no JSON.
    const text = (await banner.textContent()) ?? '';
    expect(text).toContain('الزبون طلب التحدث مع شخص');
    expect(text).not.toMatch(/[A-Za-z]{3,}|[{}[\]]/);
    await screenshot(page, 'inbox-escalated-ar');

    await page.click('[data-testid="block"]');
    await page.click('[role="alertdialog"] button.danger');
    await page.waitForSelector('[data-testid="block"]', { state: 'detached' });
    const before = await outbound('bot').count();
    await page.fill('[data-testid="test-phone-input"]', 'Allo ?');
    await page.click('[data-testid="test-phone-send"]');
    await page.waitForTimeout(1500);
    expect(await outbound('bot').count()).toBe(before);
    expect(errors).toEqual([]);
  });
});
