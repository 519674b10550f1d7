import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Product } from '../../../shared/domain/catalog';
import { coreForFile } from '../test-utils/file-core';
import { inWriteTransaction } from '../store';
import { decrementCatalogStock } from './stock';

/** Variants as rows (migration 0090), through the contract a seller's page uses. */
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../../tests/fixtures', name), 'utf8');

const suite = coreForFile('souq-variant-rows-', { paused: true });
const { call } = suite;
async function refused(name: string, input: unknown): Promise<string> {
  const envelope = await suite.core.app.dispatch(name, input);
  if (envelope.ok) throw new Error(`${name} was accepted`);
  return envelope.error.code;
}

const sqlite = () => suite.core.ctx.store.sqlite;
/** What the table holds for a shop: every current variant's facts, by product SKU. */
const tableFacts = (shopId: number) =>
  sqlite()
    .prepare(
      `SELECT p.sku AS product, v.name, v.sku, v.price, v.stock FROM product_variants AS v JOIN products AS p ON p.id = v.product_id
       WHERE v.shop_id = ? AND v.archived_at IS NULL ORDER BY p.sku, v.position`,
    )
    .all(shopId);
const allProducts = async (shopId: number) =>
  (await call<{ items: Product[] }>('catalog/list', { shopId, limit: 200 })).items.sort((a, b) => a.sku.localeCompare(b.sku));
/** A product's variants with the price and stock that apply to each (what the bot quotes). */
const quoted = (p: Product | undefined) => p?.variants.map((v) => [v.name, v.sku, v.price ?? p.price, v.stock]);

async function importBoth(shopId: number) {
  const counts: { file: string; preview: number; grouped: number; totalRows: number; created: number }[] = [];
  for (const file of ['shopify-variants-boutique.csv', 'woocommerce-variants-boutique.csv']) {
    const csv = fixture(file);
    const preview = await call<{ productCount: number; totalRows: number; assumptions: { code: string; count: number }[] }>(
      'catalog/preview-import',
      { shopId, csv, limit: 5 },
    );
    const summary = await call<{ created: number; updated: number; errors: unknown[]; totalRows: number }>('catalog/commit-import', {
      shopId,
      csv,
    });
    expect(summary.errors).toEqual([]);
    counts.push({
      file,
      preview: preview.productCount,
      grouped: preview.assumptions.find((a) => a.code === 'variants_grouped')?.count ?? 0,
      totalRows: summary.totalRows,
      created: summary.created + summary.updated,
    });
  }
  return counts;
}

describe('variants are rows of product_variants', () => {
  let shopId = 0;

  it('imports a Shopify and a WooCommerce export with several variants per product; preview and result agree, rows grouped are counted', async () => {
    shopId = (await call<{ id: number }>('shops/create', { name: 'Atelier Nour', currency: 'DZD' })).id;
    const counts = await importBoth(shopId);
    // "N rows grouped into M products": every row is a product or a variant grouped into one.
    expect(counts).toEqual([
      { file: 'shopify-variants-boutique.csv', preview: 3, grouped: 4, totalRows: 7, created: 3 },
      { file: 'woocommerce-variants-boutique.csv', preview: 3, grouped: 5, totalRows: 8, created: 3 },
    ]);
    const facts = tableFacts(shopId);
    expect(facts).toContainEqual({ product: 'robe-lin', name: 'L / Sable', sku: 'RL-L-SAB', price: 4800, stock: 8 });
    expect(facts).toContainEqual({ product: 'robe-lin', name: 'M / Olive', sku: null, price: 4500, stock: 2 });
    expect(facts).toContainEqual({ product: 'BASKET-X', name: '42 / Noir', sku: 'BASKET-X-42-N', price: 6900, stock: 6 });
    expect(facts.filter((f) => (f as { product: string }).product === 'SWEAT-C')).toHaveLength(2);
    // The JSON column is no longer written.
    expect(sqlite().prepare(`SELECT DISTINCT variants FROM products WHERE shop_id = ?`).all(shopId)).toEqual([{ variants: '[]' }]);
    const robe = (await allProducts(shopId)).find((p) => p.sku === 'robe-lin');
    expect(robe?.stock).toBe(13); // the sizes' sum: in stock while M / Sable is sold out
  });

  it('refuses, as a conflict, an import whose variant SKU another product has (in the file or the shop); nothing is written', async () => {
    const before = tableFacts(shopId);
    const twiceInFile = fixture('woocommerce-variants-boutique.csv').replace('SWEAT-C-M,', 'BASKET-X-40-B,');
    const other = (await call<{ id: number }>('shops/create', { name: 'Vide', currency: 'DZD' })).id;
    expect(await refused('catalog/commit-import', { shopId: other, csv: twiceInFile })).toBe('conflict');
    expect(tableFacts(other)).toEqual([]);
    expect((await call<{ total: number }>('catalog/list', { shopId: other })).total).toBe(0);
    const native =
      'sku,name,name_ar,category,price,currency,stock,variants,aliases,description,compare_at_price,images,upsell_skus,variant,variant_sku';
    const takenInShop = `${native}\nNEW-1,Nouveau,,,100,DZD,,,,,,,,M,RL-S-SAB\n`;
    expect(await refused('catalog/commit-import', { shopId, csv: takenInShop })).toBe('conflict');
    expect(tableFacts(shopId)).toEqual(before);
  });

  it('export → import into another shop round-trips every variant SKU, price and stock', async () => {
    const { csv } = await call<{ csv: string }>('catalog/export-csv', { shopId });
    const other = (await call<{ id: number }>('shops/create', { name: 'Copie', currency: 'DZD' })).id;
    const summary = await call<{ created: number; errors: unknown[]; totalRows: number }>('catalog/commit-import', { shopId: other, csv });
    expect(summary.errors).toEqual([]);
    expect(summary.created).toBe(6);
    expect(tableFacts(other)).toEqual(tableFacts(shopId));
    const a = await allProducts(shopId);
    const b = await allProducts(other);
    expect(b.map((p) => [p.sku, p.price, p.stock, quoted(p)])).toEqual(a.map((p) => [p.sku, p.price, p.stock, quoted(p)]));
  });

  it('edits a variant in place, archives a removed one (its row stays), revives it when it comes back, refuses a SKU another product has', async () => {
    const robe = (await allProducts(shopId)).find((p) => p.sku === 'robe-lin') as Product;
    const idOf = (name: string) =>
      (
        sqlite().prepare(`SELECT id FROM product_variants WHERE product_id = ? AND name = ?`).get(robe.id, name) as
          { id: number } | undefined
      )?.id;
    const mId = idOf('M / Sable');
    const variants = robe.variants
      .map((v) => (v.name === 'M / Sable' ? { ...v, price: 4700, stock: 4 } : v))
      .filter((v) => v.name !== 'M / Olive');
    const edited = await call<Product>('catalog/update-product', { shopId, productId: robe.id, variants });
    expect(quoted(edited)).toEqual([
      ['S / Sable', 'RL-S-SAB', 4500, 3],
      ['M / Sable', 'RL-M-SAB', 4700, 4],
      ['L / Sable', 'RL-L-SAB', 4800, 8],
    ]);
    expect(idOf('M / Sable')).toBe(mId);
    expect(
      sqlite()
        .prepare(`SELECT archived_at IS NOT NULL AS archived FROM product_variants WHERE product_id = ? AND name = 'M / Olive'`)
        .get(robe.id),
    ).toEqual({
      archived: 1,
    });
    const oliveId = idOf('M / Olive');
    const back = await call<Product>('catalog/update-product', {
      shopId,
      productId: robe.id,
      variants: [...edited.variants, { name: 'M / Olive', sku: null, price: null, stock: 1 }],
    });
    expect(back.variants.map((v) => v.name)).toEqual(['S / Sable', 'M / Sable', 'L / Sable', 'M / Olive']);
    expect(idOf('M / Olive')).toBe(oliveId);
    const sac = (await allProducts(shopId)).find((p) => p.sku === 'sac-cuir') as Product;
    const taken = sac.variants.map((v, i) => (i === 0 ? { ...v, sku: 'rl-l-sab' } : v));
    expect(await refused('catalog/update-product', { shopId, productId: sac.id, variants: taken })).toBe('conflict');
    expect(quoted((await allProducts(shopId)).find((p) => p.sku === 'sac-cuir'))?.[0]?.[1]).toBe('SC-NOIR');
  });

  it('an inline product price moves the variants sharing it; bulk price and stock reach each variant', async () => {
    const sac = (await allProducts(shopId)).find((p) => p.sku === 'sac-cuir') as Product;
    const inline = await call<Product>('catalog/update-product', { shopId, productId: sac.id, price: 7200 });
    expect(quoted(inline)).toEqual([
      ['Noir', 'SC-NOIR', 7200, 5],
      ['Camel', 'SC-CAMEL', 7200, 1],
    ]);
    const robe = (await allProducts(shopId)).find((p) => p.sku === 'robe-lin') as Product;
    await call('catalog/bulk-update', { shopId, productIds: [sac.id, robe.id], price: { percent: 10 }, stock: 6 });
    const after = await allProducts(shopId);
    expect(quoted(after.find((p) => p.sku === 'sac-cuir'))).toEqual([
      ['Noir', 'SC-NOIR', 7920, 6],
      ['Camel', 'SC-CAMEL', 7920, 6],
    ]);
    expect(quoted(after.find((p) => p.sku === 'robe-lin'))?.map((q) => [q[2], q[3]])).toEqual([
      [4950, 6],
      [5170, 6],
      [5280, 6],
      [4950, 6],
    ]);
  });

  it('an order takes stock from the ordered variant’s row, never below zero', async () => {
    const before = (await allProducts(shopId)).find((p) => p.sku === 'robe-lin') as Product;
    await inWriteTransaction(suite.core.ctx.store.db, (trx) =>
      decrementCatalogStock(trx, shopId, [
        { sku: 'robe-lin', variant: 'm / sable', quantity: 2 },
        { sku: 'robe-lin', variant: 'L / Sable', quantity: 50 },
      ]),
    );
    const after = (await allProducts(shopId)).find((p) => p.sku === 'robe-lin') as Product;
    expect(quoted(after)?.map((q) => [q[0], q[3]])).toEqual([
      ['S / Sable', 6],
      ['M / Sable', 4],
      ['L / Sable', 0],
      ['M / Olive', 6],
    ]);
    expect(after.stock).toBe(16);
    expect(before.stock).toBe(24);
  });
});
