import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { makeCatalogIndexer } from '../../catalog/index-queue';
import { lexiconVersion } from '../../text/lexicon';
import { openDatabase, type Store } from '../../database';
import { up } from './0045-search-docs-one-lexicon';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

describe('migration 0045-search-docs-one-lexicon', () => {
  it('queues every product, and the indexer rewrites a document an older concept table wrote', async () => {
    store = await openDatabase({ file: ':memory:' });
    const db = store.sqlite;
    db.exec(`INSERT INTO shops (name, currency, created_at) VALUES ('Vélos Lyon', 'EUR', 'now')`);
    // A document as the old tables wrote it: no stamp, no "bike" concept for "Vélo électrique".
    const old = JSON.stringify({ names: [['velo', 'electrique']], aliases: [], category: [], description: [], variants: [], concepts: [] });
    db.prepare(
      `INSERT INTO products (shop_id, sku, name, price, currency, search_doc, created_at, updated_at) VALUES (1, 'FR-V1', 'Vélo électrique', 990, 'EUR', ?, 'now', 'now')`,
    ).run(old);
    db.exec('DELETE FROM catalog_index_queue');
    await up(store.db as never);
    expect(db.prepare('SELECT product_id FROM catalog_index_queue').all()).toEqual([{ product_id: 1 }]);
    // Running it again queues nothing twice.
    await up(store.db as never);
    expect(db.prepare('SELECT COUNT(*) AS n FROM catalog_index_queue').get()).toEqual({ n: 1 });

    await makeCatalogIndexer(db).schedule();
    const doc = JSON.parse((db.prepare('SELECT search_doc FROM products').get() as { search_doc: string }).search_doc) as {
      concepts: string[];
      lexicon: string;
    };
    expect(doc.lexicon).toBe(lexiconVersion());
    expect(doc.concepts).toEqual(expect.arrayContaining(['bike', 'electric']));
    // The FTS row carries the new concepts: an English "bike" finds the French product.
    const hit = await sql<{ rowid: number }>`SELECT rowid FROM products_words WHERE products_words MATCH 'concepts:bike'`.execute(store.db);
    expect(hit.rows.map((r) => r.rowid)).toEqual([1]);
  });
});
