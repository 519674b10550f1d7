/**
 * Group commit for inbound messages. One accept cost ~15 WAL pages, most of them the same pages
 * every time (the messages table's last leaf, its index leaves, sqlite_sequence, the queue): in one
 * transaction several messages share them. Durability stays exact:
 *
 * - `accept` resolves only after the commit that holds the message, so a channel that acknowledges
 *   on resolve never acknowledges a message a kill could still take away;
 * - each message is written in its own savepoint, so a statement that throws undoes that message
 *   only and rejects its promise; its neighbours commit;
 * - when the batch's transaction itself is lost (its COMMIT failed, or SQLite rolled the whole
 *   transaction back on a full disk or I/O error), every message of it is written again in a
 *   transaction of its own, so a neighbour's failure never drops a message and each settles alone.
 *
 * The first message of an event-loop turn commits at once: a lone message waits for nothing, as
 * before group commit. Messages that follow it in the same turn (a burst, a socket's batch) queue,
 * and the batch closes when it holds `maxBatch` or at the end of the turn (setImmediate, after the
 * poll phase). `windowMs` > 0 instead holds every batch open that long (a deliberate trade of
 * latency for fewer commits; not the default).
 */

export interface AcceptBatcherDeps<M, R> {
  /** Runs `writes` in one transaction and commits it; throws when it did not commit. */
  transaction(writes: () => void): void;
  /** Whether a transaction is still open (after a throw, SQLite may have rolled the whole one back). */
  inTransaction(): boolean;
  /** Stores one message; a nested transaction (a savepoint) so that a throw undoes only its rows. */
  write(message: M): R;
  /** The last moment before a batch commits (the crash test kills here). */
  beforeCommit?(): void;
  /** After the commit that holds the message, before its promise settles: events, scheduling. */
  committed(message: M, result: R): void;
  /** `committed` threw: the message is stored all the same, so its promise still resolves. */
  onCommittedError?(err: unknown): void;
  /** Most messages in one transaction (default 64). */
  maxBatch?: number;
  /** How long a batch stays open; 0 (default) = to the end of the current event-loop turn. */
  windowMs?: number;
}

interface Waiting<M, R> {
  message: M;
  resolve(result: R): void;
  reject(err: unknown): void;
}

type Outcome<R> = { ok: true; result: R } | { ok: false; err: unknown };

/** The batch's transaction is gone (rolled back by SQLite): nothing written in it will commit. */
class BatchLost extends Error {
  constructor(cause: unknown) {
    super('the batch transaction was rolled back', { cause });
  }
}

export interface AcceptBatchStats {
  batches: number;
  messages: number;
  /** Batches written again message by message because their transaction was lost. */
  fallbacks: number;
}

export function makeAcceptBatcher<M, R>(deps: AcceptBatcherDeps<M, R>) {
  const maxBatch = Math.max(1, deps.maxBatch ?? 64);
  const windowMs = deps.windowMs ?? 0;
  let queue: Waiting<M, R>[] = [];
  let timer: NodeJS.Timeout | null = null;
  /** Set from this turn's first accept until the turn ends (when it flushes what followed). */
  let turnEnd: NodeJS.Immediate | null = null;
  const stats: AcceptBatchStats = { batches: 0, messages: 0, fallbacks: 0 };

  /** A message was queued: commit now, at the end of this turn, or when the window closes. */
  const schedule = () => {
    if (queue.length >= maxBatch) {
      flush();
    } else if (windowMs > 0) {
      timer ??= setTimeout(flush, windowMs);
    } else if (!turnEnd) {
      turnEnd = setImmediate(() => {
        turnEnd = null;
        flush();
      });
      flush();
    }
  };

  const writeOne = (message: M): Outcome<R> => {
    try {
      return { ok: true, result: deps.write(message) };
    } catch (err) {
      return { ok: false, err };
    }
  };

  /** All of the batch in one transaction; throws when that transaction did not commit. */
  const writeTogether = (batch: Waiting<M, R>[]): Outcome<R>[] => {
    const outcomes: Outcome<R>[] = [];
    deps.transaction(() => {
      for (const { message } of batch) {
        const outcome = writeOne(message);
        if (!outcome.ok && !deps.inTransaction()) throw new BatchLost(outcome.err);
        outcomes.push(outcome);
      }
      deps.beforeCommit?.();
    });
    return outcomes;
  };

  /** Each message in its own transaction: what a lost batch falls back to. */
  const writeAlone = (batch: Waiting<M, R>[]): Outcome<R>[] =>
    batch.map(({ message }): Outcome<R> => {
      try {
        let result: R | undefined;
        // A write that throws rolls its own transaction back: nothing half-written commits.
        deps.transaction(() => {
          result = deps.write(message);
        });
        return { ok: true, result: result as R };
      } catch (err) {
        return { ok: false, err };
      }
    });

  /** Commits every queued message now (synchronously) and settles their promises. */
  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      let outcomes: Outcome<R>[];
      try {
        outcomes = writeTogether(batch);
      } catch {
        stats.fallbacks += 1;
        outcomes = writeAlone(batch);
      }
      stats.batches += 1;
      stats.messages += batch.length;
      settle(batch, outcomes);
    }
  }

  function settle(batch: Waiting<M, R>[], outcomes: Outcome<R>[]): void {
    batch.forEach((waiting, i) => {
      const outcome = outcomes[i]!;
      if (!outcome.ok) {
        waiting.reject(outcome.err);
        return;
      }
      try {
        deps.committed(waiting.message, outcome.result);
      } catch (err) {
        deps.onCommittedError?.(err);
      }
      waiting.resolve(outcome.result);
    });
  }

  return {
    /** Queues one message; resolves after the commit that holds it, rejects with its write's error. */
    accept(message: M): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        queue.push({ message, resolve, reject });
        schedule();
      });
    },
    flush,
    /** Messages waiting for their commit. */
    get waiting() {
      return queue.length;
    },
    stats: (): AcceptBatchStats => ({ ...stats }),
  };
}
export type AcceptBatcher<M, R> = ReturnType<typeof makeAcceptBatcher<M, R>>;
