import { importNotice } from '../../../../shared/domain/notices';
import type { ProductVariant } from '../../../../shared/domain/catalog';
import type { ProductInput } from '../products-repo';
import type { ImportAssumption, ImportRowError, MappedRow } from './types';

/** One good record: the product it describes and, for a one-row-per-variant file, its variant. */
export interface ParsedRow {
  line: number;
  product: ProductInput;
  variant: ProductVariant | null;
  /** The stock cell that applies was empty (taken as "not counted": unlimited). */
  blankStock: boolean;
}

const MAX_LINES = 20;

/** What the import assumed, counted, with the first lines it applies to (the seller can look them up). */
export function assumption(code: ImportAssumption['code'], lines: readonly number[]): ImportAssumption[] {
  return lines.length ? [{ code, count: lines.length, lines: lines.slice(0, MAX_LINES) }] : [];
}

/**
 * Groups records into products: records that name a variant and share the product SKU become one
 * product whose variants are theirs (the first record gives the product's fields); a repeated SKU
 * without a variant, or a variant named twice, is reported and skipped.
 */
export function groupVariantRows(parsed: readonly ParsedRow[]): {
  rows: MappedRow[];
  errors: ImportRowError[];
  assumptions: ImportAssumption[];
} {
  const errors: ImportRowError[] = [];
  const bySku = new Map<string, { row: MappedRow; hasVariantRows: boolean; names: Set<string> }>();
  const rows: MappedRow[] = [];
  const grouped: number[] = [];
  const blank: number[] = [];
  for (const p of parsed) {
    const key = p.product.sku;
    const first = bySku.get(key);
    if (!first) {
      const row: MappedRow = { line: p.line, product: p.variant ? { ...p.product, variants: [p.variant] } : p.product };
      bySku.set(key, { row, hasVariantRows: p.variant !== null, names: new Set(p.variant ? [p.variant.name.toLowerCase()] : []) });
      rows.push(row);
      if (p.blankStock) blank.push(p.line);
      continue;
    }
    if (!p.variant || !first.hasVariantRows) {
      errors.push({
        line: p.line,
        reason: `SKU ${key} already appears on line ${first.row.line}; this row was skipped`,
        sku: key,
        notice: importNotice('duplicate_sku', { sku: key, first: first.row.line }),
      });
      continue;
    }
    if (first.names.has(p.variant.name.toLowerCase())) {
      errors.push({
        line: p.line,
        reason: `variant "${p.variant.name}" of SKU ${key} already appears; this row was skipped`,
        sku: key,
        notice: importNotice('duplicate_variant', { variant: p.variant.name, sku: key }),
      });
      continue;
    }
    first.names.add(p.variant.name.toLowerCase());
    first.row.product = { ...first.row.product, variants: [...first.row.product.variants, p.variant] };
    grouped.push(p.line);
    if (p.blankStock) blank.push(p.line);
  }
  return { rows, errors, assumptions: [...assumption('variants_grouped', grouped), ...assumption('stock_blank_unlimited', blank)] };
}
