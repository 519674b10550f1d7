import { type Selectable, sql } from 'kysely';
import type { ProductVariant, VariantOption } from '../../../shared/domain/catalog';
import type { CatalogTables, ProductVariantsTable, StagingTableName, StagingTables } from './tables';
import { type WritableSqlite, typedStatements } from '../store';

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
  const statements = typedStatements<CatalogTables>(sqlite);
  type Values = ReturnType<typeof values> & { now: string };
  const s = {
    active: statements.prepare((db, p: { productId: number }) =>
      db
        .selectFrom('product_variants')
        .selectAll()
        .where('product_id', '=', p.productId)
        .where('archived_at', 'is', null)
        .orderBy('position')
        .orderBy('id'),
    ),
    activeMany: statements.prepare((db, p: { ids: string }) =>
      db
        .selectFrom(sql<{ value: number }>`json_each(${p.ids})`.as('j'))
        .innerJoin('product_variants as v', (join) => join.onRef('v.product_id', '=', 'j.value').on('v.archived_at', 'is', null))
        .selectAll('v')
        .orderBy('v.product_id')
        .orderBy('v.position')
        .orderBy('v.id'),
    ),
    everyOf: statements.prepare((db, p: { productId: number }) =>
      db
        .selectFrom('product_variants')
        .selectAll()
        .where('product_id', '=', p.productId)
        .orderBy(sql`archived_at is null`, 'desc')
        .orderBy('id'),
    ),
    bySku: statements.prepare((db, p: { shopId: number; sku: string }) =>
      db.selectFrom('product_variants').selectAll().where('shop_id', '=', p.shopId).where('sku', '=', p.sku),
    ),
    insert: statements.prepare((db, p: Values & { shop_id: number; product_id: number }) =>
      db.insertInto('product_variants').values({
        shop_id: p.shop_id,
        product_id: p.product_id,
        sku: p.sku,
        name: p.name,
        options: p.options,
        price: p.price,
        compare_at_price: p.compare_at_price,
        stock: p.stock,
        position: p.position,
        created_at: p.now,
        updated_at: p.now,
      }),
    ),
    update: statements.prepare((db, p: Values & { id: number }) =>
      db
        .updateTable('product_variants')
        .set({
          sku: p.sku,
          name: p.name,
          options: p.options,
          price: p.price,
          compare_at_price: p.compare_at_price,
          stock: p.stock,
          position: p.position,
          archived_at: null,
          updated_at: p.now,
        })
        .where('id', '=', p.id),
    ),
    archive: statements.prepare((db, p: { now: string; id: number }) =>
      db.updateTable('product_variants').set({ archived_at: p.now, updated_at: p.now }).where('id', '=', p.id),
    ),
    freeSku: statements.prepare((db, p: { id: number }) => db.updateTable('product_variants').set({ sku: null }).where('id', '=', p.id)),
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
      return s.active.all({ productId }).map(rowToVariant);
    },
    /** Current variants of many products in one query (a page, retrieval's winners). */
    ofMany(productIds: readonly number[]): Map<number, ProductVariant[]> {
      const out = new Map<number, ProductVariant[]>();
      if (productIds.length === 0) return out;
      for (const row of s.activeMany.all({ ids: JSON.stringify(productIds) })) {
        const list = out.get(row.product_id) ?? [];
        list.push(rowToVariant(row));
        out.set(row.product_id, list);
      }
      return out;
    },
    /** The product (any, archived variants included) whose variant has this SKU. */
    productOfSku(shopId: number, sku: string): number | undefined {
      return s.bySku.get({ shopId, sku: sku.trim() })?.product_id;
    },
    /**
     * Makes `variants` the product's current set (see above). Not transactional on its own: the
     * products repository calls it inside the product's write. Throws VariantSkuTakenError when
     * another product's current variant has one of the SKUs (an archived one gives its SKU up).
     */
    replace(shopId: number, productId: number, variants: readonly ProductVariant[], now: string): void {
      const existing = s.everyOf.all({ productId });
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
      for (const r of existing) if (!used.has(r.id) && r.archived_at === null) s.archive.run({ now, id: r.id });
      const seen = new Set<string>();
      for (const { v, position, row } of plan) {
        const vals = values(v, position);
        if (vals.sku) {
          if (seen.has(key(vals.sku))) throw new VariantSkuTakenError(vals.sku);
          seen.add(key(vals.sku));
          const holder = s.bySku.get({ shopId, sku: vals.sku });
          if (holder && holder.product_id !== productId) {
            if (holder.archived_at === null) throw new VariantSkuTakenError(vals.sku);
            s.freeSku.run({ id: holder.id });
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
export function writeStagedVariants(sqlite: WritableSqlite, shopId: number, table: StagingTableName, now: string): void {
  const repo = makeVariantsRepo(sqlite);
  const statements = typedStatements<StagingTables>(sqlite);
  const staged = `${table} as s` as 'import_staging as s';
  /** One element of the staged row's variant list (json_each over `variant_rows`). */
  const each = sql<{ key: number; value: string }>`json_each(s.variant_rows)`.as('j');
  const field = (name: string) => sql`json_extract(j.value, ${sql.lit(`$.${name}`)})`;
  const known = statements
    .prepare((db, p: { shop: number }) =>
      db
        .selectFrom(staged)
        .innerJoin('products as p', (join) => join.on('p.shop_id', '=', p.shop).onRef('p.sku', '=', 's.sku'))
        .select(['p.id', 's.variant_rows'])
        .where((eb) =>
          eb.exists(eb.selectFrom('product_variants as v').select(sql.lit(1).as('one')).whereRef('v.product_id', '=', 'p.id')),
        ),
    )
    .all({ shop: shopId });
  for (const r of known) repo.replace(shopId, r.id, JSON.parse(r.variant_rows) as ProductVariant[], now);
  try {
    statements
      .prepare((db, p: { shop: number; now: string }) =>
        db
          .insertInto('product_variants')
          .columns([
            'shop_id',
            'product_id',
            'sku',
            'name',
            'options',
            'price',
            'compare_at_price',
            'stock',
            'position',
            'created_at',
            'updated_at',
          ])
          .expression(
            db
              .selectFrom(staged)
              .innerJoin('products as p', (join) => join.on('p.shop_id', '=', p.shop).onRef('p.sku', '=', 's.sku'))
              .innerJoin(each, (join) => join.onTrue())
              .select((eb) => [
                'p.shop_id',
                'p.id',
                sql<string | null>`nullif(trim(${field('sku')}), '')`.as('sku'),
                sql<string>`trim(${field('name')})`.as('name'),
                sql<string>`coalesce(${field('options')}, '[]')`.as('options'),
                field('price').as('price'),
                field('compareAtPrice').as('compare_at_price'),
                field('stock').as('stock'),
                'j.key',
                eb.val(p.now).as('created_at'),
                eb.val(p.now).as('updated_at'),
              ])
              .where('s.variant_rows', '<>', sql.lit('[]'))
              .where((eb) =>
                eb.not(
                  eb.exists(eb.selectFrom('product_variants as v').select(sql.lit(1).as('one')).whereRef('v.product_id', '=', 'p.id')),
                ),
              ),
          ),
      )
      .run({ shop: shopId, now });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const twice = statements
      .prepare((db, p: { shop: number }) =>
        db
          .selectFrom(
            db
              .selectFrom(staged)
              .innerJoin(each, (join) => join.onTrue())
              .select(sql<string | null>`nullif(trim(${field('sku')}), '')`.as('sku'))
              .unionAll(db.selectFrom('product_variants').select('sku').where('shop_id', '=', p.shop))
              .as('u'),
          )
          .select('u.sku')
          .where('u.sku', 'is not', null)
          .groupBy(sql`lower(u.sku)`)
          .having((eb) => eb.fn.countAll(), '>', 1)
          .limit(1),
      )
      .get({ shop: shopId });
    throw new VariantSkuTakenError(twice?.sku ?? '');
  }
}
