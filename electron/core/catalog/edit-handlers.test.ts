import { describe, expect, it } from 'vitest';
import type { Product } from '../../../shared/domain/catalog';
import { coreForFile } from '../test-utils/file-core';

const suite = coreForFile('souq-catalog-edit-', { paused: true });
const { call } = suite;
const newShop = async (currency = 'TND') => (await call<{ id: number }>('shops/create', { name: `Shop ${currency}`, currency })).id;
const list = (shopId: number, extra: object = {}) => call<{ items: Product[]; total: number }>('catalog/list', { shopId, ...extra });

describe('catalog edits a seller makes', () => {
  it('adds a product by hand with every field and variants, then edits each field', async () => {
    const shopId = await newShop();
    const made = await call<Product>('catalog/create-product', {
      shopId,
      name: 'Chéchia tunisienne',
      price: 45,
      altNames: ['شاشية'],
      aliases: ['chechia', 'chachia'],
      category: 'Chapeaux',
      description: 'Laine feutrée, teinte rouge.',
      images: ['https://example.test/chechia.jpg'],
      variants: [
        { name: '56', sku: 'CH-56', price: null, stock: 3 },
        { name: '58', sku: 'CH-58', price: 50, stock: 0 },
      ],
    });
    expect(made).toMatchObject({
      sku: 'CHECHIA-TUNISIENNE',
      currency: 'TND',
      stock: 3,
      price: 45,
      altNames: ['شاشية'],
      images: ['https://example.test/chechia.jpg'],
    });
    const edited = await call<Product>('catalog/update-product', {
      shopId,
      productId: made.id,
      name: 'Chéchia rouge',
      altNames: ['شاشية حمراء', 'Chechia rossa'],
      aliases: ['kabbous'],
      category: 'Couvre-chefs',
      description: 'Laine.',
      images: [],
      compareAtPrice: 60,
      variants: [
        { name: '56', sku: 'CH-56', price: null, stock: 5 },
        { name: '58', sku: 'CH-58', price: 50, stock: 2 },
        { name: '60', sku: 'CH-60', price: 55, stock: 1, options: [{ name: 'Tour de tête', value: '60' }] },
      ],
    });
    expect(edited).toMatchObject({
      name: 'Chéchia rouge',
      category: 'Couvre-chefs',
      stock: 8,
      compareAtPrice: 60,
      aliases: ['kabbous'],
      images: [],
    });
    expect(edited.variants.map((v) => [v.name, v.stock])).toEqual([
      ['56', 5],
      ['58', 2],
      ['60', 1],
    ]);
    // The bot finds it by its new alias.
    expect((await list(shopId, { query: 'kabbous' })).items.map((p) => p.id)).toEqual([made.id]);
    const dup = await suite.core.app.dispatch('catalog/create-product', { shopId, sku: 'CHECHIA-TUNISIENNE', name: 'Autre', price: 1 });
    expect(dup).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const twice = await suite.core.app.dispatch('catalog/update-product', {
      shopId,
      productId: made.id,
      variants: [
        { name: 'M', sku: null, price: null, stock: 1 },
        { name: 'm', sku: null, price: null, stock: 1 },
      ],
    });
    expect(twice).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('an inline price edit moves the variants that share the price; product stock is refused when sizes count their own', async () => {
    const shopId = await newShop();
    const p = await call<Product>('catalog/create-product', {
      shopId,
      name: 'Caftan',
      price: 1290,
      variants: [
        { name: 'S', sku: 'C-S', price: 1290, stock: 4 },
        { name: 'XL', sku: 'C-XL', price: 1490, stock: 1 },
      ],
    });
    const repriced = await call<Product>('catalog/update-product', { shopId, productId: p.id, price: 1350 });
    expect(repriced.variants.map((v) => v.price)).toEqual([1350, 1490]);
    expect(repriced.price).toBe(1350);
    const refused = await suite.core.app.dispatch('catalog/update-product', { shopId, productId: p.id, stock: 10 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/per variant/) } });
  });

  it('duplicates under a new SKU, archives (hidden from list and search, listed as archived), restores', async () => {
    const shopId = await newShop();
    const p = await call<Product>('catalog/create-product', {
      shopId,
      sku: 'BAB-1',
      name: 'Babouches cuir',
      price: 90,
      variants: [{ name: '40', sku: 'BAB-1-40', price: null, stock: 2 }],
    });
    const copy = await call<Product>('catalog/duplicate-product', { shopId, productId: p.id });
    expect(copy).toMatchObject({ sku: 'BAB-1-2', name: 'Babouches cuir', price: 90 });
    expect(copy.variants[0]?.sku).toBe('BAB-1-40-2');
    await call('catalog/archive-product', { shopId, productId: p.id, archived: true });
    expect((await list(shopId)).items.map((x) => x.sku)).toEqual(['BAB-1-2']);
    expect((await list(shopId, { query: 'babouches' })).items.map((x) => x.sku)).toEqual(['BAB-1-2']);
    expect((await list(shopId, { archived: true })).items.map((x) => [x.sku, typeof x.archivedAt])).toEqual([['BAB-1', 'string']]);
    await call('catalog/archive-product', { shopId, productId: p.id, archived: false });
    expect((await list(shopId, { query: 'babouches' })).total).toBe(2);
  });

  it('bulk changes price by a percentage (variants too) and stock for a selection', async () => {
    const shopId = await newShop();
    const a = await call<Product>('catalog/create-product', { shopId, name: 'Huile argan', price: 100, stock: 5 });
    const b = await call<Product>('catalog/create-product', {
      shopId,
      name: 'Savon noir',
      price: 40,
      variants: [
        { name: '250 g', sku: null, price: 40, stock: 2 },
        { name: '500 g', sku: null, price: 70, stock: 0 },
      ],
    });
    const c = await call<Product>('catalog/create-product', { shopId, name: 'Ghassoul', price: 30, stock: 1 });
    expect(await call('catalog/bulk-update', { shopId, productIds: [a.id, b.id], price: { percent: -10 }, stock: 7 })).toEqual({
      updated: 2,
    });
    const [ga, gb, gc] = await Promise.all([a, b, c].map((p) => call<Product>('catalog/get', { shopId, productId: p.id })));
    expect(ga).toMatchObject({ price: 90, stock: 7 });
    expect(gb?.variants.map((v) => [v.price, v.stock])).toEqual([
      [36, 7],
      [63, 7],
    ]);
    expect(gb?.stock).toBe(14);
    expect(gc).toMatchObject({ price: 30, stock: 1 });
  });

  it('deletes a product no order names (undo brings it back); archives one that was ordered', async () => {
    const shopId = await newShop();
    const free = await call<Product>('catalog/create-product', { shopId, sku: 'FREE', name: 'Tapis', price: 300 });
    const gone = await call<{ deleted: boolean; archived: boolean; product: Product }>('catalog/delete-product', {
      shopId,
      productId: free.id,
    });
    expect(gone).toMatchObject({ deleted: true, archived: false });
    expect((await list(shopId)).total).toBe(0);
    const back = await call<Product>('catalog/restore-product', { shopId, product: gone.product });
    expect(back).toMatchObject({ sku: 'FREE', name: 'Tapis', price: 300 });

    const sold = await call<Product>('catalog/create-product', {
      shopId,
      sku: 'SOLD',
      name: 'Théière',
      price: 120,
      variants: [{ name: 'Argent', sku: 'SOLD-AR', price: null, stock: 1 }],
    });
    const { sqlite } = suite.core.ctx.store;
    const orderId = Number(
      sqlite
        .prepare(
          `INSERT INTO orders (shop_id, currency, items_total, total, created_at, updated_at) VALUES (?, 'TND', 120, 120, 'now', 'now')`,
        )
        .run(shopId).lastInsertRowid,
    );
    sqlite
      .prepare(
        `INSERT INTO order_items (order_id, shop_id, sku, name, variant, quantity, unit_price) VALUES (?, ?, 'SOLD', 'Théière', 'Argent', 1, 120)`,
      )
      .run(orderId, shopId);
    const kept = await call<{ deleted: boolean; archived: boolean }>('catalog/delete-product', { shopId, productId: sold.id });
    expect(kept).toMatchObject({ deleted: false, archived: true });
    expect(sqlite.prepare(`SELECT COUNT(*) AS n FROM products WHERE sku = 'SOLD'`).get()).toEqual({ n: 1 });
    expect((await list(shopId)).items.map((p) => p.sku)).toEqual(['FREE']);
  });

  it('search pages through every match with the count, not the first 50', async () => {
    const shopId = await newShop('DZD');
    const header = 'sku,name,category,price,stock';
    const lines = Array.from({ length: 130 }, (_, i) => `JB-${i},Jebba brodée modèle ${i},jebbas,${5000 + i},${i % 5}`);
    const others = Array.from({ length: 70 }, (_, i) => `SAC-${i},Sac cuir ${i},sacs,${3000 + i},1`);
    await call('catalog/commit-import', { shopId, csv: [header, ...lines, ...others].join('\n') });
    const first = await list(shopId, { query: 'jebba', limit: 50 });
    expect(first.total).toBe(130);
    const pages = [
      first,
      await list(shopId, { query: 'jebba', offset: 50, limit: 50 }),
      await list(shopId, { query: 'jebba', offset: 100, limit: 50 }),
    ];
    const skus = pages.flatMap((p) => p.items.map((x) => x.sku));
    expect(skus).toHaveLength(130);
    expect(new Set(skus).size).toBe(130);
    expect(skus.every((s) => s.startsWith('JB-'))).toBe(true);
    expect((await list(shopId, { query: 'JB-12' })).total).toBe(11); // JB-12 and JB-120…129 by SKU prefix
  });

  it('a shop currency chosen again moves the products priced in the old one', async () => {
    const shopId = await newShop('DZD');
    await call('catalog/commit-import', { shopId, csv: 'sku,name,price,currency\nA,Argan,120,\nB,Henna,30,EUR\n' });
    expect(await call('shops/set-currency', { shopId, currency: 'MAD' })).toMatchObject({ currency: 'MAD' });
    expect((await list(shopId)).items.map((p) => [p.sku, p.currency])).toEqual([
      ['A', 'MAD'],
      ['B', 'EUR'],
    ]);
    expect((await suite.core.app.dispatch('shops/set-currency', { shopId, currency: 'dinar' })).ok).toBe(false);
  });
});
