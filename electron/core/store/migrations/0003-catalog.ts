import { type Kysely, sql } from 'kysely';

/**
 * Catalog and knowledge, with their search indexes.
 *
 * Each searchable table has two contentless FTS5 indexes over NORMALISED text (see
 * electron/core/text/normalise.ts), written by the repositories, never by triggers, because
 * normalisation happens in TypeScript:
 * - `*_tri`: trigram tokenizer, for substrings and misspellings (needs >= 3 characters);
 * - `*_words`: unicode61, for whole words and prefixes of short words, plus lexicon concepts.
 * The `shop` column holds the token `x<shopId>x`, so one index serves every shop and a query
 * names its shop (the x…x delimiters keep shop 1 from matching shop 12 as a substring).
 * The FTS rowid is the product / knowledge row id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('products')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('shop_id', 'integer', (c) => c.notNull().references('shops.id').onDelete('cascade'))
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('alt_names', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('category', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('price', 'real', (c) => c.notNull())
    .addColumn('compare_at_price', 'real')
    .addColumn('currency', 'text', (c) => c.notNull())
    // NULL = unlimited / not tracked (digital products).
    .addColumn('stock', 'integer')
    .addColumn('variants', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('images', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('upsell_skus', 'text', (c) => c.notNull().defaultTo('[]'))
    // Normalised tokens per field (JSON), what retrieval re-ranks with; rebuilt on every write.
    .addColumn('search_doc', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('products_shop_sku', ['shop_id', 'sku'])
    .execute();
  await db.schema.createIndex('products_shop_category').on('products').columns(['shop_id', 'category']).execute();

  await db.schema
    .createTable('knowledge')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('shop_id', 'integer', (c) => c.notNull().references('shops.id').onDelete('cascade'))
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('keywords', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('seller'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('search_doc', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('knowledge_source', sql`source IN ('seller', 'learned')`)
    .addCheckConstraint('knowledge_status', sql`status IN ('active', 'pending', 'dismissed')`)
    .execute();
  await db.schema.createIndex('knowledge_shop_status').on('knowledge').columns(['shop_id', 'status', 'id']).execute();

  const tri = `tokenize = 'trigram remove_diacritics 1', content = '', contentless_delete = 1`;
  const words = `tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3', content = '', contentless_delete = 1`;
  await sql.raw(`CREATE VIRTUAL TABLE products_tri USING fts5(shop, names, aliases, other, ${tri})`).execute(db);
  await sql.raw(`CREATE VIRTUAL TABLE products_words USING fts5(shop, names, aliases, other, concepts, ${words})`).execute(db);
  await sql.raw(`CREATE VIRTUAL TABLE knowledge_tri USING fts5(shop, question, keywords, answer, ${tri})`).execute(db);
  await sql.raw(`CREATE VIRTUAL TABLE knowledge_words USING fts5(shop, question, keywords, answer, concepts, ${words})`).execute(db);
}
