import type { Product } from '../../../../shared/domain/catalog';
import { conceptOf } from '../../text';
import { fold, tokens } from '../nlu/normalise';
import { findQuantity, findVariant } from '../nlu/order-slots';
import type { TurnContext } from './answers';
import { type Pick, resolveProducts } from './resolve';

/**
 * Remembers the variant and count the customer gives for each product they name (or, naming
 * none, for the product just discussed), so the order takes them whenever it starts. Returns
 * the product just discussed when the message named it only by one of its variants.
 */
export function noteMentions(ctx: TurnContext, several: Pick[] | null, named: Product[], remembered: Product | null): Product | null {
  const first = named[0];
  const parts: { product: Product; part: string }[] = several
    ? several.map((p) => ({ product: p.product, part: p.part }))
    : first
      ? [{ product: first, part: ctx.rest }]
      : remembered
        ? [{ product: remembered, part: ctx.rest }]
        : [];
  let byVariant: Product | null = null;
  for (const { product, part } of parts) {
    const variant = findVariant(part, product);
    const quantity = findQuantity(
      part,
      product.variants.map((v) => v.name),
    );
    if (!variant && quantity === null) continue;
    const before = ctx.state.mentions[product.sku];
    ctx.state.mentions[product.sku] = { variant: variant ?? before?.variant ?? null, quantity: quantity ?? before?.quantity ?? null };
    if (variant && product === remembered && !first) byVariant = product;
  }
  return byVariant;
}

/** The message names nothing but a variant of a product in the cart or of the one just discussed. */
export async function onlyAVariant(ctx: TurnContext, words: string): Promise<boolean> {
  const skus = [...new Set([...ctx.state.cart.map((c) => c.sku), ...ctx.state.lastSkus.slice(0, 1)])];
  for (const sku of skus) {
    const p = await ctx.deps.products.bySku(ctx.shopId, sku);
    const variant = p ? findVariant(words, p) : null;
    if (!p || !variant) continue;
    const vWords = new Set(tokens(fold(variant)));
    const left = tokens(fold(words)).filter((w) => !vWords.has(w) && !conceptOf(w));
    const stillNamed = left.length ? await resolveProducts(ctx.deps.products, ctx.shopId, left.join(' ')) : [];
    if (!stillNamed.length) return true;
  }
  return false;
}

/** Whether a product's name, aliases or category carry a word (a town's name that is part of the product's). */
export function productNames(p: Product, word: string): boolean {
  const w = fold(word).trim();
  return [p.name, ...p.altNames, ...p.aliases, p.category].some((n) => tokens(fold(n)).includes(w));
}

/** How many order details (name, phone, place, address) the message gives. */
export const extractSlotsCount = (ctx: TurnContext): number => {
  const f = ctx.found;
  return [f.name, f.phone, f.place, f.address].filter(Boolean).length;
};
