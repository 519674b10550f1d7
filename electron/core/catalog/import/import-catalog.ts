import type { ImportSummary } from '../../../../shared/contract/catalog';
import type { ProductsRepo } from '../products-repo';
import { readCatalog } from './read-catalog';
import type { ColumnMapping } from './types';

export class MappingNeededError extends Error {
  constructor(readonly missing: string[]) {
    super(`No column gives the product ${missing.join(' and ')}; map the columns first.`);
    this.name = 'MappingNeededError';
  }
}

export interface ImportOptions {
  /** The shop whose catalog the rows go into (upserted by SKU). */
  shopId: number;
  /** The file's text, already decoded (UTF-8 or the Latin code page the seller chose). */
  csv: string;
  /** Currency of a row whose price has none (the shop's currency). */
  defaultCurrency: string;
  /** Which column holds which field, when the seller mapped them by hand; default: guessed from the headers. */
  mapping?: ColumnMapping;
  /** ISO time stamped on the rows written. */
  now: string;
  /** Called every `progressEvery` rows and at the end. */
  onProgress?: (done: number, total: number) => void;
  /** Rows between two `onProgress` calls. Default max(50, 1 % of the rows). */
  progressEvery?: number;
}

/**
 * Reads and stores a catalog file: every good row upserted by SKU in ONE transaction (a crash
 * leaves the previous catalog intact), bad rows reported with their line numbers.
 */
export function importCatalog(repo: ProductsRepo, options: ImportOptions): ImportSummary {
  const read = readCatalog(options.csv, {
    defaultCurrency: options.defaultCurrency,
    ...(options.mapping ? { mapping: options.mapping } : {}),
  });
  if (read.missing.length) throw new MappingNeededError(read.missing);
  const total = read.rows.length;
  const every = options.progressEvery ?? Math.max(50, Math.ceil(total / 100));
  const result = repo.upsertMany(
    options.shopId,
    read.rows.map((r) => r.product),
    options.now,
    options.onProgress ? { every, onProgress: options.onProgress } : undefined,
  );
  return {
    format: read.format,
    created: result.created,
    updated: result.updated,
    errors: read.errors,
    totalRows: read.totalRows,
    assumptions: read.assumptions ?? [],
  };
}
