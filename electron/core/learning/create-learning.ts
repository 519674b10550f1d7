import type { ShopSettings } from '../../../shared/domain/settings';
import type { Product } from '../../../shared/domain/catalog';
import type { Brain, MakeChatClient, Retriever, SpendCap } from '../brain';
import type { EventBus } from '../events';
import type { Clock, Logger } from '../ports';
import type { DocumentsRepo, KnowledgeRepo } from '../knowledge';
import { makeAnalysisRuns } from './analyzer/analysis-runs';
import { makeAnalyzer } from './analyzer/analyzer';
import { llmForShop } from './analyzer/llm-pairs';
import { makeLearnedRepo } from './analyzer/learned-repo';
import { makeKnowledgeAnswer } from './analyzer/knowledge-answer';
import { makeBandit } from './bandit/bandit';
import type { Random } from './bandit/random';
import { type TurnStrategyDeps, makeTurnStrategy } from './bandit/turn-strategy';
import { makeProfilesRepo } from './profiles/profiles-repo';
import type { MessageSearchIndex } from '../store';
import { makeFollowUps } from './follow-ups/follow-ups';
import { makeOptOutsRepo } from './follow-ups/opt-outs-repo';
import type { ProactiveOutbox } from './follow-ups/proactive-outbox';
import { withLearning } from './learning-brain';
import { SEARCH_INDEX_JOB, registerStoreJobs } from './scheduler/core-jobs';
import { makeScheduler } from './scheduler/scheduler';
import type { WritableSqlite } from '../store';

export interface LearningDeps {
  /** The writable database: the scheduler's jobs, follow-ups, bandit and learned knowledge. */
  sqlite: WritableSqlite;
  /** Every shop's id (the shops repository), for the analyzer's runs. */
  shopIds(): Promise<number[]>;
  /** Time for every schedule (the CLI's simulation runs it virtually). */
  clock: Clock;
  /** Core's logger. */
  logger: Logger;
  /** Publishes learning/progress and the learned knowledge's changes. */
  bus: EventBus;
  /** The bandit's randomness (seeded in tests). */
  random?: Random;
  /** A shop's settings (follow-up silence, opening hours, the LLM endpoint). */
  settingsOf(shopId: number): Promise<ShopSettings>;
  /**
   * Core's shared retriever (built once by create-core): the bandit asks it what a turn is about, and approved FAQ
   * entries are looked up in it for a question the offline brain did not understand.
   */
  retriever: TurnStrategyDeps['retriever'] & Pick<Retriever, 'searchKnowledgeSync'>;
  /** Core's documents repository (built once by create-core): the seller's documents answer what the FAQ does not. */
  documents: Pick<DocumentsRepo, 'search'>;
  /** Core's FAQ repository (built once by create-core): the analyzer proposes entries into it. */
  knowledge: KnowledgeRepo;
  /** Core's LLM caps (built once by create-core): the analysis spends against the brain's own figures. */
  spendCap: SpendCap;
  /** A product by SKU, for a follow-up that names the cart's product. */
  productBySku(shopId: number, sku: string): Product | undefined;
  /** The shop's whole catalog (the LLM-assisted analysis checks prices and stock against it). */
  catalogOf?(shopId: number): Product[];
  /** The shop's LLM key (the analyzer asks the same model as the brain); none: heuristics only. */
  apiKeyOf?(shopId: number): Promise<string | null>;
  /** Builds the chat client the analyzer uses; default the OpenAI-compatible client. */
  makeClient?: MakeChatClient;
  /** The shop's country (shops.country or derived from currency and time zone): the dialect of Darija lines. */
  countryOf?(shopId: number, timeZone: string): string;
  /** Where follow-ups are written (pipeline proactive messages, sent by the dispatcher). */
  outbox: ProactiveOutbox;
  /** The message search index, caught up by a scheduled job. */
  searchIndex: Pick<MessageSearchIndex, 'catchUp'>;
  /** Checkpoints SQLite's WAL when idle (a scheduled job). */
  checkpointIdle(): void;
  /** A job failed (it is retried with backoff); core reports a full disk from here. */
  onJobFailure?: (err: unknown) => void;
}

/**
 * The learning side of core, composed once by create-core: the persistent scheduler and the jobs
 * on it, follow-ups, and the hooks around the sales brain. Core starts it after the pipeline; the
 * CLI's simulation drives `scheduler.runDue` itself on its virtual clock.
 */
export function makeLearning(deps: LearningDeps) {
  const { sqlite, clock, logger } = deps;
  const scheduler = makeScheduler({ sqlite, clock, logger, ...(deps.onJobFailure && { onFailure: deps.onJobFailure }) });
  registerStoreJobs(scheduler, { searchIndex: deps.searchIndex, checkpointIdle: deps.checkpointIdle });
  const followUps = makeFollowUps({
    sqlite,
    scheduler,
    clock,
    logger,
    settingsOf: deps.settingsOf,
    productBySku: deps.productBySku,
    outbox: deps.outbox,
    ...(deps.countryOf && { countryOf: deps.countryOf }),
  });
  const bandit = makeBandit(sqlite, deps.random);
  const strategyOf = makeTurnStrategy({ bandit, retriever: deps.retriever, settingsOf: deps.settingsOf });
  const { apiKeyOf, catalogOf } = deps;
  const spend = deps.spendCap;
  const analyzer = makeAnalyzer({
    sqlite,
    knowledge: deps.knowledge,
    now: () => clock.now(),
    ...(apiKeyOf &&
      catalogOf && {
        llmFor: (shopId: number) =>
          llmForShop(
            {
              spend,
              clock,
              logger,
              settingsOf: deps.settingsOf,
              apiKeyOf,
              catalogOf,
              ...(deps.makeClient && { makeClient: deps.makeClient }),
            },
            shopId,
          ),
      }),
  });
  const analysis = makeAnalysisRuns({
    analyzer,
    scheduler,
    bus: deps.bus,
    logger,
    now: () => clock.now(),
    shopIds: deps.shopIds,
  });
  const learned = makeLearnedRepo(sqlite);
  const knowledgeAnswer = makeKnowledgeAnswer(deps.retriever, deps.documents);
  const profiles = makeProfilesRepo(sqlite);
  const optOuts = makeOptOutsRepo(sqlite);
  deps.bus.on('orders/created', (order) => profiles.recordOrder(order, clock.now().toISOString()));
  // Reward = an order within the conversation (counted once, whoever took it).
  deps.bus.on('orders/created', (order) => {
    if (order.conversationId !== null) bandit.reward(order.conversationId);
  });
  return {
    scheduler,
    followUps,
    bandit,
    analysis,
    learned,
    profiles,
    optOuts,
    /** The sales brain with learning's inputs and bookkeeping around each turn. */
    wrapBrain: (brain: Brain): Brain =>
      withLearning(
        brain,
        {
          before: async (input) => ({
            strategy: await strategyOf(input),
            profile: profiles.memory(input.shopId, input.contactId, input.conversationId, input.now),
          }),
          async after(input, decision) {
            // A "stop" is recorded at once, so the seller's list shows it before any follow-up is due.
            const said = input.inboundMessageIds.at(-1);
            if (said !== undefined) optOuts.recordIfStop(input.shopId, input.contactId, said, input.text, input.now.toISOString());
            await followUps.afterTurn(input.shopId, input.conversationId, input.now);
            profiles.recordTurn(input.shopId, input.contactId, decision.language, decision.skus, input.now.toISOString());
            if (input.profile?.lastOrder && decision.intent === 'greeting' && decision.salesAction === 'followup')
              profiles.markReorderOffered(input.contactId, input.conversationId, input.now.toISOString());
            return { ...knowledgeAnswer(input, decision), strategy: input.strategy ?? null };
          },
        },
        logger,
      ),
    /** Messages were stored: index them soon, in the background. */
    afterStore: () => scheduler.nudge(SEARCH_INDEX_JOB, 250),
    start: () => scheduler.start(),
    stop: () => scheduler.stop(),
  };
}
export type Learning = ReturnType<typeof makeLearning>;
