import { type Kysely, sql } from 'kysely';

/**
 * The sales brain reads a shop's active products of one category on most turns (siblings of the
 * product named, cheaper alternatives). Without this index that read walked every product of the
 * shop; with it, it reads the category's first rows by name and stops at the limit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX products_shop_category_name ON products (shop_id, category, archived_at, name COLLATE NOCASE, id)`.execute(db);
}
