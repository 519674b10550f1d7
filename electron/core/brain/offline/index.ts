import type { BrainDecision } from '../../../../shared/domain/brain';
import type { CustomerLanguage } from '../../../../shared/domain/schemas';
import { applyStrategy } from '../strategy-lines';
import { acceptReorder, personalise, prefillFromProfile, startsVisit } from './returning-customer';
import { dialectOf } from '../../text';
import { TurnMemo, memoisedFinder } from '../retrieval/turn-memo';
import { say, voiceFor } from '../templates';
import type { BrainInput } from '../types';
import type { TurnContext } from './answers';
import { decideTurn } from './decide-turn';
import type { OfflineBrainDeps } from './deps';
import { type Draft, finish } from './draft';
import { awaitingOf, commonWordFor } from './order-step';
import { type Composing, type OfflineBrain, type OfflinePlan, type PlanOptions, announcement, observed, withOrderNumber } from './plan';
import { type BrainState, readState } from './state';
import { boundedText, derivedCountry, languageFromHistory, productText, slotsReader, turnLanguage } from './turn-text';

export type { OfflineBrainDeps } from './deps';
export type { OfflineBrain, OfflinePlan, PlanOptions } from './plan';
export { boundedText } from './turn-text';
export { makeMemoryProductFinder, type ProductFinder, type ProductHit } from './product-match';

interface Reading {
  ctx: TurnContext;
  /** The memory as stored (what an observed turn starts from). */
  before: BrainState;
  /** The conversation's language after this message (ctx.language is its voice: the dialect too). */
  language: CustomerLanguage;
}

/** The turn's reading before any decision: memory, settings, country, language, the details given. */
async function readTurn(deps: OfflineBrainDeps, input: BrainInput, options: PlanOptions): Promise<Reading> {
  const stored = await deps.state.get(input.conversationId);
  const before = readState(stored);
  // The turn's own copy (it changes it); the memory is JSON, so a structural copy is the same as reading it again.
  const state = structuredClone(before);
  const upstream = options.seed?.(state);
  const settings = await deps.settings(input.shopId);
  const previous = state.language ?? languageFromHistory(input.history);
  const country = (await deps.country?.(input.shopId, settings)) ?? (await derivedCountry(deps, input.shopId, input.text, settings));
  const text = boundedText(input.text);
  const slots = slotsReader(text, awaitingOf(state), country);
  const language = turnLanguage(text, previous, country, awaitingOf(state), slots);
  const found = slots(commonWordFor(language));
  const ctx: TurnContext = {
    deps,
    shopId: input.shopId,
    text,
    rest: productText(text, found),
    language: voiceFor(language, dialectOf(country)),
    settings,
    country,
    found,
    state,
    now: input.now,
    ...(upstream && { upstream }),
  };
  return { ctx, before, language };
}

/** The turn's draft: a reorder or the brain's decision, then the bandit's lines, the returning customer's touch, the introduction. */
async function draftTurn(ctx: TurnContext, language: CustomerLanguage, input: BrainInput, composing: Composing): Promise<Draft> {
  const { deps, state, settings, country } = ctx;
  // A returning customer (learning/profiles): stored details at checkout, the last order again.
  const firstTurn = startsVisit(state, input);
  const prefilled = prefillFromProfile(state, input.profile, firstTurn);
  const draft = (await acceptReorder(ctx, input)) ?? (await decideTurn(ctx, input, composing));
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
    draft.parts.unshift(shop ? say(ctx.language, 'intro', { shop }) : say(ctx.language, 'introNoShop'));
  }
  return draft;
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
    const { ctx, before, language } = await readTurn(deps, input, options);
    const state = ctx.state;
    const composing: Composing = { allowed: options.compose ?? true, skipped: false };
    const draft = await draftTurn(ctx, language, input, composing);
    const written = !composing.skipped;
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
