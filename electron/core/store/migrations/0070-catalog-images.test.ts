import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../database';

describe('migration 0070-catalog-images', () => {
  it('keeps one row per product image address, finds a stored copy by address from its index, and goes with its product', async () => {
    const store = await openDatabase({ file: ':memory:' });
    const db = store.sqlite;
    db.prepare(`INSERT INTO shops (id, name, currency, created_at) VALUES (1, 'S', 'DZD', 'now')`).run();
    db.prepare(
      `INSERT INTO products (id, shop_id, sku, name, alt_names, aliases, category, price, compare_at_price, currency, stock, variants, images, description, upsell_skus, search_doc, created_at, updated_at)
       VALUES (7, 1, 'A', 'A', '[]', '[]', '', 1, NULL, 'DZD', 1, '[]', '[]', '', '[]', '', 'now', 'now')`,
    ).run();
    const insert = db.prepare(
      `INSERT INTO catalog_images (shop_id, product_id, source_url, file, hashes, created_at, updated_at) VALUES (1, 7, 'https://x/a.jpg', ?, '[]', 'now', 'now')`,
    );
    insert.run('a.jpg');
    expect(() => insert.run('b.jpg')).toThrow(/UNIQUE/);
    const plan = (
      db.prepare(`EXPLAIN QUERY PLAN SELECT * FROM catalog_images WHERE shop_id = 1 AND source_url = 'https://x/a.jpg'`).all() as {
        detail: string;
      }[]
    ).map((r) => r.detail);
    expect(plan.join(' ')).toMatch(/USING INDEX (catalog_images_source|sqlite_autoindex_catalog_images)/);
    db.prepare('DELETE FROM products WHERE id = 7').run();
    expect(db.prepare('SELECT count(*) AS n FROM catalog_images').get()).toEqual({ n: 0 });
    await store.close();
  });
});
