import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Store } from '../database';
import { makeBrainStateRepo } from './brain-state-repo';

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

async function conversations(n: number): Promise<Store> {
  const store = await openDatabase({ file: ':memory:' });
  stores.push(store);
  store.sqlite.prepare(`INSERT INTO shops (id, name, currency, created_at) VALUES (1, 'a', 'DZD', 'now'), (2, 'b', 'MAD', 'now')`).run();
  store.sqlite
    .prepare(`INSERT INTO accounts (id, shop_id, channel, label, status, created_at) VALUES (1, 1, 'simulator', 'a', 'connected', 'now')`)
    .run();
  for (let i = 1; i <= n; i++) {
    store.sqlite.prepare(`INSERT INTO contacts (id, shop_id, jid, created_at) VALUES (?, 1, ?, 'now')`).run(i, `+2135500000${i}`);
    store.sqlite
      .prepare(`INSERT INTO conversations (id, shop_id, account_id, contact_id, created_at) VALUES (?, 1, 1, ?, 'now')`)
      .run(i, i);
  }
  return store;
}

describe('brain state repository (queries compiled once, values bound per call)', () => {
  it('reads back what each conversation stored, and a second write replaces the first', async () => {
    const store = await conversations(2);
    const repo = makeBrainStateRepo(store.db);
    expect(await repo.get(1)).toBeNull();
    await repo.put(1, 1, { cart: [{ sku: 'A', quantity: 2 }] }, '2026-01-01T10:00:00.000Z');
    await repo.put(1, 2, { language: 'fr' }, '2026-01-01T10:00:01.000Z');
    await repo.put(1, 1, { cart: [], turns: 3 }, '2026-01-01T10:00:02.000Z');
    expect(await repo.get(1)).toEqual({ cart: [], turns: 3 });
    expect(await repo.get(2)).toEqual({ language: 'fr' });
    // Every column took the call's own value: no placeholder reached the table.
    expect(store.sqlite.prepare(`SELECT conversation_id, shop_id, updated_at FROM brain_state ORDER BY conversation_id`).all()).toEqual([
      { conversation_id: 1, shop_id: 1, updated_at: '2026-01-01T10:00:02.000Z' },
      { conversation_id: 2, shop_id: 1, updated_at: '2026-01-01T10:00:01.000Z' },
    ]);
  });

  it('a document that is not JSON reads as no memory', async () => {
    const store = await conversations(1);
    store.sqlite.prepare(`INSERT INTO brain_state (conversation_id, shop_id, doc, updated_at) VALUES (1, 1, '{oops', 'now')`).run();
    expect(await makeBrainStateRepo(store.db).get(1)).toBeNull();
  });
});
