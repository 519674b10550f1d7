import { SLICE_MS, nextTurn } from './import/time-slice';
import { lexiconVersion } from '../text';
import type { WritableSqlite } from '../store';
import { makeIndexQueueRepo } from './index-queue-repo';
import { makeProductReader } from './products-repo';
import { type ProductSearchDoc, productIndexColumns, productSearchDoc, shopToken } from './search-doc';

const BATCH = 400;

/**
 * Writes the search index rows of queued products (catalog_index_queue, migration 0009) in small
 * batches, yielding to the event loop between them, so a 50,000-product import never holds the
 * core for the seconds FTS5 needs. Each batch is one transaction: a product's old rows go, its
 * rows from products.search_doc come (none when it was deleted or archived), it leaves the queue.
 */
export function makeCatalogIndexer(sqlite: WritableSqlite, onError: (err: unknown) => void = () => {}) {
  const s = makeIndexQueueRepo(sqlite);
  const reader = makeProductReader(sqlite);
  /** The stored document, rewritten first when an older concept table wrote it. */
  const currentDoc = (id: number, stored: string): ProductSearchDoc => {
    const doc = JSON.parse(stored) as ProductSearchDoc;
    if (doc.lexicon === lexiconVersion()) return doc;
    const row = s.product(id);
    if (!row) return doc;
    const fresh = productSearchDoc(reader.one(row));
    s.setDoc(id, JSON.stringify(fresh));
    return fresh;
  };

  /** One batch; returns how many products it indexed (0 = the queue is empty). */
  const batch = s.transaction((): number => {
    const started = performance.now();
    const rows = s.next(BATCH);
    let n = 0;
    for (const row of rows) {
      if (n > 0 && performance.now() - started >= SLICE_MS) break;
      n++;
      s.clear(row.id);
      if (row.shop_id !== null && row.sku !== null && row.search_doc && row.archived_at === null) {
        const cols = productIndexColumns(currentDoc(row.id, row.search_doc), row.sku);
        const shop = shopToken(row.shop_id);
        s.insert(row.id, shop, cols);
      }
      s.dequeue(row.id);
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
    pending: s.pending,
    /** Stops after the current batch (core closing); what is left is drained at the next start. */
    stop(): void {
      stopped = true;
    },
  };
}
export type CatalogIndexer = ReturnType<typeof makeCatalogIndexer>;
