import type { Selectable } from 'kysely';
import type { ProductVariant, VariantOption } from '../../../shared/domain/catalog';
import type { ProductVariantsTable } from './tables';
import type { WritableSqlite } from '../store';

/** A stored variant row (migration 0090), as kysely's table type reads it back. */
export type VariantRow = Selectable<ProductVariantsTable>;

/** A variant SKU the shop already uses on another product: the write is refused, nothing is changed. */
export class VariantSkuTakenError extends Error {
  readonly code = 'variant_sku_taken';
  constructor(readonly sku: string) {
    super(`The variant SKU "${sku}" is already used by another product of this shop`);
    this.name = 'VariantSkuTakenError';
  }
}

const parseOptions = (json: string): VariantOption[] => {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as VariantOption[]) : [];
  } catch {
    return [];
  }
};

/** A row as the shared variant shape; absent optional fields stay absent (a plain "S|M|L" list). */
function rowToVariant(row: VariantRow): ProductVariant {
  const options = parseOptions(row.options);
  return {
    name: row.name,
    sku: row.sku,
    price: row.price,
    stock: row.stock,
    ...(options.length ? { options } : {}),
    ...(row.compare_at_price !== null ? { compareAtPrice: row.compare_at_price } : {}),
  };
}

const key = (s: string) => s.trim().toLowerCase();

/**
 * The `product_variants` rows of the catalog. Synchronous like the products repository, so an
 * import's one transaction covers products and variants together. A product's variants are
 * written as a set (`replace`): a row is matched to the new list by SKU, else by name; matched rows
 * are updated in place (their id stays), new ones inserted, the rest archived — never deleted,
 * because an order line names a variant; re-adding its SKU (or its name) brings the row back.
 * Another product may take an archived variant's SKU (the seller reused it): the old row lets go.
 */
export function makeVariantsRepo(sqlite: WritableSqlite) {
  const s = {
    active: sqlite.prepare<[number], VariantRow>(
      `SELECT * FROM product_variants WHERE product_id = ? AND archived_at IS NULL ORDER BY position, id`,
    ),
    activeMany: sqlite.prepare<[string], VariantRow>(
      `SELECT v.* FROM json_each(?) AS j JOIN product_variants AS v ON v.product_id = j.value AND v.archived_at IS NULL ORDER BY v.product_id, v.position, v.id`,
    ),
    everyOf: sqlite.prepare<[number], VariantRow>(
      `SELECT * FROM product_variants WHERE product_id = ? ORDER BY archived_at IS NULL DESC, id`,
    ),
    bySku: sqlite.prepare<[number, string], VariantRow>(`SELECT * FROM product_variants WHERE shop_id = ? AND sku = ?`),
    insert: sqlite.prepare(
      `INSERT INTO product_variants (shop_id, product_id, sku, name, options, price, compare_at_price, stock, position, created_at, updated_at)
       VALUES (@shop_id, @product_id, @sku, @name, @options, @price, @compare_at_price, @stock, @position, @now, @now)`,
    ),
    update: sqlite.prepare(
      `UPDATE product_variants SET sku = @sku, name = @name, options = @options, price = @price, compare_at_price = @compare_at_price,
         stock = @stock, position = @position, archived_at = NULL, updated_at = @now WHERE id = @id`,
    ),
    archive: sqlite.prepare<[string, string, number]>(`UPDATE product_variants SET archived_at = ?, updated_at = ? WHERE id = ?`),
    freeSku: sqlite.prepare<[number]>(`UPDATE product_variants SET sku = NULL WHERE id = ?`),
  };

  function values(v: ProductVariant, position: number) {
    return {
      sku: v.sku?.trim() || null,
      name: v.name.trim(),
      options: JSON.stringify(v.options ?? []),
      price: v.price,
      compare_at_price: v.compareAtPrice ?? null,
      stock: v.stock,
      position,
    };
  }

  return {
    /** The product's current variants, in the seller's order. */
    of(productId: number): ProductVariant[] {
      return s.active.all(productId).map(rowToVariant);
    },
    /** Current variants of many products in one query (a page, retrieval's winners). */
    ofMany(productIds: readonly number[]): Map<number, ProductVariant[]> {
      const out = new Map<number, ProductVariant[]>();
      if (productIds.length === 0) return out;
      for (const row of s.activeMany.all(JSON.stringify(productIds))) {
        const list = out.get(row.product_id) ?? [];
        list.push(rowToVariant(row));
        out.set(row.product_id, list);
      }
      return out;
    },
    /** The product (any, archived variants included) whose variant has this SKU. */
    productOfSku(shopId: number, sku: string): number | undefined {
      return s.bySku.get(shopId, sku.trim())?.product_id;
    },
    /**
     * Makes `variants` the product's current set (see above). Not transactional on its own: the
     * products repository calls it inside the product's write. Throws VariantSkuTakenError when
     * another product's current variant has one of the SKUs (an archived one gives its SKU up).
     */
    replace(shopId: number, productId: number, variants: readonly ProductVariant[], now: string): void {
      const existing = s.everyOf.all(productId);
      const used = new Set<number>();
      const claim = (v: ProductVariant): VariantRow | undefined => {
        const sku = v.sku?.trim();
        const bySku = sku ? existing.find((r) => !used.has(r.id) && r.sku !== null && key(r.sku) === key(sku)) : undefined;
        // A row with another SKU is a different variant even when the name is the same.
        const byName = existing.find((r) => !used.has(r.id) && key(r.name) === key(v.name) && (!sku || r.sku === null));
        return bySku ?? byName;
      };
      const plan = variants.map((v, position) => {
        const row = claim(v);
        if (row) used.add(row.id);
        return { v, position, row };
      });
      // An archived row keeps its SKU: the same SKU coming back later revives that row (claim above).
      for (const r of existing) if (!used.has(r.id) && r.archived_at === null) s.archive.run(now, now, r.id);
      const seen = new Set<string>();
      for (const { v, position, row } of plan) {
        const vals = values(v, position);
        if (vals.sku) {
          if (seen.has(key(vals.sku))) throw new VariantSkuTakenError(vals.sku);
          seen.add(key(vals.sku));
          const holder = s.bySku.get(shopId, vals.sku);
          if (holder && holder.product_id !== productId) {
            if (holder.archived_at === null) throw new VariantSkuTakenError(vals.sku);
            s.freeSku.run(holder.id);
          }
        }
        if (row) s.update.run({ ...vals, now, id: row.id });
        else s.insert.run({ ...vals, shop_id: shopId, product_id: productId, now });
      }
    },
  };
}
const isUniqueViolation = (err: unknown): boolean =>
  err instanceof Error && (err as Error & { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';

/**
 * The variants of an import's staged products (a table with `sku` and `variant_rows`, a JSON list
 * of reconciled variants), inside the import's one transaction. A product that has variant rows
 * already goes through `replace` (matched by SKU or name, removed ones archived). A product that
 * has none — every product of a first import — gets its rows in one INSERT … SELECT over the JSON,
 * so 40,000 products with sizes do not hold the core for seconds of per-row JavaScript.
 * Throws VariantSkuTakenError when a SKU is taken (by another product, or twice in the file).
 */
export function writeStagedVariants(sqlite: WritableSqlite, shopId: number, table: string, now: string): void {
  const repo = makeVariantsRepo(sqlite);
  const known = sqlite
    .prepare<[number], { id: number; variant_rows: string }>(
      `SELECT p.id, s.variant_rows FROM ${table} AS s JOIN products AS p ON p.shop_id = ? AND p.sku = s.sku
       WHERE EXISTS (SELECT 1 FROM product_variants AS v WHERE v.product_id = p.id)`,
    )
    .all(shopId);
  for (const r of known) repo.replace(shopId, r.id, JSON.parse(r.variant_rows) as ProductVariant[], now);
  try {
    sqlite
      .prepare(
        `INSERT INTO product_variants (shop_id, product_id, sku, name, options, price, compare_at_price, stock, position, created_at, updated_at)
         SELECT p.shop_id, p.id, NULLIF(trim(json_extract(j.value, '$.sku')), ''), trim(json_extract(j.value, '$.name')),
           COALESCE(json_extract(j.value, '$.options'), '[]'), json_extract(j.value, '$.price'), json_extract(j.value, '$.compareAtPrice'),
           json_extract(j.value, '$.stock'), j.key, @now, @now
         FROM ${table} AS s JOIN products AS p ON p.shop_id = @shop AND p.sku = s.sku, json_each(s.variant_rows) AS j
         WHERE s.variant_rows <> '[]' AND NOT EXISTS (SELECT 1 FROM product_variants AS v WHERE v.product_id = p.id)`,
      )
      .run({ shop: shopId, now });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const twice = sqlite
      .prepare<[number], { sku: string }>(
        `SELECT sku FROM (
           SELECT NULLIF(trim(json_extract(j.value, '$.sku')), '') AS sku FROM ${table} AS s, json_each(s.variant_rows) AS j
           UNION ALL SELECT sku FROM product_variants WHERE shop_id = ?
         ) WHERE sku IS NOT NULL GROUP BY lower(sku) HAVING COUNT(*) > 1 LIMIT 1`,
      )
      .get(shopId);
    throw new VariantSkuTakenError(twice?.sku ?? '');
  }
}
