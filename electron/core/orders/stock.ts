import { sql } from 'kysely';
import type { DecrementStock } from './place-order';

/**
 * Stock decrement against the catalog's tables (the product's stock column; a variant's own stock
 * in its `product_variants` row, migration 0090), run on the order's transaction. Untracked stock
 * (null) stays null; stock never goes below zero. Written against the tables, not the catalog
 * module, so the order's transaction covers it. The line's variant is found by name as the order
 * line stores it (`order_items.variant`), case- and space-insensitive.
 */
export const decrementCatalogStock: DecrementStock = async (trx, shopId, lines) => {
  for (const line of lines) {
    const row = await trx
      .selectFrom('products')
      .select(['id', 'stock'])
      .where('shop_id', '=', shopId)
      .where('sku', '=', line.sku)
      .executeTakeFirst();
    if (!row) continue;
    if (row.stock !== null) {
      await sql`UPDATE products SET stock = MAX(stock - ${line.quantity}, 0) WHERE id = ${row.id}`.execute(trx);
    }
    const variant = line.variant?.trim().toLowerCase().replace(/\s+/g, ' ');
    if (variant) {
      await trx
        .updateTable('product_variants')
        .set({ stock: sql<number>`MAX(stock - ${line.quantity}, 0)` })
        .where('product_id', '=', row.id)
        .where('archived_at', 'is', null)
        .where('stock', 'is not', null)
        .where(sql<string>`lower(trim(name))`, '=', variant)
        .execute();
    }
  }
};
