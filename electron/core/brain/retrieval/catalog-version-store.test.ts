import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { readCatalog } from '../../catalog/import/read-catalog';
import { makeProductsRepo } from '../../catalog/products-repo';
import { makeCatalogProductFinder } from '../offline/wire';
import { openDatabase, type Store } from '../../database';
import { cachedInCategory, catalogVersion } from './catalog-version-store';
import { makeRetriever } from './retriever';
import { openFixtureStore } from '../../test-utils/retrieval-catalog';
import { makeCatalogIndexer } from '../../catalog/index-queue';
import { productSearchDoc } from '../../catalog/search-doc';

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

const price = (store: Store, text: string) => makeRetriever({ sqlite: store.sqlite }).searchProductsSync(1, text, 1)[0]?.product.price;

describe('catalog version: caches kept across turns forget the moment the catalog changes', () => {
  it('moves on every write to products or variants on this connection, and only then', async () => {
    const store = await openFixtureStore();
    stores.push(store);
    const version = catalogVersion(store.sqlite);
    expect(catalogVersion(store.sqlite)).toBe(version);
    const v0 = version();
    store.sqlite.prepare(`INSERT INTO contacts (shop_id, jid, created_at) VALUES (1, 'x', 'now')`).run();
    expect(version()).toBe(v0);
    store.sqlite.prepare(`UPDATE products SET stock = 3 WHERE shop_id = 1 AND sku = 'DZ-BG-001'`).run();
    const v1 = version();
    expect(v1).not.toBe(v0);
    store.sqlite.prepare(`DELETE FROM product_variants WHERE id = (SELECT MIN(id) FROM product_variants)`).run();
    expect(version()).not.toBe(v1);
  });

  it('a search after a price edit reads the new price, though the product was loaded before', async () => {
    const store = await openFixtureStore();
    stores.push(store);
    const retriever = makeRetriever({ sqlite: store.sqlite });
    const hit = retriever.searchProductsSync(1, 'sac noir', 1)[0];
    expect(hit).toBeDefined();
    expect(retriever.searchProductsSync(1, 'sac noir', 1)[0]?.product).toBe(hit?.product);
    makeProductsRepo(store.sqlite).update(1, hit!.product.id, { price: 12_345 }, 'now');
    expect(retriever.searchProductsSync(1, 'sac noir', 1)[0]?.product.price).toBe(12_345);
    expect(price(store, 'sac noir')).toBe(12_345);
  });

  it('a renamed product is found by its new name (its parsed search document is not kept past the edit)', async () => {
    const store = await openFixtureStore();
    stores.push(store);
    const retriever = makeRetriever({ sqlite: store.sqlite });
    const hit = retriever.searchProductsSync(1, 'sac noir', 1)[0]!;
    expect(retriever.searchProductsSync(1, 'zorglub', 1)).toEqual([]);
    makeProductsRepo(store.sqlite).update(1, hit.product.id, { name: 'Zorglub noir' }, 'now');
    expect(retriever.searchProductsSync(1, 'zorglub', 1)[0]?.product.sku).toBe(hit.product.sku);
  });

  it('a search asked before the index queue rewrote a product finds it by its new words after (kept FTS answers forget)', async () => {
    const store = await openFixtureStore();
    stores.push(store);
    const retriever = makeRetriever({ sqlite: store.sqlite });
    const hit = retriever.searchProductsSync(1, 'sac noir', 1)[0]!;
    // A chunked import's way: the row and its document now, its FTS rows later by the indexer.
    const renamed = { ...hit.product, name: 'Zorglub noir' };
    store.sqlite
      .prepare(`UPDATE products SET name = ?, search_doc = ? WHERE id = ?`)
      .run(renamed.name, JSON.stringify(productSearchDoc(renamed)), hit.product.id);
    store.sqlite.prepare(`INSERT INTO catalog_index_queue (product_id, shop_id) VALUES (?, 1)`).run(hit.product.id);
    // The index still has the old words: nothing, and that answer is kept.
    expect(retriever.searchProductsSync(1, 'zorglub', 1)).toEqual([]);
    expect(retriever.searchProductsSync(1, 'zorglub', 1)).toEqual([]);
    // The indexer writes only the FTS tables and the queue (no products row): the queue moves the version.
    await makeCatalogIndexer(store.sqlite).schedule();
    expect(retriever.searchProductsSync(1, 'zorglub', 1)[0]?.product.sku).toBe(hit.product.sku);
  });

  it("a kept answer is handed out as a copy: a caller changing its hit does not change the next caller's", async () => {
    const store = await openFixtureStore();
    stores.push(store);
    const retriever = makeRetriever({ sqlite: store.sqlite });
    const first = retriever.searchProductsSync(1, 'sac noir', 3);
    const matched = [...(first[0]?.matched ?? [])];
    expect(matched.length).toBeGreaterThan(0);
    first[0]!.matched.push('planted');
    first.reverse();
    const again = retriever.searchProductsSync(1, 'sac noir', 3);
    expect(again[0]?.matched).toEqual(matched);
    expect(again.map((h) => h.product.sku)).toEqual([...first].reverse().map((h) => h.product.sku));
  });

  it("a category's products after an order took the last one in stock (the brain's finder)", async () => {
    const store = await openFixtureStore();
    stores.push(store);
    const finder = makeCatalogProductFinder(makeProductsRepo(store.sqlite), makeRetriever({ sqlite: store.sqlite }), store.sqlite);
    const before = await finder.inCategory(1, 'sacs', 20);
    const bag = before[0]!;
    store.sqlite.prepare(`UPDATE products SET stock = 0 WHERE id = ?`).run(bag.id);
    const after = await finder.inCategory(1, 'sacs', 20);
    expect(after.find((p) => p.id === bag.id)?.stock).toBe(0);
    // Lists are copies: a caller sorting its list does not reorder the next caller's.
    after.reverse();
    expect((await finder.inCategory(1, 'sacs', 20))[0]?.id).toBe(after.at(-1)?.id);
  });

  it('a write by another connection to the same file moves the version too (PRAGMA data_version)', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'souq-version-')), 'db.sqlite');
    const store = await openDatabase({ file });
    stores.push(store);
    store.sqlite.prepare(`INSERT INTO shops (name, currency, created_at) VALUES ('dz', 'DZD', 'now')`).run();
    const csv = 'sku,name,price,currency,category\nA,Sac,100,DZD,sacs\n';
    makeProductsRepo(store.sqlite).upsertMany(
      1,
      readCatalog(csv, { defaultCurrency: 'DZD' }).rows.map((r) => r.product),
      'now',
    );
    let reads = 0;
    const inCategory = cachedInCategory(store.sqlite, (shopId, category, limit) => {
      reads += 1;
      return makeProductsRepo(store.sqlite).inCategory(shopId, category, limit);
    });
    expect(inCategory(1, 'sacs', 5)[0]?.price).toBe(100);
    expect(inCategory(1, 'sacs', 5)[0]?.price).toBe(100);
    expect(reads).toBe(1);
    const other = new Database(file);
    other.prepare(`UPDATE products SET price = 250`).run();
    other.close();
    expect(inCategory(1, 'sacs', 5)[0]?.price).toBe(250);
    expect(reads).toBe(2);
  });
});
