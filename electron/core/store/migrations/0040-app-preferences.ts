import type { Kysely } from 'kysely';

/**
 * Preferences of the app itself, not of a shop: the interface language the seller chose, so
 * core remembers it for every browser and window (and words the page it shows without a token).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('app_preferences')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
