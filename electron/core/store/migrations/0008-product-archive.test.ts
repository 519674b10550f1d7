import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../database';

describe('migration 0008-product-archive', () => {
  it('adds a nullable archived_at, and the catalog page of active products reads the new index in name order', async () => {
    const store = await openDatabase({ file: ':memory:' });
    const { sqlite } = store;
    const columns = sqlite
      .prepare(`SELECT name, "notnull" AS required FROM pragma_table_info('products') WHERE name = 'archived_at'`)
      .all();
    expect(columns).toEqual([{ name: 'archived_at', required: 0 }]);
    const plan = sqlite
      .prepare(
        `EXPLAIN QUERY PLAN SELECT * FROM products WHERE shop_id = ? AND archived_at IS NULL ORDER BY name COLLATE NOCASE, id LIMIT 50 OFFSET 0`,
      )
      .all(1) as { detail: string }[];
    const details = plan.map((p) => p.detail).join(' | ');
    expect(details).toMatch(/products_shop_archived_name/);
    expect(details).not.toMatch(/TEMP B-TREE/);
    sqlite.prepare(`INSERT INTO shops (name, currency, created_at) VALUES ('A', 'DZD', 'now')`).run();
    sqlite
      .prepare(
        `INSERT INTO products (shop_id, sku, name, price, currency, created_at, updated_at) VALUES (1, 'A', 'a', 1, 'DZD', 'now', 'now')`,
      )
      .run();
    expect(sqlite.prepare(`SELECT archived_at FROM products`).get()).toEqual({ archived_at: null });
    await store.close();
  });
});
