import type { Product } from '../../../../shared/domain/catalog';
import { writeCsv } from './csv';
import { NATIVE_COLUMNS, NATIVE_EXTRA_COLUMNS } from './mapped';

const formatNumber = (n: number): string => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100));

/**
 * The catalog in our native layout (what `readCatalog` reads back to the same products).
 * Variants keep their names only; per-variant SKU/price/stock from a platform import are flattened.
 */
export function exportCatalogCsv(products: readonly Product[]): string {
  const header = [...NATIVE_COLUMNS, ...NATIVE_EXTRA_COLUMNS];
  const rows = products.map((p) => [
    p.sku,
    p.name,
    p.altNames.join(';'),
    p.category,
    formatNumber(p.price),
    p.currency,
    p.stock === null ? '' : String(p.stock),
    p.variants.map((v) => v.name).join('|'),
    p.aliases.join(';'),
    p.description,
    p.compareAtPrice === null ? '' : formatNumber(p.compareAtPrice),
    p.images.join('|'),
    p.upsellSkus.join(';'),
  ]);
  return writeCsv([header, ...rows]);
}
