import type { Product } from '../../../../shared/domain/catalog';
import type { BrainDecision } from '../../../../shared/domain/brain';
import type { CustomerLanguage } from '../../../../shared/domain/schemas';
import type { Brain, BrainInput, TurnMessage } from '../types';
import { checkoutPush, handleHesitation, handlePriceObjection, handleTrustObjection } from '../closer';
import { isAbuse, isInjectionAttempt, isLegalThreat, wantsPhoto } from '../nlu/injection';
import { classifyIntent } from '../nlu/intent';
import { conversationLanguage, countryLanguage, detectLanguage } from '../nlu/language';
import { fold, tokens } from '../nlu/normalise';
import { type SlotFindings, extractSlots, findQuantity } from '../nlu/order-slots';
import { hasBuyingVerb, withoutCounts } from '../nlu/quantity';
import { say, voiceFor } from '../templates';
import { type TurnContext, answerAvailability, answerDelivery, answerPhoto, answerPrice, answerWhich } from './answers';
import type { OfflineBrainDeps } from './deps';
import { type Draft, finish, newDraft } from './draft';
import { awaitingOf, commonWordFor, confirmOrder, orderStep, resumeOrder, yesOrNo } from './order-step';
import { isTie, rememberSkus, resolveEach, resolveProducts } from './resolve';
import { readState } from './state';
import { currencyOfCountry, deriveCountry, dialectOf } from '../../text/country';
import type { ShopSettings } from '../../../../shared/domain/settings';

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
      const r = await handlePriceObjection({ language: l, settings: ctx.settings, product: first, finder: ctx.deps.products, alreadyOffered: ctx.state.discountOffered });
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
      d.escalateReason = 'The offline brain did not understand the message';
  }
}

async function decideTurn(ctx: TurnContext, input: BrainInput): Promise<Draft> {
  const { deps, state, language: l } = ctx;
  const guess = classifyIntent(ctx.text);
  const d = newDraft(guess.intent, guess.confidence);

  if (isInjectionAttempt(ctx.text)) {
    d.intent = guess.intent === 'objection_price' ? 'objection_price' : 'other';
    d.confidence = 0.9;
    d.parts.push(say(l, 'injection'));
    return d;
  }
  const several = await resolveEach(deps.products, ctx.shopId, ctx.rest);
  const productWords = withoutCounts(ctx.rest);
  const resolved = several ?? (/\p{L}{2,}/u.test(productWords) ? await resolveProducts(deps.products, ctx.shopId, productWords) : []);
  const named = resolved.map((r) => r.product);
  // The seller sees which product a complaint is about.
  for (const p of named) d.skus.push(p.sku);
  if (isAbuse(ctx.text)) {
    d.intent = 'complaint_refund';
    d.parts.push(say(l, 'human'));
    d.escalate = true;
    d.escalateReason = 'Insult or threat';
    return d;
  }
  if (isLegalThreat(ctx.text)) {
    d.intent = 'complaint_refund';
    d.parts.push(say(l, 'legal'));
    d.escalate = true;
    d.escalateReason = 'Legal threat';
    return d;
  }
  if (guess.intent === 'complaint_refund' || guess.intent === 'human_request') {
    const human = guess.intent === 'human_request';
    d.parts.push(say(l, human ? 'human' : 'complaint'));
    d.escalate = true;
    d.escalateReason = human ? 'The customer asked for a person' : 'Complaint or refund request';
    return d;
  }

  const rememberedSku = state.lastSkus[0];
  const remembered = rememberedSku ? await deps.products.bySku(ctx.shopId, rememberedSku) : null;
  if (named.length) state.lastSkus = rememberSkus(named.map((p) => p.sku), state.lastSkus);

  if (state.stage === 'confirming') {
    const answer = yesOrNo(ctx.text);
    if (answer === 'yes') {
      d.intent = 'order_request';
      d.confidence = 0.9;
      await confirmOrder(ctx, d, input);
      return d;
    }
    if (answer === 'no' && named.length === 0 && extractSlotsCount(ctx) === 0) {
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
    inFlow && (guess.intent === 'delivery_question' || (guess.intent === 'price_question' && named.length > 0 && named.every((p) => !state.cart.some((c) => c.sku === p.sku))));
  if (asksMidOrder) {
    await browse(ctx, d, named, input, named.length > 1 && isTie(resolved), several !== null && named.length > 1);
    await resumeOrder(ctx, d);
    if (state.stage === 'confirming' && !d.escalate) d.parts.push(say(l, 'summaryConfirm'));
    return d;
  }
  const slotsGiven = extractSlotsCount(ctx);
  const continuing = inFlow && (slotsGiven > 0 || guess.intent === 'other' || guess.intent === 'order_request' || (state.pendingVariantSku !== null && named.length === 0));
  // Details while browsing start the order: two of them, or a phone number (nobody gives a shop their number to ask a price).
  const startsWithDetails = !inFlow && (slotsGiven >= 2 || ctx.found.phone !== undefined) && (named.length > 0 || remembered !== null);
  // "quero 2 vermelhos" about the helmet just discussed: a count of it (with or without a variant) is an order.
  const picksRemembered = !inFlow && named.length === 0 && remembered !== null && guess.intent === 'other' && findQuantity(ctx.rest) !== null;
  // "quero 2 protetor fps 50 e 1 shampoo": a count of named products with a verb of wanting is an order.
  const buysNamed = !inFlow && named.length > 0 && hasBuyingVerb(ctx.rest) && (several ?? [{ part: ctx.rest }]).some((p) => findQuantity(p.part) !== null);
  if (guess.intent === 'order_request' || continuing || startsWithDetails || picksRemembered || buysNamed) {
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

  const products = named.length ? named : remembered && ['price_question', 'availability', 'objection_price', 'objection_hesitation'].includes(guess.intent) ? [remembered] : [];
  await browse(ctx, d, products, input, named.length > 1 && isTie(resolved), several !== null && products.length > 1);

  // After a few exchanges without an order, ask for it (once every few turns, never on bad news).
  const pushAfter = ctx.settings.sales.intensity === 'gentle' ? 3 : 2;
  if (state.cart.length === 0 && products[0] && !d.escalate && ['price_question', 'availability'].includes(d.intent) && d.salesAction !== 'upsell') {
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

/** No country from core (tests, tools): the catalog's currency and the time zone tell, as core derives it. */
async function derivedCountry(deps: OfflineBrainDeps, shopId: number, text: string, settings: ShopSettings): Promise<string> {
  const currency = (await deps.products.search(shopId, text, 1))[0]?.product.currency ?? null;
  return deriveCountry(currency, settings.facts.timeZone);
}

/**
 * The default brain: no API key, no network. Reads the shop's catalog, facts and sales settings,
 * remembers the conversation's cart and details between turns, and answers in the customer's
 * language and script.
 */
export function makeOfflineBrain(deps: OfflineBrainDeps): Brain {
  return {
    async decide(input: BrainInput): Promise<BrainDecision> {
      const state = readState(await deps.state.get(input.conversationId));
      const settings = await deps.settings(input.shopId);
      const previous = state.language ?? languageFromHistory(input.history);
      const country = (await deps.country?.(input.shopId, settings)) ?? (await derivedCountry(deps, input.shopId, input.text, settings));
      const text = boundedText(input.text);
      const language = conversationLanguage(text, previous, countryLanguage(country)).language;
      const found = extractSlots(text, awaitingOf(state), commonWordFor(language), { country });
      const voice = voiceFor(language, dialectOf(country));
      const ctx: TurnContext = { deps, shopId: input.shopId, text, rest: productText(text, found), language: voice, settings, country, found, state, now: input.now };
      const draft = await decideTurn(ctx, input);
      const firstReply = !state.introduced && !input.history.some((m) => m.author === 'bot');
      if (firstReply && settings.bot.introduceAsAssistant) {
        const shop = (await deps.shopName?.(input.shopId)) ?? null;
        draft.parts.unshift(shop ? say(voice, 'intro', { shop }) : say(voice, 'introNoShop'));
      }
      state.introduced = true;
      state.language = language;
      state.turns += 1;
      await deps.state.put(input.shopId, input.conversationId, state, input.now.toISOString());
      return finish(draft, language);
    },
  };
}
