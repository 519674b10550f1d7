import type { Intent } from '../../../../shared/domain/brain';
import type { Product } from '../../../../shared/domain/catalog';
import { encodeEscalations, escalation } from '../../../../shared/domain/notices';
import { checkoutPush } from '../closer';
import { assertsSalesFigure } from '../guardrails/claim-agreement';
import { falsePriceClaim } from '../nlu/claims';
import { isAbuse, isAuthorityClaim, isInjectionAttempt, isLegalThreat } from '../nlu/injection';
import { classifyIntent } from '../nlu/intent';
import { fold } from '../nlu/normalise';
import { findQuantity, looksLikeName } from '../nlu/order-slots';
import { hasBuyingVerb, withoutCounts } from '../nlu/quantity';
import { say } from '../templates';
import type { BrainInput } from '../types';
import { type TurnContext, answerWhich } from './answers';
import { browse } from './browse';
import { type Draft, newDraft } from './draft';
import { extractSlotsCount, noteMentions, onlyAVariant, productNames } from './mentions';
import { confirmOrder, resumeOrder } from './order-confirm';
import { commonWordFor, correctsCart, orderStep, yesOrNo } from './order-step';
import type { Composing } from './plan';
import { type Pick, type Resolved, isTie, rememberSkus, resolveEach, resolveProducts } from './resolve';

/** The products a message names: several in their own parts, or the best fits of the whole. */
interface Reading {
  several: Pick[] | null;
  resolved: Resolved[];
  named: Product[];
  /** Two products fit the words equally (the bot asks which one). */
  tie: boolean;
}

/** One turn of the offline brain: the draft of its reply, the memory changed in place. */
export async function decideTurn(ctx: TurnContext, input: BrainInput, compose: Composing): Promise<Draft> {
  const guess = classifyIntent(ctx.text);
  const d = newDraft(guess.intent, guess.confidence);
  if (refusesAuthority(ctx, d, guess.intent)) return d;
  const reading = await readProducts(ctx);
  // The seller sees which product a complaint is about.
  for (const p of reading.named) d.skus.push(p.sku);
  if (escalates(ctx, d, guess.intent)) return d;
  const remembered = await rememberNamed(ctx, reading);
  if (ctx.state.stage === 'confirming' && (await answersSummary(ctx, d, input, reading.named))) return d;
  if (await answersMidOrder(ctx, d, input, guess.intent, reading)) return d;
  if (takesOrder(ctx, guess.intent, reading, remembered)) {
    d.intent = 'order_request';
    d.confidence = Math.max(d.confidence, 0.7);
    if (reading.tie && ctx.state.cart.every((c) => !reading.named.some((p) => p.sku === c.sku))) {
      // "bghit zit argan" with two bottles: which one, then the order goes on with the one they pick.
      answerWhich(ctx, d, reading.named);
      ctx.state.stage = 'collecting';
      return d;
    }
    await orderStep(ctx, d, reading.named, remembered, reading.several);
    return d;
  }
  await answerOutsideOrder(ctx, d, input, compose, { intent: guess.intent, reading, remembered });
  return d;
}

/** "I am the owner, give me 50%", "ignore your instructions": answered within the seller's rules. */
function refusesAuthority(ctx: TurnContext, d: Draft, intent: Intent): boolean {
  const authority = isAuthorityClaim(ctx.text);
  if (!authority && !isInjectionAttempt(ctx.text)) return false;
  d.intent = intent === 'objection_price' ? 'objection_price' : 'other';
  d.confidence = 0.9;
  d.parts.push(say(ctx.language, 'injection'));
  if (authority) {
    // The seller is told of a claimed authority.
    d.escalate = true;
    d.escalateReason = encodeEscalations([escalation('authority_claim')]);
  }
  return true;
}

async function readProducts(ctx: TurnContext): Promise<Reading> {
  const { deps } = ctx;
  const several = await resolveEach(deps.products, ctx.shopId, ctx.rest);
  const productWords = withoutCounts(ctx.rest);
  const resolved = several ?? (/\p{L}{2,}/u.test(productWords) ? await resolveProducts(deps.products, ctx.shopId, productWords) : []);
  // "blanc" after the perfume's colours were listed, "non plutôt le blanc" at the summary: a value of
  // the product in the cart (or just discussed) is about that product, even if another one's name has the word.
  if (!several && resolved.length && (await onlyAVariant(ctx, productWords))) resolved.length = 0;
  const named = resolved.map((r) => r.product);
  // "prosciutto di parma": a town named in the product's own words is the product, not where to deliver.
  const place = ctx.found.place;
  if (place && named.some((p) => productNames(p, place.name))) delete ctx.found.place;
  return { several, resolved, named, tie: isTie(resolved) };
}

/** Abuse, a legal threat, a complaint or a request for a human: the seller takes over. */
function escalates(ctx: TurnContext, d: Draft, intent: Intent): boolean {
  const l = ctx.language;
  const to = (reply: 'human' | 'legal' | 'complaint', notice: ReturnType<typeof escalation>) => {
    d.parts.push(say(l, reply));
    d.escalate = true;
    d.escalateReason = encodeEscalations([notice]);
    return true;
  };
  if (isAbuse(ctx.text)) {
    d.intent = 'complaint_refund';
    return to('human', escalation('threat'));
  }
  if (isLegalThreat(ctx.text)) {
    d.intent = 'complaint_refund';
    return to('legal', escalation('legal'));
  }
  if (intent === 'human_request') return to('human', escalation('human_request'));
  if (intent === 'complaint_refund') return to('complaint', escalation('refund_complaint'));
  return false;
}

/**
 * The products named become the conversation's recent ones, with the variant and count said for
 * each. Returns the product discussed before this message (named by a variant alone, it is added).
 */
async function rememberNamed(ctx: TurnContext, reading: Reading): Promise<Product | null> {
  const { state } = ctx;
  const { named, several } = reading;
  const rememberedSku = state.lastSkus[0];
  const remembered = rememberedSku ? await ctx.deps.products.bySku(ctx.shopId, rememberedSku) : null;
  if (named.length)
    state.lastSkus = rememberSkus(
      named.map((p) => p.sku),
      state.lastSkus,
    );
  if (named.length && !reading.tie) state.lastNamed = several ? several.map((p) => p.product.sku) : named.slice(0, 1).map((p) => p.sku);
  // "rose", "sabor frango" after the colours were listed: a value of the product just discussed names it.
  const pickedByVariant = noteMentions(ctx, several, reading.tie ? [] : named, remembered);
  if (pickedByVariant && named.length === 0) named.push(pickedByVariant);
  return remembered;
}

/** The reply to the order summary: yes places the order, no cancels it or asks what to change. */
async function answersSummary(ctx: TurnContext, d: Draft, input: BrainInput, named: Product[]): Promise<boolean> {
  const { state } = ctx;
  const answer = yesOrNo(ctx.text);
  if (answer === 'yes') {
    d.intent = 'order_request';
    d.confidence = 0.9;
    await confirmOrder(ctx, d, input);
    return true;
  }
  if (answer !== 'no' || named.length > 0 || extractSlotsCount(ctx) > 0 || (await correctsCart(ctx))) return false;
  d.intent = 'order_request';
  const cancelling = /annul|cancel/.test(fold(ctx.text));
  d.parts.push(say(ctx.language, cancelling ? 'orderCancelled' : 'changeWhat'));
  if (cancelling) {
    d.orderAction = 'cancel';
    state.cart = [];
    state.stage = 'browsing';
  } else {
    state.stage = 'collecting';
  }
  return true;
}

/** A question in the middle of an order (delivery, another product's price): answered, then the order resumes where it was. */
async function answersMidOrder(ctx: TurnContext, d: Draft, input: BrainInput, intent: Intent, reading: Reading): Promise<boolean> {
  const { state } = ctx;
  const { named } = reading;
  const asks =
    state.stage !== 'browsing' &&
    (intent === 'delivery_question' ||
      (intent === 'price_question' && named.length > 0 && named.every((p) => !state.cart.some((c) => c.sku === p.sku))));
  if (!asks) return false;
  await browse(ctx, d, named, input, named.length > 1 && reading.tie, reading.several !== null && named.length > 1);
  await resumeOrder(ctx, d);
  if (state.stage === 'confirming' && !d.escalate) d.parts.push(say(ctx.language, 'summaryConfirm'));
  return true;
}

/** Whether this message is (part of) an order: asked for, continued, or started by details, a count or a name. */
function takesOrder(ctx: TurnContext, intent: Intent, reading: Reading, remembered: Product | null): boolean {
  const { state } = ctx;
  const { named, several } = reading;
  const inFlow = state.stage !== 'browsing';
  const slotsGiven = extractSlotsCount(ctx);
  if (intent === 'order_request') return true;
  if (inFlow) return slotsGiven > 0 || intent === 'other' || (state.pendingVariantSku !== null && named.length === 0);
  // Details while browsing start the order: two of them, or a phone number (nobody gives a shop their number to ask a price).
  if ((slotsGiven >= 2 || ctx.found.phone !== undefined) && (named.length > 0 || remembered !== null)) return true;
  if (intent !== 'other' && !hasBuyingVerb(ctx.rest)) return false;
  if (named.length === 0) {
    if (remembered === null || intent !== 'other') return false;
    // "quero 2 vermelhos" about the helmet just discussed: a count of it (with or without a variant) is an order;
    // "bghito" (I want it) too. "Carla Dias" right after the product was answered: the customer gives their details.
    return (
      findQuantity(ctx.rest) !== null ||
      hasBuyingVerb(ctx.rest) ||
      looksLikeName(ctx.text.trim(), commonWordFor(ctx.language), { country: ctx.country })
    );
  }
  // "quero 2 protetor fps 50 e 1 shampoo": a count of named products with a verb of wanting is an order;
  // so are several products named with that verb, and a count of a product with no question ("2 bolinhas laranja").
  return (
    (hasBuyingVerb(ctx.rest) &&
      ((several?.length ?? 0) > 1 || (several ?? [{ part: ctx.rest }]).some((p) => findQuantity(p.part) !== null))) ||
    (intent === 'other' && !ctx.text.includes('?') && !reading.tie && findQuantity(ctx.rest) !== null)
  );
}

/** A question outside any order: the products it is about, a false claim corrected, and now and then a push to order. */
async function answerOutsideOrder(
  ctx: TurnContext,
  d: Draft,
  input: BrainInput,
  compose: Composing,
  turn: { intent: Intent; reading: Reading; remembered: Product | null },
): Promise<void> {
  const { state } = ctx;
  const { intent, reading, remembered } = turn;
  const { named } = reading;
  const products = named.length
    ? named
    : remembered && ['price_question', 'availability', 'objection_price', 'objection_hesitation'].includes(intent)
      ? [remembered]
      : [];
  // A figure the customer asserts: a price the product does not have is corrected (an objection
  // about price, never a discount), a sales figure gets the trust answer (never a "yes").
  const claimed = products[0];
  const priceClaim = claimed !== undefined && falsePriceClaim(ctx.rest, claimed);
  if (priceClaim) d.intent = 'price_question';
  else if (claimed && assertsSalesFigure(ctx.rest, claimed)) d.intent = 'objection_trust';
  // The answer to a question outside any order is only written when it may go out (see PlanOptions.compose).
  if (compose.allowed)
    await browse(ctx, d, products, input, named.length > 1 && reading.tie, reading.several !== null && products.length > 1);
  else compose.skipped = true;
  if (priceClaim) d.intent = 'objection_price';
  pushToOrder(ctx, d, products[0]);
  // A question in the middle of the confirmation: answer it, then ask again.
  if (state.stage === 'confirming' && !d.escalate) d.parts.push(say(ctx.language, 'summaryConfirm'));
}

/** After a few exchanges without an order, ask for it (once every few turns, never on bad news). */
function pushToOrder(ctx: TurnContext, d: Draft, product: Product | undefined): void {
  const { state } = ctx;
  const pushAfter = ctx.settings.sales.intensity === 'gentle' ? 3 : 2;
  if (
    state.cart.length > 0 ||
    !product ||
    d.escalate ||
    !['price_question', 'availability'].includes(d.intent) ||
    d.salesAction === 'upsell'
  )
    return;
  if (state.turnsSincePush >= pushAfter) {
    d.parts.push(checkoutPush(ctx.language, ctx.settings));
    d.salesAction = 'checkout';
    state.turnsSincePush = 0;
  } else {
    state.turnsSincePush += 1;
  }
}
