import type { Kysely } from 'kysely';

/**
 * Customer memory (learning/profiles): one profile per contact (a contact belongs to one shop),
 * filled from orders and conversations, editable by the seller, gone with the contact.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('customer_profiles')
    .addColumn('contact_id', 'integer', (c) => c.primaryKey().references('contacts.id').onDelete('cascade'))
    .addColumn('shop_id', 'integer', (c) => c.notNull().references('shops.id').onDelete('cascade'))
    .addColumn('name', 'text')
    .addColumn('phone', 'text')
    .addColumn('wilaya', 'text')
    .addColumn('commune', 'text')
    .addColumn('address', 'text')
    .addColumn('language', 'text')
    // SKUs the customer asked about, most recent first (JSON array).
    .addColumn('interests', 'text', (c) => c.notNull().defaultTo('[]'))
    // The conversation in which the bot last offered the previous order again.
    .addColumn('reorder_offered_in', 'integer')
    .addColumn('reorder_offered_at', 'text')
    .addColumn('last_interaction_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
