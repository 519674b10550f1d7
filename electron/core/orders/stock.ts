import { sql } from 'kysely';
import type { DecrementStock } from './place-order';

interface StockRow {
  id: number;
  stock: number | null;
  variants: string;
}

interface VariantJson {
  name: string;
  stock: number | null;
}

/**
 * Stock decrement against the catalog's `products` table (stock column; per-variant stock inside
 * the variants JSON), run on the order's transaction. Untracked stock (null) stays null; stock
 * never goes below zero. Written against the table, not the catalog module, so the order's
 * transaction covers it.
 */
export const decrementCatalogStock: DecrementStock = async (trx, shopId, lines) => {
  for (const line of lines) {
    const { rows } = await sql<StockRow>`SELECT id, stock, variants FROM products WHERE shop_id = ${shopId} AND sku = ${line.sku}`.execute(
      trx,
    );
    const row = rows[0];
    if (!row) continue;
    if (row.stock !== null) {
      await sql`UPDATE products SET stock = MAX(stock - ${line.quantity}, 0) WHERE id = ${row.id}`.execute(trx);
    }
    if (line.variant) {
      let variants: VariantJson[];
      try {
        variants = JSON.parse(row.variants) as VariantJson[];
      } catch {
        continue;
      }
      const v = variants.find((x) => x.name === line.variant);
      if (v && v.stock !== null) {
        v.stock = Math.max(0, v.stock - line.quantity);
        await sql`UPDATE products SET variants = ${JSON.stringify(variants)} WHERE id = ${row.id}`.execute(trx);
      }
    }
  }
};
