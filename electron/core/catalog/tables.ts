import type { Generated } from 'kysely';

/** Kysely table types of migrations 0003-catalog, 0008-product-archive, 0009 and 0090 (JSON columns are strings; see the repositories). */
export interface ProductsTable {
  id: Generated<number>;
  shop_id: number;
  sku: string;
  name: string;
  alt_names: string;
  aliases: string;
  category: string;
  price: number;
  compare_at_price: number | null;
  currency: string;
  stock: number | null;
  /** Migration 0090: no longer read or written (always '[]'); the variants are rows of product_variants. */
  variants: string;
  images: string;
  description: string;
  upsell_skus: string;
  search_doc: string;
  created_at: string;
  updated_at: string;
  /** Migration 0008: when the seller archived it; null = active. */
  archived_at: string | null;
}

/** Migration 0090: one row per variant of a product; removed variants are archived (orders name them). */
export interface ProductVariantsTable {
  id: Generated<number>;
  shop_id: number;
  product_id: number;
  /** Unique in the shop (case-insensitive) when set; many exports have none. */
  sku: string | null;
  /** What a customer and `order_items.variant` say: "M / Bordeaux". */
  name: string;
  /** JSON list of { name, value } option values. */
  options: string;
  /** null = the product's price. */
  price: number | null;
  compare_at_price: number | null;
  /** null = not counted per variant (draws on the product's stock, or unlimited). */
  stock: number | null;
  position: number;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Products whose search index rows are stale (0009): the index queue rebuilds them in slices. */
export interface CatalogIndexQueueTable {
  product_id: number;
  shop_id: number;
}

/** FTS5 trigram index over products (0003, rebuilt 0045), rowid = products.id; `shop` is the shop id as text. */
export interface ProductsTriTable {
  rowid: number;
  shop: string;
  names: string;
  aliases: string;
  other: string;
}

/** FTS5 word index over products (0003, rebuilt 0045), rowid = products.id, with the folded concepts. */
export interface ProductsWordsTable extends ProductsTriTable {
  concepts: string;
}

/** The tables this domain owns, as core's `Database` (electron/core/database.ts) lists them. */
export interface CatalogTables {
  products: ProductsTable;
  product_variants: ProductVariantsTable;
  catalog_index_queue: CatalogIndexQueueTable;
  products_tri: ProductsTriTable;
  products_words: ProductsWordsTable;
}

/**
 * A chunked import's staging table (import/staging-repo.ts): a TEMP table per import, named
 * `temp.catalog_import_<n>`, so not a migration's table and not in `CatalogTables`. Its columns
 * are the product's (as `productRowParams` writes them) and the staged variants (JSON).
 */
export interface ImportStagingTable {
  sku: string;
  name: string;
  alt_names: string;
  aliases: string;
  category: string;
  price: number;
  compare_at_price: number | null;
  currency: string;
  stock: number | null;
  variants: string;
  images: string;
  description: string;
  upsell_skus: string;
  search_doc: string;
  /** JSON list of the product's reconciled variants, written to product_variants at the commit. */
  variant_rows: string;
}

/** The name a staging table has: only staging-repo makes one. */
export type StagingTableName = `temp.catalog_import_${number}`;

/** What an import's commit reads and writes: the catalog's tables and its staging table (under the key the queries cast its name to). */
export interface StagingTables extends CatalogTables {
  import_staging: ImportStagingTable;
}
