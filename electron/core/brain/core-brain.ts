import type { WritableDB, WritableSqlite } from '../store';
import type { ShopSettings } from '../../../shared/domain/settings';
import type { ProductsRepo } from '../catalog';
import type { EventBus } from '../events';
import type { DocumentsRepo, KnowledgeRepo } from '../knowledge';
import type { OrdersRepo } from '../orders';
import type { Clock, Logger, SecretStore } from '../ports';
import type { Database } from '../database';
import { type ProductPhotoDeps, withProductPhoto } from './closer/product-photo';
import { makeSentPhotosRepo } from './closer/sent-photos-repo';
import { makeCustomerNumbersRepo } from './guardrails/customer-numbers-repo';
import type { MakeChatClient } from './llm/chat-client';
import { makeCoreOfflineBrain, makeShopCountryReader } from './offline/wire';
import type { Retriever } from './retrieval/retriever';
import { makeShopBrain } from './shop-brain';
import { makeShopFacts } from './shop-facts';
import type { ShopBrainDeps } from './turn';
import type { Brain } from './types';

// The brain wired on core's store. The repositories and the retriever come from the composition root (create-core's
// makeCoreServices), so the brain, the catalog and knowledge pages and the bandit share one of each.

export interface CoreShopBrainConfig {
  /** The kysely handle the brain's repositories use (catalog, orders, knowledge). */
  db: WritableDB<Database>;
  /** The raw handle: FTS retrieval, usage, violations, brain state. */
  sqlite: WritableSqlite;
  /** A shop's settings, read per turn. */
  settingsOf(shopId: number): Promise<ShopSettings>;
  /** A shop's name and currency. */
  shops: ShopBrainDeps['shops'];
  /** Holds each shop's LLM key. */
  secrets: SecretStore;
  /** Publishes orders/created and llm/health. */
  bus: EventBus;
  /** Time for the prompt's date, spending and cooldowns. */
  clock: Clock;
  /** Core's logger. */
  logger: Logger;
  /** Builds the chat client per shop endpoint; default the OpenAI-compatible client. */
  makeClient?: MakeChatClient;
  /** Told when a shop's LLM fails and answers again (the seller's warning banner). */
  llmHealth?: ShopBrainDeps['llmHealth'];
  /** Built once by create-core (makeCoreServices). */
  products: ProductsRepo;
  /** Core's orders repository: sales figures for the prompt, the orders the offline brain places. */
  orders: OrdersRepo;
  /** Core's knowledge repository: the facts the guardrails check a reply against. */
  knowledge: KnowledgeRepo;
  /** The seller's documents: passages that match the message reach the prompt. */
  documents: DocumentsRepo;
  /** Core's one retriever: product and knowledge search for both brains. */
  retriever: Retriever;
  /** The LLM caps, shared with the analyzer and the settings test. */
  spendCap: ShopBrainDeps['spendCap'];
  /** Where guardrail records go (Settings lists them). */
  violations: ShopBrainDeps['violations'];
}

/**
 * The whole sales brain on core's store: the offline brain, FTS retrieval, the catalog and orders
 * repositories, and the router over them. create-core passes this as the pipeline's brain.
 */
export function makeCoreShopBrain(config: CoreShopBrainConfig): Brain {
  // One retriever (its parsed search documents) and one per-shop facts cache for both brains.
  const { retriever, products, orders } = config;
  const facts = makeShopFacts({
    shops: config.shops,
    countryOf: makeShopCountryReader(config.sqlite),
    orders,
    bus: config.bus,
  });
  const offline = makeCoreOfflineBrain({
    db: config.db,
    sqlite: config.sqlite,
    settingsOf: config.settingsOf,
    shopName: async (shopId) => (await facts.shop(shopId))?.name ?? null,
    bus: config.bus,
    products,
    orders,
    retriever,
    facts,
  });
  return makeShopBrain({
    offline,
    spendCap: config.spendCap,
    violations: config.violations,
    settings: { get: config.settingsOf },
    shops: { get: (shopId) => facts.shop(shopId) },
    secrets: config.secrets,
    catalog: products,
    knowledgeRows: config.knowledge,
    search: retriever,
    knowledge: retriever,
    documents: config.documents,
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
export function withCoreProductPhoto(
  brain: Brain,
  config: { sqlite: WritableSqlite; products: ProductsRepo; canSend: ProductPhotoDeps['canSend'] },
): Brain {
  return withProductPhoto(brain, {
    catalog: config.products,
    sentPhotos: makeSentPhotosRepo(config.sqlite),
    canSend: config.canSend,
  });
}
