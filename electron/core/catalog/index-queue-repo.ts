import type { ProductRow } from './products-repo';
import type { WritableSqlite } from '../store';

/**
 * The search index queue's rows (catalog_index_queue, migration 0009) and the FTS5 rows it
 * rebuilds. Raw prepared statements: the indexer runs them in synchronous, time-sliced batch
 * transactions (time-slice.ts), which bench/catalog-import.ts measures (the event loop's delay
 * percentiles while a 50,000-row import is indexed before the call answers).
 */
export function makeIndexQueueRepo(sqlite: WritableSqlite) {
  const s = {
    next: sqlite.prepare<
      [number],
      { id: number; shop_id: number | null; sku: string | null; search_doc: string | null; archived_at: string | null }
    >(
      `SELECT q.product_id AS id, p.shop_id, p.sku, p.search_doc, p.archived_at
       FROM catalog_index_queue AS q LEFT JOIN products AS p ON p.id = q.product_id ORDER BY q.product_id LIMIT ?`,
    ),
    dequeue: sqlite.prepare<[number]>(`DELETE FROM catalog_index_queue WHERE product_id = ?`),
    triDelete: sqlite.prepare<[number]>(`DELETE FROM products_tri WHERE rowid = ?`),
    wordsDelete: sqlite.prepare<[number]>(`DELETE FROM products_words WHERE rowid = ?`),
    triInsert: sqlite.prepare(`INSERT INTO products_tri (rowid, shop, names, aliases, other) VALUES (?, ?, ?, ?, ?)`),
    wordsInsert: sqlite.prepare(`INSERT INTO products_words (rowid, shop, names, aliases, other, concepts) VALUES (?, ?, ?, ?, ?, ?)`),
    pending: sqlite.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM catalog_index_queue`),
    product: sqlite.prepare<[number], ProductRow>(`SELECT * FROM products WHERE id = ?`),
    setDoc: sqlite.prepare<[string, number]>(`UPDATE products SET search_doc = ? WHERE id = ?`),
  };

  return {
    /** Runs `work` in one transaction: a product's old index rows go and its new ones come together. */
    transaction: <R>(work: () => R) => sqlite.transaction(work),
    next: (limit: number) => s.next.all(limit),
    /** Removes a product's index rows (the queue row stays until `dequeue`). */
    clear(id: number): void {
      s.triDelete.run(id);
      s.wordsDelete.run(id);
    },
    dequeue: (id: number) => void s.dequeue.run(id),
    insert(id: number, shop: string, cols: { names: string; aliases: string; other: string; concepts: string }): void {
      s.triInsert.run(id, shop, cols.names, cols.aliases, cols.other);
      s.wordsInsert.run(id, shop, cols.names, cols.aliases, cols.other, cols.concepts);
    },
    pending: (): number => s.pending.get()?.n ?? 0,
    product: (id: number) => s.product.get(id),
    setDoc: (id: number, doc: string) => void s.setDoc.run(doc, id),
  };
}
