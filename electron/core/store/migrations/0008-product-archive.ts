import { type Kysely, sql } from 'kysely';

/**
 * Products can be archived instead of deleted: orders name them by SKU, so a product that was
 * ever ordered is never hard-deleted. An archived product keeps its row (and SKU) but leaves the
 * search indexes, the bot's answers and the catalog list. The index serves the catalog list,
 * which pages through one shop's active (or archived) products by name.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE products ADD COLUMN archived_at text`.execute(db);
  await sql`CREATE INDEX products_shop_archived_name ON products (shop_id, archived_at, name COLLATE NOCASE, id)`.execute(db);
}
