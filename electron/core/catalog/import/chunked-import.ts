import type { ImportSummary } from '../../../../shared/contract/catalog';
import type { WritableSqlite } from '../../store';
import type { CatalogIndexer } from '../index-queue';
import { reconcileVariants } from '../../../../shared/domain/variants';
import { productRowParams } from '../products-repo';
import { productSearchDoc } from '../search-doc';
import { MappingNeededError } from './import-catalog';
import { readCatalogChunked } from './read-catalog-chunked';
import { makeImportStaging } from './staging-repo';
import { type Tick, makeTimeSlicer, nextTurn } from './time-slice';
import type { ColumnMapping } from './types';

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
export async function importCatalogChunked(sqlite: WritableSqlite, options: ChunkedImportOptions): Promise<ImportSummary> {
  const tick = options.tick ?? nextTurn;
  const read = await readCatalogChunked(
    options.csv,
    { defaultCurrency: options.defaultCurrency, ...(options.mapping ? { mapping: options.mapping } : {}) },
    tick,
  );
  if (read.missing.length) throw new MappingNeededError(read.missing);
  const total = read.rows.length;
  const staging = makeImportStaging(sqlite);
  try {
    const slicer = makeTimeSlicer(tick);
    // Stages rows from `from` until the time slice is used up; returns where it stopped.
    const stageSlice = staging.transaction((from: number): number => {
      let i = from;
      while (i < total && (i === from || !slicer.due())) {
        const { product } = read.rows[i] as (typeof read.rows)[number];
        const { shop_id: _s, now: _n, ...row } = productRowParams(options.shopId, product, options.now);
        staging.stage({
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
    const updated = staging.commit(options.shopId, options.now);
    staging.drop();
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
    staging.drop();
  }
}
