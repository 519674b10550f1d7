import type SQLite from 'better-sqlite3';
import type { ImportSummary } from '../../../../shared/contract/catalog';
import type { CatalogIndexer } from '../index-queue';
import { reconcileVariants } from '../../../../shared/domain/variants';
import { writeStagedVariants } from '../product-variants-repo';
import { productRowParams } from '../products-repo';
import { productSearchDoc } from '../search-doc';
import { MappingNeededError } from './import-catalog';
import { readCatalogChunked } from './read-catalog-chunked';
import { type Tick, makeTimeSlicer, nextTurn } from './time-slice';
import type { ColumnMapping } from './types';

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

export interface ChunkedImportOptions {
  /** The shop whose catalog the rows go into (upserted by SKU). */
  shopId: number;
  /** The file's text, already decoded. */
  csv: string;
  /** Currency of a row whose price has none (the shop's currency). */
  defaultCurrency: string;
  /** Which column holds which field, when the seller mapped them by hand; default: guessed from the headers. */
  mapping?: ColumnMapping;
  /** ISO time stamped on the rows written. */
  now: string;
  /** Updates the search index for the staged rows, chunk by chunk, before the commit. */
  indexer: CatalogIndexer;
  /** Rows staged so far out of the good rows; the last call is (total, total) after the commit. */
  onProgress?: (done: number, total: number) => void;
  /** Yields to the event loop between chunks (setImmediate by default; tests may count turns). */
  tick?: Tick;
}

/**
 * A catalog import that never holds the core for long: the file is read, mapped and prepared a
 * chunk per event-loop turn into a TEMP staging table (no lock on the database), then ONE short
 * transaction upserts every staged product by SKU and queues them for the search index. A failure
 * before or inside that transaction leaves the old catalog exactly as it was. The indexer then
 * writes the FTS rows in small batches before the call answers (after a crash, at the next start).
 */
export async function importCatalogChunked(sqlite: SQLite.Database, options: ChunkedImportOptions): Promise<ImportSummary> {
  const tick = options.tick ?? nextTurn;
  const read = await readCatalogChunked(
    options.csv,
    { defaultCurrency: options.defaultCurrency, ...(options.mapping ? { mapping: options.mapping } : {}) },
    tick,
  );
  if (read.missing.length) throw new MappingNeededError(read.missing);
  const total = read.rows.length;
  const table = `temp.catalog_import_${++staging}`;
  sqlite.exec(`CREATE TABLE ${table} (${STAGED.map((c) => (c === 'sku' ? 'sku TEXT PRIMARY KEY' : c)).join(', ')})`);
  try {
    const stage = sqlite.prepare(
      `INSERT OR REPLACE INTO ${table} (${STAGED.join(', ')}) VALUES (${STAGED.map((c) => `@${c}`).join(', ')})`,
    );
    const slicer = makeTimeSlicer(tick);
    // Stages rows from `from` until the time slice is used up; returns where it stopped.
    const stageSlice = sqlite.transaction((from: number): number => {
      let i = from;
      while (i < total && (i === from || !slicer.due())) {
        const { product } = read.rows[i] as (typeof read.rows)[number];
        const { shop_id: _s, now: _n, ...row } = productRowParams(options.shopId, product, options.now);
        stage.run({
          ...row,
          search_doc: JSON.stringify(productSearchDoc(product)),
          variant_rows: JSON.stringify(reconcileVariants(product).variants),
        });
        i++;
      }
      return i;
    });
    for (let done = 0; done < total;) {
      done = stageSlice(done);
      options.onProgress?.(done, total);
      await slicer.pause();
    }
    const updated = commitStaged(sqlite, table, options.shopId, options.now);
    sqlite.exec(`DROP TABLE IF EXISTS ${table}`);
    // The call answers once the bot can find the new products; the batches yield between them.
    await options.indexer.schedule();
    options.onProgress?.(total, total);
    return {
      format: read.format,
      created: total - updated,
      updated,
      errors: read.errors,
      totalRows: read.totalRows,
      assumptions: read.assumptions ?? [],
    };
  } finally {
    sqlite.exec(`DROP TABLE IF EXISTS ${table}`);
  }
}

/**
 * The one transaction: upsert every staged product by (shop, SKU), make its staged variants its
 * product_variants rows, and queue it for indexing; returns how many existed. A variant SKU another
 * product already uses throws (VariantSkuTakenError) and the whole import rolls back.
 */
function commitStaged(sqlite: SQLite.Database, table: string, shopId: number, now: string): number {
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
