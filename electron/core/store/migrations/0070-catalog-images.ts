import { type Kysely, sql } from 'kysely';

/**
 * Catalog images kept in the data folder (issue 16): one row per product image the shop has a
 * local copy of, downloaded from the export's URL or picked from disk. `file` is a name inside
 * `<dataDir>/catalog-images/<shop_id>/` (never a path from outside). `hashes` holds the perceptual
 * hashes the photo matcher compares (JSON list of hex strings). A download that failed is kept
 * with `error` set and no file, so an import does not fetch the same dead URL again and again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE catalog_images (
    id INTEGER PRIMARY KEY,
    shop_id INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    source_url TEXT NOT NULL,
    file TEXT,
    width INTEGER,
    height INTEGER,
    bytes INTEGER,
    hashes TEXT NOT NULL DEFAULT '[]',
    error TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (shop_id, product_id, source_url)
  )`.execute(db);
  await sql`CREATE INDEX catalog_images_source ON catalog_images(shop_id, source_url)`.execute(db);
}
