import type { IntakeGuard } from './intake-guard';

/** What the lifecycle starts, waits for and stops (each built by createPipeline). */
export interface PipelineLifecycleDeps {
  /** The full-disk guard: restores what a killed run held, stopped last of intake. */
  storage: IntakeGuard;
  /** The group commit: flushed before a drain or a stop, so what was accepted is committed. */
  batcher: { flush(): void };
  /** The backlog: pending turns and queued sends. */
  store: { backlog(): { pending: number; queued: number } };
  /** The turns. */
  worker: { resume(): void; idle(): Promise<void>; stop(): Promise<void> };
  /** The sends. */
  dispatcher: { resume(): void; idle(): Promise<void>; stop(): Promise<void> };
}

/** Starting, draining and stopping one pipeline; `stopped` tells the sink to acknowledge nothing more. */
export function makePipelineLifecycle(deps: PipelineLifecycleDeps) {
  const { storage, batcher, worker, dispatcher } = deps;
  let stopped = false;
  const resumeWork = () => {
    worker.resume();
    dispatcher.resume();
  };
  return {
    stopped: () => stopped,
    /** Queued turns and the outbox go again (the guard's HeldIntake port, and start). */
    resumeWork,
    /** Resume whatever a previous run left: queued turns and outbox rows (in-doubt sends reuse their id). */
    start() {
      // Messages a killed run held (disk full) go in before anything new arrives.
      storage.restore();
      resumeWork();
    },
    /** Waits until nothing is ready to process or send (deferred retries may remain). */
    async drain() {
      batcher.flush();
      await drainWork(deps);
    },
    async stop() {
      // Accepted before the stop: committed (and so acknowledged) rather than dropped.
      batcher.flush();
      stopped = true;
      storage.stop();
      await worker.stop();
      await dispatcher.stop();
    },
  };
}

/**
 * Waits for the worker and the dispatcher until a round makes no progress, so work deferred by debounce or backoff
 * cannot make it spin.
 */
async function drainWork({ store, worker, dispatcher }: Pick<PipelineLifecycleDeps, 'store' | 'worker' | 'dispatcher'>): Promise<void> {
  const backlog = () => {
    const { pending, queued } = store.backlog();
    return `${pending}/${queued}`;
  };
  let before = backlog();
  for (;;) {
    await worker.idle();
    await dispatcher.idle();
    const after = backlog();
    if (after === before || after === '0/0') return;
    before = after;
  }
}
