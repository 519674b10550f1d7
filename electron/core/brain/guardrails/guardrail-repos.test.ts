import { describe, expect, it } from 'vitest';
import { openTestStore } from '../../test-utils/test-store';
import type { Store } from '../../database';
import { makeCustomerNumbersRepo } from './customer-numbers-repo';
import { deleteViolationsOf } from './erase-contact-repo';
import { makeViolationsRepo } from './violations-repo';

/** Two shops, each with one contact in one conversation: shop 1's conversation 1, shop 2's conversation 2. */
function twoShops(store: Store): void {
  store.sqlite.exec(`
    INSERT INTO shops (id, name, currency, created_at) VALUES (1, 'A', 'DZD', 'n'), (2, 'B', 'DZD', 'n');
    INSERT INTO accounts (id, shop_id, channel, label, status, created_at) VALUES (1, 1, 'simulator', 'a', 'connected', 'n'), (2, 2, 'simulator', 'b', 'connected', 'n');
    INSERT INTO contacts (id, shop_id, jid, created_at) VALUES (1, 1, '213550123456@s.whatsapp.net', 'n'), (2, 2, '33612345678@s.whatsapp.net', 'n');
    INSERT INTO conversations (id, shop_id, account_id, contact_id, created_at) VALUES (1, 1, 1, 1, 'n'), (2, 2, 2, 2, 'n');
  `);
}

const entry = (shopId: number, conversationId: number | null, reply: string) => ({
  shopId,
  conversationId,
  source: 'llm' as const,
  reply,
  action: 'regenerated' as const,
  at: 'now',
  violations: [{ kind: 'unbacked_number' as const, detail: 'd', fragment: reply }],
});

describe('guardrail repositories', () => {
  it('lists a shop’s violations only, newest first, up to the limit', async () => {
    const store = await openTestStore();
    twoShops(store);
    const log = makeViolationsRepo(store.sqlite);
    for (const reply of ['a1', 'a2', 'a3']) log.add(entry(1, 1, reply));
    log.add(entry(2, 2, 'b1'));
    expect(log.recent(1, 2).map((v) => v.reply)).toEqual(['a3', 'a2']);
    expect(log.recent(2, 10).map((v) => [v.shopId, v.conversationId, v.fragment])).toEqual([[2, 2, 'b1']]);
  });

  it('knows a customer’s number only in their own shop', async () => {
    const store = await openTestStore();
    twoShops(store);
    const numbers = makeCustomerNumbersRepo(store.sqlite);
    expect(numbers(1, 1)).toEqual(['+213550123456']);
    expect(numbers(2, 1)).toEqual([]);
  });

  it('erases the violations of the listed conversations and no others', async () => {
    const store = await openTestStore();
    twoShops(store);
    const log = makeViolationsRepo(store.sqlite);
    log.add(entry(1, 1, 'a'));
    log.add(entry(2, 2, 'b'));
    deleteViolationsOf(store.sqlite, []);
    expect(log.recent(1, 10)).toHaveLength(1);
    deleteViolationsOf(store.sqlite, [1]);
    expect(log.recent(1, 10)).toEqual([]);
    expect(log.recent(2, 10)).toHaveLength(1);
  });
});
