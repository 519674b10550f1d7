import type { Kysely } from 'kysely';

/** Orders, their lines, and the offline brain's per-conversation state (cart and order slots). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('orders')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('shop_id', 'integer', (c) => c.notNull().references('shops.id').onDelete('cascade'))
    // Conversations and contacts may be purged by retention; the order (a sale) stays.
    .addColumn('conversation_id', 'integer', (c) => c.references('conversations.id').onDelete('set null'))
    .addColumn('contact_id', 'integer', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('new'))
    .addColumn('customer_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('wilaya', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('commune', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('items_total', 'real', (c) => c.notNull())
    .addColumn('delivery_fee', 'real')
    .addColumn('total', 'real', (c) => c.notNull())
    .addColumn('cash_collected', 'real')
    .addColumn('language', 'text')
    .addColumn('created_from_message_id', 'integer', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('orders_shop_created').on('orders').columns(['shop_id', 'created_at desc', 'id desc']).execute();
  await db.schema.createIndex('orders_shop_contact').on('orders').columns(['shop_id', 'contact_id']).execute();

  await db.schema
    .createTable('order_items')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('shop_id', 'integer', (c) => c.notNull().references('shops.id').onDelete('cascade'))
    .addColumn('sku', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('variant', 'text')
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('unit_price', 'real', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('order_items_order').on('order_items').column('order_id').execute();
  // Recent sales per product (honest urgency, social proof) read by shop + sku.
  await db.schema.createIndex('order_items_shop_sku').on('order_items').columns(['shop_id', 'sku']).execute();

  await db.schema
    .createTable('brain_state')
    .addColumn('conversation_id', 'integer', (c) => c.primaryKey().references('conversations.id').onDelete('cascade'))
    .addColumn('shop_id', 'integer', (c) => c.notNull().references('shops.id').onDelete('cascade'))
    .addColumn('doc', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
