import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProductVariant } from '../../../shared/domain/catalog';
import { type Store, openDatabase } from '../database';
import { makeImportStaging } from './import/staging-repo';
import { type ProductInput, VariantSkuTakenError, makeProductsRepo, productRowParams } from './products-repo';
import { productSearchDoc } from './search-doc';

/*
 * The catalog's repositories as typed statements: each filter, order and write of their queries
 * is pinned here by a case that fails when it is dropped (another shop, the archived flag, a
 * category, the name order, the FTS rows kept in step, a SKU taken).
 */

let store: Store;
beforeEach(async () => {
  store = await openDatabase({ file: ':memory:' });
  store.sqlite
    .prepare(`INSERT INTO shops (id, name, currency, created_at) VALUES (1, 'Boutique', 'DZD', 'now'), (2, 'Other', 'EUR', 'now')`)
    .run();
});
afterEach(() => store.close());

const input = (sku: string, name: string, over: Partial<ProductInput> = {}): ProductInput => ({
  sku,
  name,
  altNames: [],
  aliases: [],
  category: 'robes',
  price: 1000,
  compareAtPrice: null,
  currency: 'DZD',
  stock: 3,
  variants: [],
  images: [],
  description: '',
  upsellSkus: [],
  ...over,
});

const ftsRows = (id: number) =>
  ['products_tri', 'products_words'].map(
    (t) => (store.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${t} WHERE rowid = ?`).get(id) as { n: number }).n,
  );

describe('products repository', () => {
  it('pages by name without case, per shop, category and archived flag, with the totals', () => {
    const repo = makeProductsRepo(store.sqlite);
    repo.upsertMany(
      1,
      [input('C', 'caftan'), input('A', 'Abaya'), input('B', 'burnous', { category: 'manteaux' }), input('D', 'Djellaba')],
      'now',
    );
    repo.upsertOne(2, input('X', 'Autre boutique'), 'now');
    const d = repo.getBySku(1, 'D')!;
    repo.setArchived(1, d.id, '2026-01-01', 'now');

    const names = (r: { items: { name: string }[] }) => r.items.map((p) => p.name);
    const active = repo.list(1, { offset: 0, limit: 10 });
    expect(names(active)).toEqual(['Abaya', 'burnous', 'caftan']);
    expect(active.total).toBe(3);
    expect(names(repo.list(1, { offset: 1, limit: 1 }))).toEqual(['burnous']);
    expect(repo.list(1, { offset: 0, limit: 10, archived: true })).toMatchObject({ items: [{ sku: 'D' }], total: 1 });
    expect(repo.list(1, { offset: 0, limit: 10, category: 'robes' })).toMatchObject({ total: 2 });
    expect(names(repo.list(1, { offset: 0, limit: 10, category: 'robes' }))).toEqual(['Abaya', 'caftan']);
    expect(repo.list(1, { offset: 0, limit: 10, category: 'robes', archived: true }).total).toBe(1);
    expect(names({ items: repo.inCategory(1, 'robes', 1) })).toEqual(['Abaya']);
    expect(names({ items: repo.first(1, 2) })).toEqual(['Abaya', 'burnous']);
    expect(repo.all(1).map((p) => p.sku)).toEqual(['C', 'A', 'B']);
    expect(repo.categories(1)).toEqual([
      { category: 'manteaux', count: 1 },
      { category: 'robes', count: 2 },
    ]);
    expect(repo.count(1)).toBe(3);
    expect(repo.count(2)).toBe(1);
    expect(repo.get(2, d.id)).toBeUndefined();
    expect(repo.getBySku(2, 'A')).toBeUndefined();
  });

  it('keeps the FTS rows in step: archived and deleted products leave the indexes, restored ones return', () => {
    const repo = makeProductsRepo(store.sqlite);
    const { id } = repo.upsertOne(1, input('R', 'Robe'), 'now');
    expect(ftsRows(id)).toEqual([1, 1]);
    repo.setArchived(1, id, '2026-01-01', 'now');
    expect(ftsRows(id)).toEqual([0, 0]);
    expect(repo.setArchived(1, id, null, 'later')).toMatchObject({ archivedAt: null });
    expect(ftsRows(id)).toEqual([1, 1]);
    expect(repo.update(1, id, { name: 'Robe longue', price: 1500 }, 'later')).toMatchObject({ name: 'Robe longue', price: 1500, sku: 'R' });
    expect(repo.delete(2, id)).toBe(false);
    expect(repo.delete(1, id)).toBe(true);
    expect(ftsRows(id)).toEqual([0, 0]);
    expect(repo.get(1, id)).toBeUndefined();
  });

  it('relabels only the shop’s products in the old currency', () => {
    const repo = makeProductsRepo(store.sqlite);
    repo.upsertMany(1, [input('A', 'A'), input('B', 'B', { currency: 'EUR' })], 'now');
    repo.upsertOne(2, input('C', 'C'), 'now');
    expect(repo.relabelCurrency(1, 'DZD', 'MAD')).toBe(1);
    expect([repo.getBySku(1, 'A')?.currency, repo.getBySku(1, 'B')?.currency, repo.getBySku(2, 'C')?.currency]).toEqual([
      'MAD',
      'EUR',
      'DZD',
    ]);
  });

  it('keeps variants by SKU, archives the removed ones, and refuses a SKU another product has', () => {
    const repo = makeProductsRepo(store.sqlite);
    const sizes = (...skus: string[]): ProductVariant[] => skus.map((sku) => ({ name: sku, sku, price: null, stock: 1 }));
    const { id } = repo.upsertOne(1, input('ROBE', 'Robe', { variants: sizes('ROBE-S', 'ROBE-M') }), 'now');
    repo.update(1, id, { variants: sizes('ROBE-M', 'ROBE-L') }, 'later');
    expect(repo.get(1, id)?.variants.map((v) => v.sku)).toEqual(['ROBE-M', 'ROBE-L']);
    // The removed size's row stays (orders name it), archived, and still names the product.
    expect(repo.getByVariantSku(1, 'ROBE-S')?.id).toBe(id);
    expect(repo.skuInUse(1, 'ROBE-S')).toBe(true);
    expect(repo.skuInUse(2, 'ROBE-S')).toBe(false);
    expect(() => repo.upsertOne(1, input('JUPE', 'Jupe', { variants: sizes('ROBE-M') }), 'now')).toThrow(VariantSkuTakenError);
    // Another product may take the archived size's SKU.
    const jupe = repo.upsertOne(1, input('JUPE', 'Jupe', { variants: sizes('ROBE-S') }), 'now');
    expect(repo.getByVariantSku(1, 'ROBE-S')?.id).toBe(jupe.id);
  });
});

describe('import staging', () => {
  const stageAll = (products: ProductInput[]) => {
    const staging = makeImportStaging(store.sqlite);
    staging.transaction(() => {
      for (const product of products) {
        const { shop_id: _s, now: _n, ...row } = productRowParams(1, product, 'now');
        staging.stage({ ...row, search_doc: JSON.stringify(productSearchDoc(product)), variant_rows: JSON.stringify(product.variants) });
      }
    })();
    return staging;
  };
  const sized = (sku: string, size: string): ProductVariant => ({ name: size, sku, price: 900, stock: 2 });

  it('upserts the staged products by SKU, writes their variants, queues them for indexing and counts the existing ones', () => {
    const repo = makeProductsRepo(store.sqlite);
    const old = repo.upsertOne(1, input('A', 'Ancien nom'), 'before');
    repo.setArchived(1, old.id, '2026-01-01', 'before');
    repo.upsertOne(2, input('B', 'Other shop’s B'), 'before');
    const staging = stageAll([input('A', 'Abaya'), input('B', 'Burnous', { variants: [sized('B-S', 'S'), sized('B-M', 'M')] })]);
    expect(staging.commit(1, 'now')).toBe(1);
    staging.drop();
    expect(repo.getBySku(1, 'A')).toMatchObject({ id: old.id, name: 'Abaya', archivedAt: null });
    expect(repo.getBySku(1, 'B')?.variants).toEqual([sized('B-S', 'S'), sized('B-M', 'M')]);
    expect(repo.getBySku(2, 'B')).toMatchObject({ name: 'Other shop’s B', variants: [] });
    const queued = store.sqlite.prepare(`SELECT shop_id FROM catalog_index_queue ORDER BY product_id`).all();
    expect(queued).toEqual([{ shop_id: 1 }, { shop_id: 1 }]);
  });

  it('names the variant SKU the file has twice, and writes nothing', () => {
    const repo = makeProductsRepo(store.sqlite);
    const staging = stageAll([
      input('A', 'Abaya', { variants: [sized('DUP-1', 'S')] }),
      input('B', 'Burnous', { variants: [sized('dup-1', 'M')] }),
    ]);
    expect(() => staging.commit(1, 'now')).toThrow(expect.objectContaining({ sku: expect.stringMatching(/^dup-1$/i) }));
    expect(repo.count(1)).toBe(0);
  });
});
