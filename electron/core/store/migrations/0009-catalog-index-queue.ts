import { type Kysely, sql } from 'kysely';

/**
 * Products whose search index rows are still to be (re)written. A large import stores its products
 * in one short transaction and lists them here in the same transaction; the catalog indexer then
 * writes their FTS rows in small batches off the hot path, and drains what is left after a crash
 * at the next start. The products table stays the truth; the index only catches up.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE catalog_index_queue (product_id integer PRIMARY KEY, shop_id integer NOT NULL REFERENCES shops(id) ON DELETE CASCADE)`.execute(
    db,
  );
}
