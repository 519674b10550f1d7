import type { Voice } from '../templates/types';
import type { Product } from '../../../../shared/domain/catalog';
import { nameFor } from './product-name';
import type { ShopSettings } from '../../../../shared/domain/settings';
import { inStock, sameCategory, urgencyLines } from '../closer';
import { falsePriceClaim } from '../nlu/claims';
import { type SlotFindings, findVariant, requestedMissingVariant } from '../nlu/order-slots';
import { findPlace } from '../nlu/wilayas';
import { say } from '../templates';
import { formatList, formatMoney, isArabicScript } from '../templates/format';
import { acceptsCashOnDelivery, describeZone, describeZones, zoneFor } from './delivery';
import type { OfflineBrainDeps } from './deps';
import type { Draft } from './draft';
import { stockOf, unitPriceOf, variantsInStock } from './order-flow';
import type { BrainState } from './state';
import { encodeEscalations, escalation } from '../../../../shared/domain/notices';

export interface TurnContext {
  deps: OfflineBrainDeps;
  shopId: number;
  text: string;
  /** The customer's language in the shop's dialect: what every sentence of the reply is written in. */
  language: Voice;
  settings: ShopSettings;
  /** The shop's country (ISO 3166): which places, phone plan and dialect come first. */
  country: string;
  /** The order details this message gives (read once per turn). */
  found: SlotFindings;
  /** The message without those details: what products, variants and quantities are read from ("0661 22 33 44" is no count). */
  rest: string;
  state: BrainState;
  now: Date;
  /** Order fields this message's slots were already read for upstream (the LLM's, checked): not re-read from the text. */
  upstream?: ReadonlySet<UpstreamSlot>;
}

export type UpstreamSlot = 'items' | 'name' | 'phone' | 'wilaya' | 'address';

const cite = (d: Draft, p: Product) => {
  d.skus.push(p.sku);
  d.citations.push(`product:${p.id}`);
};

export const priceOf = (p: Product, variant: string | null, l: Voice): string => formatMoney(unitPriceOf(p, variant), p.currency, l);

/** Out of stock: say so, and offer the closest in-stock product of the same category. */
export async function outOfStock(ctx: TurnContext, d: Draft, p: Product, variant: string | null): Promise<void> {
  const l = ctx.language;
  const others = variant ? variantsInStock(p).filter((v) => v !== variant) : [];
  if (variant && others.length && inStock(p)) {
    d.parts.push(say(l, 'variantOut', { name: nameFor(p, l), variant, variants: formatList(others, l) }));
    cite(d, p);
    return;
  }
  d.parts.push(say(l, 'outOfStock', { name: nameFor(p, l) }));
  cite(d, p);
  const alt = (await sameCategory(ctx.deps.products, p))[0];
  if (alt) {
    d.parts.push(say(l, 'alternative', { name: nameFor(alt, l), price: priceOf(alt, null, l) }));
    cite(d, alt);
    d.salesAction = 'upsell';
  } else {
    d.parts.push(say(l, 'noAlternative'));
  }
}

const isOut = (p: Product, variant: string | null): boolean => {
  const s = stockOf(p, variant);
  return s !== null && s <= 0;
};

/** Two products fit the customer's words equally: both with their prices, and which one? */
export function answerWhich(ctx: TurnContext, d: Draft, products: Product[]): void {
  const l = ctx.language;
  d.parts.push(say(l, 'whichOne', { list: products.map((p) => `• ${nameFor(p, l)}: ${priceOf(p, null, l)}`).join('\n') }));
  for (const p of products) cite(d, p);
}

/** Price question: the catalog price (several when the customer's words fit several), honest urgency. */
export async function answerPrice(ctx: TurnContext, d: Draft, products: Product[]): Promise<void> {
  const l = ctx.language;
  const [first] = products;
  if (!first) return;
  if (products.length > 1) {
    d.parts.push(say(l, 'priceMany', { list: products.map((p) => `• ${nameFor(p, l)}: ${priceOf(p, null, l)}`).join('\n') }));
    for (const p of products) cite(d, p);
    return;
  }
  const variant = findVariant(ctx.rest, first);
  if (falsePriceClaim(ctx.rest, first)) {
    d.parts.push(say(l, 'priceCorrection', { name: nameFor(first, l), price: priceOf(first, variant, l) }));
    cite(d, first);
    return;
  }
  if (isOut(first, variant)) {
    d.parts.push(say(l, 'price', { name: nameFor(first, l), price: priceOf(first, variant, l) }));
    await outOfStock(ctx, d, first, variant);
    return;
  }
  d.parts.push(say(l, 'price', { name: nameFor(first, l), price: priceOf(first, variant, l) }));
  cite(d, first);
  const urgency = await urgencyLines({ language: l, settings: ctx.settings, product: first, facts: ctx.deps.orders, now: ctx.now });
  d.parts.push(...urgency.lines);
  if (urgency.action !== 'none') d.salesAction = urgency.action;
}

/** Availability: yes with price and the variants in stock, or an honest no with an alternative. */
export async function answerAvailability(ctx: TurnContext, d: Draft, products: Product[]): Promise<void> {
  const l = ctx.language;
  const [p] = products;
  if (!p) return;
  const variant = findVariant(ctx.rest, p);
  if (falsePriceClaim(ctx.rest, p)) {
    // "b 40 dt s7i7?": no "yes" to a wrong price, the true one.
    d.parts.push(say(l, 'priceCorrection', { name: nameFor(p, l), price: priceOf(p, variant, l) }));
    cite(d, p);
    return;
  }
  if (isOut(p, variant) || !inStock(p)) {
    await outOfStock(ctx, d, p, variant);
    return;
  }
  const variants = variantsInStock(p);
  const missing = variant ? null : requestedMissingVariant(ctx.rest, p);
  if (missing) {
    // Asked for a size or colour the product does not come in: no "yes", the ones there are.
    d.parts.push(
      say(l, 'variantNone', { name: nameFor(p, l), variant: missing, variants: formatList(variants, l), price: priceOf(p, null, l) }),
    );
    cite(d, p);
    return;
  }
  d.parts.push(
    variants.length > 1 && !variant
      ? say(l, 'availableVariants', { name: nameFor(p, l), price: priceOf(p, variant, l), variants: formatList(variants, l) })
      : say(l, 'available', { name: variant ? `${nameFor(p, l)} (${variant})` : nameFor(p, l), price: priceOf(p, variant, l) }),
  );
  cite(d, p);
  const urgency = await urgencyLines({ language: l, settings: ctx.settings, product: p, facts: ctx.deps.orders, now: ctx.now });
  d.parts.push(...urgency.lines);
  if (urgency.action !== 'none') d.salesAction = urgency.action;
}

/** A photo request: the catalog's image as media with a caption, or an honest "I'll ask the shop". */
export function answerPhoto(ctx: TurnContext, d: Draft, p: Product): void {
  const l = ctx.language;
  const url = p.images[0];
  cite(d, p);
  if (url) {
    d.media.push({ kind: 'image', url, caption: say(l, 'photoCaption', { name: nameFor(p, l), price: priceOf(p, null, l) }) });
    d.parts.push(say(l, 'photoCaption', { name: nameFor(p, l), price: priceOf(p, null, l) }));
  } else {
    d.parts.push(say(l, 'photoNone', { name: nameFor(p, l) }));
    d.escalate = true;
    d.escalateReason = encodeEscalations([escalation('photo_missing', { product: p.name })]);
  }
}

/** Delivery: fee and delay from the shop facts for the named place; otherwise check with the shop and escalate. */
export function answerDelivery(ctx: TurnContext, d: Draft, currency: string): void {
  const l = ctx.language;
  // A delivery question expects a place: "entregam no Porto?", "livrez-vous à Como ?".
  const options = { country: ctx.country, expectingAddress: true };
  const place = findPlace(ctx.text, options) ?? (ctx.state.slots.wilaya ? findPlace(ctx.state.slots.wilaya, options) : null);
  const cod = acceptsCashOnDelivery(ctx.settings) ? say(l, 'paymentCod') : '';
  if (place) {
    const zone = zoneFor(ctx.settings, place);
    const placeName = isArabicScript(l) ? (place.arabic ?? place.name) : place.name;
    if (zone) {
      d.parts.push(describeZone(l, zone, placeName, currency), cod);
      d.citations.push('facts:deliveryZones');
      return;
    }
    d.parts.push(say(l, 'checkWithShop'));
    d.escalate = true;
    d.escalateReason = encodeEscalations([escalation('delivery_zone_unknown', { place: place.name })]);
    return;
  }
  const list = describeZones(l, ctx.settings, currency);
  if (list) {
    d.parts.push(list, cod);
    d.citations.push('facts:deliveryZones');
    return;
  }
  d.parts.push(say(l, 'checkWithShop'));
  d.escalate = true;
  d.escalateReason = encodeEscalations([escalation('no_delivery_zones')]);
}
