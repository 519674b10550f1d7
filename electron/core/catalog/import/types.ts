import type { ColumnMapping, ImportAssumption, ImportFormat, ImportRowError } from '../../../../shared/contract/catalog';
import type { ProductInput } from '../products-repo';

export type { ColumnMapping, ImportAssumption, ImportFormat, ImportRowError };

export interface MappedRow {
  /** 1-based line of the record the product starts on. */
  line: number;
  product: ProductInput;
}

/** What a format reader makes of a file: products ready to store and the rows it could not use. */
export interface MappingResult {
  format: ImportFormat;
  mapping: ColumnMapping;
  /** Required fields no column fills (a mapping step is needed). */
  missing: ('name' | 'price')[];
  rows: MappedRow[];
  errors: ImportRowError[];
  /** What the reader assumed (blank stock taken as unlimited, variant rows grouped into products). */
  assumptions?: ImportAssumption[];
}

export interface ReadOptions {
  /** Used when the file names no currency. */
  defaultCurrency: string;
}
