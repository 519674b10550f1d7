import type { Product, ProductVariant } from './catalog';

/**
 * Rules that keep a product and its variants telling the same story. Pure; used by the catalog
 * repository on every write and read (so rows written before these rules obey them too), by the
 * editor in the renderer, and by anything that quotes a variant's price or stock.
 */

type Priced = Pick<Product, 'price' | 'compareAtPrice' | 'stock' | 'variants'>;

/** True when at least one variant counts its own stock (Shopify/WooCommerce per-row inventory). */
export const tracksVariantStock = (p: Pick<Product, 'variants'>): boolean => p.variants.some((v) => v.stock !== null);

/** A variant's price: its own, or the product's when it shares it. */
export const variantPrice = (p: Pick<Product, 'price'>, v: ProductVariant): number => v.price ?? p.price;

/**
 * A variant's stock: its own count, else the product's (a shared pool, or null = unlimited; when
 * other variants count their own, the product's stock is null, so an untracked variant is unlimited).
 */
export const variantStock = (p: Pick<Product, 'stock'>, v: ProductVariant): number | null => v.stock ?? p.stock;

/** The variant a customer or an order line names, by name (case- and space-insensitive) or SKU. */
export function findVariantOf(p: Pick<Product, 'variants'>, nameOrSku: string): ProductVariant | undefined {
  const key = nameOrSku.trim().toLowerCase().replace(/\s+/g, ' ');
  return (
    p.variants.find((v) => v.name.trim().toLowerCase().replace(/\s+/g, ' ') === key) ??
    p.variants.find((v) => v.sku !== null && v.sku.toLowerCase() === key)
  );
}

/**
 * The product-level price and stock its variants imply:
 * - when any variant counts its own stock, the product's stock is their sum, or null (unlimited)
 *   when some variant is not counted — so the product is never "sold out" while a size is in stock;
 * - when every variant has its own price, the product's price is the lowest ("from" price), with
 *   that variant's compare-at price when it has one.
 * Variant names are trimmed; prices and stock are otherwise left as given.
 */
export function reconcileVariants<T extends Priced>(p: T): T {
  if (p.variants.length === 0) return p;
  const variants = p.variants.map((v) => (v.name === v.name.trim() ? v : { ...v, name: v.name.trim() }));
  let { stock, price, compareAtPrice } = p;
  if (tracksVariantStock({ variants })) {
    stock = variants.every((v) => v.stock !== null) ? variants.reduce((sum, v) => sum + Math.max(0, v.stock ?? 0), 0) : null;
  }
  if (variants.every((v) => v.price !== null)) {
    const cheapest = variants.reduce((a, b) => ((b.price ?? 0) < (a.price ?? 0) ? b : a));
    price = cheapest.price ?? price;
    if (cheapest.compareAtPrice !== undefined) compareAtPrice = cheapest.compareAtPrice;
  }
  return { ...p, variants, stock, price, compareAtPrice };
}

/**
 * A new product price, as the seller types it on the product: the variants that share the old
 * price (their own price equals it) follow; variants priced differently keep their price.
 */
export function applyProductPrice<T extends Priced>(p: T, price: number): T {
  const variants = p.variants.map((v) => (v.price !== null && v.price === p.price ? { ...v, price } : v));
  return reconcileVariants({ ...p, price, variants });
}

/**
 * Why a set of variants cannot be stored, or null: every variant needs a name, names and SKUs are
 * unique within the product (an order line names its variant by name).
 */
export function variantProblem(
  variants: readonly ProductVariant[],
): { code: 'variant_name_missing' | 'variant_name_twice' | 'variant_sku_twice'; value: string } | null {
  const names = new Set<string>();
  const skus = new Set<string>();
  for (const v of variants) {
    const name = v.name.trim().toLowerCase();
    if (!name) return { code: 'variant_name_missing', value: v.sku ?? '' };
    if (names.has(name)) return { code: 'variant_name_twice', value: v.name.trim() };
    names.add(name);
    if (v.sku) {
      const sku = v.sku.trim().toLowerCase();
      if (skus.has(sku)) return { code: 'variant_sku_twice', value: v.sku };
      skus.add(sku);
    }
  }
  return null;
}
