import type SQLite from 'better-sqlite3';
import type { ShopSettings } from '../../../shared/domain/settings';
import type { Product } from '../../../shared/domain/catalog';
import type { Brain } from '../brain/types';
import type { Clock, Logger } from '../ports';
import type { MessageSearchIndex } from '../store/message-search-index';
import { makeFollowUps } from './follow-ups/follow-ups';
import type { ProactiveOutbox } from './follow-ups/proactive-outbox';
import { withLearning } from './learning-brain';
import { SEARCH_INDEX_JOB, registerStoreJobs } from './scheduler/core-jobs';
import { makeScheduler } from './scheduler/scheduler';

export interface LearningDeps {
  sqlite: SQLite.Database;
  clock: Clock;
  logger: Logger;
  settingsOf(shopId: number): Promise<ShopSettings>;
  productBySku(shopId: number, sku: string): Product | undefined;
  outbox: ProactiveOutbox;
  searchIndex: Pick<MessageSearchIndex, 'catchUp'>;
  checkpointIdle(): void;
}

/**
 * The learning side of core, composed once by create-core: the persistent scheduler and the jobs
 * on it, follow-ups, and the hooks around the sales brain. Core starts it after the pipeline; the
 * CLI's simulation drives `scheduler.runDue` itself on its virtual clock.
 */
export function makeLearning(deps: LearningDeps) {
  const { sqlite, clock, logger } = deps;
  const scheduler = makeScheduler({ sqlite, clock, logger });
  registerStoreJobs(scheduler, { searchIndex: deps.searchIndex, checkpointIdle: deps.checkpointIdle });
  const followUps = makeFollowUps({ sqlite, scheduler, clock, logger, settingsOf: deps.settingsOf, productBySku: deps.productBySku, outbox: deps.outbox });
  return {
    scheduler,
    followUps,
    /** The sales brain with learning's inputs and bookkeeping around each turn. */
    wrapBrain: (brain: Brain): Brain =>
      withLearning(
        brain,
        {
          async after(input, decision) {
            await followUps.afterTurn(input.shopId, input.conversationId, input.now);
            return decision;
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
