import { afterEach, describe, expect, it } from 'vitest';
import { type Store, openDatabase } from '../../database';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

const columns = (s: Store, table: string) =>
  (s.sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
const plan = (s: Store, q: string, ...args: unknown[]) =>
  (s.sqlite.prepare(`EXPLAIN QUERY PLAN ${q}`).all(...args) as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('migration 0004-orders', () => {
  it('creates orders, order_items and brain_state with the columns the repositories use', async () => {
    store = await openDatabase({ file: ':memory:' });
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
    store = await openDatabase({ file: ':memory:' });
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
    store = await openDatabase({ file: ':memory:' });
    expect(plan(store, 'SELECT * FROM orders WHERE shop_id = ? ORDER BY created_at DESC, id DESC LIMIT 50', 1)).toMatch(
      /USING INDEX orders_shop_created/,
    );
    expect(plan(store, 'SELECT * FROM order_items WHERE shop_id = ? AND sku = ?', 1, 'x')).toMatch(/USING INDEX order_items_shop_sku/);
    expect(plan(store, 'SELECT * FROM orders WHERE shop_id = ? AND contact_id = ?', 1, 2)).toMatch(/USING INDEX orders_shop_contact/);
  });
});
