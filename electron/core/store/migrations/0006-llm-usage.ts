import { type Kysely, sql } from 'kysely';

/**
 * The LLM bill and the guardrails' record: tokens per shop per day (the daily cap), LLM-answered
 * messages per customer per day (the per-customer cap), and every guardrail violation for the seller.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('llm_usage')
    .addColumn('shop_id', 'integer', (c) => c.notNull().references('shops.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('tokens', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('requests', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('llm_usage_pk', ['shop_id', 'day'])
    .execute();

  await db.schema
    .createTable('llm_contact_usage')
    .addColumn('shop_id', 'integer', (c) => c.notNull().references('shops.id').onDelete('cascade'))
    .addColumn('contact_id', 'integer', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('messages', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('llm_contact_usage_pk', ['shop_id', 'contact_id', 'day'])
    .execute();

  await db.schema
    .createTable('guardrail_violations')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('shop_id', 'integer', (c) => c.notNull().references('shops.id').onDelete('cascade'))
    .addColumn('conversation_id', 'integer')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('fragment', 'text', (c) => c.notNull())
    .addColumn('reply', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE INDEX guardrail_violations_shop ON guardrail_violations(shop_id, id DESC)`.execute(db);
}
