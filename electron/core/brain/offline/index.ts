import type { Product } from '../../../../shared/domain/catalog';
import type { Order } from '../../../../shared/domain/orders';
import type { BrainDecision } from '../../../../shared/domain/brain';
import type { CustomerLanguage } from '../../../../shared/domain/schemas';
import type { Brain, BrainInput, TurnMessage } from '../types';
import { checkoutPush, handleHesitation, handlePriceObjection, handleTrustObjection } from '../closer';
import { isAbuse, isAuthorityClaim, isInjectionAttempt, isLegalThreat, wantsPhoto } from '../nlu/injection';
import { classifyIntent } from '../nlu/intent';
import { conversationLanguage, countryLanguage, detectLanguage } from '../nlu/language';
import { fold, tokens } from '../nlu/normalise';
import { type SlotFindings, type SlotName, extractSlots, findQuantity, findVariant, looksLikeName } from '../nlu/order-slots';
import { hasBuyingVerb, withoutCounts } from '../nlu/quantity';
import { say, voiceFor } from '../templates';
import { type TurnContext, type UpstreamSlot, answerAvailability, answerDelivery, answerPhoto, answerPrice, answerWhich } from './answers';
import type { OfflineBrainDeps } from './deps';
import { TurnMemo, memoisedFinder } from '../retrieval/turn-memo';
import { type Draft, ORDER_ID_PLACEHOLDER, finish, newDraft } from './draft';
import { awaitingOf, commonWordFor, confirmOrder, correctsCart, orderStep, resumeOrder, yesOrNo } from './order-step';
import { type Pick, isTie, rememberSkus, resolveEach, resolveProducts } from './resolve';
import { type BrainState, readState } from './state';
import { encodeEscalations, escalation } from '../../../../shared/domain/notices';
import { falsePriceClaim } from '../nlu/claims';
import { conceptOf } from '../../text';
import { assertsSalesFigure } from '../guardrails/claim-agreement';
import { currencyOfCountry, deriveCountry, dialectOf } from '../../text/country';
import type { ShopSettings } from '../../../../shared/domain/settings';
import { applyStrategy } from '../strategy-lines';
import { acceptReorder, personalise, prefillFromProfile, startsVisit } from './returning-customer';

export type { OfflineBrainDeps } from './deps';
export { makeMemoryProductFinder, type ProductFinder, type ProductHit } from './product-match';

function languageFromHistory(history: TurnMessage[]): CustomerLanguage | null {
  const last = [...history].reverse().find((m) => m.author === 'customer' && m.text.trim());
  return last ? detectLanguage(last.text).language : null;
}

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

async function browse(ctx: TurnContext, d: Draft, products: Product[], input: BrainInput, tie: boolean, several: boolean): Promise<void> {
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
  const currency = first?.currency ?? (await shopCurrency(ctx));
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
      answerDelivery(ctx, d, currency);
      if (first) d.citations.push(`product:${first.id}`);
      return;
    case 'objection_price': {
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
    case 'objection_trust':
      d.parts.push(await handleTrustObjection({ language: l, settings: ctx.settings, shopId: ctx.shopId, facts: ctx.deps.orders }));
      d.salesAction = 'objection';
      if (first) d.skus.push(first.sku);
      return;
    case 'objection_hesitation':
      d.parts.push(handleHesitation(l, ctx.settings, first));
      d.salesAction = ctx.settings.sales.followUps && first ? 'followup' : 'objection';
      if (first) d.skus.push(first.sku);
      return;
    case 'thanks':
      d.parts.push(say(l, 'thanks'));
      return;
    case 'greeting': {
      if (first) {
        // "salam, robe kabyle": a greeting that names a product is a question about it.
        d.intent = 'availability';
        await answerAvailability(ctx, d, products);
        return;
      }
      d.parts.push(say(l, 'greeting'));
      if (ctx.state.turns === 0) {
        const past = await ctx.deps.orders.ofContact(ctx.shopId, input.contactId, 1);
        const item = past[0]?.items[0];
        if (item) {
          d.parts.push(say(l, 'reorder', { name: item.name }));
          d.salesAction = 'followup';
          d.skus.push(item.sku);
        }
      }
      return;
    }
    default:
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
}

/** Whether the turn may write its answer, and whether it left one unwritten. */
interface Composing {
  allowed: boolean;
  skipped: boolean;
}

async function decideTurn(ctx: TurnContext, input: BrainInput, compose: Composing): Promise<Draft> {
  const { deps, state, language: l } = ctx;
  const guess = classifyIntent(ctx.text);
  const d = newDraft(guess.intent, guess.confidence);

  if (isAuthorityClaim(ctx.text)) {
    // "I am the owner, give me 50%": answered within the seller's rules, and the seller is told.
    d.intent = guess.intent === 'objection_price' ? 'objection_price' : 'other';
    d.confidence = 0.9;
    d.parts.push(say(l, 'injection'));
    d.escalate = true;
    d.escalateReason = encodeEscalations([escalation('authority_claim')]);
    return d;
  }
  if (isInjectionAttempt(ctx.text)) {
    d.intent = guess.intent === 'objection_price' ? 'objection_price' : 'other';
    d.confidence = 0.9;
    d.parts.push(say(l, 'injection'));
    return d;
  }
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
  // The seller sees which product a complaint is about.
  for (const p of named) d.skus.push(p.sku);
  if (isAbuse(ctx.text)) {
    d.intent = 'complaint_refund';
    d.parts.push(say(l, 'human'));
    d.escalate = true;
    d.escalateReason = encodeEscalations([escalation('threat')]);
    return d;
  }
  if (isLegalThreat(ctx.text)) {
    d.intent = 'complaint_refund';
    d.parts.push(say(l, 'legal'));
    d.escalate = true;
    d.escalateReason = encodeEscalations([escalation('legal')]);
    return d;
  }
  if (guess.intent === 'complaint_refund' || guess.intent === 'human_request') {
    const human = guess.intent === 'human_request';
    d.parts.push(say(l, human ? 'human' : 'complaint'));
    d.escalate = true;
    d.escalateReason = encodeEscalations([escalation(human ? 'human_request' : 'refund_complaint')]);
    return d;
  }

  const rememberedSku = state.lastSkus[0];
  const remembered = rememberedSku ? await deps.products.bySku(ctx.shopId, rememberedSku) : null;
  if (named.length)
    state.lastSkus = rememberSkus(
      named.map((p) => p.sku),
      state.lastSkus,
    );
  if (named.length && !isTie(resolved)) state.lastNamed = several ? several.map((p) => p.product.sku) : named.slice(0, 1).map((p) => p.sku);
  // "rose", "sabor frango" after the colours were listed: a value of the product just discussed names it.
  const pickedByVariant = noteMentions(ctx, several, isTie(resolved) ? [] : named, remembered);
  if (pickedByVariant && named.length === 0) named.push(pickedByVariant);

  if (state.stage === 'confirming') {
    const answer = yesOrNo(ctx.text);
    if (answer === 'yes') {
      d.intent = 'order_request';
      d.confidence = 0.9;
      await confirmOrder(ctx, d, input);
      return d;
    }
    if (answer === 'no' && named.length === 0 && extractSlotsCount(ctx) === 0 && !(await correctsCart(ctx))) {
      d.intent = 'order_request';
      const cancelling = /annul|cancel/.test(fold(ctx.text));
      d.parts.push(say(l, cancelling ? 'orderCancelled' : 'changeWhat'));
      if (cancelling) {
        d.orderAction = 'cancel';
        state.cart = [];
        state.stage = 'browsing';
      } else {
        state.stage = 'collecting';
      }
      return d;
    }
  }

  const inFlow = state.stage !== 'browsing';
  // A question in the middle of an order (delivery, another product's price): answered, then the order resumes where it was.
  const asksMidOrder =
    inFlow &&
    (guess.intent === 'delivery_question' ||
      (guess.intent === 'price_question' && named.length > 0 && named.every((p) => !state.cart.some((c) => c.sku === p.sku))));
  if (asksMidOrder) {
    await browse(ctx, d, named, input, named.length > 1 && isTie(resolved), several !== null && named.length > 1);
    await resumeOrder(ctx, d);
    if (state.stage === 'confirming' && !d.escalate) d.parts.push(say(l, 'summaryConfirm'));
    return d;
  }
  const slotsGiven = extractSlotsCount(ctx);
  const continuing =
    inFlow &&
    (slotsGiven > 0 ||
      guess.intent === 'other' ||
      guess.intent === 'order_request' ||
      (state.pendingVariantSku !== null && named.length === 0));
  // Details while browsing start the order: two of them, or a phone number (nobody gives a shop their number to ask a price).
  const startsWithDetails = !inFlow && (slotsGiven >= 2 || ctx.found.phone !== undefined) && (named.length > 0 || remembered !== null);
  // "quero 2 vermelhos" about the helmet just discussed: a count of it (with or without a variant) is an order.
  // "bghito" (I want it) about the product just discussed is an order too.
  const picksRemembered =
    !inFlow &&
    named.length === 0 &&
    remembered !== null &&
    guess.intent === 'other' &&
    (findQuantity(ctx.rest) !== null || hasBuyingVerb(ctx.rest));
  // "quero 2 protetor fps 50 e 1 shampoo": a count of named products with a verb of wanting is an order;
  // so are several products named with that verb, and a count of a product with no question ("2 bolinhas laranja").
  const buysNamed =
    !inFlow &&
    named.length > 0 &&
    ((hasBuyingVerb(ctx.rest) &&
      ((several?.length ?? 0) > 1 || (several ?? [{ part: ctx.rest }]).some((p) => findQuantity(p.part) !== null))) ||
      (guess.intent === 'other' && !ctx.text.includes('?') && !isTie(resolved) && findQuantity(ctx.rest) !== null));
  // "Carla Dias" right after the product was answered: the customer is giving their details.
  const givesName =
    !inFlow &&
    named.length === 0 &&
    remembered !== null &&
    guess.intent === 'other' &&
    looksLikeName(ctx.text.trim(), commonWordFor(ctx.language), { country: ctx.country });
  if (guess.intent === 'order_request' || continuing || startsWithDetails || picksRemembered || buysNamed || givesName) {
    d.intent = 'order_request';
    d.confidence = Math.max(d.confidence, 0.7);
    if (isTie(resolved) && state.cart.every((c) => !named.some((p) => p.sku === c.sku))) {
      // "bghit zit argan" with two bottles: which one, then the order goes on with the one they pick.
      answerWhich(ctx, d, named);
      state.stage = 'collecting';
      return d;
    }
    await orderStep(ctx, d, named, remembered, several);
    return d;
  }

  const products = named.length
    ? named
    : remembered && ['price_question', 'availability', 'objection_price', 'objection_hesitation'].includes(guess.intent)
      ? [remembered]
      : [];
  // A figure the customer asserts: a price the product does not have is corrected (an objection
  // about price, never a discount), a sales figure gets the trust answer (never a "yes").
  const claimed = products[0];
  const priceClaim = claimed !== undefined && falsePriceClaim(ctx.rest, claimed);
  if (priceClaim) d.intent = 'price_question';
  else if (claimed && assertsSalesFigure(ctx.rest, claimed)) d.intent = 'objection_trust';
  // The answer to a question outside any order is only written when it may go out (see PlanOptions.compose).
  if (compose.allowed) await browse(ctx, d, products, input, named.length > 1 && isTie(resolved), several !== null && products.length > 1);
  else compose.skipped = true;
  if (priceClaim) d.intent = 'objection_price';

  // After a few exchanges without an order, ask for it (once every few turns, never on bad news).
  const pushAfter = ctx.settings.sales.intensity === 'gentle' ? 3 : 2;
  if (
    state.cart.length === 0 &&
    products[0] &&
    !d.escalate &&
    ['price_question', 'availability'].includes(d.intent) &&
    d.salesAction !== 'upsell'
  ) {
    if (state.turnsSincePush >= pushAfter) {
      d.parts.push(checkoutPush(l, ctx.settings));
      d.salesAction = 'checkout';
      state.turnsSincePush = 0;
    } else {
      state.turnsSincePush += 1;
    }
  }
  // A question in the middle of the confirmation: answer it, then ask again.
  if (state.stage === 'confirming' && !d.escalate) d.parts.push(say(l, 'summaryConfirm'));
  return d;
}

/**
 * Remembers the variant and count the customer gives for each product they name (or, naming
 * none, for the product just discussed), so the order takes them whenever it starts. Returns
 * the product just discussed when the message named it only by one of its variants.
 */
function noteMentions(ctx: TurnContext, several: Pick[] | null, named: Product[], remembered: Product | null): Product | null {
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
async function onlyAVariant(ctx: TurnContext, words: string): Promise<boolean> {
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
function productNames(p: Product, word: string): boolean {
  const w = fold(word).trim();
  return [p.name, ...p.altNames, ...p.aliases, p.category].some((n) => tokens(fold(n)).includes(w));
}

const extractSlotsCount = (ctx: TurnContext): number => {
  const f = ctx.found;
  return [f.name, f.phone, f.place, f.address].filter(Boolean).length;
};

/**
 * What the brain reads of a message: all of it up to a few thousand characters; of a longer one
 * (a pasted document, a flood) its start and end, so every rule runs in bounded time.
 */
export function boundedText(text: string): string {
  const MAX = 2_000;
  return text.length <= MAX ? text : `${text.slice(0, 1_500)}\n${text.slice(-500)}`;
}

/** The message without the details it gives: an address line or a city is never a product ("rue des Roses", "Milano"). */
function productText(text: string, found: SlotFindings): string {
  let rest = text;
  for (const part of found.consumed) rest = rest.replace(part, ' ');
  return rest;
}

/**
 * The conversation's language after this message, read from its words without the details it
 * gives: a name, a phone, a street or a town ("Patrícia Rocha … rua XV de novembro", "oran hai
 * es sabah") are no evidence of a language.
 */
function turnLanguage(text: string, previous: CustomerLanguage | null, country: string, awaiting: SlotName[]): CustomerLanguage {
  const prior = countryLanguage(country);
  if (!previous) return conversationLanguage(text, previous, prior).language;
  const details = extractSlots(text, awaiting, commonWordFor(voiceFor(previous, dialectOf(country))), { country });
  return conversationLanguage(productText(text, details), previous, prior).language;
}

/** No country from core (tests, tools): the catalog's currency and the time zone tell, as core derives it. */
async function derivedCountry(deps: OfflineBrainDeps, shopId: number, text: string, settings: ShopSettings): Promise<string> {
  const currency = (await deps.products.search(shopId, text, 1))[0]?.product.currency ?? null;
  return deriveCountry(currency, settings.facts.timeZone);
}

/**
 * One planned turn. Nothing is stored until the router knows which reply goes out: `commit` when
 * it is this one (memory saved, the order it announces placed), `observe` when another reply
 * replaced it (the LLM's, or a safe holding message) — then only what the customer said is kept.
 */
export interface OfflinePlan {
  decision: BrainDecision;
  /** False when the reply was not composed (PlanOptions.compose): observe only. */
  written: boolean;
  commit(): Promise<BrainDecision>;
  observe(): Promise<void>;
}

export interface PlanOptions {
  /**
   * Adjusts the memory before the turn runs (validated slots from the LLM's structured output) and
   * says which order fields it filled: the turn does not read those again from the text.
   */
  seed?: (state: BrainState) => ReadonlySet<UpstreamSlot>;
  /**
   * The turn's memo of catalog reads: the router passes one per turn so that a second plan of the
   * same turn (after the LLM read order slots) reads nothing again. Without it the plan keeps its own.
   */
  memo?: TurnMemo;
  /**
   * False when another reply is expected to go out (the LLM's): a question outside any order is
   * then not answered in words — the turn's reading (language, products, details, order steps) is
   * the same, so the plan can be observed, never committed (`written` says which). The router
   * plans again, composing, when the LLM's reply does not come.
   */
  compose?: boolean;
}

/** The offline brain, with the two-step turn the router uses. `decide` plans and commits at once. */
export interface OfflineBrain extends Brain {
  plan(input: BrainInput, options?: PlanOptions): Promise<OfflinePlan>;
}

/**
 * What a turn whose reply did not go out still teaches: the customer's language, the products
 * and details they gave. Cart, stage, offers and the shown summary stay as they were.
 */
function observed(before: BrainState, after: BrainState): BrainState {
  return {
    ...before,
    language: after.language,
    turns: after.turns,
    introduced: after.introduced,
    lastSkus: after.lastSkus,
    slots: after.slots,
    mentions: after.mentions,
    lastNamed: after.lastNamed,
  };
}

function announcement(order: Order): BrainDecision {
  const language = order.language ?? 'fr';
  const d = newDraft('order_request', 0.9);
  d.parts.push(say(language, 'orderDone', { name: order.customerName, id: order.id, phone: order.phone }));
  d.orderAction = 'confirm';
  d.orderItems = order.items.map((i) => ({ sku: i.sku, quantity: i.quantity, variant: i.variant }));
  d.skus.push(...order.items.map((i) => i.sku));
  d.citations.push(`order:${order.id}`);
  return finish(d, language);
}

function withOrderNumber(decision: BrainDecision, orderId: number, items: BrainDecision['orderItems']): BrainDecision {
  return {
    ...decision,
    reply: decision.reply.replaceAll(ORDER_ID_PLACEHOLDER, String(orderId)),
    orderItems: items,
    citations: [...new Set([`order:${orderId}`, ...decision.citations])],
  };
}

/**
 * The default brain: no API key, no network. Reads the shop's catalog, facts and sales settings,
 * remembers the conversation's cart and details between turns, and answers in the customer's
 * language and script.
 */
export function makeOfflineBrain(shared: OfflineBrainDeps): OfflineBrain {
  async function plan(input: BrainInput, options: PlanOptions = {}): Promise<OfflinePlan> {
    // Every catalog read of this turn goes through the turn's memo: asked twice, read once.
    const deps: OfflineBrainDeps = { ...shared, products: memoisedFinder(shared.products, options.memo ?? new TurnMemo()) };
    const confirming = input.inboundMessageIds.length ? Math.max(...input.inboundMessageIds) : null;
    const placed = confirming !== null ? await deps.orderPlacedBy?.(confirming) : undefined;
    if (placed) {
      // This message already placed an order and the memory moved on (a crash before the reply was
      // stored): the reply announces that order again; nothing else changes.
      const decision = announcement(placed);
      return { decision, written: true, commit: async () => decision, observe: async () => {} };
    }
    const stored = await deps.state.get(input.conversationId);
    const before = readState(stored);
    const state = readState(stored);
    const upstream = options.seed?.(state);
    const settings = await deps.settings(input.shopId);
    const previous = state.language ?? languageFromHistory(input.history);
    const country = (await deps.country?.(input.shopId, settings)) ?? (await derivedCountry(deps, input.shopId, input.text, settings));
    const text = boundedText(input.text);
    const language = turnLanguage(text, previous, country, awaitingOf(state));
    const found = extractSlots(text, awaitingOf(state), commonWordFor(language), { country });
    const voice = voiceFor(language, dialectOf(country));
    const ctx: TurnContext = {
      deps,
      shopId: input.shopId,
      text,
      rest: productText(text, found),
      language: voice,
      settings,
      country,
      found,
      state,
      now: input.now,
      ...(upstream && { upstream }),
    };
    // A returning customer (learning/profiles): stored details at checkout, the last order again.
    const firstTurn = startsVisit(state, input);
    const prefilled = prefillFromProfile(state, input.profile, firstTurn);
    const composing: Composing = { allowed: options.compose ?? true, skipped: false };
    const draft = (await acceptReorder(ctx, input)) ?? (await decideTurn(ctx, input, composing));
    const written = !composing.skipped;
    await applyStrategy(draft, input.strategy, {
      language,
      dialect: dialectOf(country),
      settings,
      bySku: (sku) => deps.products.bySku(input.shopId, sku),
    });
    const storedDetails =
      prefilled || (!!input.profile && state.slots.phone === input.profile.phone && state.slots.address === input.profile.address);
    personalise(draft, input.profile, language, {
      first: firstTurn,
      prefilled: storedDetails,
      confirming: state.stage === 'confirming' && draft.salesAction === 'checkout',
    });
    const firstReply = !state.introduced && !input.history.some((m) => m.author === 'bot');
    if (firstReply && settings.bot.introduceAsAssistant) {
      const shop = (await deps.shopName?.(input.shopId)) ?? null;
      draft.parts.unshift(shop ? say(voice, 'intro', { shop }) : say(voice, 'introNoShop'));
    }
    state.introduced = true;
    state.language = language;
    state.turns += 1;
    const decision = finish(draft, language);
    const save = (doc: BrainState) => deps.state.put(input.shopId, input.conversationId, doc, input.now.toISOString());
    let settled = false;
    const once = () => {
      if (settled) throw new Error('an offline plan is committed or observed once');
      settled = true;
    };
    return {
      decision,
      written,
      async commit() {
        if (!written) throw new Error('an offline plan whose reply was not composed is only observed');
        once();
        let out = decision;
        if (draft.pendingOrder) {
          const { order } = await deps.placeOrder(draft.pendingOrder);
          out = withOrderNumber(
            decision,
            order.id,
            order.items.map((i) => ({ sku: i.sku, quantity: i.quantity, variant: i.variant })),
          );
        }
        await save(state);
        return out;
      },
      async observe() {
        once();
        await save(observed(before, state));
      },
    };
  }
  return {
    plan,
    async decide(input: BrainInput): Promise<BrainDecision> {
      return (await plan(input)).commit();
    },
  };
}
