import { type Kysely, sql } from 'kysely';

/**
 * Variants become rows (issue 18): one `product_variants` row per size/colour of a product, with
 * its own SKU (unique in the shop, case-insensitive), option values, price, stock and position.
 * A variant the seller removes is archived, not deleted: an old order line still names it and its
 * SKU stays taken. The rows are back-filled from the `products.variants` JSON, which is then
 * emptied ('[]'): the table is the one source of truth from here on. The column itself stays,
 * because landed migrations' tests and fixtures insert raw product rows naming it.
 *
 * Back-fill rules for rows written before (imports of any age, hand edits):
 * - a variant without a name takes its SKU as name; one with neither is skipped (nothing to call it);
 * - a missing or blank SKU is NULL (many exports have none);
 * - a SKU already taken in the shop (by an earlier product's variant, or twice in one product) is
 *   kept on the first and NULL on the later ones, so the unique index can hold;
 * - a second variant of the same product with the same name (case-insensitive) is skipped;
 * - price / stock that are not numbers are NULL (shared with the product), so nothing invents a figure.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE product_variants (
    id INTEGER PRIMARY KEY,
    shop_id INTEGER NOT NULL REFERENCES shops(id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    sku TEXT COLLATE NOCASE,
    name TEXT NOT NULL,
    options TEXT NOT NULL DEFAULT '[]',
    price REAL,
    compare_at_price REAL,
    stock INTEGER,
    position INTEGER NOT NULL DEFAULT 0,
    archived_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX product_variants_shop_sku ON product_variants(shop_id, sku) WHERE sku IS NOT NULL`.execute(db);
  await sql`CREATE INDEX product_variants_product ON product_variants(product_id, archived_at, position)`.execute(db);
  await backfill(db);
}

interface LegacyRow {
  id: number;
  shop_id: number;
  variants: string | null;
  updated_at: string;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/** One legacy JSON variant as column values, or null when it has nothing to be called by. */
export function legacyVariant(
  raw: unknown,
): { name: string; sku: string | null; price: number | null; stock: number | null; compare: number | null; options: string } | null {
  if (!raw || typeof raw !== 'object') return null;
  const v = raw as Record<string, unknown>;
  const sku = text(v.sku) || null;
  const name = text(v.name) || sku;
  if (!name) return null;
  const stock = num(v.stock);
  const options = Array.isArray(v.options)
    ? v.options.filter(
        (o): o is { name: string; value: string } =>
          !!o &&
          typeof o === 'object' &&
          typeof (o as { name?: unknown }).name === 'string' &&
          typeof (o as { value?: unknown }).value === 'string',
      )
    : [];
  return {
    name,
    sku,
    price: num(v.price) !== null && (num(v.price) as number) >= 0 ? num(v.price) : null,
    stock: stock === null ? null : Math.trunc(stock),
    compare: num(v.compareAtPrice),
    options: JSON.stringify(options.map((o) => ({ name: o.name, value: o.value }))),
  };
}

async function backfill(db: Kysely<unknown>): Promise<void> {
  const { rows } =
    await sql<LegacyRow>`SELECT id, shop_id, variants, updated_at FROM products WHERE variants IS NOT NULL AND variants NOT IN ('', '[]') ORDER BY shop_id, id`.execute(
      db,
    );
  const taken = new Set<string>();
  for (const row of rows) {
    let list: unknown;
    try {
      list = JSON.parse(row.variants ?? '[]');
    } catch {
      continue; // unreadable JSON had no variants the bot could see either
    }
    if (!Array.isArray(list)) continue;
    const names = new Set<string>();
    let position = 0;
    for (const raw of list) {
      const v = legacyVariant(raw);
      if (!v || names.has(v.name.toLowerCase())) continue;
      names.add(v.name.toLowerCase());
      const key = v.sku === null ? null : `${row.shop_id}\u0000${v.sku.toLowerCase()}`;
      const sku = key !== null && !taken.has(key) ? v.sku : null;
      if (key !== null) taken.add(key);
      await sql`INSERT INTO product_variants (shop_id, product_id, sku, name, options, price, compare_at_price, stock, position, created_at, updated_at)
        VALUES (${row.shop_id}, ${row.id}, ${sku}, ${v.name}, ${v.options}, ${v.price}, ${v.compare}, ${v.stock}, ${position++}, ${row.updated_at}, ${row.updated_at})`.execute(
        db,
      );
    }
  }
  await sql`UPDATE products SET variants = '[]' WHERE variants IS NOT NULL AND variants <> '[]'`.execute(db);
}
