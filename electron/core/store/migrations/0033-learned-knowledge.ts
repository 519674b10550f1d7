import { type Kysely, sql } from 'kysely';

/**
 * Knowledge learned from sales (learning/analyzer): which ordered conversations were analysed,
 * and for each learned FAQ entry where it came from, its kind, category, confidence and how many
 * sales said the same (near-duplicates merge into one entry).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('analyzed_conversations')
    .addColumn('conversation_id', 'integer', (c) => c.primaryKey().references('conversations.id').onDelete('cascade'))
    .addColumn('shop_id', 'integer', (c) => c.notNull().references('shops.id').onDelete('cascade'))
    .addColumn('pairs', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('analyzed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('analyzed_conversations_shop_time')
    .on('analyzed_conversations')
    .columns(['shop_id', 'analyzed_at'])
    .execute();
  await db.schema
    .createTable('learned_sources')
    .addColumn('knowledge_id', 'integer', (c) => c.primaryKey().references('knowledge.id').onDelete('cascade'))
    .addColumn('shop_id', 'integer', (c) => c.notNull().references('shops.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('confidence', 'real', (c) => c.notNull())
    .addColumn('support', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('conversation_id', 'integer', (c) => c.references('conversations.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('learned_sources_kind', sql`kind IN ('qa', 'objection')`)
    .execute();
  await db.schema.createIndex('learned_sources_shop_time').on('learned_sources').columns(['shop_id', 'created_at']).execute();
  // The analyzer's scan: orders of a shop that came from a conversation.
  await sql`CREATE INDEX IF NOT EXISTS orders_shop_conversation ON orders(shop_id, conversation_id) WHERE conversation_id IS NOT NULL`.execute(
    db,
  );
}
