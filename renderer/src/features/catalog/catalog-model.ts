import { intlLocale, isLocale } from '../../i18n/define';
import type { ColumnMapping, ProductField } from '../../../../shared/contract/catalog';

/** Fields the mapping step offers, required first. */
export const MAPPABLE_FIELDS: readonly ProductField[] = [
  'name',
  'price',
  'sku',
  'stock',
  'category',
  'currency',
  'altNames',
  'aliases',
  'variants',
  'description',
  'compareAtPrice',
  'images',
  'upsellSkus',
  'variant',
  'variantSku',
  'variantPrice',
  'variantStock',
  'variantOptions',
];
export const REQUIRED_FIELDS: readonly ProductField[] = ['name', 'price'];

/** What the seller typed in the inline price cell: a non-negative number, commas as decimals allowed. */
export function parsePriceInput(text: string): number | null {
  const cleaned = text.replace(/[\s\u00A0]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** Inline stock cell: blank = unlimited (null), else a whole number >= 0; undefined = invalid. */
export function parseStockInput(text: string): number | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  if (!/^\d+$/.test(t)) return undefined;
  return Number(t);
}

export function formatPrice(value: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(isLocale(locale) ? intlLocale(locale) : locale, {
      style: 'currency',
      currency,
      maximumFractionDigits: 2,
    }).format(value);
  } catch {
    return `${value} ${currency}`;
  }
}

/** Whole percent of an import done, 0-100, safe for total 0. */
export const progressPercent = (done: number, total: number): number =>
  total <= 0 ? 100 : Math.min(100, Math.round((done / total) * 100));

/** The mapping with one field changed; choosing "none" removes it. */
export function setMapping(mapping: ColumnMapping, field: ProductField, header: string | null): ColumnMapping {
  const next: ColumnMapping = { ...mapping };
  if (header) next[field] = header;
  else delete next[field];
  return next;
}

export const missingRequired = (mapping: ColumnMapping): ProductField[] => REQUIRED_FIELDS.filter((f) => !mapping[f]);

/** Name of the exported file: shop + date, safe on every OS. */
export function exportFileName(shopName: string, now: Date): string {
  const slug =
    shopName
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'catalog';
  return `${slug}-catalog-${now.toISOString().slice(0, 10)}.csv`;
}
