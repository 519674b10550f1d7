import type { Selectable } from 'kysely';
import type { ProductsTable } from './tables';
import type { Product, ProductVariant } from '../../../shared/domain/catalog';
import { reconcileVariants } from '../../../shared/domain/variants';
import { productIndexColumns, productSearchDoc, shopToken } from './search-doc';
import { makeVariantsRepo } from './product-variants-repo';
import type { WritableSqlite } from '../store';
import { prepareProductStatements } from './products-statements';

export { VariantSkuTakenError } from './product-variants-repo';

/** A product as written by an import or the seller, before it has an id (archiving has its own calls). */
export type ProductInput = Omit<Product, 'id' | 'shopId' | 'archivedAt'>;

/** A stored product row: the kysely table type as it is read back. */
export type ProductRow = Selectable<ProductsTable>;

const parseList = <T>(json: string): T[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? (value as T[]) : [];
};

/**
 * A stored row and its variant rows (product_variants, migration 0090) as a product; its price and
 * stock obey its variants. The row's own `variants` column is not read: it is no longer written.
 * Code holding a raw row reads its variants with `makeProductReader`.
 */
function rowToProduct(row: ProductRow, variants: readonly ProductVariant[]): Product {
  return reconcileVariants({
    id: row.id,
    shopId: row.shop_id,
    sku: row.sku,
    name: row.name,
    altNames: parseList<string>(row.alt_names),
    aliases: parseList<string>(row.aliases),
    category: row.category,
    price: row.price,
    compareAtPrice: row.compare_at_price,
    currency: row.currency,
    stock: row.stock,
    variants: [...variants],
    images: parseList<string>(row.images),
    description: row.description,
    upsellSkus: parseList<string>(row.upsell_skus),
    archivedAt: row.archived_at ?? null,
  });
}

/** A seller's edit: any field but the SKU. Price and stock edits meet the variants in catalog/product-edit.ts. */
export type ProductPatch = Partial<Omit<ProductInput, 'sku'>>;

export interface ListOptions {
  /** Products skipped, for paging (0 = the first page). */
  offset: number;
  /** Products returned at most. */
  limit: number;
  /** Only this category (exact name as stored); default every category. */
  category?: string;
  /** List the archived products instead of the active ones. */
  archived?: boolean;
}

/**
 * A product as the column values of its row (JSON lists, price and stock reconciled with its
 * variants). `variants` is always '[]': the variants are written to product_variants by the caller.
 */
export function productRowParams(shopId: number, input: ProductInput, now: string) {
  const p = reconcileVariants(input);
  return {
    shop_id: shopId,
    sku: p.sku,
    name: p.name,
    alt_names: JSON.stringify(p.altNames),
    aliases: JSON.stringify(p.aliases),
    category: p.category,
    price: p.price,
    compare_at_price: p.compareAtPrice,
    currency: p.currency,
    stock: p.stock,
    variants: '[]',
    images: JSON.stringify(p.images),
    description: p.description,
    upsell_skus: JSON.stringify(p.upsellSkus),
    now,
  };
}

/**
 * Products from rows a caller selected itself (catalog search, retrieval): each row with its
 * current variants, read from product_variants (one query for a list of rows).
 */
export function makeProductReader(sqlite: WritableSqlite) {
  const variants = makeVariantsRepo(sqlite);
  return {
    one(row: ProductRow): Product {
      return rowToProduct(row, variants.of(row.id));
    },
    many(rows: readonly ProductRow[]): Product[] {
      const byProduct = variants.ofMany(rows.map((r) => r.id));
      return rows.map((r) => rowToProduct(r, byProduct.get(r.id) ?? []));
    },
  };
}
/**
 * Products of every shop, and the FTS rows that mirror them. Synchronous (better-sqlite3): imports
 * write thousands of rows in one transaction and retrieval sits on the hot path of every reply.
 * Every write keeps products, products_tri and products_words in step inside one transaction.
 */
export function makeProductsRepo(sqlite: WritableSqlite) {
  const variants = makeVariantsRepo(sqlite);
  const reader = makeProductReader(sqlite);
  const toProduct = reader.one;
  const s = prepareProductStatements(sqlite);

  /** The search document of a product, and a writer for its FTS rows once its id is known. */
  function indexFor(shopId: number, product: ProductInput) {
    const doc = productSearchDoc(product);
    const cols = productIndexColumns(doc, product.sku);
    return {
      json: JSON.stringify(doc),
      write(id: number) {
        s.triDelete.run({ id });
        s.wordsDelete.run({ id });
        const row = { id, shop: shopToken(shopId), ...cols };
        s.triInsert.run(row);
        s.wordsInsert.run(row);
      },
    };
  }

  const params = productRowParams;

  /** Insert or replace by (shop, SKU); not transactional on its own (callers wrap batches). */
  function upsertOne(shopId: number, product: ProductInput, now: string): { id: number; created: boolean } {
    const index = indexFor(shopId, product);
    const existing = s.bySku.get({ shopId, sku: product.sku });
    if (existing) {
      s.update.run({ ...params(shopId, product, now), search_doc: index.json, id: existing.id });
      variants.replace(shopId, existing.id, reconcileVariants(product).variants, now);
      // Re-importing an archived product's SKU brings it back: the seller sells it again.
      if (existing.archived_at !== null) s.setArchived.run({ archivedAt: null, now, shopId, id: existing.id });
      index.write(existing.id);
      return { id: existing.id, created: false };
    }
    const id = Number(s.insert.run({ ...params(shopId, product, now), search_doc: index.json }).lastInsertRowid);
    variants.replace(shopId, id, reconcileVariants(product).variants, now);
    index.write(id);
    return { id, created: true };
  }

  return {
    upsertOne,
    /**
     * Upserts many products in ONE transaction (all or nothing). `onProgress` is called every
     * `progressEvery` rows and at the end, so a UI can show a bar on large imports.
     */
    upsertMany(
      shopId: number,
      products: readonly ProductInput[],
      now: string,
      progress?: { every: number; onProgress: (done: number, total: number) => void },
    ): { created: number; updated: number; ids: number[] } {
      const run = sqlite.transaction(() => {
        let created = 0;
        const ids: number[] = [];
        products.forEach((product, i) => {
          const r = upsertOne(shopId, product, now);
          ids.push(r.id);
          if (r.created) created++;
          if (progress && (i + 1) % progress.every === 0) progress.onProgress(i + 1, products.length);
        });
        return { created, updated: products.length - created, ids };
      });
      const result = run();
      progress?.onProgress(products.length, products.length);
      return result;
    },
    get(shopId: number, id: number): Product | undefined {
      const row = s.byId.get({ shopId, id });
      return row && toProduct(row);
    },
    /** True when a product or a variant of the shop (archived ones too) has this SKU. */
    skuInUse(shopId: number, sku: string): boolean {
      return s.bySku.get({ shopId, sku }) !== undefined || variants.productOfSku(shopId, sku) !== undefined;
    },
    getBySku(shopId: number, sku: string): Product | undefined {
      const row = s.bySku.get({ shopId, sku });
      return row && toProduct(row);
    },
    /** The product one of whose variants (current or archived) has this SKU. */
    getByVariantSku(shopId: number, sku: string): Product | undefined {
      const id = variants.productOfSku(shopId, sku);
      const row = id === undefined ? undefined : s.byId.get({ shopId, id });
      return row && toProduct(row);
    },
    /** A page of active (or archived) products by name; the bot's "same category" reads it too. */
    list(shopId: number, { offset, limit, category, archived = false }: ListOptions): { items: Product[]; total: number } {
      const a = archived ? 1 : 0;
      const rows =
        category === undefined
          ? archived
            ? s.page.all({ shopId, archived: a, limit, offset })
            : s.activePage.all({ shopId, limit, offset })
          : s.pageInCategory.all({ shopId, category, archived: a, limit, offset });
      const total =
        (category === undefined ? s.count.get({ shopId, archived: a }) : s.countInCategory.get({ shopId, category, archived: a }))?.n ?? 0;
      return { items: reader.many(rows), total };
    },
    /**
     * Archives (or restores, with null) a product: its row stays for the orders that name it; it
     * leaves (or re-enters) the search indexes, so the bot neither finds nor offers it.
     */
    setArchived(shopId: number, id: number, archivedAt: string | null, now: string): Product | undefined {
      return sqlite.transaction(() => {
        const row = s.byId.get({ shopId, id });
        if (!row) return undefined;
        s.setArchived.run({ archivedAt, now, shopId, id });
        if (archivedAt === null) {
          const { id: _id, shopId: _shop, archivedAt: _a, ...current } = toProduct(row);
          indexFor(shopId, current).write(id);
        } else {
          s.triDelete.run({ id });
          s.wordsDelete.run({ id });
        }
        return toProduct(s.byId.get({ shopId, id }) as ProductRow);
      })();
    },
    /** The first active products of a category by name, without counting them (the brain's hot path). */
    inCategory(shopId: number, category: string, limit: number): Product[] {
      return reader.many(s.activeInCategory.all({ shopId, category, limit }));
    },
    /** The first active products by name, without counting them (names the bot can suggest). */
    first(shopId: number, limit: number): Product[] {
      return reader.many(s.firstActive.all({ shopId, limit }));
    },
    all(shopId: number): Product[] {
      return reader.many(s.all.all({ shopId }));
    },
    categories(shopId: number): { category: string; count: number }[] {
      return s.categories.all({ shopId }).map((r) => ({ category: r.category, count: r.n }));
    },
    /** Applies a seller's edit; the search index follows when searchable fields change. */
    update(shopId: number, id: number, patch: ProductPatch, now: string): Product | undefined {
      return sqlite.transaction(() => {
        const row = s.byId.get({ shopId, id });
        if (!row) return undefined;
        const { id: _id, shopId: _shop, archivedAt, ...current } = toProduct(row);
        const next: ProductInput = { ...current, ...patch };
        const index = indexFor(shopId, next);
        s.update.run({ ...params(shopId, next, now), search_doc: index.json, id });
        variants.replace(shopId, id, reconcileVariants(next).variants, now);
        if (!archivedAt) index.write(id);
        return toProduct(s.byId.get({ shopId, id }) as ProductRow);
      })();
    },
    delete(shopId: number, id: number): boolean {
      return sqlite.transaction(() => {
        const info = s.delete.run({ shopId, id });
        if (info.changes === 0) return false;
        s.triDelete.run({ id });
        s.wordsDelete.run({ id });
        return true;
      })();
    },
    /** A shop's new currency relabels the products still priced in its old one (a wrong default at import). */
    relabelCurrency(shopId: number, from: string, to: string): number {
      return s.relabel.run({ to, shopId, from }).changes;
    },
    /** Active products of the shop. */
    count(shopId: number): number {
      return s.count.get({ shopId, archived: 0 })?.n ?? 0;
    },
  };
}
export type ProductsRepo = ReturnType<typeof makeProductsRepo>;
