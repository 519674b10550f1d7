import type { Kysely } from 'kysely';

/**
 * The strategy bandit (learning/bandit): tries and orders per shop × segment × strategy, and the
 * strategy each conversation was given (rewarded once, when it ends in an order).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('bandit_arms')
    .addColumn('shop_id', 'integer', (c) => c.notNull().references('shops.id').onDelete('cascade'))
    .addColumn('segment', 'text', (c) => c.notNull())
    .addColumn('strategy', 'text', (c) => c.notNull())
    .addColumn('tries', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('orders', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('bandit_arms_pk', ['shop_id', 'segment', 'strategy'])
    .execute();
  await db.schema
    .createTable('strategy_choices')
    .addColumn('conversation_id', 'integer', (c) => c.primaryKey().references('conversations.id').onDelete('cascade'))
    .addColumn('shop_id', 'integer', (c) => c.notNull().references('shops.id').onDelete('cascade'))
    .addColumn('segment', 'text', (c) => c.notNull())
    .addColumn('strategy', 'text', (c) => c.notNull())
    .addColumn('rewarded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
