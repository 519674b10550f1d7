import type { Product, ProductVariant } from '../../../../shared/domain/catalog';
import { escapeFormula } from '../../csv';
import { writeCsv } from './csv';
import { NATIVE_COLUMNS, NATIVE_EXTRA_COLUMNS } from './mapped';

const formatNumber = (n: number): string => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100));
const optional = (n: number | null | undefined): string => (n === null || n === undefined ? '' : formatNumber(n));

/** A variant carries data of its own (then it gets its own row), or is only a name in a list. */
const ownData = (v: ProductVariant): boolean => v.sku !== null || v.price !== null || v.stock !== null || (v.options?.length ?? 0) > 0;

/**
 * The catalog in our native layout, which `readCatalog` reads back to the same products: a product
 * whose variants have their own SKU, price, stock or options gets one row per variant (the product
 * columns repeated, `variant*` columns filled); name-only variants stay a "S|M|L" list. Every cell
 * is escaped against spreadsheet formulas.
 */
export function exportCatalogCsv(products: readonly Product[]): string {
  const header = [...NATIVE_COLUMNS, ...NATIVE_EXTRA_COLUMNS];
  const rows: string[][] = [];
  for (const p of products) {
    const perRow = p.variants.some(ownData);
    const base = (variantList: string, stock: number | null) => [
      p.sku,
      p.name,
      p.altNames.join(';'),
      p.category,
      formatNumber(p.price),
      p.currency,
      optional(stock),
      variantList,
      p.aliases.join(';'),
      p.description,
      optional(p.compareAtPrice),
      p.images.join('|'),
      p.upsellSkus.join(';'),
    ];
    if (!perRow) {
      rows.push([...base(p.variants.map((v) => v.name).join('|'), p.stock), '', '', '', '', '']);
      continue;
    }
    // The product's stock is implied by its variants' when they count their own; otherwise it is the shared pool.
    const sharedStock = p.variants.some((v) => v.stock !== null) ? null : p.stock;
    for (const v of p.variants) {
      const options = (v.options ?? []).map((o) => (o.name ? `${o.name}=${o.value}` : o.value)).join('|');
      rows.push([...base('', sharedStock), v.name, v.sku ?? '', optional(v.price), optional(v.stock), options]);
    }
  }
  return writeCsv([header, ...rows.map((r) => r.map(escapeFormula))]);
}
