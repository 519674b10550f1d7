import type SQLite from 'better-sqlite3';
import type { Clock, Logger } from '../ports';
import type { MessageSearchIndex } from '../store/message-search-index';
import { SEARCH_INDEX_JOB, registerStoreJobs } from './scheduler/core-jobs';
import { makeScheduler } from './scheduler/scheduler';

export interface LearningDeps {
  sqlite: SQLite.Database;
  clock: Clock;
  logger: Logger;
  searchIndex: Pick<MessageSearchIndex, 'catchUp'>;
  checkpointIdle(): void;
}

/**
 * The learning side of core, composed once by create-core: the persistent scheduler and the jobs
 * on it. Core starts it after the pipeline; the CLI's simulation drives `scheduler.runDue` itself.
 */
export function makeLearning(deps: LearningDeps) {
  const scheduler = makeScheduler({ sqlite: deps.sqlite, clock: deps.clock, logger: deps.logger });
  registerStoreJobs(scheduler, { searchIndex: deps.searchIndex, checkpointIdle: deps.checkpointIdle });
  return {
    scheduler,
    /** Messages were stored: index them soon, in the background. */
    afterStore: () => scheduler.nudge(SEARCH_INDEX_JOB, 250),
    start: () => scheduler.start(),
    stop: () => scheduler.stop(),
  };
}
export type Learning = ReturnType<typeof makeLearning>;
