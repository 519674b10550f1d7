import { sql } from 'kysely';
import type { Database } from '../database';
import type { WritableDB } from '../store';

/** One ordered line, as the order stores it (`order_items`): the SKU, its variant's name, the quantity. */
export interface StockLine {
  sku: string;
  variant: string | null;
  quantity: number;
}

/**
 * Stock decrement against the catalog's tables (the product's stock column; a variant's own stock
 * in its `product_variants` row, migration 0090), run on the order's transaction. Untracked stock
 * (null) stays null; stock never goes below zero. The catalog owns these tables, so the write is
 * here; it takes the order's transaction handle, so the order and its stock commit together. The
 * line's variant is found by name as the order line stores it (`order_items.variant`), case- and
 * space-insensitive.
 */
export async function decrementCatalogStock(trx: WritableDB<Database>, shopId: number, lines: readonly StockLine[]): Promise<void> {
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
}
