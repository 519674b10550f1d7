import type { Product } from '../../../../shared/domain/catalog';
import { encodeEscalations, escalation } from '../../../../shared/domain/notices';
import { currencyOfCountry } from '../../text';
import { handleHesitation, handlePriceObjection, handleTrustObjection } from '../closer';
import { wantsPhoto } from '../nlu/injection';
import { fold, tokens } from '../nlu/normalise';
import { say } from '../templates';
import type { BrainInput } from '../types';
import { type TurnContext, answerAvailability, answerDelivery, answerPhoto, answerPrice, answerWhich } from './answers';
import type { Draft } from './draft';

/** Messages with no words worth answering at length ("ok", "👍", "?"). */
const isTrivial = (text: string): boolean => tokens(fold(text)).length <= 2;

/** The shop's currency when the message names no product: the cart's, the last product's, any match, else the country's. */
async function shopCurrency(ctx: TurnContext): Promise<string> {
  for (const sku of [...ctx.state.cart.map((c) => c.sku), ...ctx.state.lastSkus]) {
    const p = await ctx.deps.products.bySku(ctx.shopId, sku);
    if (p) return p.currency;
  }
  return (await ctx.deps.products.search(ctx.shopId, ctx.text, 1))[0]?.product.currency ?? currencyOfCountry(ctx.country);
}

const ASKS_ABOUT_A_PRODUCT = new Set(['price_question', 'availability', 'other', 'greeting']);

/**
 * A question outside any order (or in the middle of one), answered about the products it names:
 * several at once, a tie to ask about, or one intent's answer.
 */
export async function browse(
  ctx: TurnContext,
  d: Draft,
  products: Product[],
  input: BrainInput,
  tie: boolean,
  several: boolean,
): Promise<void> {
  const l = ctx.language;
  const first = products[0] ?? null;
  // Several products in one message, a comparison included: every one with its price, never a discount.
  if (several && ['price_question', 'availability', 'other', 'greeting', 'objection_price'].includes(d.intent)) {
    d.intent = 'price_question';
    await answerPrice(ctx, d, products);
    return;
  }
  if (tie && ASKS_ABOUT_A_PRODUCT.has(d.intent) && !wantsPhoto(ctx.text)) {
    if (d.intent === 'other' || d.intent === 'greeting') d.intent = 'availability';
    answerWhich(ctx, d, products);
    return;
  }
  switch (d.intent) {
    case 'price_question':
      if (first) await answerPrice(ctx, d, products);
      else d.parts.push(say(l, 'otherShort'));
      return;
    case 'availability':
      if (first && wantsPhoto(ctx.text)) answerPhoto(ctx, d, first);
      else if (first) await answerAvailability(ctx, d, products);
      else d.parts.push(say(l, 'otherShort'));
      return;
    case 'delivery_question':
      answerDelivery(ctx, d, first?.currency ?? (await shopCurrency(ctx)));
      if (first) d.citations.push(`product:${first.id}`);
      return;
    case 'objection_price':
    case 'objection_trust':
    case 'objection_hesitation':
      await answerObjection(ctx, d, first);
      return;
    case 'thanks':
      d.parts.push(say(l, 'thanks'));
      return;
    case 'greeting':
      await greet(ctx, d, products, input);
      return;
    default:
      await answerUnsure(ctx, d, products);
  }
}

/** "Too expensive", "is this a scam?", "I'll think about it": the closer's answers. */
async function answerObjection(ctx: TurnContext, d: Draft, first: Product | null): Promise<void> {
  const l = ctx.language;
  if (d.intent === 'objection_price') {
    const r = await handlePriceObjection({
      language: l,
      settings: ctx.settings,
      product: first,
      finder: ctx.deps.products,
      alreadyOffered: ctx.state.discountOffered,
    });
    d.parts.push(r.text);
    d.salesAction = r.salesAction;
    d.skus.push(...r.skus);
    ctx.state.discountOffered = r.discountOffered;
    return;
  }
  if (d.intent === 'objection_trust') {
    d.parts.push(await handleTrustObjection({ language: l, settings: ctx.settings, shopId: ctx.shopId, facts: ctx.deps.orders }));
    d.salesAction = 'objection';
  } else {
    d.parts.push(handleHesitation(l, ctx.settings, first));
    d.salesAction = ctx.settings.sales.followUps && first ? 'followup' : 'objection';
  }
  if (first) d.skus.push(first.sku);
}

/** A greeting: about the product it names, else hello (and, on a first turn, the customer's last order again). */
async function greet(ctx: TurnContext, d: Draft, products: Product[], input: BrainInput): Promise<void> {
  const l = ctx.language;
  if (products[0]) {
    // "salam, robe kabyle": a greeting that names a product is a question about it.
    d.intent = 'availability';
    await answerAvailability(ctx, d, products);
    return;
  }
  d.parts.push(say(l, 'greeting'));
  if (ctx.state.turns !== 0) return;
  const past = await ctx.deps.orders.ofContact(ctx.shopId, input.contactId, 1);
  const item = past[0]?.items[0];
  if (item) {
    d.parts.push(say(l, 'reorder', { name: item.name }));
    d.salesAction = 'followup';
    d.skus.push(item.sku);
  }
}

/** No intent read: about the product named, a short answer to a trivial message, else the seller is asked. */
async function answerUnsure(ctx: TurnContext, d: Draft, products: Product[]): Promise<void> {
  const l = ctx.language;
  const first = products[0];
  if (first) {
    // The customer only named a product ("robe rouge ?"): tell them about it.
    d.intent = wantsPhoto(ctx.text) ? 'availability' : 'price_question';
    d.confidence = 0.55;
    if (wantsPhoto(ctx.text)) answerPhoto(ctx, d, first);
    else await answerAvailability(ctx, d, products);
    return;
  }
  if (isTrivial(ctx.text)) {
    d.parts.push(say(l, 'otherShort'));
    return;
  }
  d.parts.push(say(l, 'other'));
  d.escalate = true;
  d.escalateReason = encodeEscalations([escalation('not_understood')]);
}
