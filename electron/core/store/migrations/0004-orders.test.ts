import { describe, expect, it } from 'vitest';
import type { Store } from '../../database';
import { openTestStore, queryPlan } from '../../test-utils/test-store';

const columns = (s: Store, table: string) =>
  (s.sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);

describe('migration 0004-orders', () => {
  it('creates orders, order_items and brain_state with the columns the repositories use', async () => {
    const store = await openTestStore();
    expect(columns(store, 'orders')).toEqual(
      expect.arrayContaining([
        'shop_id',
        'conversation_id',
        'contact_id',
        'status',
        'customer_name',
        'phone',
        'wilaya',
        'commune',
        'address',
        'delivery_fee',
        'items_total',
        'total',
        'cash_collected',
        'created_from_message_id',
        'created_at',
        'updated_at',
      ]),
    );
    expect(columns(store, 'order_items')).toEqual(
      expect.arrayContaining(['order_id', 'shop_id', 'sku', 'name', 'variant', 'quantity', 'unit_price']),
    );
    expect(columns(store, 'brain_state')).toEqual(['conversation_id', 'shop_id', 'doc', 'updated_at']);
  });

  it('refuses a second order from the same confirming message', async () => {
    const store = await openTestStore();
    store.sqlite.prepare("INSERT INTO shops (id, name, currency, created_at) VALUES (1, 'S', 'DZD', 'now')").run();
    const insert = store.sqlite.prepare(
      "INSERT INTO orders (shop_id, currency, items_total, total, created_from_message_id, created_at, updated_at) VALUES (1, 'DZD', 10, 10, ?, 'now', 'now')",
    );
    insert.run(42);
    expect(() => insert.run(42)).toThrow(/UNIQUE/);
    insert.run(null);
    insert.run(null); // orders the seller enters by hand have no message
  });

  it("serves the order list, recent sales and a contact's orders from indexes", async () => {
    const store = await openTestStore();
    expect(queryPlan(store, 'SELECT * FROM orders WHERE shop_id = ? ORDER BY created_at DESC, id DESC LIMIT 50', 1)).toMatch(
      /USING INDEX orders_shop_created/,
    );
    expect(queryPlan(store, 'SELECT * FROM order_items WHERE shop_id = ? AND sku = ?', 1, 'x')).toMatch(/USING INDEX order_items_shop_sku/);
    expect(queryPlan(store, 'SELECT * FROM orders WHERE shop_id = ? AND contact_id = ?', 1, 2)).toMatch(/USING INDEX orders_shop_contact/);
  });
});
