import { afterEach, describe, expect, it } from 'vitest';
import { type Store, openDatabase } from '../../database';
import { makeFollowUpFigures } from './follow-up-figures';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

describe('learning figures for the Analytics page', () => {
  it('counts follow-ups sent, those followed by an order (with its revenue), and each strategy in the period', async () => {
    store = await openDatabase({ file: ':memory:' });
    const db = store.sqlite;
    const t = '2026-11-01T10:00:00.000Z';
    db.prepare("INSERT INTO shops (id, name, currency, created_at) VALUES (1, 'A', 'MAD', ?), (2, 'B', 'MAD', ?)").run(t, t);
    db.prepare(
      "INSERT INTO accounts (id, shop_id, channel, label, status, created_at) VALUES (1, 1, 'simulator', 't', 'connected', ?), (2, 2, 'simulator', 't', 'connected', ?)",
    ).run(t, t);
    for (let i = 1; i <= 4; i++) {
      const shop = i === 4 ? 2 : 1;
      db.prepare('INSERT INTO contacts (id, shop_id, jid, created_at) VALUES (?, ?, ?, ?)').run(i, shop, `+2126000000${i}`, t);
      db.prepare('INSERT INTO conversations (id, shop_id, account_id, contact_id, created_at) VALUES (?, ?, ?, ?, ?)').run(
        i,
        shop,
        shop,
        i,
        t,
      );
    }
    const followUp = db.prepare('INSERT INTO follow_ups (conversation_id, shop_id, contact_id, created_at) VALUES (?, ?, ?, ?)');
    followUp.run(1, 1, 1, '2026-11-10T10:00:00.000Z');
    followUp.run(2, 1, 2, '2026-11-11T10:00:00.000Z');
    followUp.run(3, 1, 3, '2026-10-01T10:00:00.000Z'); // before the period
    followUp.run(4, 2, 4, '2026-11-10T10:00:00.000Z'); // another shop
    const order = db.prepare(
      "INSERT INTO orders (shop_id, conversation_id, currency, items_total, total, created_at, updated_at) VALUES (?, ?, 'MAD', ?, ?, ?, ?)",
    );
    order.run(1, 1, 300, 330, '2026-11-10T12:00:00.000Z', '2026-11-10T12:00:00.000Z'); // after its follow-up: recovered
    order.run(1, 2, 100, 120, '2026-11-09T12:00:00.000Z', '2026-11-09T12:00:00.000Z'); // before its follow-up: not
    const choice = db.prepare(
      'INSERT INTO strategy_choices (conversation_id, shop_id, segment, strategy, rewarded, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    choice.run(1, 1, 'new:fr', 'scarcity', 1, '2026-11-10T09:00:00.000Z');
    choice.run(2, 1, 'new:fr', 'scarcity', 0, '2026-11-11T09:00:00.000Z');
    choice.run(3, 1, 'new:fr', 'rational', 0, '2026-11-12T09:00:00.000Z');
    const figures = makeFollowUpFigures(db);
    const period = { fromUtc: '2026-11-01T00:00:00.000Z', toUtc: '2026-12-01T00:00:00.000Z' };
    expect(figures.figures(1, period)).toEqual({
      sent: 2,
      recovered: 1,
      recoveredRevenue: 330,
      strategies: [
        { strategy: 'rational', conversations: 1, orders: 0, rate: 0 },
        { strategy: 'scarcity', conversations: 2, orders: 1, rate: 0.5 },
      ],
    });
    expect(figures.figures(1, { fromUtc: '2025-01-01T00:00:00.000Z', toUtc: '2025-02-01T00:00:00.000Z' })).toBeNull();
  });
});
