import type { ProductFieldsInput } from '../../../shared/contract/catalog';
import type { Product, ProductVariant } from '../../../shared/domain/catalog';
import { applyProductPrice, reconcileVariants, tracksVariantStock, variantProblem } from '../../../shared/domain/variants';
import type { ProductInput } from './products-repo';

/**
 * The catalog's edit rules, pure: what a seller's edit, a copy or a bulk change makes of a
 * product. Each returns the next product or a problem the handler turns into a contract error.
 */
export type EditProblem =
  | { code: 'variant_name_missing' | 'variant_name_twice' | 'variant_sku_twice'; value: string }
  | { code: 'stock_per_variant'; value: string };

export type EditResult = { ok: true; product: ProductInput } | { ok: false; problem: EditProblem };

const toVariant = (v: ProductFieldsInput['variants'][number]): ProductVariant => ({
  name: v.name,
  sku: v.sku || null,
  price: v.price,
  stock: v.stock,
  ...(v.options !== undefined && { options: v.options }),
  ...(v.compareAtPrice !== undefined && { compareAtPrice: v.compareAtPrice }),
});

/**
 * A seller's edit of `current`. New variants replace the old ones. A new price without new
 * variants moves the variants that shared the old price. A product-level stock on a product whose
 * variants count their own is refused: the seller edits the sizes, the product adds them up.
 */
export function applyEdit(current: ProductInput, patch: Partial<ProductFieldsInput>): EditResult {
  const { variants: newVariants, price, stock, ...rest } = patch;
  let next: ProductInput = { ...current, ...rest };
  if (newVariants !== undefined) {
    const variants = newVariants.map(toVariant);
    const problem = variantProblem(variants);
    if (problem) return { ok: false, problem };
    next = { ...next, variants };
    if (price !== undefined) next = { ...next, price };
    if (stock !== undefined) next = { ...next, stock };
    return { ok: true, product: reconcileVariants(next) };
  }
  if (price !== undefined && price !== current.price) next = applyProductPrice(next, price);
  if (stock !== undefined && stock !== current.stock) {
    if (tracksVariantStock(next)) return { ok: false, problem: { code: 'stock_per_variant', value: current.sku } };
    next = { ...next, stock };
  }
  return { ok: true, product: reconcileVariants(next) };
}

/** A SKU free in the shop: the wanted one, else with -2, -3, … appended. */
export function freeSku(wanted: string, taken: (sku: string) => boolean): string {
  if (!taken(wanted)) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}

/** A copy to edit into a similar product: same fields, a free SKU, variants with free SKUs too. */
export function duplicateOf(p: Product, taken: (sku: string) => boolean): ProductInput {
  const { id: _id, shopId: _shop, archivedAt: _a, ...fields } = p;
  const sku = freeSku(p.sku, taken);
  const used = new Set<string>();
  const variantTaken = (s: string) => used.has(s) || taken(s);
  const variants = p.variants.map((v) => {
    if (!v.sku) return v;
    const copy = freeSku(v.sku, variantTaken);
    used.add(copy);
    return { ...v, sku: copy };
  });
  return { ...fields, sku, variants };
}

export type BulkPrice = { set: number } | { percent: number };

const roundMoney = (n: number): number => Math.round(n * 100) / 100;

/**
 * A bulk change on one product: a price set or moved by a percentage (each variant's own price
 * too), and a stock given to the product or, when sizes count their own, to every size.
 */
export function applyBulk(p: ProductInput, change: { price?: BulkPrice; stock?: number | null }): ProductInput {
  let next = p;
  if (change.price) {
    const price = change.price;
    const to = (old: number) => ('set' in price ? price.set : Math.max(0, roundMoney(old * (1 + price.percent / 100))));
    next = { ...next, price: to(next.price), variants: next.variants.map((v) => (v.price === null ? v : { ...v, price: to(v.price) })) };
  }
  if (change.stock !== undefined) {
    const stock = change.stock;
    next = tracksVariantStock(next) ? { ...next, stock, variants: next.variants.map((v) => ({ ...v, stock })) } : { ...next, stock };
  }
  return reconcileVariants(next);
}
