import type { Product } from '../../../../shared/domain/catalog';
import { nameFor } from './product-name';
import type { BrainInput } from '../types';
import { upsellFor } from '../closer';
import { YES_WORDS, NO_WORDS } from '../nlu/intent-lexicon';
import { DZ_LATN_STRONG, EN, FR, IT, PT } from '../nlu/language-lexicon';
import { fold, tokens } from '../nlu/normalise';
import { type SlotName, extractSlots, findQuantity, findVariant } from '../nlu/order-slots';
import { say } from '../templates';
import { formatList } from '../templates/format';
import { type TurnContext, outOfStock, priceOf } from './answers';
import type { Draft } from './draft';
import {
  type CartLine,
  addToCart,
  askForSlots,
  lineNeedingVariant,
  missingSlots,
  stockOf,
  summaryText,
  totalsOf,
  unitPriceOf,
  variantsInStock,
} from './order-flow';
import { rememberSkus } from './resolve';

/** A word no one is called: customers' bare names are told apart from ordinary replies with this. */
export const commonWord = (w: string): boolean =>
  FR.has(w) || EN.has(w) || PT.has(w) || IT.has(w) || DZ_LATN_STRONG.has(w) || YES_WORDS.has(w) || NO_WORDS.has(w) || w.length < 2;

/** "oui", "ih", "yes please", "نعم" → yes; "non", "la", "annule" → no; anything longer is neither. */
export function yesOrNo(text: string): 'yes' | 'no' | null {
  const words = tokens(fold(text));
  if (words.length === 0 || words.length > 5) return null;
  if (words.some((w) => /^(annul|cancel|annulla)/.test(w))) return 'no';
  if (words.some((w) => /^(confirm|conferm|valid)/.test(w))) return 'yes';
  const first = words[0] ?? '';
  if (NO_WORDS.has(first)) return 'no';
  if (YES_WORDS.has(first) || words.every((w) => YES_WORDS.has(w) || ['merci', 'please', 'svp', 'stp', 'khoya', 'sahbi', 'por', 'favor', 'grazie', 'شكرا', 'خويا'].includes(w))) return 'yes';
  return null;
}

export async function cartLines(ctx: TurnContext): Promise<CartLine[]> {
  const out: CartLine[] = [];
  for (const item of ctx.state.cart) {
    const product = await ctx.deps.products.bySku(ctx.shopId, item.sku);
    if (product) out.push({ item, product, unitPrice: unitPriceOf(product, item.variant) });
  }
  return out;
}

export const awaitingSlots = (ctx: TurnContext): SlotName[] => {
  if (ctx.state.stage === 'browsing') return [];
  const s = ctx.state.slots;
  return (['name', 'phone', 'wilaya', 'address'] as const).filter((k) => !s[k]);
};

/** Copies what the customer just gave into the slots; returns how many fields were new. */
export function applySlots(ctx: TurnContext): number {
  const found = extractSlots(ctx.text, awaitingSlots(ctx), commonWord);
  const s = ctx.state.slots;
  if (found.name) s.name = found.name;
  if (found.phone) s.phone = found.phone;
  if (found.place) s.wilaya = found.place.name;
  if (found.commune) s.commune = found.commune;
  if (found.address) s.address = found.address;
  return [found.name, found.phone, found.place, found.commune, found.address].filter(Boolean).length;
}

async function askProduct(ctx: TurnContext, d: Draft): Promise<void> {
  const sample = (await ctx.deps.sampleProducts?.(ctx.shopId, 4)) ?? [];
  d.parts.push(sample.length ? say(ctx.language, 'askProduct', { list: formatList(sample.map((p) => p.name), ctx.language) }) : say(ctx.language, 'otherShort'));
}

/**
 * One step of taking an order: add what the customer names (variant, quantity), take whatever
 * details they give in any order, ask only for what is missing, then show the summary and ask
 * for confirmation.
 */
export async function orderStep(ctx: TurnContext, d: Draft, named: Product[], remembered: Product | null): Promise<void> {
  const l = ctx.language;
  const state = ctx.state;
  const wasEmpty = state.cart.length === 0;
  let product: Product | null = named[0] ?? null;
  if (!product && wasEmpty && state.stage === 'browsing') product = remembered;

  if (product) {
    const variant = findVariant(ctx.text, product);
    const stock = stockOf(product, variant);
    if ((stock !== null && stock <= 0) || (product.stock !== null && product.stock <= 0)) {
      await outOfStock(ctx, d, product, variant);
      return;
    }
    const quantity = findQuantity(ctx.text, product.variants.map((v) => v.name));
    const added = addToCart(state, product.sku, variant ?? (product.variants.length === 1 ? (product.variants[0]?.name ?? null) : null), quantity);
    if (state.pendingVariantSku === product.sku && variant) state.pendingVariantSku = null;
    state.lastSkus = rememberSkus([product.sku], state.lastSkus);
    d.orderAction = wasEmpty ? 'start' : added ? 'add_item' : 'none';
    d.skus.push(product.sku);
    d.citations.push(`product:${product.id}`);
  } else if (state.pendingVariantSku) {
    const pending = await ctx.deps.products.bySku(ctx.shopId, state.pendingVariantSku);
    const line = state.cart.find((c) => c.sku === state.pendingVariantSku);
    const variant = pending ? findVariant(ctx.text, pending) : null;
    if (pending && line && variant) {
      const stock = stockOf(pending, variant);
      if (stock !== null && stock <= 0) {
        await outOfStock(ctx, d, pending, variant);
        return;
      }
      line.variant = variant;
      state.pendingVariantSku = null;
    }
  } else if (state.cart.length === 1) {
    const q = findQuantity(ctx.text);
    const only = state.cart[0];
    if (q && only) only.quantity = q;
  }

  if (state.cart.length === 0) {
    await askProduct(ctx, d);
    return;
  }
  applySlots(ctx);
  state.stage = 'collecting';
  const lines = await cartLines(ctx);
  for (const line of lines) {
    d.skus.push(line.product.sku);
    d.citations.push(`product:${line.product.id}`);
  }
  d.orderItems = state.cart.map((c) => ({ sku: c.sku, quantity: c.quantity, variant: c.variant }));

  const needs = lineNeedingVariant(lines);
  if (needs) {
    state.pendingVariantSku = needs.product.sku;
    d.parts.push(say(l, 'price', { name: nameFor(needs.product, l), price: priceOf(needs.product, null, l) }));
    d.parts.push(say(l, 'askVariant', { name: needs.product.name, variants: formatList(variantsInStock(needs.product), l) }));
    return;
  }
  const missing = missingSlots(state, lines);
  if (missing.length > 0) {
    if (product && d.orderAction === 'start') {
      d.parts.push(say(l, 'price', { name: nameFor(product, l), price: priceOf(product, findVariant(ctx.text, product), l) }));
      const extra = ctx.settings.sales.intensity !== 'gentle' ? await upsellFor(ctx.deps.products, product) : null;
      if (extra) {
        d.parts.push(say(l, 'upsell', { name: extra.name, price: priceOf(extra, null, l) }));
        d.salesAction = 'upsell';
      }
    }
    d.parts.push(askForSlots(l, missing));
    return;
  }
  state.stage = 'confirming';
  d.parts.push(summaryText(l, lines, state, ctx.settings));
  d.salesAction = 'checkout';
}

/** The customer said yes to the summary: the order row, stock taken, the seller's event — once per confirming message. */
export async function confirmOrder(ctx: TurnContext, d: Draft, input: BrainInput): Promise<void> {
  const state = ctx.state;
  const lines = (await cartLines(ctx)).filter((l) => {
    const s = stockOf(l.product, l.item.variant);
    return s === null || s >= l.item.quantity;
  });
  if (lines.length === 0) {
    state.stage = 'browsing';
    state.cart = [];
    await askProduct(ctx, d);
    return;
  }
  const totals = totalsOf(lines, state, ctx.settings);
  const { order } = await ctx.deps.placeOrder({
    shopId: ctx.shopId,
    conversationId: input.conversationId,
    contactId: input.contactId,
    customerName: state.slots.name ?? '',
    phone: state.slots.phone ?? '',
    wilaya: state.slots.wilaya ?? '',
    commune: state.slots.commune ?? '',
    address: state.slots.address ?? '',
    currency: totals.currency,
    deliveryFee: totals.deliveryFee,
    language: ctx.language,
    items: totals.lines,
    createdFromMessageId: input.inboundMessageIds.length ? Math.max(...input.inboundMessageIds) : null,
    now: input.now.toISOString(),
  });
  d.parts.push(say(ctx.language, 'orderDone', { name: state.slots.name ?? '', id: order.id, phone: state.slots.phone ?? '' }));
  d.orderAction = 'confirm';
  d.orderItems = order.items.map((i) => ({ sku: i.sku, quantity: i.quantity, variant: i.variant }));
  d.citations.push(`order:${order.id}`, ...lines.map((l) => `product:${l.product.id}`));
  d.skus.push(...order.items.map((i) => i.sku));
  state.cart = [];
  state.stage = 'browsing';
  state.pendingVariantSku = null;
  state.turnsSincePush = 0;
}
