/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDeterministicBrain } from '../../electron/core/test-utils/deterministic-brain';
import type { Brain } from '../../electron/core/brain/types';
import { IntakePausedError } from '../../electron/core/pipeline/intake-guard';
import { noPacing, noRateLimits } from '../../electron/core/pipeline/policies';
import { type BrowserSession, type Harness, chromiumAvailable, openApp, screenshot, startBrowserSession } from './harness';

/** Answers like the deterministic brain, except that a turn mentioning "corrupt" always fails. */
const brittleBrain = (): Brain => {
  const honest = makeDeterministicBrain();
  return {
    decide: async (input) => {
      if (input.text.includes('corrupt')) throw new Error('catalog page 4 is corrupt');
      return honest.decide(input);
    },
  };
};

describe.skipIf(!chromiumAvailable())('what the seller sees when the machine fails', { timeout: 90_000 }, () => {
  let session: BrowserSession | undefined;
  let harness: Harness;
  let page: Page;
  let errors: string[];
  let accountId = 0;

  beforeAll(async () => {
    session = await startBrowserSession({
      core: {
        pacing: noPacing,
        rateLimits: noRateLimits,
        brain: brittleBrain(),
        storageRetryMs: 50,
        retry: { baseMs: 20, capMs: 40, parkAfter: 3 },
      },
      prepare: async (core) => {
        const shop = await core.ctx.repos.shops.create({ name: 'Quincaillerie Sfax', currency: 'TND', now: new Date().toISOString() });
        accountId = core.ctx.testPhone.accountFor(shop.id);
      },
      context: { viewport: { width: 1280, height: 800 }, locale: 'fr-FR' },
      timeoutMs: 10_000,
    });
    ({ harness, page, errors } = session);
    await openApp(page, harness, '#/inbox');
    await page.waitForSelector('[data-testid="status-bar"][data-state="connected"]');
  });
  afterAll(async () => {
    await session?.close();
  });

  const customer = (id: string, text: string, from: string) => {
    try {
      harness.core.ctx.pipeline.sink.acceptNow({
        accountId,
        channelMessageId: id,
        from,
        kind: 'text',
        text: `${text} ${'x'.repeat(3000)}`,
        at: new Date().toISOString(),
      });
    } catch (err) {
      if (!(err instanceof IntakePausedError)) throw err;
    }
  };

  it('shows a full disk in the status bar while intake is paused, and clears it once space returns', async () => {
    const db = harness.core.ctx.store.sqlite;
    db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + 1}`);
    for (let i = 0; i < 20; i++) customer(`D-${i}`, `message ${i}`, '216200000001@s.whatsapp.net');
    await page.waitForSelector('[data-testid="status-bar"][data-state="disk_full"]');
    expect(await page.textContent('[data-testid="status-bar"]')).toContain('Le disque est plein');
    await screenshot(page, 'status-disk-full-fr');
    db.pragma('max_page_count = 1073741823');
    await page.waitForSelector('[data-testid="status-bar"][data-state="connected"]');
    await harness.core.ctx.pipeline.drain();
    expect((db.prepare("SELECT count(*) AS n FROM messages WHERE direction = 'in'").get() as { n: number }).n).toBe(20);
  });

  it('shows a turn the bot gave up on in the conversation, in the seller’s language', async () => {
    customer('P-1', 'le prix de la pièce corrupt ?', '216200000002@s.whatsapp.net');
    await expect
      .poll(() => harness.core.ctx.store.sqlite.prepare('SELECT count(*) AS n FROM messages WHERE turn_state = 2').pluck().get(), {
        timeout: 5000,
      })
      .toBe(1);
    const row = page.locator('[data-testid="conversation-row"][data-conversation-id]', { hasText: 'corrupt' }).first();
    await row.waitFor();
    await row.click();
    const banner = page.locator('[data-testid="escalation"]');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Souqbot n’a pas pu répondre');
    await screenshot(page, 'inbox-parked-turn-fr');
    expect(errors).toEqual([]);
  });

  it('deletes a customer’s data from the conversation, after a confirmation', async () => {
    const row = page.locator('[data-testid="conversation-row"][data-conversation-id]', { hasText: 'corrupt' }).first();
    await row.click();
    await page.click('[data-testid="delete-customer"]');
    await page.waitForSelector('[data-testid="confirm-delete-customer"]');
    await screenshot(page, 'inbox-delete-customer-fr');
    await page.click('[data-testid="confirm-delete-customer"] button.danger');
    await row.waitFor({ state: 'detached' });
    const db = harness.core.ctx.store.sqlite;
    expect(db.prepare("SELECT count(*) FROM contacts WHERE jid = '216200000002@s.whatsapp.net'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM messages WHERE text LIKE '%corrupt%'").pluck().get()).toBe(0);
    expect(errors).toEqual([]);
  });
});
