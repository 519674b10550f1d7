import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { makeProductsRepo } from '../../catalog/products-repo';
import { openDatabase } from '../../database';
import { migrations } from './index';
import * as m0090 from './0090-product-variants';

const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0090'));

/** A shop as it was before 0090: variants only in the products.variants JSON. */
async function legacyStore() {
  const store = await openDatabase({ file: ':memory:', migrations: before });
  const db = store.sqlite;
  db.prepare(`INSERT INTO shops (id, name, currency, created_at) VALUES (1, 'Boutique', 'DZD', 'now'), (2, 'Other', 'EUR', 'now')`).run();
  const insert = db.prepare(
    `INSERT INTO products (id, shop_id, sku, name, alt_names, aliases, category, price, compare_at_price, currency, stock, variants, images, description, upsell_skus, search_doc, created_at, updated_at)
     VALUES (?, ?, ?, ?, '[]', '[]', 'robes', ?, NULL, 'DZD', ?, ?, '[]', '', '[]', '{}', '2026-01-01', '2026-01-02')`,
  );
  // Shopify-style: every size its own SKU, price and stock; a colour option.
  insert.run(
    1,
    1,
    'ROBE',
    'Robe kabyle',
    3900,
    7,
    JSON.stringify([
      {
        name: 'S / Rouge',
        sku: 'ROBE-S',
        price: 3900,
        stock: 0,
        options: [
          { name: 'Taille', value: 'S' },
          { name: 'Couleur', value: 'Rouge' },
        ],
      },
      { name: 'M / Rouge', sku: 'ROBE-M', price: 4200, stock: 5, compareAtPrice: 5000 },
      { name: 'L / Rouge', sku: 'ROBE-L', price: 4200, stock: 2 },
    ]),
  );
  // A plain size list: no SKUs, shared price (null), stock on the product; a blank SKU and a duplicate name.
  insert.run(
    2,
    1,
    'JEBBA',
    'Jebba',
    2500,
    10,
    JSON.stringify([
      { name: 'S', sku: null, price: null, stock: null },
      { name: 'M', sku: '  ', price: null, stock: null },
      { name: 'm', sku: null, price: null, stock: null },
      { name: ' XL ', price: 'cher', stock: 3.7 },
    ]),
  );
  // Bad rows from old imports: a SKU another product already has, a variant with neither name nor SKU, a name-less SKU.
  insert.run(
    3,
    1,
    'SAC',
    'Sac',
    1800,
    null,
    JSON.stringify([{ name: 'Noir', sku: 'ROBE-M', price: 1800, stock: 1 }, { sku: null }, { sku: 'SAC-B', stock: 4 }]),
  );
  // The same SKU in another shop is that shop's own.
  insert.run(4, 2, 'ROBE', 'Robe', 50, null, JSON.stringify([{ name: 'M', sku: 'ROBE-M', price: 50, stock: 9 }]));
  insert.run(5, 1, 'BROKEN', 'Broken JSON', 100, 1, '{not json');
  insert.run(6, 1, 'PLAIN', 'No variants', 100, 1, '[]');
  return store;
}

const rowsOf = (store: Awaited<ReturnType<typeof legacyStore>>, productId: number) =>
  store.sqlite
    .prepare(
      `SELECT sku, name, options, price, compare_at_price, stock, position, archived_at FROM product_variants WHERE product_id = ? ORDER BY position`,
    )
    .all(productId);

describe('migration 0090-product-variants', () => {
  it('back-fills one row per JSON variant with its SKU, options, price and stock, and empties the JSON column', async () => {
    const store = await legacyStore();
    await m0090.up(store.db as unknown as Kysely<unknown>);
    expect(rowsOf(store, 1)).toEqual([
      {
        sku: 'ROBE-S',
        name: 'S / Rouge',
        options: '[{"name":"Taille","value":"S"},{"name":"Couleur","value":"Rouge"}]',
        price: 3900,
        compare_at_price: null,
        stock: 0,
        position: 0,
        archived_at: null,
      },
      { sku: 'ROBE-M', name: 'M / Rouge', options: '[]', price: 4200, compare_at_price: 5000, stock: 5, position: 1, archived_at: null },
      { sku: 'ROBE-L', name: 'L / Rouge', options: '[]', price: 4200, compare_at_price: null, stock: 2, position: 2, archived_at: null },
    ]);
    // Missing and blank SKUs are NULL, a shared price stays NULL (the product's), the duplicate "m" is dropped, a price that is not a number is not invented.
    expect(rowsOf(store, 2)).toEqual([
      { sku: null, name: 'S', options: '[]', price: null, compare_at_price: null, stock: null, position: 0, archived_at: null },
      { sku: null, name: 'M', options: '[]', price: null, compare_at_price: null, stock: null, position: 1, archived_at: null },
      { sku: null, name: 'XL', options: '[]', price: null, compare_at_price: null, stock: 3, position: 2, archived_at: null },
    ]);
    // ROBE-M was taken by product 1 in this shop: the later one loses the SKU, keeps the rest; a SKU-only variant is named by its SKU.
    expect(rowsOf(store, 3)).toEqual([
      { sku: null, name: 'Noir', options: '[]', price: 1800, compare_at_price: null, stock: 1, position: 0, archived_at: null },
      { sku: 'SAC-B', name: 'SAC-B', options: '[]', price: null, compare_at_price: null, stock: 4, position: 1, archived_at: null },
    ]);
    expect(rowsOf(store, 4)).toEqual([expect.objectContaining({ sku: 'ROBE-M', stock: 9 })]);
    expect(rowsOf(store, 5)).toEqual([]);
    expect(store.sqlite.prepare(`SELECT DISTINCT variants FROM products WHERE id <> 5`).all()).toEqual([{ variants: '[]' }]);
    await store.close();
  });

  it('the repository reads the back-filled rows: per-variant price and stock, a product in stock while one size is sold out', async () => {
    const store = await legacyStore();
    await m0090.up(store.db as unknown as Kysely<unknown>);
    const repo = makeProductsRepo(store.sqlite);
    const robe = repo.getBySku(1, 'ROBE');
    expect(robe?.variants.map((v) => [v.name, v.sku, v.price, v.stock])).toEqual([
      ['S / Rouge', 'ROBE-S', 3900, 0],
      ['M / Rouge', 'ROBE-M', 4200, 5],
      ['L / Rouge', 'ROBE-L', 4200, 2],
    ]);
    expect(robe?.stock).toBe(7);
    expect(robe?.variants[1]?.compareAtPrice).toBe(5000);
    expect(robe?.variants[0]?.options).toEqual([
      { name: 'Taille', value: 'S' },
      { name: 'Couleur', value: 'Rouge' },
    ]);
    expect(repo.getBySku(1, 'JEBBA')?.variants.map((v) => v.name)).toEqual(['S', 'M', 'XL']);
    expect(repo.skuInUse(1, 'robe-l')).toBe(true);
    expect(repo.getByVariantSku(2, 'ROBE-M')?.id).toBe(4);
    await store.close();
  });

  it('keeps variant SKUs unique per shop (case-insensitive), finds them and a product’s variants by index, and goes with the product', async () => {
    const store = await openDatabase({ file: ':memory:' });
    const db = store.sqlite;
    db.prepare(`INSERT INTO shops (id, name, currency, created_at) VALUES (1, 'S', 'DZD', 'now')`).run();
    db.prepare(
      `INSERT INTO products (id, shop_id, sku, name, price, currency, created_at, updated_at) VALUES (7, 1, 'A', 'A', 1, 'DZD', 'now', 'now')`,
    ).run();
    const insert = db.prepare(
      `INSERT INTO product_variants (shop_id, product_id, sku, name, position, created_at, updated_at) VALUES (1, 7, ?, ?, 0, 'now', 'now')`,
    );
    insert.run('A-M', 'M');
    expect(() => insert.run('a-m', 'L')).toThrow(/UNIQUE/);
    insert.run(null, 'S');
    insert.run(null, 'XL');
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' ');
    expect(plan(`SELECT * FROM product_variants WHERE shop_id = 1 AND sku = 'A-M'`)).toMatch(/USING INDEX product_variants_shop_sku/);
    expect(plan(`SELECT * FROM product_variants WHERE product_id = 7 AND archived_at IS NULL ORDER BY position, id`)).toMatch(
      /USING INDEX product_variants_product/,
    );
    db.prepare('DELETE FROM products WHERE id = 7').run();
    expect(db.prepare('SELECT count(*) AS n FROM product_variants').get()).toEqual({ n: 0 });
    await store.close();
  });
});
