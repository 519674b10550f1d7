import type { ProductFieldsInput } from '../../../../shared/contract/catalog';
import type { Product, VariantOption } from '../../../../shared/domain/catalog';
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
  /** Option values as typed: "Taille: M, Couleur: Rouge". */
  options: string;
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

export type FormError =
  'nameRequired' | 'badPrice' | 'badStock' | 'variantName' | 'variantTwice' | 'variantPrice' | 'variantStock' | 'variantOptions';

/** At most this many option values per variant (the contract's limit). */
const MAX_OPTIONS = 5;

/** Option values as the form shows them: "Taille: M, Couleur: Rouge" (a value without a name alone). */
export const optionsText = (options: readonly VariantOption[] | undefined): string =>
  (options ?? []).map((o) => (o.name ? `${o.name}: ${o.value}` : o.value)).join(', ');

/**
 * The typed option values, or null when they cannot be stored (more than five, a name without a
 * value). Commas (Latin or Arabic), semicolons and "|" separate them; ":" or "=" a name from its value.
 */
export function parseOptions(text: string): VariantOption[] | null {
  const parts = text
    .split(/[,،;|]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length > MAX_OPTIONS) return null;
  const options: VariantOption[] = [];
  for (const part of parts) {
    const at = part.search(/[:=]/);
    const name = at < 0 ? '' : part.slice(0, at).trim();
    const value = at < 0 ? part : part.slice(at + 1).trim();
    if (!value) return null;
    options.push({ name, value });
  }
  return options;
}

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

export const emptyVariant = (): VariantForm => ({ name: '', sku: '', price: '', stock: '', options: '' });

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
    variants: p.variants.map((v) => ({
      name: v.name,
      sku: v.sku ?? '',
      price: numberText(v.price),
      stock: numberText(v.stock),
      options: optionsText(v.options),
    })),
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
 * The form as contract input, or the first problem per field. A variant without a name but with
 * values is named by them ("M / Rouge", as Shopify names its variants). `original` (when editing)
 * keeps what the form does not show (upsells).
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
    .filter((v) => v.name.trim() || v.sku.trim() || v.price.trim() || v.stock.trim() || v.options.trim())
    .map((v, i) => {
      const options = parseOptions(v.options);
      if (options === null) errors[`variant-${i}-options`] = 'variantOptions';
      const vName = v.name.trim() || (options ?? []).map((o) => o.value).join(' / ');
      if (!vName) errors[`variant-${i}-name`] = 'variantName';
      else if (seen.has(vName.toLowerCase())) errors[`variant-${i}-name`] = 'variantTwice';
      seen.add(vName.toLowerCase());
      const vPrice = v.price.trim() === '' ? null : parsePriceInput(v.price);
      if (vPrice === null && v.price.trim() !== '') errors[`variant-${i}-price`] = 'variantPrice';
      const vStock = parseStockInput(v.stock);
      if (vStock === undefined) errors[`variant-${i}-stock`] = 'variantStock';
      return {
        name: vName,
        sku: v.sku.trim() || null,
        price: vPrice,
        stock: vStock ?? null,
        ...(options && options.length > 0 ? { options } : {}),
      };
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
