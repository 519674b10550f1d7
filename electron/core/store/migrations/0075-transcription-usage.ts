import type { Kysely } from 'kysely';

/**
 * Seconds of voice notes transcribed per shop per day (the shop's own day): the minutes cap
 * beside the LLM's token cap. One upsert per voice note.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('transcription_usage')
    .addColumn('shop_id', 'integer', (c) => c.notNull().references('shops.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('seconds', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('requests', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('transcription_usage_pk', ['shop_id', 'day'])
    .execute();
}
