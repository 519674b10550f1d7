import type { MessageSearchIndex } from '../../store';
import type { Scheduler } from './scheduler';

/** Unique keys of the app-wide recurring jobs (one row each in the jobs table). */
export const SEARCH_INDEX_JOB = 'search-index';
export const WAL_CHECKPOINT_JOB = 'wal-checkpoint';

/**
 * The store's own periodic work on the scheduler: message search indexing (a safety-net period,
 * plus a nudge after messages are stored) and the idle WAL checkpoint. The indexer stays a plain
 * function; the scheduler only decides when it runs.
 */
export function registerStoreJobs(
  scheduler: Scheduler,
  deps: { searchIndex: Pick<MessageSearchIndex, 'catchUp'>; checkpointIdle(): void },
): void {
  scheduler.register(SEARCH_INDEX_JOB, () => ({ more: deps.searchIndex.catchUp(500) > 0 }));
  scheduler.register(WAL_CHECKPOINT_JOB, () => deps.checkpointIdle());
  scheduler.every(SEARCH_INDEX_JOB, SEARCH_INDEX_JOB, 60_000);
  scheduler.every(WAL_CHECKPOINT_JOB, WAL_CHECKPOINT_JOB, 60_000);
}
