import { type Kysely, sql } from 'kysely';

/**
 * Documents the seller adds to Knowledge (PDF, DOCX, text, saved HTML): one row per document
 * (a shop's names are unique: adding the same name again replaces it), its text in ordered
 * chunks, and an FTS5 index over the chunks' folded text (rowid = chunk id). The FTS table has no
 * foreign key: the repository deletes a document's index rows with its chunks.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('knowledge_documents')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('shop_id', 'integer', (c) => c.notNull().references('shops.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('chars', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('knowledge_documents_shop_name', ['shop_id', 'name'])
    .execute();
  await db.schema
    .createTable('knowledge_chunks')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('document_id', 'integer', (c) => c.notNull().references('knowledge_documents.id').onDelete('cascade'))
    .addColumn('shop_id', 'integer', (c) => c.notNull())
    .addColumn('ord', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('knowledge_chunks_document').on('knowledge_chunks').columns(['document_id', 'ord']).execute();
  await sql`CREATE VIRTUAL TABLE knowledge_chunk_words USING fts5(words, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
}
