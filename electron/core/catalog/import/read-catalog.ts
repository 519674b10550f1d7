import { importNotice } from '../../../../shared/domain/notices';
import { REPLACEMENT_CHARACTER } from '../../../../shared/domain/catalog-file';
import { type CsvRecord, parseCsv } from './csv';
import { NATIVE_COLUMNS, NATIVE_EXTRA_COLUMNS, NATIVE_MAPPING, guessMapping, readMapped } from './mapped';
import { isShopifyHeader, readShopify } from './shopify';
import type { ColumnMapping, ImportRowError, MappingResult, ReadOptions } from './types';
import { isWooHeader, readWooCommerce } from './woocommerce';

export interface ReadCatalogResult extends MappingResult {
  headers: string[];
  /** Data records in the file (header excluded). */
  totalRows: number;
}

/**
 * Reads catalog CSV text of any supported layout: an explicit mapping wins; otherwise Shopify,
 * WooCommerce, our native layout, or a guessed mapping (reported so the seller can correct it).
 */
export function readCatalog(csv: string, options: ReadOptions & { mapping?: ColumnMapping }): ReadCatalogResult {
  const { header, records: data } = parseCsv(csv);
  const { records, unreadable } = splitUnreadable(data);
  const base = { headers: header, totalRows: data.length };
  const read = readRecords(header, records, options);
  return { ...base, ...read, errors: [...unreadable, ...read.errors].sort((a, b) => a.line - b.line) };
}

/**
 * Records holding U+FFFD (text decoded with the wrong encoding) set apart as bad rows: a garbled
 * name is never imported, and never counted as a good row.
 */
export function splitUnreadable(data: readonly CsvRecord[]): { records: CsvRecord[]; unreadable: ImportRowError[] } {
  const unreadable: ImportRowError[] = [];
  const records = data.filter((r) => {
    if (!r.cells.some((c) => c.includes(REPLACEMENT_CHARACTER))) return true;
    unreadable.push({
      line: r.line,
      reason: 'unreadable characters (the file is not UTF-8: save it as "CSV UTF-8" and import it again)',
      sku: null,
      notice: importNotice('unreadable'),
    });
    return false;
  });
  return { records, unreadable };
}

function readRecords(header: string[], records: CsvRecord[], options: ReadOptions & { mapping?: ColumnMapping }): MappingResult {
  if (options.mapping && Object.keys(options.mapping).length > 0) return readMapped(header, records, options.mapping, options, 'mapped');
  if (isShopifyHeader(header)) return readShopify(header, records, options);
  if (isWooHeader(header)) return readWooCommerce(header, records, options);
  const lower = header.map((h) => h.toLowerCase());
  const known: readonly string[] = [...NATIVE_COLUMNS, ...NATIVE_EXTRA_COLUMNS];
  if (['sku', 'name', 'price'].every((h) => lower.includes(h)) && lower.every((h) => known.includes(h))) {
    return readMapped(header, records, NATIVE_MAPPING, options, 'native');
  }
  return readMapped(header, records, guessMapping(header), options, 'mapped');
}
