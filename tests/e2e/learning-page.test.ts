/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/test-utils/temp-core';
import { seedOrderedConversations } from '../../electron/core/learning/test-utils/seed-sales';
import { type Harness, chromiumAvailable, openApp, screenshot, startBrowserSession, sessionPerSuite } from './harness';

const EXCHANGES = [
  { question: 'Vous faites des emballages cadeaux ?', answer: 'Oui, emballage cadeau offert.' },
  { question: 'est ce que vous livrez le samedi à Blida ?', answer: 'Oui, le samedi aussi, 400 DA.' },
  { question: 'wach t9dro tbadlo la taille ila ma jatnich ?', answer: 'Ih, tbadel fi 7 ayam.' },
];

/** The Learning page against a real core: reached from the navigation, Learn now, approve / edit / dismiss, strategies. */
describe.skipIf(!chromiumAvailable())('Learning page in headless Chromium', () => {
  let harness: Harness;
  let page: Page;
  let errors: string[];
  let shopId: number;

  sessionPerSuite(
    () =>
      startBrowserSession({
        prepare: async (core) => {
          shopId = (await call<{ id: number }>(core, 'shops/create', { name: 'Dar Lalla', currency: 'DZD' })).id;
          const sqlite = core.ctx.store.sqlite;
          seedOrderedConversations(sqlite, shopId, EXCHANGES, 6);
          const arm = sqlite.prepare('INSERT INTO bandit_arms (shop_id, segment, strategy, tries, orders) VALUES (?, ?, ?, ?, ?)');
          arm.run(shopId, 'new:fr', 'emotional', 120, 9);
          arm.run(shopId, 'new:fr', 'rational', 80, 3);
          // The last seeded customer said stop after ordering.
          const last = sqlite
            .prepare<[number], { id: number; account_id: number; contact_id: number }>(
              'SELECT id, account_id, contact_id FROM conversations WHERE shop_id = ? ORDER BY id DESC LIMIT 1',
            )
            .get(shopId)!;
          const stop = sqlite
            .prepare(
              "INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, kind, text, status, created_at) VALUES (?, ?, ?, 'in', 'customer', 'text', 'stop svp', 'received', '2026-03-01T12:00:00.000Z')",
            )
            .run(shopId, last.account_id, last.id);
          sqlite
            .prepare("INSERT INTO opt_outs (contact_id, shop_id, message_id, created_at) VALUES (?, ?, ?, '2026-03-01T12:00:00.000Z')")
            .run(last.contact_id, shopId, Number(stop.lastInsertRowid));
        },
        context: { viewport: { width: 1280, height: 1000 }, locale: 'en-US' },
      }),
    (session) => ({ harness, page, errors } = session),
  );

  const items = () => page.locator('.knowledge-list .knowledge-item');
  const entries = async (status: 'pending' | 'active' | 'dismissed') =>
    (
      await call<{ entries: Array<{ knowledgeId: number; question: string; answer: string }> }>(harness.core, 'learning/get-overview', {
        shopId,
        status,
      })
    ).entries;

  it('learns from sales on demand, then the seller approves, edits and dismisses what it learned', async () => {
    await openApp(page, harness);
    await page.click('[data-testid="nav-learning"]');
    await page.waitForSelector('text=Learned 0 answers this week from 0 sales.');
    await page.getByRole('button', { name: 'Learn now' }).click();
    await page.waitForSelector('text=Analysed 6 sales: 3 new answers, 3 merged with similar ones.');
    await page.waitForSelector('text=Learned 3 answers this week from 6 sales.');
    expect(await items().count()).toBe(3);
    await screenshot(page, 'learning-page');

    const gift = items().filter({ hasText: 'emballages cadeaux' });
    await expect.poll(() => gift.textContent()).toContain('from 2 sales');
    await gift.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => items().count()).toBe(2);

    const size = items().filter({ hasText: 'taille' });
    await size.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Answer', { exact: true }).fill('Oui, échange de taille sous 7 jours.');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => items().filter({ hasText: 'échange de taille sous 7 jours' }).count()).toBe(1);

    await items().filter({ hasText: 'samedi' }).getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => items().count()).toBe(1);

    expect((await entries('active')).map((e) => e.question)).toEqual(['Vous faites des emballages cadeaux ?']);
    expect((await entries('dismissed')).map((e) => e.question)).toEqual(['est ce que vous livrez le samedi à Blida ?']);
    expect((await entries('pending')).map((e) => e.answer)).toEqual(['Oui, échange de taille sous 7 jours.']);

    // The conversation an entry came from is one click away.
    await items().first().getByRole('button', { name: 'Open the conversation' }).click();
    await page.waitForFunction(() => window.location.hash === '#/inbox');
    // Beside that thread, what Souqbot remembers about the customer; the seller corrects it.
    const panel = page.getByTestId('profile-panel');
    await panel.locator('summary').click();
    await panel.getByText('1 orders').waitFor();
    await panel.getByRole('button', { name: 'Edit' }).click();
    await panel.getByLabel('Name').fill('Amina Saidi');
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.getByText('Amina Saidi').waitFor();
    expect(errors).toEqual([]);
  });

  it('shows each strategy with its tries, orders, rate and interval, and switches the algorithm', async () => {
    await page.click('[data-testid="nav-learning"]');
    const table = page.getByRole('table', { name: 'Selling strategies' });
    await table.waitFor();
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows[0]).toContain('New (fr)');
    expect(rows[0]).toContain('Emotional');
    expect(rows[0]).toContain('120');
    expect(rows[0]).toContain('7.5 %');
    expect(rows[1]).toContain('Rational');
    await page.getByLabel('How strategies are chosen').selectOption('epsilon_greedy');
    await expect
      .poll(
        async () =>
          (await call<{ sales: { strategyAlgorithm: string } }>(harness.core, 'settings/get', { shopId })).sales.strategyAlgorithm,
      )
      .toBe('epsilon_greedy');
    expect(errors).toEqual([]);
  });

  it('lists the customers who said stop, and opts one back in when the seller confirms they asked again', async () => {
    await page.click('[data-testid="nav-inbox"]');
    await page.click('[data-testid="nav-learning"]');
    const list = page.getByRole('list', { name: 'Customers who said stop' });
    const row = list.getByRole('listitem').filter({ hasText: 'Client 5' });
    await row.waitFor();
    expect(await row.textContent()).toContain('stop svp');
    await screenshot(page, 'learning-opt-outs');
    // Dismissing the confirmation keeps the opt-out.
    page.once('dialog', (d) => void d.dismiss());
    await row.getByRole('button', { name: 'Opt back in' }).click();
    expect(await call<unknown[]>(harness.core, 'learning/list-opt-outs', { shopId })).toHaveLength(1);
    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: 'Opt back in' }).click();
    await page.getByText('Nobody asked to stop.').waitFor();
    expect(await call<unknown[]>(harness.core, 'learning/list-opt-outs', { shopId })).toEqual([]);
    expect(errors).toEqual([]);
  });
});
