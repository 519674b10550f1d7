import { type LlmHealthTracker, llmProblem } from './llm/llm-health';
import type { WritableSqlite } from '../store';
import type { Kysely } from 'kysely';
import type { BrainDecision } from '../../../shared/domain/brain';
import type { Product } from '../../../shared/domain/catalog';
import type { BrainSource, Violation, ViolationRecord } from '../../../shared/domain/guardrails';
import type { KnowledgeEntry } from '../../../shared/domain/knowledge';
import type { ShopSettings } from '../../../shared/domain/settings';
import { makeProductsRepo } from '../catalog/products-repo';
import type { EventBus } from '../events';
import { makeKnowledgeRepo } from '../knowledge/repo';
import { makeOrdersRepo } from '../orders/repo';
import type { Clock, Logger, SecretStore } from '../ports';
import type { Database } from '../database';
import { apiKeySecretName } from '../settings/app';
import { checkReply } from './guardrails/check-reply';
import { applyEscalationPolicy, LOW_CONFIDENCE } from './guardrails/escalation';
import { type FactsSources, loadStoreFacts } from './guardrails/load-store-facts';
import { safeReply } from './guardrails/safe-reply';
import { type CustomerSignals, readCustomerSignals } from './guardrails/sensitive';
import { type ViolationEntry, makeViolationsRepo } from './guardrails/violations-repo';
import { makeCustomerNumbersRepo } from './guardrails/customer-numbers-repo';
import { type MakeChatClient, makeOpenAiChatClient } from './llm/chat-client';
import { makeLlmBrain } from './llm/llm-brain';
import { isLlmConfigured } from './llm/presets';
import { makeCoreOfflineBrain, makeShopCountryReader } from './offline/wire';
import { makeRetriever } from './retrieval/retriever';
import { TurnMemo, memoisedSearch } from './retrieval/turn-memo';
import { makeShopFacts } from './shop-facts';
import type { BrainState } from './offline/state';
import { type CustomerProfile, PROMPT_MARKERS, buildPrompt } from './llm/prompt';
import { redactSecrets } from './llm/redact';
import { describeLlmError } from './llm/retry';
import type { RetryOptions } from './llm/retry';
import { type SpendCap, makeSpendCap, shopDay } from './usage/spend-cap';
import { makeUsageRepo } from './usage/usage-repo';
import type { OfflineBrain, OfflinePlan } from './offline';
import { type CheckedSlots, type RawSlots, checkSlots, hasSlots, seedState } from './llm/slots';
import { isOrderTurn, llmStartsOrder, planTurn, withoutOrderAction } from './turn-plan';
import type { Brain, BrainInput } from './types';
import { encodeEscalations, escalation } from '../../../shared/domain/notices';
import { profileAsCustomerText } from '../learning/profiles/returning-customer';
import { type ProductPhotoDeps, withProductPhoto } from './closer/product-photo';
import { makeSentPhotosRepo } from './closer/sent-photos-repo';
import { type PassageSearch, type PromptPassage, passageFacts, relevantPassages } from './llm/document-passages';
import { makeDocumentsRepo } from '../knowledge/index';

export interface ShopBrainDeps extends FactsSources {
  /** The offline brain: answers when no LLM is configured, and whenever the LLM cannot; keeps the order flow. */
  offline: Brain | OfflineBrain;
  settings: { get(shopId: number): Promise<ShopSettings> };
  shops: { get(shopId: number): Promise<{ name: string; currency: string } | undefined> };
  secrets: SecretStore;
  knowledge?: { searchKnowledge(shopId: number, text: string, k?: number): Promise<Array<{ entry: KnowledgeEntry }>> };
  /** The seller's documents: passages that match the message reach the LLM's prompt (llm/document-passages.ts). */
  documents?: PassageSearch;
  spendCap: SpendCap;
  violations: { add(entry: ViolationEntry): void };
  profile?: (shopId: number, contactId: number) => Promise<CustomerProfile | null>;
  strategy?: (shopId: number, contactId: number) => Promise<string | null>;
  clock: Clock;
  logger: Logger;
  /** Tests inject a client factory or a fetch; production uses the openai SDK's own fetch. */
  makeClient?: MakeChatClient;
  fetch?: typeof fetch;
  /** cooldownMs: after an endpoint failed every retry, the offline brain answers alone for this long. */
  llm?: { timeoutMs?: number; retry?: Partial<RetryOptions>; maxTokens?: number; cooldownMs?: number; monotonicNow?: () => number };
  lowConfidence?: number;
  /** Told when the shop's LLM fails and when it answers again (the seller's warning). */
  llmHealth?: Pick<LlmHealthTracker, 'failed' | 'succeeded'>;
  /** The shop's country (ISO 3166, set or derived): the guardrails read national phone numbers in its plan. */
  country?: (shopId: number, settings: ShopSettings) => string | null | Promise<string | null>;
  /** The numbers the customer is known by (their WhatsApp number): a reply may repeat them. */
  customerPhones?: (shopId: number, contactId: number) => readonly string[] | Promise<readonly string[]>;
}

interface Turn {
  input: BrainInput;
  /** The turn's catalog reads, made once: the offline plans, the LLM prompt and every guardrail check share them. */
  memo: TurnMemo;
  /** The store as this turn reads it (search and SKU lookups through the memo). */
  sources: FactsSources;
  settings: ShopSettings;
  signals: CustomerSignals;
  products: Product[];
  knowledge: KnowledgeEntry[];
  passages: PromptPassage[];
  customerTexts: string[];
  extraNames: string[];
  country: string | null;
  customerPhones: readonly string[];
  shop: { name: string; currency: string } | undefined;
}

/** The store's facts as one turn reads them: the same search or SKU asked twice in a turn is read once. */
function turnSources(deps: FactsSources, memo: TurnMemo): FactsSources {
  const { catalog, search } = deps;
  return {
    ...deps,
    catalog: { getBySku: (shopId, sku) => memo.once(`router-sku\u0000${shopId}\u0000${sku}`, () => catalog.getBySku(shopId, sku)) },
    ...(search && { search: memoisedSearch(search, memo) }),
  };
}

/** What the LLM gave this turn: a reply that passed the guardrails (or none), and the slots it read. */
interface LlmOutcome {
  decision: BrainDecision | null;
  slots: RawSlots | null;
  startsOrder: boolean;
}

const NO_LLM: LlmOutcome = { decision: null, slots: null, startsOrder: false };

const TURN_PRODUCTS = 5;
const TURN_KNOWLEDGE = 3;

/**
 * The brain the pipeline calls, per shop: the LLM when the seller configured one (and the caps
 * allow), else the offline brain; guardrails after either. A failing LLM reply is regenerated once,
 * then replaced by the offline answer; if that fails too a safe reply goes out and the seller is
 * called. Every violation is recorded for the seller.
 *
 * The order is one decision: the offline brain plans each turn (cart, details, summary, the order
 * a "yes" places) and the plan is committed only when its own reply is the one that goes out; under
 * an LLM or safe reply it only observes. With an LLM the model reads the order slots, deterministic
 * code checks them (llm/slots.ts) and they seed the same offline order flow.
 */
export function makeShopBrain(deps: ShopBrainDeps): Brain {
  const timeoutMs = deps.llm?.timeoutMs ?? 20_000;
  const cooldownMs = deps.llm?.cooldownMs ?? 60_000;
  // Per shop: when its endpoint last failed outright. A dead or hanging endpoint must not make every
  // customer wait through the retries; after the cool-down the next message tries again.
  const failedUntil = new Map<number, number>();
  const llm = makeLlmBrain({
    makeClient: deps.makeClient ?? makeOpenAiChatClient,
    timeoutMs,
    retry: { attempts: 3, baseDelayMs: 500, maxDelayMs: 8_000, ...deps.llm?.retry },
    maxTokens: deps.llm?.maxTokens ?? 600,
    temperature: 0.3,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });

  async function check(turn: Turn, decision: BrainDecision, strictNames: boolean): Promise<Violation[]> {
    const { store, knownSkus } = await loadStoreFacts(turn.sources, {
      shopId: turn.input.shopId,
      decision,
      turnProducts: turn.products,
      knowledge: turn.knowledge,
      passages: passageFacts(turn.passages),
      settings: turn.settings,
      now: turn.input.now,
    });
    return checkReply({
      decision,
      store,
      knownSkus,
      customerTexts: turn.customerTexts,
      extraNames: turn.extraNames,
      strictNames,
      promptMarkers: PROMPT_MARKERS,
      country: turn.country,
      customerPhones: turn.customerPhones,
    });
  }

  function record(turn: Turn, source: BrainSource, reply: string, action: ViolationRecord['action'], violations: Violation[]) {
    deps.logger.warn(
      {
        shopId: turn.input.shopId,
        conversationId: turn.input.conversationId,
        source,
        action,
        violations: violations.map((v) => `${v.kind}: ${v.fragment}`),
      },
      'guardrail violation',
    );
    deps.violations.add({
      shopId: turn.input.shopId,
      conversationId: turn.input.conversationId,
      source,
      reply,
      action,
      violations,
      at: deps.clock.now().toISOString(),
    });
  }

  /**
   * The LLM's answer if one passes the guardrails (two tries), and the order slots it read. With
   * `slotsOnly` (the offline brain is taking the order and writes the reply) one call is made and
   * its reply is not used.
   */
  /** The shop's LLM is configured and not cooling down: its reply is expected this turn. */
  async function llmExpected(turn: Turn): Promise<boolean> {
    const { input, settings } = turn;
    const apiKey = await deps.secrets.get(apiKeySecretName(input.shopId));
    return (
      isLlmConfigured(settings.llm.baseUrl, settings.llm.model, apiKey) &&
      (failedUntil.get(input.shopId) ?? 0) <= deps.clock.now().getTime()
    );
  }

  async function tryLlm(turn: Turn, languageHint: BrainDecision['language'] | null, slotsOnly: boolean): Promise<LlmOutcome> {
    const { input, settings } = turn;
    const apiKey = await deps.secrets.get(apiKeySecretName(input.shopId));
    if (!isLlmConfigured(settings.llm.baseUrl, settings.llm.model, apiKey)) return NO_LLM;
    if ((failedUntil.get(input.shopId) ?? 0) > deps.clock.now().getTime()) return NO_LLM;
    const day = shopDay(input.now, settings.facts.timeZone);
    const limits = { dailyTokenCap: settings.llm.dailyTokenCap, perCustomerDailyMessageCap: settings.llm.perCustomerDailyMessageCap };
    const shop = turn.shop ?? { name: 'the shop', currency: '' };
    const [profile, strategy] = await Promise.all([
      input.profile
        ? { name: input.profile.name, city: input.profile.wilaya, orders: input.profile.orders, interests: input.profile.interests }
        : (deps.profile?.(input.shopId, input.contactId) ?? null),
      input.strategy ?? deps.strategy?.(input.shopId, input.contactId) ?? null,
    ]);
    const photoProducts = new Map(turn.products.map((p) => [p.sku, p]));
    // One time budget for the whole turn, every try and the regeneration included (real time, not
    // the turn clock: the simulator's virtual clock must not stretch it).
    const monotonicNow = deps.llm?.monotonicNow ?? (() => performance.now());
    const budgetMs = settings.llm.replyTimeLimitSeconds * 1000;
    const budget = { ms: budgetMs, deadline: monotonicNow() + budgetMs, now: monotonicNow };
    let corrections: Violation[] = [];
    let outcome: LlmOutcome = NO_LLM;
    for (const source of ['llm', 'llm_retry'] as const) {
      const cap = deps.spendCap.check(input.shopId, input.contactId, day, limits);
      if (!cap.allowed) {
        deps.logger.info(
          { shopId: input.shopId, contactId: input.contactId, reason: cap.reason },
          'LLM cap reached; offline brain answers',
        );
        return outcome;
      }
      const messages = buildPrompt({
        shop,
        settings,
        products: turn.products,
        knowledge: turn.knowledge,
        profile,
        history: input.history,
        text: input.text,
        strategy,
        corrections,
        languageHint,
        passages: turn.passages,
      });
      let decision: BrainDecision;
      try {
        const answer = await llm.decideTurn({
          endpoint: { baseUrl: settings.llm.baseUrl, apiKey, model: settings.llm.model },
          messages,
          photoProducts,
          budget,
          onTokens: (tokens) => deps.spendCap.recordCall(input.shopId, day, tokens),
        });
        decision = answer.decision;
        outcome = { decision: null, slots: answer.slots ?? outcome.slots, startsOrder: outcome.startsOrder || llmStartsOrder(decision) };
      } catch (err) {
        const reason = redactSecrets(describeLlmError(err, settings.llm.baseUrl, timeoutMs), [apiKey]);
        deps.logger.warn(
          { shopId: input.shopId, conversationId: input.conversationId, reason, cooldownMs },
          'LLM failed; offline brain answers',
        );
        failedUntil.set(input.shopId, deps.clock.now().getTime() + cooldownMs);
        deps.llmHealth?.failed(input.shopId, llmProblem(err, settings.llm.baseUrl, timeoutMs));
        return outcome;
      }
      failedUntil.delete(input.shopId);
      deps.llmHealth?.succeeded(input.shopId);
      if (slotsOnly) {
        deps.spendCap.recordAnswered(input.shopId, input.contactId, day);
        return outcome;
      }
      const violations = await check(turn, decision, true);
      if (violations.length === 0) {
        deps.spendCap.recordAnswered(input.shopId, input.contactId, day);
        return { ...outcome, decision: withoutOrderAction(decision) };
      }
      record(turn, source, decision.reply, source === 'llm' ? 'regenerated' : 'replaced_offline', violations);
      corrections = violations;
    }
    return outcome;
  }

  /** The model's slots after the deterministic checks; what fails is logged and dropped. */
  function checkedSlots(turn: Turn, raw: RawSlots | null): CheckedSlots | null {
    if (!raw) return null;
    const { slots, rejected } = checkSlots(raw, {
      customerText: turn.customerTexts.join('\n'),
      bySku: (sku) => turn.sources.catalog.getBySku(turn.input.shopId, sku),
      settings: turn.settings,
    });
    if (rejected.length)
      deps.logger.info({ shopId: turn.input.shopId, conversationId: turn.input.conversationId, rejected }, 'LLM order slots refused');
    return hasSlots(slots) ? slots : null;
  }

  /** The offline brain's plan for this turn, or null when it failed (logged). */
  async function runOffline(
    turn: Turn,
    slots: CheckedSlots | null = null,
    startsOrder = false,
    compose = true,
  ): Promise<OfflinePlan | null> {
    try {
      return await planTurn(deps.offline, turn.input, {
        memo: turn.memo,
        compose,
        ...(slots && { seed: (state: BrainState) => seedState(state, slots, startsOrder) }),
      });
    } catch (err) {
      deps.logger.error({ err, shopId: turn.input.shopId, conversationId: turn.input.conversationId }, 'offline brain failed');
      return null;
    }
  }

  /**
   * The offline reply if it passes the guardrails — then, and only then, its plan is committed
   * (memory saved, the order it announces placed). Otherwise a safe reply goes out, the plan only
   * observes the turn, and the seller is called.
   */
  async function offlineOrSafe(turn: Turn, plan: OfflinePlan | null): Promise<BrainDecision> {
    const decision = plan?.decision ?? null;
    if (plan && decision) {
      const violations = await check(turn, decision, false);
      if (violations.length === 0) return plan.commit();
      record(turn, 'offline', decision.reply, 'replaced_safe', violations);
      await plan.observe();
    }
    const language = decision?.language ?? 'fr';
    return {
      reply: safeReply(language),
      language,
      intent: decision?.intent ?? 'other',
      sentiment: decision?.sentiment ?? 'neutral',
      confidence: 0,
      salesAction: 'none',
      orderAction: 'none',
      orderItems: [],
      escalate: true,
      escalateReason: encodeEscalations([escalation('safe_reply')]),
      citations: [],
      skus: [],
      media: [],
    };
  }

  return {
    async decide(input: BrainInput): Promise<BrainDecision> {
      const settings = await deps.settings.get(input.shopId);
      const signals = readCustomerSignals(input.text);
      if (signals.injection)
        deps.logger.info({ shopId: input.shopId, conversationId: input.conversationId }, 'customer tried to instruct the bot');
      const memo = new TurnMemo();
      const sources = turnSources(deps, memo);
      const [productHits, knowledgeHits] = await Promise.all([
        sources.search?.searchProducts(input.shopId, input.text, TURN_PRODUCTS) ?? [],
        deps.knowledge?.searchKnowledge(input.shopId, input.text, TURN_KNOWLEDGE) ?? [],
      ]);
      const shop = await deps.shops.get(input.shopId);
      const [country, customerPhones] = await Promise.all([
        deps.country?.(input.shopId, settings) ?? null,
        deps.customerPhones?.(input.shopId, input.contactId) ?? [],
      ]);
      const turn: Turn = {
        memo,
        sources,
        shop,
        country,
        customerPhones,
        input,
        settings,
        signals,
        products: productHits.map((h) => h.product),
        knowledge: knowledgeHits.map((h) => h.entry),
        passages: relevantPassages(deps.documents, input.shopId, input.text),
        // A returning customer's stored details are their own words from an earlier chat.
        customerTexts: [
          ...(input.profile ? [profileAsCustomerText(input.profile)] : []),
          ...input.history.filter((m) => m.author === 'customer').map((m) => m.text),
          input.text,
        ],
        extraNames: shop ? [shop.name] : [],
      };
      // The offline brain plans every turn: it keeps the order draft and places orders, which an
      // LLM reply cannot do. While an order is being taken its structured answer is the reply; the
      // LLM, when configured, reads the order slots, which are checked and fed to that same flow.
      // With an LLM expected, the offline plan reads the turn (order steps, memory, guardrail facts)
      // but leaves a question outside any order unanswered in words: the LLM writes that reply.
      const compose = !(await llmExpected(turn));
      const first = await runOffline(turn, null, false, compose);
      const ordering = first !== null && isOrderTurn(first.decision);
      // A "yes" that places the order, or a cancel, is the customer's decision on what they were
      // shown: nothing for the model to read.
      const settled = first !== null && (first.decision.orderAction === 'confirm' || first.decision.orderAction === 'cancel');
      const llm = settled ? NO_LLM : await tryLlm(turn, first?.decision.language ?? null, ordering);
      const slots = checkedSlots(turn, llm.slots);
      const plan = slots ? ((await runOffline(turn, slots, llm.startsOrder, compose)) ?? first) : first;
      let decision: BrainDecision;
      if (llm.decision && !(plan && isOrderTurn(plan.decision))) {
        await plan?.observe();
        decision = llm.decision;
      } else {
        // The LLM's reply did not come (or the offline brain takes the order): the offline reply
        // goes out, so it is written now — the turn's catalog reads come from its memo.
        const written = plan && !plan.written ? ((await runOffline(turn, slots, llm.startsOrder)) ?? null) : plan;
        decision = await offlineOrSafe(turn, written);
      }
      return applyEscalationPolicy(decision, signals, deps.lowConfidence ?? LOW_CONFIDENCE);
    },
  };
}

/**
 * The router with its bookkeeping on the store's own tables (migration 0006): what create-core
 * calls, passing the offline brain, the retriever and the repositories it already has.
 */
export function makeShopBrainFromStore(deps: Omit<ShopBrainDeps, 'spendCap' | 'violations'> & { sqlite: WritableSqlite }): Brain {
  const { sqlite, ...rest } = deps;
  return makeShopBrain({ ...rest, spendCap: makeSpendCap(makeUsageRepo(sqlite)), violations: makeViolationsRepo(sqlite) });
}

export interface CoreShopBrainConfig {
  db: Kysely<Database>;
  sqlite: WritableSqlite;
  settingsOf(shopId: number): Promise<ShopSettings>;
  shops: ShopBrainDeps['shops'];
  secrets: SecretStore;
  bus: EventBus;
  clock: Clock;
  logger: Logger;
  makeClient?: MakeChatClient;
  llmHealth?: ShopBrainDeps['llmHealth'];
}

/**
 * The whole sales brain on core's store: the offline brain, FTS retrieval, the catalog and orders
 * repositories, and the router over them. create-core passes this as the pipeline's brain.
 */
export function makeCoreShopBrain(config: CoreShopBrainConfig): Brain {
  // One retriever (its parsed search documents) and one per-shop facts cache for both brains.
  const retriever = makeRetriever({ sqlite: config.sqlite });
  const facts = makeShopFacts({
    shops: config.shops,
    countryOf: makeShopCountryReader(config.sqlite),
    orders: makeOrdersRepo(config.db),
    bus: config.bus,
  });
  const offline = makeCoreOfflineBrain({
    db: config.db,
    sqlite: config.sqlite,
    settingsOf: config.settingsOf,
    shopName: async (shopId) => (await facts.shop(shopId))?.name ?? null,
    bus: config.bus,
    retriever,
    facts,
  });
  return makeShopBrainFromStore({
    sqlite: config.sqlite,
    offline,
    settings: { get: config.settingsOf },
    shops: { get: (shopId) => facts.shop(shopId) },
    secrets: config.secrets,
    catalog: makeProductsRepo(config.sqlite),
    knowledgeRows: makeKnowledgeRepo(config.sqlite),
    search: retriever,
    knowledge: retriever,
    documents: makeDocumentsRepo(config.sqlite),
    orders: { countPlaced: (shopId) => facts.countPlaced(shopId), unitsSoldSince: (...a) => facts.unitsSoldSince(...a) },
    country: (shopId, settings) => facts.country(shopId, settings.facts.timeZone),
    customerPhones: makeCustomerNumbersRepo(config.sqlite),
    clock: config.clock,
    logger: config.logger,
    ...(config.makeClient ? { makeClient: config.makeClient } : {}),
    ...(config.llmHealth ? { llmHealth: config.llmHealth } : {}),
  });
}

/** The sales closer's product photo (closer/product-photo.ts) on core's store: wraps the pipeline's brain. */
export function withCoreProductPhoto(brain: Brain, config: { sqlite: WritableSqlite; canSend: ProductPhotoDeps['canSend'] }): Brain {
  return withProductPhoto(brain, {
    catalog: makeProductsRepo(config.sqlite),
    sentPhotos: makeSentPhotosRepo(config.sqlite),
    canSend: config.canSend,
  });
}

export { LLM_PRESETS, endpointNeedsKey, isLlmConfigured } from './llm/presets';
// Settings read once per shop, dropped when they change (create-core's settingsOf).
export { cachedSettings } from './shop-facts';
export { llmProblem } from './llm/llm-health';
// What learning's LLM-assisted analysis reuses (the same client, spend cap and number reading).
export { type ChatClient, type MakeChatClient, makeOpenAiChatClient } from './llm/chat-client';
export { extractNumbers } from './guardrails/numbers';
export { type SpendCap, makeSpendCap, shopDay } from './usage/spend-cap';
export { makeUsageRepo } from './usage/usage-repo';
