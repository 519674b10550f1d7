import type SQLite from 'better-sqlite3';
import { SLICE_MS, nextTurn } from './import/time-slice';
import { LEXICON_VERSION } from '../text';
import { type ProductRow, makeProductReader } from './products-repo';
import { type ProductSearchDoc, productIndexColumns, productSearchDoc, shopToken } from './search-doc';

const BATCH = 400;

/**
 * Writes the search index rows of queued products (catalog_index_queue, migration 0009) in small
 * batches, yielding to the event loop between them, so a 50,000-product import never holds the
 * core for the seconds FTS5 needs. Each batch is one transaction: a product's old rows go, its
 * rows from products.search_doc come (none when it was deleted or archived), it leaves the queue.
 */
export function makeCatalogIndexer(sqlite: SQLite.Database, onError: (err: unknown) => void = () => {}) {
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

  const reader = makeProductReader(sqlite);
  /** The stored document, rewritten first when an older concept table wrote it. */
  const currentDoc = (id: number, stored: string): ProductSearchDoc => {
    const doc = JSON.parse(stored) as ProductSearchDoc;
    if (doc.lexicon === LEXICON_VERSION) return doc;
    const row = s.product.get(id);
    if (!row) return doc;
    const fresh = productSearchDoc(reader.one(row));
    s.setDoc.run(JSON.stringify(fresh), id);
    return fresh;
  };

  /** One batch; returns how many products it indexed (0 = the queue is empty). */
  const batch = sqlite.transaction((): number => {
    const started = performance.now();
    const rows = s.next.all(BATCH);
    let n = 0;
    for (const row of rows) {
      if (n > 0 && performance.now() - started >= SLICE_MS) break;
      n++;
      s.triDelete.run(row.id);
      s.wordsDelete.run(row.id);
      if (row.shop_id !== null && row.sku !== null && row.search_doc && row.archived_at === null) {
        const cols = productIndexColumns(currentDoc(row.id, row.search_doc), row.sku);
        const shop = shopToken(row.shop_id);
        s.triInsert.run(row.id, shop, cols.names, cols.aliases, cols.other);
        s.wordsInsert.run(row.id, shop, cols.names, cols.aliases, cols.other, cols.concepts);
      }
      s.dequeue.run(row.id);
    }
    return n;
  });

  let running: Promise<void> | null = null;
  let stopped = false;
  async function drain(): Promise<void> {
    while (!stopped && sqlite.open && batch() > 0) await nextTurn();
  }
  return {
    /** Starts draining (once at a time); resolves when the queue is empty or the indexer stopped. */
    schedule(): Promise<void> {
      running ??= drain()
        .catch(onError)
        .finally(() => {
          running = null;
        });
      return running;
    },
    pending: (): number => s.pending.get()?.n ?? 0,
    /** Stops after the current batch (core closing); what is left is drained at the next start. */
    stop(): void {
      stopped = true;
    },
  };
}
export type CatalogIndexer = ReturnType<typeof makeCatalogIndexer>;
