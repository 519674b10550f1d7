import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../database';

describe('migration 0009-catalog-index-queue', () => {
  it('creates the queue keyed by product id (a product is queued once)', async () => {
    const store = await openDatabase({ file: ':memory:' });
    store.sqlite.prepare(`INSERT INTO shops (id, name, currency, created_at) VALUES (1, 'A', 'DZD', 'now')`).run();
    const insert = store.sqlite.prepare(`INSERT OR IGNORE INTO catalog_index_queue (product_id, shop_id) VALUES (?, 1)`);
    insert.run(7);
    insert.run(7);
    insert.run(3);
    expect(store.sqlite.prepare(`SELECT product_id FROM catalog_index_queue ORDER BY product_id`).all()).toEqual([
      { product_id: 3 },
      { product_id: 7 },
    ]);
    expect(() => store.sqlite.prepare(`INSERT INTO catalog_index_queue (product_id, shop_id) VALUES (9, 42)`).run()).toThrow(/FOREIGN KEY/);
    const plan = store.sqlite
      .prepare(`EXPLAIN QUERY PLAN SELECT product_id FROM catalog_index_queue ORDER BY product_id LIMIT 500`)
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).not.toMatch(/TEMP B-TREE/);
    await store.close();
  });
});
