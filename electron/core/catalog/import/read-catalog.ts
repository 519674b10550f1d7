import { parseCsv } from './csv';
import { NATIVE_COLUMNS, NATIVE_EXTRA_COLUMNS, NATIVE_MAPPING, guessMapping, readMapped } from './mapped';
import { isShopifyHeader, readShopify } from './shopify';
import type { ColumnMapping, MappingResult, ReadOptions } from './types';
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
  const { header, records } = parseCsv(csv);
  const base = { headers: header, totalRows: records.length };
  if (options.mapping && Object.keys(options.mapping).length > 0) return { ...base, ...readMapped(header, records, options.mapping, options, 'mapped') };
  if (isShopifyHeader(header)) return { ...base, ...readShopify(header, records, options) };
  if (isWooHeader(header)) return { ...base, ...readWooCommerce(header, records, options) };
  const lower = header.map((h) => h.toLowerCase());
  const known: readonly string[] = [...NATIVE_COLUMNS, ...NATIVE_EXTRA_COLUMNS];
  if (['sku', 'name', 'price'].every((h) => lower.includes(h)) && lower.every((h) => known.includes(h))) {
    return { ...base, ...readMapped(header, records, NATIVE_MAPPING, options, 'native') };
  }
  return { ...base, ...readMapped(header, records, guessMapping(header), options, 'mapped') };
}
