import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Store } from '../database';
import { makeOrdersRepo } from './repo';

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

describe('orders by confirming message (compiled once, the message id bound per call)', () => {
  it('finds the order a message placed, with its lines, and nothing for another message', async () => {
    const store = await openDatabase({ file: ':memory:' });
    stores.push(store);
    store.sqlite.prepare(`INSERT INTO shops (id, name, currency, created_at) VALUES (1, 'a', 'DZD', 'now')`).run();
    const repo = makeOrdersRepo(store.db);
    const order = (messageId: number, sku: string) =>
      repo.insert({
        shopId: 1,
        conversationId: null,
        contactId: null,
        customerName: 'Amine',
        phone: '0555123456',
        wilaya: 'Oran',
        commune: '',
        address: '',
        currency: 'DZD',
        deliveryFee: null,
        language: 'fr',
        items: [{ sku, name: sku, variant: null, quantity: 2, unitPrice: 100 }],
        createdFromMessageId: messageId,
        now: 'now',
      });
    const first = await order(11, 'A');
    const second = await order(12, 'B');
    expect((await repo.byMessage(11))?.id).toBe(first.id);
    expect((await repo.byMessage(12))?.items).toEqual([{ sku: 'B', name: 'B', variant: null, quantity: 2, unitPrice: 100 }]);
    expect(second.id).not.toBe(first.id);
    expect(await repo.byMessage(13)).toBeUndefined();
  });
});
