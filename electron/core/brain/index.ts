import { type LlmHealthTracker, llmProblem } from './llm/llm-health';
import type SQLite from 'better-sqlite3';
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
import type { Database } from '../store/schema';
import { apiKeySecretName } from '../settings/app';
import { checkReply } from './guardrails/check-reply';
import { applyEscalationPolicy, LOW_CONFIDENCE } from './guardrails/escalation';
import { type FactsSources, loadStoreFacts } from './guardrails/load-store-facts';
import { safeReply } from './guardrails/safe-reply';
import { type CustomerSignals, readCustomerSignals } from './guardrails/sensitive';
import { type ViolationEntry, makeViolationsRepo } from './guardrails/violations-repo';
import { type MakeChatClient, makeOpenAiChatClient } from './llm/chat-client';
import { makeLlmBrain } from './llm/llm-brain';
import { isLlmConfigured } from './llm/presets';
import { makeCoreOfflineBrain } from './offline/wire';
import { makeRetriever } from './retrieval/retriever';
import { type CustomerProfile, PROMPT_MARKERS, buildPrompt } from './llm/prompt';
import { redactSecrets } from './llm/redact';
import { describeLlmError } from './llm/retry';
import type { RetryOptions } from './llm/retry';
import { type SpendCap, makeSpendCap, shopDay } from './usage/spend-cap';
import { makeUsageRepo } from './usage/usage-repo';
import type { Brain, BrainInput } from './types';
import { encodeEscalations, escalation } from '../../../shared/domain/notices';

export interface ShopBrainDeps extends FactsSources {
  /** The offline brain: answers when no LLM is configured, and whenever the LLM cannot. */
  offline: Brain;
  settings: { get(shopId: number): Promise<ShopSettings> };
  shops: { get(shopId: number): Promise<{ name: string; currency: string } | undefined> };
  secrets: SecretStore;
  knowledge?: { searchKnowledge(shopId: number, text: string, k?: number): Promise<Array<{ entry: KnowledgeEntry }>> };
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
  llm?: { timeoutMs?: number; retry?: Partial<RetryOptions>; maxTokens?: number; cooldownMs?: number };
  lowConfidence?: number;
  /** Told when the shop's LLM fails and when it answers again (the seller's warning). */
  llmHealth?: Pick<LlmHealthTracker, 'failed' | 'succeeded'>;
}

interface Turn {
  input: BrainInput;
  settings: ShopSettings;
  signals: CustomerSignals;
  products: Product[];
  knowledge: KnowledgeEntry[];
  customerTexts: string[];
  extraNames: string[];
}

const TURN_PRODUCTS = 5;
const TURN_KNOWLEDGE = 3;

/**
 * The brain the pipeline calls, per shop: the LLM when the seller configured one (and the caps
 * allow), else the offline brain; guardrails after either. A failing LLM reply is regenerated once,
 * then replaced by the offline answer; if that fails too a safe reply goes out and the seller is
 * called. Every violation is recorded for the seller.
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
    const { store, knownSkus } = await loadStoreFacts(deps, {
      shopId: turn.input.shopId,
      decision,
      turnProducts: turn.products,
      knowledge: turn.knowledge,
      settings: turn.settings,
      now: turn.input.now,
    });
    return checkReply({ decision, store, knownSkus, customerTexts: turn.customerTexts, extraNames: turn.extraNames, strictNames, promptMarkers: PROMPT_MARKERS });
  }

  function record(turn: Turn, source: BrainSource, reply: string, action: ViolationRecord['action'], violations: Violation[]) {
    deps.logger.warn({ shopId: turn.input.shopId, conversationId: turn.input.conversationId, source, action, violations: violations.map((v) => `${v.kind}: ${v.fragment}`) }, 'guardrail violation');
    deps.violations.add({ shopId: turn.input.shopId, conversationId: turn.input.conversationId, source, reply, action, violations, at: deps.clock.now().toISOString() });
  }

  /** The LLM's answer if one passes the guardrails (two tries), else null. */
  async function tryLlm(turn: Turn, languageHint: BrainDecision['language'] | null): Promise<BrainDecision | null> {
    const { input, settings } = turn;
    const apiKey = await deps.secrets.get(apiKeySecretName(input.shopId));
    if (!isLlmConfigured(settings.llm.baseUrl, settings.llm.model, apiKey)) return null;
    if ((failedUntil.get(input.shopId) ?? 0) > deps.clock.now().getTime()) return null;
    const day = shopDay(input.now, settings.facts.timeZone);
    const limits = { dailyTokenCap: settings.llm.dailyTokenCap, perCustomerDailyMessageCap: settings.llm.perCustomerDailyMessageCap };
    const shop = (await deps.shops.get(input.shopId)) ?? { name: 'the shop', currency: '' };
    const [profile, strategy] = await Promise.all([deps.profile?.(input.shopId, input.contactId) ?? null, deps.strategy?.(input.shopId, input.contactId) ?? null]);
    const photoProducts = new Map(turn.products.map((p) => [p.sku, p]));
    let corrections: Violation[] = [];
    for (const source of ['llm', 'llm_retry'] as const) {
      const cap = deps.spendCap.check(input.shopId, input.contactId, day, limits);
      if (!cap.allowed) {
        deps.logger.info({ shopId: input.shopId, contactId: input.contactId, reason: cap.reason }, 'LLM cap reached; offline brain answers');
        return null;
      }
      const messages = buildPrompt({ shop, settings, products: turn.products, knowledge: turn.knowledge, profile, history: input.history, text: input.text, strategy, corrections, languageHint });
      let decision: BrainDecision;
      try {
        decision = await llm.decide({
          endpoint: { baseUrl: settings.llm.baseUrl, apiKey, model: settings.llm.model },
          messages,
          photoProducts,
          onTokens: (tokens) => deps.spendCap.recordCall(input.shopId, day, tokens),
        });
      } catch (err) {
        const reason = redactSecrets(describeLlmError(err, settings.llm.baseUrl, timeoutMs), [apiKey]);
        deps.logger.warn({ shopId: input.shopId, conversationId: input.conversationId, reason, cooldownMs }, 'LLM failed; offline brain answers');
        failedUntil.set(input.shopId, deps.clock.now().getTime() + cooldownMs);
        deps.llmHealth?.failed(input.shopId, llmProblem(err, settings.llm.baseUrl, timeoutMs));
        return null;
      }
      const violations = await check(turn, decision, true);
      failedUntil.delete(input.shopId);
      deps.llmHealth?.succeeded(input.shopId);
      if (violations.length === 0) {
        deps.spendCap.recordAnswered(input.shopId, input.contactId, day);
        return decision;
      }
      record(turn, source, decision.reply, source === 'llm' ? 'regenerated' : 'replaced_offline', violations);
      corrections = violations;
    }
    return null;
  }

  /** The offline brain's answer for this turn, or null when it failed (logged). */
  async function runOffline(turn: Turn): Promise<BrainDecision | null> {
    try {
      return await deps.offline.decide(turn.input);
    } catch (err) {
      deps.logger.error({ err, shopId: turn.input.shopId, conversationId: turn.input.conversationId }, 'offline brain failed');
      return null;
    }
  }

  async function offlineOrSafe(turn: Turn, decision: BrainDecision | null): Promise<BrainDecision> {
    if (decision) {
      const violations = await check(turn, decision, false);
      if (violations.length === 0) return decision;
      record(turn, 'offline', decision.reply, 'replaced_safe', violations);
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
      if (signals.injection) deps.logger.info({ shopId: input.shopId, conversationId: input.conversationId }, 'customer tried to instruct the bot');
      const [productHits, knowledgeHits] = await Promise.all([
        deps.search?.searchProducts(input.shopId, input.text, TURN_PRODUCTS) ?? [],
        deps.knowledge?.searchKnowledge(input.shopId, input.text, TURN_KNOWLEDGE) ?? [],
      ]);
      const shop = await deps.shops.get(input.shopId);
      const turn: Turn = {
        input,
        settings,
        signals,
        products: productHits.map((h) => h.product),
        knowledge: knowledgeHits.map((h) => h.entry),
        customerTexts: [...input.history.filter((m) => m.author === 'customer').map((m) => m.text), input.text],
        extraNames: shop ? [shop.name] : [],
      };
      // The offline brain runs every turn: it keeps the order draft and places orders, which an
      // LLM reply cannot do. While an order is being taken its structured answer is the reply.
      const offline = await runOffline(turn);
      const takingOrder = offline !== null && (offline.intent === 'order_request' || offline.orderAction !== 'none');
      const decision = (takingOrder ? null : await tryLlm(turn, offline?.language ?? null)) ?? (await offlineOrSafe(turn, offline));
      return applyEscalationPolicy(decision, signals, deps.lowConfidence ?? LOW_CONFIDENCE);
    },
  };
}

/**
 * The router with its bookkeeping on the store's own tables (migration 0006): what create-core
 * calls, passing the offline brain, the retriever and the repositories it already has.
 */
export function makeShopBrainFromStore(deps: Omit<ShopBrainDeps, 'spendCap' | 'violations'> & { sqlite: SQLite.Database }): Brain {
  const { sqlite, ...rest } = deps;
  return makeShopBrain({ ...rest, spendCap: makeSpendCap(makeUsageRepo(sqlite)), violations: makeViolationsRepo(sqlite) });
}

export interface CoreShopBrainConfig {
  db: Kysely<Database>;
  sqlite: SQLite.Database;
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
  const offline = makeCoreOfflineBrain({
    db: config.db,
    sqlite: config.sqlite,
    settingsOf: config.settingsOf,
    shopName: async (shopId) => (await config.shops.get(shopId))?.name ?? null,
    bus: config.bus,
  });
  const retriever = makeRetriever({ sqlite: config.sqlite });
  return makeShopBrainFromStore({
    sqlite: config.sqlite,
    offline,
    settings: { get: config.settingsOf },
    shops: config.shops,
    secrets: config.secrets,
    catalog: makeProductsRepo(config.sqlite),
    knowledgeRows: makeKnowledgeRepo(config.sqlite),
    search: retriever,
    knowledge: retriever,
    orders: makeOrdersRepo(config.db),
    clock: config.clock,
    logger: config.logger,
    ...(config.makeClient ? { makeClient: config.makeClient } : {}),
    ...(config.llmHealth ? { llmHealth: config.llmHealth } : {}),
  });
}

export { LLM_PRESETS, endpointNeedsKey, isLlmConfigured } from './llm/presets';
