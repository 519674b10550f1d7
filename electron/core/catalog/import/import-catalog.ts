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
  shopId: number;
  csv: string;
  defaultCurrency: string;
  mapping?: ColumnMapping;
  now: string;
  /** Called every `progressEvery` rows and at the end. */
  onProgress?: (done: number, total: number) => void;
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
