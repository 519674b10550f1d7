import type { Product } from '../../../../shared/domain/catalog';
import type { BrainDecision } from '../../../../shared/domain/brain';
import type { CustomerLanguage } from '../../../../shared/domain/schemas';
import type { Brain, BrainInput, TurnMessage } from '../types';
import { checkoutPush, handleHesitation, handlePriceObjection, handleTrustObjection } from '../closer';
import { isInjectionAttempt, isLegalThreat, wantsPhoto } from '../nlu/injection';
import { classifyIntent } from '../nlu/intent';
import { detectLanguage } from '../nlu/language';
import { fold, tokens } from '../nlu/normalise';
import { extractSlots } from '../nlu/order-slots';
import { say } from '../templates';
import { type TurnContext, answerAvailability, answerDelivery, answerPhoto, answerPrice } from './answers';
import type { OfflineBrainDeps } from './deps';
import { type Draft, finish, newDraft } from './draft';
import { awaitingSlots, commonWord, confirmOrder, orderStep, yesOrNo } from './order-step';
import { rememberSkus, resolveProducts } from './resolve';
import { readState } from './state';
import { applyStrategy } from '../../learning/bandit/strategy-lines';
import { acceptReorder, personalise, prefillFromProfile, startsVisit } from '../../learning/profiles/returning-customer';

export type { OfflineBrainDeps } from './deps';
export { makeMemoryProductFinder, type ProductFinder, type ProductHit } from './product-match';

function languageFromHistory(history: TurnMessage[]): CustomerLanguage | null {
  const last = [...history].reverse().find((m) => m.author === 'customer' && m.text.trim());
  return last ? detectLanguage(last.text).language : null;
}

/** Messages with no words worth answering at length ("ok", "👍", "?"). */
const isTrivial = (text: string): boolean => tokens(fold(text)).length <= 2;

async function browse(ctx: TurnContext, d: Draft, products: Product[], input: BrainInput): Promise<void> {
  const l = ctx.language;
  const first = products[0] ?? null;
  const currency = first?.currency ?? (await ctx.deps.products.search(ctx.shopId, ctx.text, 1))[0]?.product.currency ?? 'DZD';
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
  const guess = classifyIntent(input.text);
  const d = newDraft(guess.intent, guess.confidence);

  if (isInjectionAttempt(input.text)) {
    d.intent = guess.intent === 'objection_price' ? 'objection_price' : 'other';
    d.confidence = 0.9;
    d.parts.push(say(l, 'injection'));
    return d;
  }
  const resolved = await resolveProducts(deps.products, ctx.shopId, input.text);
  const named = resolved.map((r) => r.product);
  // The seller sees which product a complaint is about.
  for (const p of named) d.skus.push(p.sku);
  if (isLegalThreat(input.text)) {
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
    const answer = yesOrNo(input.text);
    if (answer === 'yes') {
      d.intent = 'order_request';
      d.confidence = 0.9;
      await confirmOrder(ctx, d, input);
      return d;
    }
    if (answer === 'no' && named.length === 0 && extractSlotsCount(ctx) === 0) {
      d.intent = 'order_request';
      const cancelling = /annul|cancel/.test(fold(input.text));
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
  const slotsGiven = extractSlotsCount(ctx);
  const continuing = inFlow && (slotsGiven > 0 || guess.intent === 'other' || guess.intent === 'order_request' || (state.pendingVariantSku !== null && named.length === 0));
  const startsWithDetails = !inFlow && slotsGiven >= 2 && (named.length > 0 || remembered !== null);
  if (guess.intent === 'order_request' || continuing || startsWithDetails) {
    d.intent = 'order_request';
    d.confidence = Math.max(d.confidence, 0.7);
    await orderStep(ctx, d, named, remembered);
    return d;
  }

  const products = named.length ? named : remembered && ['price_question', 'availability', 'objection_price', 'objection_hesitation'].includes(guess.intent) ? [remembered] : [];
  await browse(ctx, d, products, input);

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
  const f = extractSlots(ctx.text, awaitingSlots(ctx), commonWord);
  return [f.name, f.phone, f.place, f.address].filter(Boolean).length;
};

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
      const language = detectLanguage(input.text, previous).language;
      const ctx: TurnContext = { deps, shopId: input.shopId, text: input.text, language, settings, state, now: input.now };
      // A returning customer (learning/profiles): stored details at checkout, the last order again.
      const firstTurn = startsVisit(state, input);
      const prefilled = prefillFromProfile(state, input.profile, firstTurn);
      const draft = (await acceptReorder(ctx, input)) ?? (await decideTurn(ctx, input));
      await applyStrategy(draft, input.strategy, { language, settings, bySku: (sku) => deps.products.bySku(input.shopId, sku) });
      const storedDetails = prefilled || (!!input.profile && state.slots.phone === input.profile.phone && state.slots.address === input.profile.address);
      personalise(draft, input.profile, language, { first: firstTurn, prefilled: storedDetails, confirming: state.stage === 'confirming' && draft.salesAction === 'checkout' });
      const firstReply = !state.introduced && !input.history.some((m) => m.author === 'bot');
      if (firstReply && settings.bot.introduceAsAssistant) {
        const shop = (await deps.shopName?.(input.shopId)) ?? null;
        draft.parts.unshift(shop ? say(language, 'intro', { shop }) : say(language, 'introNoShop'));
      }
      state.introduced = true;
      state.language = language;
      state.turns += 1;
      await deps.state.put(input.shopId, input.conversationId, state, input.now.toISOString());
      return finish(draft, language);
    },
  };
}
