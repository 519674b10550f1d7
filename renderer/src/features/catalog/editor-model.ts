import type { ProductFieldsInput } from '../../../../shared/contract/catalog';
import type { Product } from '../../../../shared/domain/catalog';
import { parsePriceInput, parseStockInput } from './catalog-model';

/**
 * The product editor's form: every field as the text the seller types, and the conversion to the
 * contract's ProductFieldsInput with one error key per bad field. Pure.
 */
export interface VariantForm {
  name: string;
  sku: string;
  price: string;
  stock: string;
}

export interface ProductForm {
  sku: string;
  name: string;
  /** One name per line (other languages). */
  altNames: string;
  /** Comma-separated customer words. */
  aliases: string;
  category: string;
  description: string;
  price: string;
  compareAtPrice: string;
  stock: string;
  /** One photo URL or path per line. */
  images: string;
  variants: VariantForm[];
}

export type FormError = 'nameRequired' | 'badPrice' | 'badStock' | 'variantName' | 'variantTwice' | 'variantPrice' | 'variantStock';

const numberText = (n: number | null | undefined): string => (n === null || n === undefined ? '' : String(n));

export const emptyForm = (): ProductForm => ({
  sku: '',
  name: '',
  altNames: '',
  aliases: '',
  category: '',
  description: '',
  price: '',
  compareAtPrice: '',
  stock: '',
  images: '',
  variants: [],
});

export const emptyVariant = (): VariantForm => ({ name: '', sku: '', price: '', stock: '' });

export function formOf(p: Product): ProductForm {
  return {
    sku: p.sku,
    name: p.name,
    altNames: p.altNames.join('\n'),
    aliases: p.aliases.join(', '),
    category: p.category,
    description: p.description,
    price: numberText(p.price),
    compareAtPrice: numberText(p.compareAtPrice),
    stock: numberText(p.stock),
    images: p.images.join('\n'),
    variants: p.variants.map((v) => ({ name: v.name, sku: v.sku ?? '', price: numberText(v.price), stock: numberText(v.stock) })),
  };
}

const lines = (text: string, separator: RegExp): string[] => [
  ...new Set(
    text
      .split(separator)
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

/** True when some variant counts its own stock: the product's stock is then their sum, not typed. */
export const stockPerVariant = (form: ProductForm): boolean => form.variants.some((v) => v.stock.trim() !== '');

/**
 * The form as contract input, or the first problem per field. `original` (when editing) keeps the
 * variants' options, which the form does not show, attached to the variants of the same name.
 */
export function toFields(
  form: ProductForm,
  original?: Product,
): { ok: true; fields: ProductFieldsInput } | { ok: false; errors: Partial<Record<string, FormError>> } {
  const errors: Partial<Record<string, FormError>> = {};
  const name = form.name.trim();
  if (!name) errors.name = 'nameRequired';
  const price = parsePriceInput(form.price);
  if (price === null) errors.price = 'badPrice';
  const compareAtPrice = form.compareAtPrice.trim() === '' ? null : parsePriceInput(form.compareAtPrice);
  if (compareAtPrice === null && form.compareAtPrice.trim() !== '') errors.compareAtPrice = 'badPrice';
  const stock = parseStockInput(form.stock);
  if (stock === undefined && !stockPerVariant(form)) errors.stock = 'badStock';
  const seen = new Set<string>();
  const variants = form.variants
    .filter((v) => v.name.trim() || v.sku.trim() || v.price.trim() || v.stock.trim())
    .map((v, i) => {
      const vName = v.name.trim();
      if (!vName) errors[`variant-${i}-name`] = 'variantName';
      else if (seen.has(vName.toLowerCase())) errors[`variant-${i}-name`] = 'variantTwice';
      seen.add(vName.toLowerCase());
      const vPrice = v.price.trim() === '' ? null : parsePriceInput(v.price);
      if (vPrice === null && v.price.trim() !== '') errors[`variant-${i}-price`] = 'variantPrice';
      const vStock = parseStockInput(v.stock);
      if (vStock === undefined) errors[`variant-${i}-stock`] = 'variantStock';
      const options = original?.variants.find((o) => o.name === vName)?.options;
      return { name: vName, sku: v.sku.trim() || null, price: vPrice, stock: vStock ?? null, ...(options && { options }) };
    });
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    fields: {
      name,
      altNames: lines(form.altNames, /\n/),
      aliases: lines(form.aliases, /[,;\n]/),
      category: form.category.trim(),
      description: form.description.trim(),
      price: price ?? 0,
      compareAtPrice,
      stock: stockPerVariant(form) ? null : (stock ?? null),
      variants,
      images: lines(form.images, /\n/),
      upsellSkus: original?.upsellSkus ?? [],
    },
  };
}
