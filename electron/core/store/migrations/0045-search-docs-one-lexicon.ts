import { type Kysely, sql } from 'kysely';

/**
 * Issue 9, one language layer: the NLU's and retrieval's concept tables became one (text/lexicon.ts)
 * and measures are read as measures, so products' search documents change. Every product is queued
 * once for the catalog indexer, which rewrites a document stamped with an older table
 * (search_doc.lexicon) and its FTS rows, in small batches at the next start.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`INSERT OR IGNORE INTO catalog_index_queue (product_id, shop_id) SELECT id, shop_id FROM products`.execute(db);
}
