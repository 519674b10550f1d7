import type { BrainDecision } from '../../../shared/domain/brain';
import type { Product } from '../../../shared/domain/catalog';
import type { BrainSource, Violation, ViolationRecord } from '../../../shared/domain/guardrails';
import type { KnowledgeEntry } from '../../../shared/domain/knowledge';
import type { ShopSettings } from '../../../shared/domain/settings';
import { profileAsCustomerText } from './offline/returning-customer';
import type { Clock, Logger, SecretStore } from '../ports';
import { checkReply } from './guardrails/check-reply';
import { type FactsSources, loadStoreFacts } from './guardrails/load-store-facts';
import { type CustomerSignals, readCustomerSignals } from './guardrails/sensitive';
import type { ViolationEntry } from './guardrails/violations-repo';
import type { MakeChatClient } from './llm/chat-client';
import { type PassageSearch, type PromptPassage, passageFacts, relevantPassages } from './llm/document-passages';
import type { LlmHealthTracker } from './llm/llm-health';
import { type CustomerProfile, PROMPT_MARKERS } from './llm/prompt';
import type { RetryOptions } from './llm/retry';
import type { OfflineBrain } from './offline';
import { TurnMemo, memoisedSearch } from './retrieval/turn-memo';
import type { Brain, BrainInput } from './types';
import type { SpendCap } from './usage/spend-cap';

// One turn of the shop brain: what it depends on, what it reads once per message, and the guardrails'
// check and record that both the LLM path (llm-turn.ts) and the offline path (shop-brain.ts) use.

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

export interface Turn {
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
export function turnSources(deps: FactsSources, memo: TurnMemo): FactsSources {
  const { catalog, search } = deps;
  return {
    ...deps,
    catalog: { getBySku: (shopId, sku) => memo.once(`router-sku\u0000${shopId}\u0000${sku}`, () => catalog.getBySku(shopId, sku)) },
    ...(search && { search: memoisedSearch(search, memo) }),
  };
}

const TURN_PRODUCTS = 5;
const TURN_KNOWLEDGE = 3;

/** Everything the turn reads before either brain runs: settings, the products and FAQ it is about, who is asking. */
export async function readTurn(deps: ShopBrainDeps, input: BrainInput): Promise<Turn> {
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
  return {
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
}

/** The guardrails' verdict on a reply: what it states that the store does not back. */
export async function checkTurn(turn: Turn, decision: BrainDecision, strictNames: boolean): Promise<Violation[]> {
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

/** A reply the guardrails refused: logged, and kept for the seller's violations page. */
export function recordViolations(
  deps: Pick<ShopBrainDeps, 'logger' | 'violations' | 'clock'>,
  turn: Turn,
  source: BrainSource,
  reply: string,
  action: ViolationRecord['action'],
  violations: Violation[],
) {
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
