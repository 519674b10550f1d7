import { writeStagedVariants } from '../product-variants-repo';
import type { WritableSqlite } from '../../store';

/*
 * The staging table of a chunked import (chunked-import.ts) and the one transaction that commits
 * it into products. Raw prepared statements: the staging runs in synchronous, time-sliced
 * transactions that must end within a slice (time-slice.ts): bench/catalog-import.ts measures the
 * event loop's delay percentiles during a 50,000-row import through them.
 */

const COLUMNS = [
  'sku',
  'name',
  'alt_names',
  'aliases',
  'category',
  'price',
  'compare_at_price',
  'currency',
  'stock',
  'variants',
  'images',
  'description',
  'upsell_skus',
  'search_doc',
] as const;
/** Staged beside the product's columns: its variants (JSON), written to product_variants at the commit. */
const STAGED = [...COLUMNS, 'variant_rows'] as const;
let staging = 0;

/** A TEMP table (no lock on the database) the import's rows are staged in, by SKU. */
export function makeImportStaging(sqlite: WritableSqlite) {
  const table = `temp.catalog_import_${++staging}`;
  sqlite.exec(`CREATE TABLE ${table} (${STAGED.map((c) => (c === 'sku' ? 'sku TEXT PRIMARY KEY' : c)).join(', ')})`);
  const stage = sqlite.prepare(`INSERT OR REPLACE INTO ${table} (${STAGED.join(', ')}) VALUES (${STAGED.map((c) => `@${c}`).join(', ')})`);
  return {
    /** Runs `work` in one transaction (a slice of staged rows). */
    transaction: <A extends unknown[], R>(work: (...args: A) => R) => sqlite.transaction(work),
    stage: (row: Record<(typeof STAGED)[number], unknown>) => void stage.run(row),
    commit: (shopId: number, now: string): number => commitStaged(sqlite, table, shopId, now),
    drop: () => void sqlite.exec(`DROP TABLE IF EXISTS ${table}`),
  };
}

/**
 * The one transaction: upsert every staged product by (shop, SKU), make its staged variants its
 * product_variants rows, and queue it for indexing; returns how many existed. A variant SKU another
 * product already uses throws (VariantSkuTakenError) and the whole import rolls back.
 */
function commitStaged(sqlite: WritableSqlite, table: string, shopId: number, now: string): number {
  const values = COLUMNS.join(', ');
  const updates = COLUMNS.filter((c) => c !== 'sku').map((c) => `${c} = excluded.${c}`);
  return sqlite.transaction(() => {
    const existing =
      sqlite
        .prepare<[number], { n: number }>(`SELECT COUNT(*) AS n FROM ${table} AS s JOIN products AS p ON p.shop_id = ? AND p.sku = s.sku`)
        .get(shopId)?.n ?? 0;
    sqlite
      .prepare(
        `INSERT INTO products (shop_id, ${values}, created_at, updated_at)
         SELECT @shop, ${values}, @now, @now FROM ${table} WHERE true
         ON CONFLICT (shop_id, sku) DO UPDATE SET ${updates.join(', ')}, updated_at = excluded.updated_at, archived_at = NULL`,
      )
      .run({ shop: shopId, now });
    writeStagedVariants(sqlite, shopId, table, now);
    sqlite
      .prepare(
        `INSERT OR IGNORE INTO catalog_index_queue (product_id, shop_id) SELECT p.id, p.shop_id FROM ${table} AS s JOIN products AS p ON p.shop_id = ? AND p.sku = s.sku`,
      )
      .run(shopId);
    return existing;
  })();
}
