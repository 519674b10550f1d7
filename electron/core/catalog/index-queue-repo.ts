import type { CatalogTables } from './tables';
import { type WritableSqlite, typedStatements } from '../store';

/** A product's row in products_tri and products_words (rowid = the product's id). */
type IndexRow = { id: number; shop: string; names: string; aliases: string; other: string; concepts: string };

/**
 * The search index queue's rows (catalog_index_queue, migration 0009) and the FTS5 rows it
 * rebuilds. Statements prepared once: the indexer runs them in synchronous, time-sliced batch
 * transactions (time-slice.ts), which bench/catalog-import.ts measures (the event loop's delay
 * percentiles while a 50,000-row import is indexed before the call answers).
 */
export function makeIndexQueueRepo(sqlite: WritableSqlite) {
  const statements = typedStatements<CatalogTables>(sqlite);
  const s = {
    next: statements.prepare((db, p: { limit: number }) =>
      db
        .selectFrom('catalog_index_queue as q')
        .leftJoin('products as p', 'p.id', 'q.product_id')
        .select(['q.product_id as id', 'p.shop_id', 'p.sku', 'p.search_doc', 'p.archived_at'])
        .orderBy('q.product_id')
        .limit(p.limit),
    ),
    dequeue: statements.prepare((db, p: { id: number }) => db.deleteFrom('catalog_index_queue').where('product_id', '=', p.id)),
    triDelete: statements.prepare((db, p: { id: number }) => db.deleteFrom('products_tri').where('rowid', '=', p.id)),
    wordsDelete: statements.prepare((db, p: { id: number }) => db.deleteFrom('products_words').where('rowid', '=', p.id)),
    triInsert: statements.prepare((db, p: IndexRow) =>
      db.insertInto('products_tri').values({ rowid: p.id, shop: p.shop, names: p.names, aliases: p.aliases, other: p.other }),
    ),
    wordsInsert: statements.prepare((db, p: IndexRow) =>
      db
        .insertInto('products_words')
        .values({ rowid: p.id, shop: p.shop, names: p.names, aliases: p.aliases, other: p.other, concepts: p.concepts }),
    ),
    pending: statements.prepare((db) => db.selectFrom('catalog_index_queue').select((eb) => eb.fn.countAll<number>().as('n'))),
    product: statements.prepare((db, p: { id: number }) => db.selectFrom('products').selectAll().where('id', '=', p.id)),
    setDoc: statements.prepare((db, p: { doc: string; id: number }) =>
      db.updateTable('products').set({ search_doc: p.doc }).where('id', '=', p.id),
    ),
  };

  return {
    /** Runs `work` in one transaction: a product's old index rows go and its new ones come together. */
    transaction: <R>(work: () => R) => sqlite.transaction(work),
    next: (limit: number) => s.next.all({ limit }),
    /** Removes a product's index rows (the queue row stays until `dequeue`). */
    clear(id: number): void {
      s.triDelete.run({ id });
      s.wordsDelete.run({ id });
    },
    dequeue: (id: number) => void s.dequeue.run({ id }),
    insert(id: number, shop: string, cols: { names: string; aliases: string; other: string; concepts: string }): void {
      const row = { id, shop, names: cols.names, aliases: cols.aliases, other: cols.other, concepts: cols.concepts };
      s.triInsert.run(row);
      s.wordsInsert.run(row);
    },
    pending: (): number => s.pending.get()?.n ?? 0,
    product: (id: number) => s.product.get({ id }),
    setDoc: (id: number, doc: string) => void s.setDoc.run({ doc, id }),
  };
}
